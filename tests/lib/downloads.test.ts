import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { DOWNLOAD_EXTRA_DIGITS, downloadValue, figureRows, safeCell, toCsv } from '../../src/lib/downloads.ts';
import type { Fact } from '../../src/lib/facts.ts';
import { roundTo } from '../../src/lib/format.ts';
import { realStory } from '../helpers.ts';

describe('toCsv', () => {
  const columns = ['id', 'label', 'value', 'note'];
  const rows = [
    { id: 'a', label: '园区, 南区', value: 1.5, note: 'said "yes"' },
    { id: 'b', label: 'two\nlines', value: true, note: null },
    { id: 'c', label: '中文，全角', value: 0, note: undefined },
  ];

  it('writes a byte-order mark, CRLF line ends and RFC 4180 quoting', () => {
    expect(toCsv(columns, rows)).toBe(
      '\uFEFFid,label,value,note\r\na,"园区, 南区",1.5,"said ""yes"""\r\nb,"two\nlines",true,\r\nc,中文，全角,0,\r\n',
    );
  });

  it('writes a cell that a spreadsheet would run as a formula so that it shows as text, and leaves numbers as numbers', () => {
    const risky = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("https://example.invalid","x")'];
    for (const cell of risky) expect(safeCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    for (const cell of ['-3.5', '+2', '1e-3', '-.5', '0', 'a=b', '园区', '']) expect(safeCell(cell), JSON.stringify(cell)).toBe(cell);
    const parsed = csvParse(toCsv(['label', 'value'], [{ label: '=1+1', value: -2 }]).replace(/^\uFEFF/, ''));
    expect(parsed[0]).toEqual({ label: "'=1+1", value: '-2' });
  });

  it('parses back to the same text with d3-dsv', () => {
    const parsed = csvParse(toCsv(columns, rows).replace(/^\uFEFF/, ''));
    expect(parsed.columns).toEqual(columns);
    expect(parsed.map((r) => ({ ...r }))).toEqual(
      rows.map((r) => Object.fromEntries(columns.map((c) => [c, String(r[c as keyof typeof r] ?? '')]))),
    );
  });
});

/** Decimal places of a number as JSON and CSV write it. */
const decimals = (v: unknown) => (typeof v === 'number' ? (String(v).split('.')[1] ?? '').length : 0);

describe('figureRows', () => {
  const story = realStory();
  const rows = figureRows(story.facts, story.data.source);
  const fact = (id: string) => story.facts.get(id) as Fact;

  it('rounds every derived value to the decimals it is shown with plus DOWNLOAD_EXTRA_DIGITS, and no further', () => {
    const derived = rows.filter((r) => r.type === 'derived');
    expect(derived.length).toBeGreaterThan(5);
    for (const r of derived) {
      const f = fact(r.id);
      expect(decimals(r.value), `${r.id}: ${r.value}`).toBeLessThanOrEqual(f.digits + DOWNLOAD_EXTRA_DIGITS);
      // Rounded again, the download gives the figure the site shows.
      expect(roundTo(r.value as number, f.digits), r.id).toBe(roundTo(f.value, f.digits));
      expect(Math.abs((r.value as number) - f.value), r.id).toBeLessThanOrEqual(0.5 * 10 ** -(f.digits + DOWNLOAD_EXTRA_DIGITS));
    }
  });

  it('carries reported values exactly as data/ gives them', () => {
    for (const r of rows.filter((r) => r.type === 'reported' && r.unit !== 'date')) expect(r.value, r.id).toBe(fact(r.id).value);
  });

  it('drops the floating-point noise of the arithmetic', () => {
    const noisy: Fact = {
      id: 'derived.a.b',
      label: 'a',
      value: 208.8 - 84.3,
      unit: '亿元',
      digits: 1,
      dataset: 'derived',
      derived: { formula: 'a − b', inputs: [] },
    };
    expect(noisy.value).toBe(124.50000000000001);
    expect(downloadValue(noisy)).toBe(124.5);
    expect(downloadValue({ ...noisy, value: 208.8 / 1.156 })).toBe(180.623);
    expect(downloadValue({ ...noisy, value: (84.3 / 208.8) * 100, unit: '%', digits: 2 })).toBe(40.3736);
    expect(toCsv(['value'], [{ value: downloadValue(noisy) }])).toBe('\uFEFFvalue\r\n124.5\r\n');
  });
});
