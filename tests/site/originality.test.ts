import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtTexts, copiedRuns, storyNames } from '../../scripts/originality.ts';
import { realStory, root } from '../helpers.ts';
import { sites } from '../setup/sites.ts';

/** The source report, beside the project as the editors' tools keep it. */
const report = join(root, '../shared/source/report.zh.txt');
const present = existsSync(report);
if (!present) console.warn(`\nORIGINALITY OF THE BUILT PAGES NOT CHECKED: no report at ${report}\n`);

describe.runIf(present)('the built pages, in both editions, against the source report', () => {
  it('repeat no run of 16 characters or more of it in any text a reader meets: pages, attributes, metadata, images, downloads', () => {
    const texts = builtTexts(sites.root.dir);
    expect(texts.length).toBeGreaterThan(500);
    // Every kind of file is read.
    for (const kind of ['.html', '.svg', '.json', '.csv', '(attribute)'])
      expect(
        texts.some((t) => t.where.endsWith(kind)),
        kind,
      ).toBe(true);
    const names = storyNames(realStory().data);
    // By letters and digits alone, as the editors' tool reads, and with the punctuation counted, as a reader would.
    for (const reading of ['letters', 'punctuated'] as const) {
      const runs = copiedRuns(readFileSync(report, 'utf8'), texts, names, reading);
      expect(
        runs.map(({ where, run }) => `${where}: ${run}`),
        reading,
      ).toEqual([]);
    }
  });
});
