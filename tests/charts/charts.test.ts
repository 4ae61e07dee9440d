import { describe, expect, it } from 'vitest';
import { environmentRates } from '../../src/charts/environmentRates.ts';
import { outputGrowth, type OutputBar } from '../../src/charts/outputGrowth.ts';
import { rankSlope } from '../../src/charts/rankSlope.ts';
import { theme } from '../../src/charts/theme.ts';
import { cleanSvg, newDocument, textExtents } from './svgTools.ts';

const outputData: OutputBar[] = [
  { key: '2018', label: '2018年（推算）', value: 208.8 / 1.156, derived: true },
  { key: '2019', label: '2019年', value: 208.8, part: 84.3 },
];
const output = (width: number) =>
  outputGrowth(outputData, {
    document: newDocument(),
    width,
    title: '产值',
    description: '柱状图',
    unit: '亿元',
    change: '+15.6%',
    format: (v, b) => (b.derived ? `约${v.toFixed(1)}` : v.toFixed(1)),
    legend: { part: '高新技术产品产值', rest: '其他规上工业产值', derived: '推算值' },
  });

const ranking = (width: number, ranks = [37, 35]) =>
  rankSlope(
    ranks.map((rank, i) => ({ key: String(2018 + i), label: `${2018 + i}年`, rank })),
    {
      document: newDocument(),
      width,
      title: '名次',
      description: '折线图',
      format: (r) => `第${r}名`,
      change: '上升2位',
      better: '↑ 名次更靠前',
      window: (a, b) => `纵轴只显示第${a}—${b}名；参评总数未公布`,
    },
  );

const rates = [
  { key: 'a', label: '水功能区水质达标', value: 100, group: 'water' },
  { key: 'b', label: '余热回用', value: 63.77, group: 'waste' },
  { key: 'c', label: '工业用水重复利用', value: 91.54, group: 'water' },
  { key: 'd', label: '绿化覆盖', value: 31.67, group: 'air' },
  { key: 'e', label: '再生资源回收利用', value: 84.85, group: 'waste' },
];
const environment = (width: number) =>
  environmentRates(rates, { document: newDocument(), width, title: '指标', description: '条形图', full: '满格 100%', groups: { water: '水', waste: '固废与资源循环', air: '空气与绿化' }, format: (v) => `${v}%` });

const charts = { output, ranking, environment };
const widths = Object.entries(theme.widths);

describe.each(Object.entries(charts))('%s chart', (name, draw) => {
  it.each(widths)('matches its SVG snapshot at the %s width', async (variant, width) => {
    await expect(cleanSvg(draw(width).outerHTML)).toMatchFileSnapshot(`__snapshots__/${name}-${variant}.svg`);
  });

  it('is pure: the same input gives the same SVG', () => {
    expect(draw(640).outerHTML).toBe(draw(640).outerHTML);
  });

  it.each(widths)('has an accessible name and description at the %s width', (_, width) => {
    const svg = draw(width);
    expect(svg.getAttribute('role')).toBe('img');
    const title = svg.querySelector(`#${svg.getAttribute('aria-labelledby')}`);
    const desc = svg.querySelector(`#${svg.getAttribute('aria-describedby')}`);
    expect(title?.textContent?.length).toBeGreaterThan(0);
    expect(desc?.textContent?.length).toBeGreaterThan(0);
  });

  it.each(widths)('keeps every label inside the chart, legibly sized, at the %s width', (_, width) => {
    const svg = draw(width);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${svg.getAttribute('height')}`);
    for (const t of textExtents(svg)) {
      expect(t.left, `"${t.text}" starts inside`).toBeGreaterThanOrEqual(0);
      expect(t.right, `"${t.text}" ends inside`).toBeLessThanOrEqual(width);
      expect(t.size, `"${t.text}" is legible`).toBeGreaterThanOrEqual(12);
    }
  });

  it('does not collide with another rendering: ids carry the chart id', () => {
    const svg = draw(360);
    const ids = [...svg.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(`${name}-`)).toBe(true);
  });
});

describe('output chart', () => {
  it('draws the implied 2018 level hatched and the high-tech part to scale', () => {
    const svg = output(640);
    const derived = svg.querySelector('[data-key="2018"]')!;
    expect(derived.querySelector('.bar-derived')).not.toBeNull();
    expect(derived.querySelector('.hatch')?.getAttribute('fill')).toBe('url(#output-hatch)');
    const bar2019 = svg.querySelector('[data-key="2019"]')!;
    expect(bar2019.querySelector('.hatch')).toBeNull();
    const whole = Number(bar2019.querySelector('.bar-rest')!.getAttribute('height'));
    const part = Number(bar2019.querySelector('.bar-part')!.getAttribute('height'));
    expect(part / whole).toBeCloseTo(84.3 / 208.8, 2);
    expect(svg.textContent).toContain('约180.6');
    expect(svg.textContent).toContain('+15.6%');
  });
});

describe('ranking chart', () => {
  it('puts the better rank higher and shows only a window around the data', () => {
    const svg = ranking(640);
    const cy = (key: string) => Number(svg.querySelector(`[data-key="${key}"] circle`)!.getAttribute('cy'));
    expect(cy('2019')).toBeLessThan(cy('2018'));
    const ticks = [...svg.querySelectorAll('.grid text')].map((t) => Number(t.textContent));
    expect(ticks).toEqual([33, 34, 35, 36, 37, 38, 39]);
    expect(svg.textContent).toContain('参评总数未公布');
  });

  it('never shows ranks above first place', () => {
    const ticks = [...ranking(640, [2, 1]).querySelectorAll('.grid text')].map((t) => Number(t.textContent));
    expect(Math.min(...ticks)).toBe(1);
  });
});

describe('environment chart', () => {
  it('sorts the rates from highest to lowest and scales bars to 100%', () => {
    const svg = environment(640);
    const bars = [...svg.querySelectorAll('.rate rect')].map((r) => ({ y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')) }));
    bars.sort((a, b) => a.y - b.y);
    const widthsInOrder = bars.map((b) => b.w);
    expect(widthsInOrder).toEqual([...widthsInOrder].sort((a, b) => b - a));
    const track = Number(svg.querySelector('.track rect')!.getAttribute('width'));
    expect(widthsInOrder[0]).toBeCloseTo(track, 3);
    expect(widthsInOrder.at(-1)! / track).toBeCloseTo(0.3167, 3);
  });

  it('colours each rate by its group', () => {
    const svg = environment(360);
    expect(svg.querySelectorAll('.rate--water rect')).toHaveLength(2);
    expect(svg.querySelectorAll('.rate--waste rect')).toHaveLength(2);
    expect(svg.querySelectorAll('.rate--air rect')).toHaveLength(1);
    expect([...svg.querySelectorAll('.legend-label')].map((t) => t.textContent)).toEqual(['水', '固废与资源循环', '空气与绿化']);
  });

  it('carries no inline style sheet (the page CSP allows none)', () => {
    expect(environment(640).querySelector('style')).toBeNull();
  });
});
