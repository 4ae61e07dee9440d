import { describe, expect, it } from 'vitest';
import { announce, lowest, morphPlan, pitches, placeTooltip, range, stepIndex, variantFor } from '../../src/client/pure.ts';
import { theme } from '../../src/charts/theme.ts';
import { dict } from '../../src/lib/i18n/index.ts';
import { realCharts, realFacts } from '../helpers.ts';

describe('arrow-key stepping', () => {
  it('starts at the first point going forward and at the last going back', () => {
    expect(stepIndex(-1, 'ArrowRight', 3)).toBe(0);
    expect(stepIndex(-1, 'ArrowLeft', 3)).toBe(2);
  });
  it('wraps at both ends and jumps with Home and End', () => {
    expect(stepIndex(2, 'ArrowDown', 3)).toBe(0);
    expect(stepIndex(0, 'ArrowUp', 3)).toBe(2);
    expect(stepIndex(1, 'Home', 3)).toBe(0);
    expect(stepIndex(1, 'End', 3)).toBe(2);
  });
  it('ignores other keys and empty charts', () => {
    expect(stepIndex(1, 'Tab', 3)).toBeNull();
    expect(stepIndex(-1, 'ArrowRight', 0)).toBeNull();
  });
});

describe('tooltip placement', () => {
  const viewport = { width: 390, height: 844 };
  const tip = { width: 200, height: 60 };
  it('centres the tooltip above its mark', () => {
    expect(placeTooltip({ x: 150, y: 300, width: 40, height: 40 }, tip, viewport)).toEqual({ left: 70, top: 232 });
  });
  it('keeps it inside the viewport at the edges', () => {
    expect(placeTooltip({ x: 370, y: 300, width: 20, height: 20 }, tip, viewport).left).toBe(390 - 200 - 8);
    expect(placeTooltip({ x: 0, y: 300, width: 20, height: 20 }, tip, viewport).left).toBe(8);
  });
  it('goes below a mark near the top of the screen', () => {
    expect(placeTooltip({ x: 150, y: 20, width: 40, height: 30 }, tip, viewport).top).toBe(58);
  });
  it('never goes off screen, even when wider than the screen', () => {
    const p = placeTooltip({ x: 10, y: 10, width: 5, height: 5 }, { width: 500, height: 60 }, viewport);
    expect(p.left).toBe(8);
  });
});

describe('choosing a prerendered width', () => {
  it('takes the widest variant that fits the column', () => {
    expect(variantFor(350, theme.widths)).toBe('compact');
    expect(variantFor(440, theme.widths)).toBe('medium');
    expect(variantFor(1000, theme.widths)).toBe('wide');
  });
  it('falls back to the narrowest below every width', () => expect(variantFor(200, theme.widths)).toBe('compact'));
});

describe('morph plan', () => {
  it('updates kept keys, enters new ones and removes gone ones', () => {
    expect(morphPlan(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual({ update: ['b', 'c'], enter: ['d'], exit: ['a'] });
  });
});

describe('live region text', () => {
  const zhReadout = dict('zh').figure.readout;
  const enReadout = dict('en').figure.readout;
  it('reads label, value and source in each edition’s own punctuation', () => {
    expect(announce({ label: '污水收集率', value: '95%', source: '原报道 L14' }, zhReadout)).toBe('污水收集率：95%（原报道 L14）');
    expect(announce({ label: 'Sewage collection rate', value: '95%', source: 'report L14' }, enReadout)).toBe(
      'Sewage collection rate: 95% (report L14)',
    );
  });
  it('puts no full-width punctuation into English', () => {
    const fullWidth = /[\u3000-\u303f\uff00-\uffef]/;
    expect(enReadout).not.toMatch(fullWidth);
    for (const chart of realCharts('en').values()) {
      for (const p of [...chart.points, ...(chart.modes ?? []).flatMap((m) => m.points)])
        expect(announce(p, enReadout), chart.id).not.toMatch(fullWidth);
    }
  });
  it('fills a placeholder only once, leaving braces in the values alone', () => {
    expect(announce({ label: '{value}', value: '1', source: 's' }, enReadout)).toBe('{value}: 1 (s)');
  });
});

describe('the pitch of each mark (Listen)', () => {
  const semitones = (f: number) => 12 * Math.log2(f / lowest);

  it('sounds a larger number higher, equal numbers alike, over two octaves from the lowest to the highest', () => {
    const heard = pitches([{ n: 5, unit: 'percent' }, { n: 20 }, { n: 5, unit: 'percent' }, { n: 100, unit: 'percent' }, { n: 10 }]);
    expect(heard.map((f) => semitones(f!))).toEqual([0, range, 0, range, 0].map((s) => expect.closeTo(s, 6)));
    // The two units have a scale each: 20 is the highest of its unit, as 100 is of the other.
    const [a, b, c, d, e] = heard as number[];
    expect(b).toBeCloseTo(d!, 6);
    expect(a).toBeCloseTo(c!, 6);
    expect(e).toBeCloseTo(a!, 6);
  });

  it("places a number between its unit's lowest and highest evenly in semitones", () => {
    const heard = pitches([{ n: 0 }, { n: 25 }, { n: 50 }, { n: 100 }]) as number[];
    expect(heard.map(semitones)).toEqual([0, range / 4, range / 2, range].map((s) => expect.closeTo(s, 6)));
    for (let i = 1; i < heard.length; i++) expect(heard[i]!).toBeGreaterThan(heard[i - 1]!);
  });

  it('gives a mark with no number no pitch, and numbers all alike the middle of the range', () => {
    expect(pitches([{}, { n: 3 }, { n: 3 }])).toEqual([
      null,
      expect.closeTo(lowest * 2 ** (range / 24), 6),
      expect.closeTo(lowest * 2 ** (range / 24), 6),
    ]);
    expect(pitches([])).toEqual([]);
  });

  it("gives every mark of the story's charts that shows a figure that figure's number to sound", () => {
    const facts = realFacts();
    const points = [...realCharts('en').values()].flatMap((f) => [...f.points, ...(f.modes?.flatMap((m) => m.points) ?? [])]);
    const figures = points.filter((p) => p.fact && 'value' in facts.get(p.fact)!);
    expect(figures.length).toBeGreaterThan(0);
    for (const p of figures) expect(p.n, p.key).toBe((facts.get(p.fact!) as { value: number }).value);
  });
});
