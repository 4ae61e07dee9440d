import { describe, expect, it } from 'vitest';
import { stageBars, type StageBarsData } from '../../src/charts/stageBars.ts';
import { theme } from '../../src/charts/theme.ts';
import { checkChartContract } from './contract.ts';
import { newDocument } from './svgTools.ts';

// data/sewage.json (phase 1 and phase 2 capacity) and data/environment.json (env.sewageCollection).
const data: StageBarsData = {
  stages: [
    { key: 'phase1', label: '现有处理能力（一期）', value: 0.5, text: '0.5万吨/天' },
    { key: 'phase2', label: '二期建成后', value: 1, text: '1万吨/天', planned: true },
  ],
  rate: { label: '污水收集率（另一项指标，满圈为100%）', value: 95, text: '95%' },
};
const sewage = (width: number, d: StageBarsData = data) =>
  stageBars(d, {
    document: newDocument(),
    width,
    title: '污水处理能力',
    description: '条形图',
    unit: '单位：万吨/天',
    legend: { built: '已建成', planned: '在建（二期）' },
  });
const barWidth = (svg: SVGSVGElement, key: string) => Number(svg.querySelector(`[data-key="${key}"] rect`)!.getAttribute('width'));

describe('sewage chart', () => {
  checkChartContract('stage-bars', sewage);

  it('draws the capacity after phase 2 twice as long as today’s, on one scale from 0', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = sewage(width);
      expect(barWidth(svg, 'phase2') / barWidth(svg, 'phase1')).toBeCloseTo(2, 2);
      const x = [...svg.querySelectorAll('.stage rect')].map((r) => r.getAttribute('x'));
      expect(new Set(x).size).toBe(1);
    }
  });

  it('marks only the planned stage as planned and labels both with the given text', () => {
    const svg = sewage(theme.widths.wide);
    expect(svg.querySelector('[data-key="phase2"]')!.classList.contains('planned')).toBe(true);
    expect(svg.querySelector('[data-key="phase2"] .stage-planned')).not.toBeNull();
    expect(svg.querySelector('[data-key="phase1"]')!.classList.contains('planned')).toBe(false);
    expect(svg.querySelector('[data-key="phase1"] .stage-built')).not.toBeNull();
    const values = [...svg.querySelectorAll('.stage .value-label')].map((t) => t.textContent);
    expect(values).toEqual(['0.5万吨/天', '1万吨/天']);
    expect([...svg.querySelectorAll('.legend-label')].map((t) => t.textContent)).toEqual(['已建成', '在建（二期）']);
  });

  it('draws the collection rate on its own 0–100 ring, below and apart from the capacity bars', () => {
    const svg = sewage(theme.widths.medium);
    const value = svg.querySelector('.rate .rate-value')!;
    const r = Number(value.getAttribute('r'));
    const dash = Number(value.getAttribute('stroke-dasharray')!.split(' ')[0]);
    expect(dash / (2 * Math.PI * r)).toBeCloseTo(0.95, 3);
    expect(svg.querySelector('.rate .rate-track')!.getAttribute('r')).toBe(String(r));
    expect(svg.querySelector('.rate')!.textContent).toContain('95%');
    expect(svg.querySelector('.rate')!.textContent).toContain('污水收集率');
    const ringTop = Number(value.getAttribute('cy')) - r;
    const lastBar = svg.querySelector('[data-key="phase2"] rect')!;
    expect(ringTop).toBeGreaterThan(Number(lastBar.getAttribute('y')) + Number(lastBar.getAttribute('height')));
    // The rate is not a capacity, so it never stretches the capacity scale.
    const without = sewage(theme.widths.medium, { stages: data.stages });
    expect(barWidth(without, 'phase2')).toBe(barWidth(svg, 'phase2'));
    expect(without.querySelector('.rate')).toBeNull();
  });

  it('keeps the rate ring and its label inside the chart', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = sewage(width);
      const ring = svg.querySelector('.rate-value')!;
      const bottom = Number(ring.getAttribute('cy')) + Number(ring.getAttribute('r'));
      expect(bottom).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
      for (const t of svg.querySelectorAll('text'))
        expect(Number(t.getAttribute('y'))).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
    }
  });
});
