import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, root } from '../helpers.ts';

/** Builds the story in `storyRoot` with this project's engine (src/) into `out`. */
function buildStory(storyRoot: string, out: string) {
  rmSync(out, { recursive: true, force: true });
  const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: root,
    env: { ...buildEnv(), STORY_ROOT: storyRoot },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`build of ${storyRoot} failed:\n${run.stdout}\n${run.stderr}`);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  return { read, doc: (path: string) => parseHTML(read(path)).document as unknown as Document };
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Every file under a folder, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
  );

describe('a second story built with the same engine', () => {
  const out = join(root, 'test-output/story-fixture');
  let site: ReturnType<typeof buildStory>;
  beforeAll(() => {
    site = buildStory(join(root, 'tests/fixtures/story'), out);
  });

  it('publishes its one edition: the story, its data page and its downloads, and nothing of the Anfu story', () => {
    const files = filesUnder(out);
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'data/index.html', 'data/wetland.csv', 'data/events.json', 'data/wetland-data.json']),
    );
    expect(existsSync(join(out, 'en'))).toBe(false);
    const pages = files.filter((f) => /\.(html|json|csv|xml|txt)$/.test(f));
    expect(pages.length).toBeGreaterThan(8);
    for (const f of pages) expect(site.read(f), f).not.toMatch(/安福|Anfu|output\.total|散乱污/);
  });

  it('tells its two sections with its own words and figures', () => {
    const doc = site.doc('index.html');
    expect(text(doc.querySelector('h1'))).toBe('示例湿地：一个测试用的故事');
    expect([...doc.querySelectorAll('main > section')].map((s) => s.id)).toEqual(['start', 'rates']);
    expect(text(doc.querySelector('.hero__dek'))).toBe('水质达标率为96.5%，从规划到开放用了6年。');
    expect([...doc.querySelectorAll('.key-figure dd')].map((d) => text(d))).toEqual(['96.5%', '6年']);
    expect(doc.querySelector('.lang-switch')).toBeNull();
  });

  it('draws its two charts of existing kinds from its own data', () => {
    const doc = site.doc('index.html');
    expect([...doc.querySelectorAll('figure.chart-figure')].map((f) => f.getAttribute('data-chart'))).toEqual(['dates', 'rates']);
    const rates = doc.querySelector('#figure-rates')!;
    expect(text(rates.querySelector('.chart-figure__title'))).toBe('湿地的0项满分指标与其他');
    expect(rates.querySelectorAll('.chart-variant--wide .mark')).toHaveLength(3);
    expect([...rates.querySelectorAll('.chart-variant--wide .legend-label')].map((t) => t.textContent)).toEqual(['水体', '生物']);
    expect(text(rates.querySelector('.chart-figure__takeaway'))).toBe('最低的是栖息地完好，58.25%。');
    const dates = doc.querySelector('#figure-dates')!;
    expect(text(dates.querySelector('.chart-figure__title'))).toBe('湿地大事记，2015—2021');
    expect(text(dates.querySelector('.chart-figure__source'))).toContain('《示例镇的湿地》');
  });

  it('lists its data and derived figures on the data page', () => {
    const doc = site.doc('data/index.html');
    expect([...doc.querySelectorAll('section[id^="dataset-"]')].map((s) => s.id)).toEqual(['dataset-events', 'dataset-wetland']);
    expect(text(doc.querySelector('#fact-derived-wetland-years td.num'))).toBe('6年');
  });
});

describe('drift is impossible: content and data changes reach every place that shows them', () => {
  const story = join(root, 'test-output/drift-story');
  const out = join(root, 'test-output/drift-site');
  let site: ReturnType<typeof buildStory>;
  beforeAll(() => {
    rmSync(story, { recursive: true, force: true });
    for (const dir of ['content', 'data']) cpSync(join(root, dir), join(story, dir), { recursive: true });
    const edit = (file: string, change: (text: string) => string) => {
      const path = join(story, file);
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      expect(after, file).not.toBe(before);
      writeFileSync(path, after);
    };
    // A category renamed, a fourth one added, and the count that must agree with them.
    edit('data/cleanup.json', (t) =>
      t
        .replace('"label": "整体搬迁"', '"label": "异地搬迁"')
        .replace(
          '\n  ],\n  "records"',
          ',\n    { "key": "merge", "label": "兼并重组", "description": "并入其他企业", "en": { "label": "Merge", "description": "merged into another firm" } }\n  ],\n  "records"',
        )
        .replace('"value": 3, "unit": "类"', '"value": 4, "unit": "类"'),
    );
    // A chart's title and takeaway, in both languages.
    edit('content/charts/sewage.yaml', (t) =>
      t
        .replace('title: 污水处理能力：已建成与二期扩建后', 'title: 污水处理能力，新标题')
        .replace(/takeaway: 二期建成后.*\n/, 'takeaway: 新的要点：二期后增加{derived.sewage.capacityIncrease}。\n')
        .replace('title: Sewage treatment capacity, now and after phase 2', 'title: Sewage capacity, a new title')
        .replace(/takeaway: Phase 2 will add.*\n/, 'takeaway: A new takeaway, {derived.sewage.capacityIncrease} more.\n'),
    );
    // EDITING.md's walkthroughs, as written there: a ninth chart and a different key figure.
    const guide = readFileSync(join(root, 'EDITING.md'), 'utf8');
    const block = (info: string) => new RegExp(`\`\`\`${info}\n([\\s\\S]*?)\`\`\``).exec(guide)![1]!;
    writeFileSync(join(story, 'content/charts/investment.yaml'), block('yaml file=content/charts/investment.yaml'));
    for (const edition of ['zh', 'en'])
      edit(`content/${edition}/04-refinement.mdx`, (t) => `${t.trimEnd()}\n\n<Chart id="investment" />\n`);
    edit('content/story.yaml', (t) =>
      t.replace(/ {2}- facts: \[env\.sewageCollection\]\n.*\n.*\n/, block('yaml keyFigure').replace(/^/gm, '  ')),
    );
    site = buildStory(story, out);
  });

  it('places the ninth chart and shows the new key figure, as EDITING.md says', () => {
    for (const [page, label] of [
      ['index.html', '园区绿化覆盖率'],
      ['en/index.html', 'Green coverage in the park'],
    ] as const) {
      const doc = site.doc(page);
      const figure = doc.querySelector('#figure-investment')!;
      expect(figure, page).not.toBeNull();
      expect(figure.querySelectorAll('.chart-variant--wide .mark'), page).toHaveLength(2);
      const keys = [...doc.querySelectorAll('.key-figure')].map((k) => text(k));
      expect(keys.at(-1)!.replace(/\s/g, ''), page).toBe(`${label}31.67%`.replace(/\s/g, ''));
      expect(keys.join(' '), page).not.toMatch(/污水收集率|Sewage collection rate/);
    }
  });

  it('draws, tables, downloads and lists the new categories and count', () => {
    const doc = site.doc('index.html');
    const figure = doc.querySelector('#figure-cleanup')!;
    for (const variant of ['compact', 'medium', 'wide']) {
      const names = [...figure.querySelectorAll(`.chart-variant--${variant} .category .category-label`)].map((t) => t.textContent);
      expect(names.join(''), variant).toBe('关停取缔限期整改异地搬迁兼并重组');
      expect(figure.querySelectorAll(`.chart-variant--${variant} .category-box`), variant).toHaveLength(4);
    }
    const table = [...figure.querySelectorAll('.data-table tbody th')].map((t) => text(t));
    expect(table).toEqual(expect.arrayContaining(['异地搬迁', '兼并重组']));
    expect(text(figure.querySelector('.data-table'))).toContain('4类');
    expect(text(figure.querySelector('.chart-figure__title'))).toBe('“散乱污”企业的4种处理方式');
    expect(text(figure.querySelector('svg desc'))).toContain('关停取缔、限期整改、异地搬迁、兼并重组');
    const en = site.doc('en/index.html').querySelector('#figure-cleanup')!;
    expect(en.querySelectorAll('.chart-variant--wide .category-box')).toHaveLength(4);
    expect(text(en.querySelector('.chart-variant--wide svg'))).toContain('Merge');

    const json = JSON.parse(site.read('data/cleanup.json')) as { groups: { label: string }[]; records: { id: string; value: number }[] };
    expect(json.groups.map((g) => g.label)).toEqual(['关停取缔', '限期整改', '异地搬迁', '兼并重组']);
    expect(json.records.find((r) => r.id === 'cleanup.categories')!.value).toBe(4);
    const csv = csvParse(site.read('data/cleanup.csv').replace(/^\uFEFF/, ''));
    expect(csv.find((r) => r['id'] === 'cleanup.categories')!['value']).toBe('4');
    expect(text(site.doc('data/index.html').querySelector('#fact-cleanup-categories td.num'))).toBe('4类');
  });

  it('shows a new chart title and takeaway in header, SVG and table caption, in both editions', () => {
    for (const [page, title, takeaway] of [
      ['index.html', '污水处理能力，新标题', '新的要点：二期后增加100%。'],
      ['en/index.html', 'Sewage capacity, a new title', 'A new takeaway, 100% more.'],
    ] as const) {
      const figure = site.doc(page).querySelector('#figure-sewage')!;
      expect(text(figure.querySelector('.chart-figure__title')), page).toBe(title);
      expect(text(figure.querySelector('.chart-figure__takeaway')), page).toBe(takeaway);
      for (const t of figure.querySelectorAll('svg title')) expect(t.textContent, page).toBe(title);
      expect(text(figure.querySelector('.data-table caption')), page).toBe(title);
    }
  });
});
