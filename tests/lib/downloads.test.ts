import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/downloads.ts';

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

  it('parses back to the same text with d3-dsv', () => {
    const parsed = csvParse(toCsv(columns, rows).replace(/^\uFEFF/, ''));
    expect(parsed.columns).toEqual(columns);
    expect(parsed.map((r) => ({ ...r }))).toEqual(
      rows.map((r) => Object.fromEntries(columns.map((c) => [c, String(r[c as keyof typeof r] ?? '')]))),
    );
  });
});
