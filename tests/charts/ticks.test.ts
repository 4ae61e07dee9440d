import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { boundBars } from '../../src/charts/boundBars.ts';
import { growthBars } from '../../src/charts/growthBars.ts';
import { rankSlope } from '../../src/charts/rankSlope.ts';
import { stageBars } from '../../src/charts/stageBars.ts';
import { tickFormat } from '../../src/kinds/kind.ts';
import { realCharts } from '../helpers.ts';
import { newDocument } from './svgTools.ts';

/** The value-axis tick labels of a chart's SVG (every chart with a numeric axis keeps it in `.grid`). */
const ticks = (svg: string) =>
  [...parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelectorAll('.grid text')].map((t) => t.textContent ?? '');

describe('axis ticks', () => {
  it('are written as each edition writes numbers: grouped thousands in English, none in Chinese', () => {
    expect(tickFormat('en')(200000)).toBe('200,000');
    expect(tickFormat('en')(10000)).toBe('10,000');
    expect(tickFormat('en')(0.25)).toBe('0.25');
    expect(tickFormat('en')(35)).toBe('35');
    expect(tickFormat('zh')(200000)).toBe('200000');
    expect(tickFormat('zh')(0.2)).toBe('0.2');
  });

  it('in the story: English ticks of 1,000 and more carry separators, Chinese ones none, and both read back to the same values', () => {
    const large: string[] = [];
    for (const [id, en] of realCharts('en')) {
      for (const variant of ['compact', 'medium', 'wide'] as const) {
        for (const t of ticks(en.svg[variant])) {
          const value = Number(t.replaceAll(',', ''));
          expect(Number.isFinite(value), `${id}: "${t}"`).toBe(true);
          if (value >= 1000) {
            expect(t, `${id} ${variant}`).toMatch(/^\d{1,3}(,\d{3})+(\.\d+)?$/);
            large.push(t);
          }
        }
      }
    }
    // The sewage capacity (t/day) and the floor space (m²) run into the thousands in English.
    expect(large.length).toBeGreaterThan(0);
    for (const [id, zh] of realCharts('zh')) for (const t of ticks(zh.svg.wide)) expect(t, id).toMatch(/^\d+(\.\d+)?$/);
  });

  it('use the chart’s tickFormat, or plain digits without one', () => {
    const document = newDocument();
    const base = { document, width: 440, title: 't', description: 'd' };
    const en = tickFormat('en');
    const stage = (tick?: (v: number) => string) =>
      stageBars(
        { stages: [{ key: 'a', label: 'A', value: 10000, text: '10,000 t/day' }] },
        { ...base, unit: 'u', legend: { built: 'b', planned: 'p' }, ...(tick && { tickFormat: tick }) },
      ).outerHTML;
    expect(ticks(stage())).toContain('10000');
    expect(ticks(stage(en))).toContain('10,000');
    const bound = boundBars([{ key: 'a', label: 'A', value: 500000, text: 'over 500,000 m²', group: 'm' }], {
      ...base,
      groups: { m: 'm²' },
      note: 'n',
      tickFormat: en,
    }).outerHTML;
    expect(ticks(bound)).toContain('200,000');
    const growth = growthBars([{ key: 'a', label: 'A', value: 4000, text: '4,000' }], {
      ...base,
      unit: 'u',
      legend: { part: 'p', rest: 'r', derived: 'd' },
      tickFormat: en,
    }).outerHTML;
    expect(ticks(growth)).toContain('4,000');
    const rank = rankSlope(
      [
        { key: 'a', label: 'A', rank: 1200 },
        { key: 'b', label: 'B', rank: 1100 },
      ],
      { ...base, better: 'b', window: () => 'w', tickFormat: en },
    ).outerHTML;
    expect(ticks(rank).some((t) => /^1,\d{3}$/.test(t))).toBe(true);
  });
});
