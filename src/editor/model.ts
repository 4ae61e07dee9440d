import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../lib/validate.ts';
import { storyFromDisk } from '../lib/storyFromDisk.ts';
import { event, measure, recordSchemaFor, reservedFiles } from '../lib/schema.ts';
import type { Locale } from '../lib/format.ts';

/** What the editing screen lists and picks from, read from the story's files when the screen loads. */
export interface EditorModel {
  editions: Locale[];
  /** Figures to pick for `<Fact>` and key figures, per edition: the id, with its name and value as the page shows them. */
  facts: Record<string, { value: string; label: string; shown: string }[]>;
  /** Charts to pick for `<Chart>` and `<Scrolly>`, per edition, with their kind and the states their steps name. */
  charts: { id: string; kind: string; states: string[]; titles: Record<string, string> }[];
  /** Files of data/: the datasets (by name), the report, the derived figures. */
  data: { name: string; file: string; role: 'dataset' | 'source' | 'derived'; records?: 'measure' | 'event' | 'item' | undefined }[];
  /** Why the story on disk does not build, when it does not: the screen still opens to fix it. */
  problem?: string | undefined;
}

const names = (dir: string, match: RegExp) => {
  try {
    return readdirSync(dir)
      .filter((n) => match.test(n))
      .sort();
  } catch {
    return [];
  }
};

export function editorModel(root: string): EditorModel {
  const data = names(join(root, 'data'), /\.json$/).map((file) => {
    const role =
      file === reservedFiles.source ? ('source' as const) : file === reservedFiles.derived ? ('derived' as const) : ('dataset' as const);
    let records: 'measure' | 'event' | 'item' | undefined;
    if (role === 'dataset') {
      try {
        const schema = recordSchemaFor((JSON.parse(readFileSync(join(root, 'data', file), 'utf8')) as { records?: unknown }).records);
        records = schema === measure ? 'measure' : schema === event ? 'event' : 'item';
      } catch {
        records = undefined;
      }
    }
    return { name: file.replace(/\.json$/, ''), file, role, records };
  });
  const chartKinds = names(join(root, 'content/charts'), /\.ya?ml$/).map((file) => {
    const entry = parseYaml(`content/charts/${file}`, readFileSync(join(root, 'content/charts', file), 'utf8')) as { kind?: unknown };
    return { id: file.replace(/\.ya?ml$/, ''), kind: String(entry?.kind ?? '') };
  });
  try {
    const story = storyFromDisk(root);
    const editions = story.editions as Locale[];
    return {
      editions,
      facts: Object.fromEntries(
        editions.map((locale) => [
          locale,
          [...story.facts.values()].map((f) => {
            const shown = story.show(f.id, locale, true);
            return { value: f.id, label: `${story.name(f, locale)} · ${shown} (${f.id})`, shown };
          }),
        ]),
      ),
      charts: chartKinds.map(({ id, kind }) => {
        const model = story.figure(id, editions[0]!);
        return {
          id,
          kind,
          states: (model.states ?? []).map((s: { key: string }) => s.key),
          titles: Object.fromEntries(editions.map((l) => [l, story.figure(id, l).title])),
        };
      }),
      data,
    };
  } catch (e) {
    // The files do not build (an edit made outside the screen, say): the screen opens with what it can list.
    const config = parseYaml('content/story.yaml', readFileSync(join(root, 'content/story.yaml'), 'utf8')) as { editions?: Locale[] };
    return {
      editions: config?.editions ?? ['zh'],
      facts: {},
      charts: chartKinds.map(({ id, kind }) => ({ id, kind, states: [], titles: {} })),
      data,
      problem: e instanceof Error ? e.message : String(e),
    };
  }
}
