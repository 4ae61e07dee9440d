import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { prepareSave, writeSave } from '../../src/editor/save.ts';
import { checkStory } from '../../src/story/check.ts';
import { readStoryFiles } from '../../src/story/files.ts';
import { storyFromDisk } from '../../src/story/load.ts';
import { formatProblem } from '../../src/story/problem.ts';
import { buildEnv, buildSite, copyStory, root, storyRoot } from '../helpers.ts';

/**
 * What the editing screen saves, the build and the tests accept. A series of editorial edits
 * is saved through the screen's own save (prepareSave, then writeSave) into a copy of the
 * story: chart words in both languages, a data value, a new record, a renamed group, a new
 * paragraph with a site's note, two sections reordered, a key figure swapped. Every edit is
 * made of what the copy holds at the time, never of this story's current words. The copy then
 * builds, shows every edit, and passes the whole unit suite.
 */
const copy = copyStory('edit-series', storyRoot);
const read = (path: string) => readFileSync(join(copy, path), 'utf8');
const encode = (text: string) => Buffer.from(text).toString('base64');

/** Saves files through the screen's save, as the screen sends them; the save must be accepted. */
function save(name: string, files: Record<string, string>) {
  const result = prepareSave(copy, {
    additions: Object.entries(files).map(([path, text]) => ({ path, contents: encode(text) })),
    deletions: [],
  });
  expect(result.ok ? [] : result.problems.map((p) => formatProblem(p)), name).toEqual([]);
  if (result.ok) writeSave(copy, result.body);
}

type Rec = {
  id: string;
  label: string;
  value?: number;
  unit?: string;
  kind?: string;
  group?: string;
  source: string;
  en?: { label: string };
};
type DataFile = { groups?: { key: string; label: string; en?: { label: string } }[]; records: Rec[] };
const data = (path: string) => JSON.parse(read(path)) as DataFile;

/** What the edits made, to find on the built pages. */
const made = {
  chart: '',
  titles: {} as Record<string, string>,
  value: { id: '', value: 0 },
  record: '',
  group: { file: '', zh: '', en: '' },
  paragraph: { zh: '一段新加的话，', en: 'A new paragraph, ' },
  order: [] as string[],
  keyFigure: '',
};

beforeAll(() => {
  const story = storyFromDisk(copy);
  const derivedInputs = read('data/derived.json');
  const dataFiles = [...readStoryFiles(copy).keys()].filter((p) => p.startsWith('data/') && !/\/(source|derived)\.json$/.test(p));

  // 1. A chart's title and takeaway, in both languages, sent as the screen sends a chart: the whole file, anew.
  made.chart = story.chartIds[0]!;
  const chartFile = `content/charts/${made.chart}.yaml`;
  const chart = parse(read(chartFile)) as Record<string, { title: string; takeaway: string }>;
  for (const edition of story.editions) {
    const words = chart[edition]!;
    made.titles[edition] = edition === 'zh' ? `${words.title}（修订）` : `${words.title} (revised)`;
    words.title = made.titles[edition]!;
    words.takeaway = `${words.takeaway}${edition === 'zh' ? '要点已修订。' : ' Revised.'}`;
  }
  save('chart words', { [chartFile]: stringify(chart) });

  // 2. A data value: a rate that no derived figure or rule reads, moved by one point.
  const rateFile = dataFiles.find((p) => data(p).records.some((r) => r.unit === '%' && !r.kind && !derivedInputs.includes(`"${r.id}"`)))!;
  const rates = data(rateFile);
  const rate = rates.records.find((r) => r.unit === '%' && !r.kind && !derivedInputs.includes(`"${r.id}"`))!;
  rate.value = rate.value! >= 50 ? rate.value! - 1 : rate.value! + 1;
  made.value = { id: rate.id, value: rate.value };
  save('a value', { [rateFile]: JSON.stringify(rates, null, 2) });

  // 3. A new record in that file, in a group it lists.
  const withRecord = data(rateFile);
  const like = withRecord.records[0]!;
  made.record = `${like.id.split('.')[0]}.addedInSeries`;
  withRecord.records.push({
    id: made.record,
    label: '新增的比率',
    value: 50,
    unit: '%',
    source: like.source,
    ...(like.group ? { group: like.group } : {}),
    en: { label: 'A rate added in the series' },
  });
  save('a new record', { [rateFile]: JSON.stringify(withRecord, null, 2) });

  // 4. A group renamed, in both languages.
  const groupFile = dataFiles.find((p) => (data(p).groups ?? []).length > 0)!;
  const grouped = data(groupFile);
  const group = grouped.groups![0]!;
  group.label = `${group.label}（改名）`;
  group.en = { ...group.en, label: `${group.en?.label ?? group.key} (renamed)` };
  made.group = { file: groupFile, zh: group.label, en: group.en.label };
  save('a renamed group', { [groupFile]: JSON.stringify(grouped, null, 2) });

  // 5. A new paragraph with a site's note, in a section and its twin.
  const sections = story.editions.map(
    (e) =>
      `content/${e}/${[...readStoryFiles(copy).keys()]
        .find((p) => p.startsWith(`content/${e}/`))!
        .split('/')
        .pop()}`,
  );
  save(
    'a new paragraph',
    Object.fromEntries(
      sections.map((path, i) => {
        const edition = story.editions[i]!;
        const note = edition === 'zh' ? '<Context>这是本站的说明。</Context>' : '<Context>This is the site’s note.</Context>';
        return [path, `${read(path).trimEnd()}\n\n${made.paragraph[edition]}${note}\n`];
      }),
    ),
  );

  // 6. Two sections swapped in order, in every edition.
  const orders = (edition: string) =>
    [...readStoryFiles(copy).entries()]
      .filter(([p]) => p.startsWith(`content/${edition}/`))
      .map(([p, t]) => ({ path: p, order: Number(/^order: (\d+)$/m.exec(t)![1]), anchor: /^anchor: (.+)$/m.exec(t)![1]! }))
      .sort((a, b) => a.order - b.order);
  const [a, b] = orders(story.editions[0]!).slice(1, 3);
  if (!a || !b) throw new Error('the story needs three sections for this series');
  const swapped: Record<string, string> = {};
  for (const edition of story.editions)
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const path = from.path.replace(/^content\/\w+\//, `content/${edition}/`);
      swapped[path] = read(path).replace(/^order: \d+$/m, `order: ${to.order}`);
    }
  save('two sections reordered', swapped);
  made.order = orders(story.editions[0]!).map((s) => s.anchor);

  // 7. A key figure swapped for the value changed above.
  const config = read('content/story.yaml');
  const last = /\n {2}- facts: \[[^\]]+\]\n(?: {4}\S.*\n)+(?=\n# |\nshareCard:)/.exec(config.slice(0, config.indexOf('\nshareCard:') + 1))!;
  made.keyFigure = rate.id;
  save('a key figure swapped', {
    'content/story.yaml': config.replace(last[0], `\n  - facts: [${rate.id}]\n    zh: 换上的关键数字\n    en: A key figure swapped in\n`),
  });
}, 120_000);

describe('a series of edits saved through the editing screen', () => {
  it('leaves a story the one check accepts', () => {
    expect(checkStory(readStoryFiles(copy)).problems.map((p) => formatProblem(p))).toEqual([]);
  });

  it('builds, and every page shows every edit, in both editions', () => {
    const site = buildSite(copy, join(root, 'test-output/edit-series-site'));
    const story = storyFromDisk(copy);
    for (const [i, edition] of story.editions.entries()) {
      const page = i === 0 ? 'index.html' : `${edition}/index.html`;
      const doc = site.doc(page);
      const text = (s: string) => (doc.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      // The title is a template: the page shows it rendered, as the story renders it.
      expect(text(`#figure-${made.chart} .chart-figure__title`), page).toBe(story.figure(made.chart, edition).title);
      expect(story.charts[made.chart]![edition]!['title'], page).toBe(made.titles[edition]);
      expect(
        [...doc.querySelectorAll(`[data-fact="${made.value.id}"]`)].map((e) => e.textContent?.trim()),
        page,
      ).toContain(story.show(made.value.id, edition));
      expect(doc.body.textContent, page).toContain(made.paragraph[edition as 'zh' | 'en'].trim());
      expect(
        [...doc.querySelectorAll('main > section')].map((s) => s.id),
        page,
      ).toEqual(made.order);
      expect(text('.key-figures'), page).toContain(story.show(made.keyFigure, edition));
      const data = site.doc(i === 0 ? 'data/index.html' : `${edition}/data/index.html`);
      expect(data.querySelector(`[id="fact-${made.record.replaceAll('.', '-')}"]`), page).not.toBeNull();
      // A group's name is drawn in its chart and written in its table.
      expect(doc.body.textContent, page).toContain(edition === 'zh' ? made.group.zh : made.group.en);
    }
  });

  it('passes the whole unit suite, run on the edited copy', () => {
    const run = spawnSync(
      join(root, 'node_modules/.bin/vitest'),
      [
        'run',
        '--project',
        'unit',
        '--reporter=dot',
        '--reporter=json',
        `--outputFile.json=${join(root, 'test-output/edit-series-unit.json')}`,
      ],
      {
        cwd: root,
        env: { ...buildEnv(), STORY_ROOT: copy, CI: process.env['CI'] ?? '' },
        encoding: 'utf8',
        timeout: 600_000,
      },
    );
    const output = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    expect(run.status, output.slice(-6000)).toBe(0);
    const results = JSON.parse(readFileSync(join(root, 'test-output/edit-series-unit.json'), 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    expect(results.numFailedTests).toBe(0);
    expect(results.numPassedTests).toBeGreaterThan(300);
  });
});
