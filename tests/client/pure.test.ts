import { describe, expect, it } from 'vitest';
import { announce, morphPlan, placeTooltip, stepIndex, variantFor } from '../../src/client/pure.ts';
import { theme } from '../../src/charts/theme.ts';
import { dict } from '../../src/lib/i18n/index.ts';
import { realCharts } from '../helpers.ts';

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
