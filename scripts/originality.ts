// Runs of text in the built site that repeat the source report word for word: every page's text
// and attributes, metadata, the chart images' text, the data downloads. The same rule as
// ../shared/tools/originality.py (which reads content/, data/ and src/): punctuation and white
// space dropped, 16 characters or more in a row as in the report. A list of the story's short
// names (its data labels: industries, honours), with their dates, may stand as the report gives
// it, and so may a title in 《》 (the report's own, in a source line).
// CLI: node scripts/originality.ts [dist] [--report ../shared/source/report.zh.txt]
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { siteFiles } from '../src/deploy/integration.ts';
import type { DataFiles } from '../src/lib/validate.ts';
import { storyFromDisk } from '../src/story/load.ts';

/** The characters the comparison keeps: CJK, digits, Latin letters. */
const kept = /[\u3400-\u9fff0-9A-Za-z]/u;
const letters = (text: string) => [...text].filter((c) => kept.test(c)).join('');
/** The same text with its punctuation, full- and half-width alike, and without white space or quotation marks. */
const punctuated = (text: string) => text.normalize('NFKC').replace(/[\s“”‘’"'「」]/gu, '');

/**
 * How texts are compared: by their letters and digits alone (the editors' tool), or with their
 * punctuation counted too, as a reader sees a copied phrase ("208.8亿元,同比增长15.6%;").
 */
export type Reading = 'letters' | 'punctuated';

export interface CopiedRun {
  where: string;
  run: string;
}

/** At most this many characters of a run of names may be other than names or dates (a joining word). */
const SLACK = 3;
/** What a date in a list of names is made of. */
const dateChar = /[0-9年月日]/;

/** Whether names (and dates) cover all but SLACK characters of a run, with two names or more. */
function onlyNames(run: string, names: readonly string[]): boolean {
  // best[i]: the fewest characters of run[0, i) not covered by a name, and how many names cover the rest.
  const best: { loose: number; count: number }[] = [{ loose: 0, count: 0 }];
  for (let i = 1; i <= run.length; i++) {
    let here = { loose: best[i - 1]!.loose + (dateChar.test(run[i - 1]!) ? 0 : 1), count: best[i - 1]!.count };
    for (const name of names)
      if (name.length <= i && run.startsWith(name, i - name.length)) {
        const from = best[i - name.length]!;
        if (from.loose < here.loose || (from.loose === here.loose && from.count + 1 > here.count))
          here = { loose: from.loose, count: from.count + 1 };
      }
    best.push(here);
  }
  const end = best[run.length]!;
  return end.count >= 2 && end.loose <= SLACK;
}

/** Every run of `min` or more characters of each text that the report holds too, longest first from each start. */
export function copiedRuns(
  report: string,
  texts: readonly { where: string; text: string }[],
  names: readonly string[],
  reading: Reading = 'letters',
  min = 16,
): CopiedRun[] {
  const normalise = reading === 'letters' ? letters : punctuated;
  const r = normalise(report);
  const grams = new Set<string>();
  for (let i = 0; i + min <= r.length; i++) grams.add(r.slice(i, i + min));
  const shortNames = [...new Set(names.map(normalise))].filter((n) => n.length > 1 && n.length < min && r.includes(n));
  const runs: CopiedRun[] = [];
  for (const { where, text } of texts)
    // A title quoted as a title is the work's name, not the site's sentence: the text either side is read apart.
    for (const segment of text.split(/《[^》]*》/)) {
      const s = normalise(segment);
      for (let i = 0; i + min <= s.length;) {
        if (!grams.has(s.slice(i, i + min))) {
          i++;
          continue;
        }
        let j = i + min;
        while (j < s.length && r.includes(s.slice(i, j + 1))) j++;
        const run = s.slice(i, j);
        if (!onlyNames(run, shortNames)) runs.push({ where, run });
        i = j;
      }
    }
  return runs;
}

/** The texts a reader meets in a built site: each page's text and attributes, the images' text, the downloads' strings. */
export function builtTexts(dir: string): { where: string; text: string }[] {
  return siteFiles(dir).flatMap((file) => {
    const body = () => readFileSync(join(dir, file), 'utf8');
    if (/\.(html|svg)$/.test(file)) {
      const doc = parseHTML(body()).document;
      const attributes = [...doc.querySelectorAll('*')].flatMap((el) =>
        ['alt', 'title', 'aria-label', 'aria-description', 'content', 'data-tooltip'].flatMap((a) => el.getAttribute(a) ?? []),
      );
      return [
        { where: file, text: doc.documentElement?.textContent ?? '' },
        ...attributes.map((text) => ({ where: `${file} (attribute)`, text })),
      ];
    }
    if (file.endsWith('.json')) {
      const strings: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === 'string') strings.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(JSON.parse(body()));
      return strings.map((text) => ({ where: file, text }));
    }
    if (/\.(csv|txt|xml)$/.test(file)) return [{ where: file, text: body() }];
    return [];
  });
}

/** The story's short names, its data's labels, and its source's title and subtitle: what may stand as a list or a citation. */
export function storyNames({ datasets, derived, source }: DataFiles): string[] {
  const labelled = [...Object.values(datasets).flatMap((d) => [...d.records, ...(d.groups ?? [])]), ...derived.records];
  return [
    source.report.title,
    source.report.subtitle,
    ...labelled.flatMap((r) => [r.label, 'short' in r ? r.short : undefined].filter((n): n is string => Boolean(n))),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(import.meta.dirname, '..');
  const args = process.argv.slice(2);
  const at = args.indexOf('--report');
  const reportFile = at >= 0 ? args[at + 1]! : join(root, '../shared/source/report.zh.txt');
  const dir = args.find((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1)) ?? 'dist';
  if (!existsSync(reportFile)) {
    console.error(`No report to compare with at ${reportFile}; give its path with --report.`);
    process.exit(2);
  }
  if (!existsSync(dir)) {
    console.error(`No built site at ${dir}: run npm run build first.`);
    process.exit(2);
  }
  const [report, texts, names] = [
    readFileSync(reportFile, 'utf8'),
    builtTexts(dir),
    storyNames(storyFromDisk(process.env['STORY_ROOT'] ?? root).data),
  ];
  const runs = [...copiedRuns(report, texts, names, 'letters'), ...copiedRuns(report, texts, names, 'punctuated')];
  for (const { where, run } of runs)
    console.log(
      `${relative(process.cwd(), join(dir, where.replace(/ \(attribute\)$/, '')))}: ${run.length} chars as in the report: ${run}`,
    );
  console.log(`${runs.length} copied run(s) of 16+ characters in the built pages`);
  process.exit(runs.length ? 1 : 0);
}
