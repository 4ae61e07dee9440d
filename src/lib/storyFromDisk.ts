import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartEntry } from '../kinds/index.ts';
import { buildStory, parseChartEntry, parseStoryConfig } from './story.ts';
import { parseYaml, validateData } from './validate.ts';

/** The names of a folder's files that match, sorted; none for a folder that does not exist. */
export const filesIn = (dir: string, match: RegExp) => {
  try {
    return readdirSync(dir)
      .filter((n) => match.test(n))
      .sort();
  } catch {
    return [];
  }
};

/**
 * The story in a folder (its data/ and content/), read from disk with the same checks as
 * the content layer, for tests and scripts that run outside Astro.
 */
export function storyFromDisk(
  root: string,
  /**
   * Files to use instead of those on disk, by file name: all of data/, chart files (beside
   * those on disk), all chart files (in place of those on disk), the story's config.
   */
  override: { data?: Record<string, string>; charts?: Record<string, string>; allCharts?: Record<string, string>; story?: string } = {},
) {
  const data =
    override.data ??
    Object.fromEntries(filesIn(join(root, 'data'), /\.json$/).map((n) => [n, readFileSync(join(root, 'data', n), 'utf8')]));
  const chartsDir = join(root, 'content/charts');
  const chartFiles = override.allCharts ?? {
    ...Object.fromEntries(filesIn(chartsDir, /\.ya?ml$/).map((n) => [n, readFileSync(join(chartsDir, n), 'utf8')])),
    ...override.charts,
  };
  const charts: Record<string, ChartEntry> = Object.fromEntries(
    Object.entries(chartFiles).map(([n, text]) => {
      const file = `content/charts/${n}`;
      return [n.replace(/\.ya?ml$/, ''), parseChartEntry(file, parseYaml(file, text))];
    }),
  );
  const storyText = override.story ?? readFileSync(join(root, 'content/story.yaml'), 'utf8');
  const config = parseStoryConfig('content/story.yaml', parseYaml('content/story.yaml', storyText));
  return buildStory({ data: validateData(data), charts, config });
}
