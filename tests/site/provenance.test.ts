import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDateFact, isItem, lookupFact, type Fact, isFigure } from '../../src/lib/facts.ts';
import { DOWNLOAD_EXTRA_DIGITS, downloadValue } from '../../src/lib/downloads.ts';
import { formatFact } from '../../src/lib/format.ts';
import { factAnchor } from '../../src/lib/urls.ts';
import { readDataDir, realFacts, realStory } from '../helpers.ts';
import { sites } from '../setup/sites.ts';

const facts = realFacts();
const dir = sites.sub.dir;
const base = sites.sub.base;
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
/** A downloaded CSV as rows of strings; d3-dsv keeps a byte-order mark in the first column name, so it goes first. */
const readCsv = (path: string) => csvParse(read(path).replace(/^\uFEFF/, ''));
const doc = (path: string) => parseHTML(read(path)).document as unknown as Document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const dataFiles = Object.fromEntries(Object.entries(readDataDir()).map(([name, raw]) => [name.replace('.json', ''), JSON.parse(raw)]));
const datasets = realStory().datasetNames;

let story: Document;
let dataPage: Document;
beforeAll(() => {
  story = doc('index.html');
  dataPage = doc('data/index.html');
});

/** The data page row of a figure, found through the link a reader follows. */
function entryFor(link: string): Element {
  const url = new URL(link, `http://site${base}`);
  expect(url.pathname).toBe(`${base}data/`);
  const row = dataPage.getElementById(decodeURIComponent(url.hash.slice(1)));
  expect(row, link).not.toBeNull();
  return row!;
}

describe('provenance', () => {
  it('links every figure in the prose to a data page entry that gives its report line or its formula', () => {
    const links = [...story.querySelectorAll('main a[data-fact]'), ...dataPage.querySelectorAll('main a[data-fact]')];
    expect(links.length).toBeGreaterThan(50);
    const ids = new Set<string>();
    for (const a of links) {
      const id = a.getAttribute('data-fact')!;
      ids.add(id);
      const row = entryFor(a.getAttribute('href')!);
      expect(text(row.querySelector('td.num')), id).toBe(text(a));
      expect(text(row), id).toMatch(/L\d+|推算：/);
    }
    console.log(`figures in prose: ${links.length} links to ${ids.size} distinct figures, all with a report line or a formula`);
  });

  it('gives every chart point a source, and links each table row to its data page entry', () => {
    let points = 0;
    for (const script of story.querySelectorAll('script.chart-data')) {
      const payload = JSON.parse(script.textContent!) as { points: { fact?: string; value: string; source: string }[] };
      for (const p of payload.points) {
        points++;
        expect(p.source).toMatch(/L\d+|推算：|原报道/);
        if (p.fact) expect(text(dataPage.getElementById(factAnchor(p.fact))?.querySelector('td.num')), p.fact).toBe(p.value);
      }
    }
    for (const a of story.querySelectorAll('figure table a[href*="#fact-"]')) entryFor(a.getAttribute('href')!);
    console.log(`chart points: ${points}, each with a source`);
  });

  it('lists every figure on the data page, each with a line and section or a formula and inputs', () => {
    const rows = [...dataPage.querySelectorAll('tr[id^="fact-"]')];
    const byAnchor = new Map([...facts.keys()].map((id) => [factAnchor(id), id]));
    const listed = new Set(rows.map((r) => byAnchor.get(r.id)));
    for (const id of facts.keys()) expect(listed.has(id), id).toBe(true);
    for (const r of rows) {
      const f = facts.get(byAnchor.get(r.id) ?? '');
      if (f && isFigure(f) && f.derived) {
        expect(text(r)).toContain(f.derived.formula);
        for (const input of f.derived.inputs)
          expect(r.querySelector(`a[href="#${factAnchor(input)}"]`), `${f.id} → ${input}`).not.toBeNull();
      } else expect(text(r)).toMatch(/· L\d+$/);
    }
    console.log(`data page: ${rows.length} entries, ${facts.size} figures`);
  });

  it('credits the report on the story and the data page', () => {
    // The report as data/source.json records it: its title, subtitle and authors, and what is known of where it ran.
    const report = realStory().data.source.report;
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(report.authors.length).toBeGreaterThan(0);
    for (const page of [story, dataPage]) {
      const credit = text(page.querySelector('#source'));
      for (const s of [report.title, report.subtitle, ...report.authors.map((a) => a.name)]) expect(credit).toContain(squash(s));
    }
    expect(text(dataPage.querySelector('#report'))).toContain(squash(report.context));
  });
});

describe('downloads', () => {
  const files = readdirSync(join(dir, 'data')).filter((f) => /\.(csv|json)$/.test(f));

  it('offers each dataset as CSV and JSON, and the whole set, linked from the data page and from charts', () => {
    for (const name of datasets) {
      expect(files).toContain(`${name}.csv`);
      expect(files).toContain(`${name}.json`);
      expect(dataPage.querySelector(`a[href="${base}data/${name}.csv"]`), name).not.toBeNull();
    }
    expect(files).toEqual(expect.arrayContaining([`${realStory().config.slug}-data.json`, `${realStory().config.slug}-figures.csv`]));
    for (const figure of story.querySelectorAll('figure.chart-figure')) {
      expect(figure.querySelector(`.downloads a[href$=".csv"]`), figure.id).not.toBeNull();
    }
  });

  it('writes CSV as UTF-8 with a byte-order mark, so Excel opens the Chinese correctly', () => {
    for (const f of files.filter((f) => f.endsWith('.csv'))) {
      const bytes = readFileSync(join(dir, 'data', f));
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
      expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    }
  });

  it('carries no value with more decimals than the method notes state: as reported, derived to its shown decimals + 2', () => {
    const decimals = (v: string) => (v.split('.')[1] ?? '').length;
    const checked = new Set<string>();
    const check = (file: string, id: unknown, value: unknown) => {
      if (typeof id !== 'string' || (typeof value !== 'number' && typeof value !== 'string')) return;
      const f = facts.get(id);
      if (!f || !isFigure(f) || value === '') return;
      const allowed = f.derived ? f.digits + DOWNLOAD_EXTRA_DIGITS : f.digits;
      expect(decimals(String(value)), `${file}: ${id} = ${value}`).toBeLessThanOrEqual(allowed);
      checked.add(`${file} ${id}`);
    };
    const walk = (file: string, node: unknown): void => {
      if (Array.isArray(node)) node.forEach((n) => walk(file, n));
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        check(file, o['id'], o['value']);
        Object.values(o).forEach((n) => walk(file, n));
      }
    };
    for (const f of files) {
      if (f.endsWith('.csv')) for (const row of readCsv(`data/${f}`)) check(f, row['id'], row['value']);
      else walk(f, JSON.parse(read(`data/${f}`)));
    }
    // Every derived figure was checked in both whole-data files.
    const derived = [...facts.values()].filter((f) => isFigure(f) && f.derived).map((f) => f.id);
    for (const file of [`${realStory().config.slug}-data.json`, `${realStory().config.slug}-figures.csv`])
      for (const id of derived) expect(checked.has(`${file} ${id}`), `${file} ${id}`).toBe(true);
  });

  it.each(datasets)('%s parses back to the values in data/', (name) => {
    const records = dataFiles[name].records as Record<string, unknown>[];
    const csv = readCsv(`data/${name}.csv`);
    const json = JSON.parse(read(`data/${name}.json`)) as { records: Record<string, unknown>[] };
    expect(csv.length).toBe(records.length);
    records.forEach((r, i) => {
      // English names travel flattened, as label_en (and short_en).
      const { en, ...fields } = r as { en?: { label: string; short?: string } };
      const expected: Record<string, unknown> = { ...fields, ...(en && { label_en: en.label, ...(en.short && { short_en: en.short }) }) };
      for (const [key, value] of Object.entries(expected)) {
        expect(String(csv[i]![key]), `${name} ${r['id']} ${key}`).toBe(String(value));
        expect(json.records[i]![key], `${name} ${r['id']} ${key}`).toEqual(value);
      }
      expect(csv[i]!['source_section']).toBeTruthy();
    });
  });

  it('lists every figure, reported and derived, in the one-table download, matching prose and data page', () => {
    const rows = readCsv(`data/${realStory().config.slug}-figures.csv`);
    expect(rows.map((r) => r['id']).sort()).toEqual(
      [...facts.values()]
        .filter((f) => !isItem(f))
        .map((f) => f.id)
        .sort(),
    );
    for (const row of rows) {
      const f = lookupFact(facts, row['id']!);
      if (isDateFact(f)) expect(row['value']).toBe(f.date);
      else if (isFigure(f)) {
        expect(Number(row['value'])).toBe(downloadValue(f));
        expect(row['type']).toBe((f as Fact).derived ? 'derived' : 'reported');
        if (f.derived) expect(row['formula']).toBe(f.derived.formula);
        else expect(row['source']).toBe(f.source);
      }
      expect(text(dataPage.getElementById(factAnchor(f.id))?.querySelector('td.num'))).toBe(formatFact(f));
    }
    const whole = JSON.parse(read(`data/${realStory().config.slug}-data.json`)) as {
      datasets: Record<string, { records: unknown[] }>;
      derived: unknown[];
    };
    expect(Object.keys(whole.datasets).sort()).toEqual([...datasets].sort());
    expect(whole.derived.length).toBe([...facts.values()].filter((f) => isFigure(f) && f.derived).length);
  });
});
