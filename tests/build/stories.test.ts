import { readdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { join } from 'node:path';
import { describe, beforeAll, expect, it } from 'vitest';
import { buildSite, copyStory, fixture, root } from '../helpers.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Every file under a folder, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
  );

describe('a second story built with the same engine, in one edition', () => {
  const out = join(root, 'test-output/story-fixture');
  let site: ReturnType<typeof buildSite>;
  let formulas: Record<string, string> = {};
  beforeAll(() => {
    // The engine's test story cut to its Chinese edition: a story may have one edition only.
    const story = copyStory('story-fixture-zh', fixture);
    for (const dir of ['content/en', 'content/pages/en']) rmSync(join(story, dir), { recursive: true });
    const config = join(story, 'content/story.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('editions: [zh, en]', 'editions: [zh]'));
    // Labels a spreadsheet would run as formulas, were they written as they are.
    const wetland = join(story, 'data/wetland.json');
    const data = JSON.parse(readFileSync(wetland, 'utf8')) as { records: { id: string; label: string; en?: { label: string } }[] };
    formulas = { [data.records[0]!.id]: '@SUM(1+1)', [data.records.at(-1)!.id]: '=HYPERLINK("https://example.invalid","open")' };
    data.records[0]!.en!.label = formulas[data.records[0]!.id]!;
    data.records.at(-1)!.en!.label = formulas[data.records.at(-1)!.id]!;
    writeFileSync(wetland, JSON.stringify(data, null, 2));
    site = buildSite(story, out);
  });

  it('writes a label a spreadsheet would run as text in the CSV download, and as it is in the JSON', () => {
    const rows = csvParse(site.read('data/wetland.csv').replace(/^\uFEFF/, ''));
    const json = JSON.parse(site.read('data/wetland.json')) as { records: { id: string; label_en?: string }[] };
    const ids = Object.keys(formulas);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      expect(rows.find((r) => r['id'] === id)?.['label_en'], id).toBe(`'${formulas[id]}`);
      expect(json.records.find((r) => r.id === id)?.label_en, id).toBe(formulas[id]);
    }
    // Its values stay numbers.
    expect(rows.every((r) => r['value'] === '' || Number.isFinite(Number(r['value'])))).toBe(true);
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

  it('draws its charts of existing kinds from its own data', () => {
    const doc = site.doc('index.html');
    expect([...doc.querySelectorAll('figure.chart-figure')].map((f) => f.getAttribute('data-chart'))).toEqual(['dates', 'rates', 'rank']);
    const rates = doc.querySelector('#figure-rates')!;
    expect(text(rates.querySelector('.chart-figure__title'))).toBe('湿地的0项满分指标与其他');
    expect(rates.querySelectorAll('.chart-variant--wide .mark')).toHaveLength(3);
    expect([...rates.querySelectorAll('.chart-variant--wide .legend-label')].map((t) => t.textContent)).toEqual(['水体', '生物']);
    expect(text(rates.querySelector('.chart-figure__takeaway'))).toBe('最低的是栖息地完好，58.25%。');
    const dates = doc.querySelector('#figure-dates')!;
    expect(text(dates.querySelector('.chart-figure__title'))).toBe('湿地大事记，2015—2021');
    // The source line names the report by its whole title, as the fixture's source file gives it.
    const { report } = JSON.parse(readFileSync(join(fixture, 'data/source.json'), 'utf8')) as {
      report: { title: string; subtitle: string };
    };
    expect(text(dates.querySelector('.chart-figure__source'))).toContain(`《${report.title}：${report.subtitle}》`);
  });

  it('lists its data and derived figures on the data page', () => {
    const doc = site.doc('data/index.html');
    expect([...doc.querySelectorAll('section[id^="dataset-"]')].map((s) => s.id)).toEqual([
      'dataset-events',
      'dataset-wetland',
      'dataset-ranks',
    ]);
    expect(text(doc.querySelector('#fact-derived-wetland-years td.num'))).toBe('6年');
  });
});
