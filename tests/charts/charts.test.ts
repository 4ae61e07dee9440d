import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rateBars, sortRates, type Rate } from '../../src/charts/rateBars.ts';
import { growthBars, type GrowthBar } from '../../src/charts/growthBars.ts';
import { rankSlope } from '../../src/charts/rankSlope.ts';
import { theme } from '../../src/charts/theme.ts';
import { root } from '../helpers.ts';
import { checkChartContract } from './contract.ts';
import { newDocument } from './svgTools.ts';

const outputData: GrowthBar[] = [
  { key: '2018', label: '2018年（推算）', value: 208.8 / 1.156, text: '约180.6', derived: true },
  { key: '2019', label: '2019年', value: 208.8, text: '208.8', part: { value: 84.3, text: '84.3' } },
];
const output = (width: number, data = outputData) =>
  growthBars(data, {
    document: newDocument(),
    width,
    title: '产值',
    description: '柱状图',
    unit: '单位：亿元',
    change: '+15.6%',
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

const rate = (key: string, label: string, value: number, group: string): Rate => ({ key, label, value, group, text: `${value}%` });
const rates = [
  rate('c', '水功能区水质达标', 100, 'water'),
  rate('b', '余热回用', 63.77, 'waste'),
  rate('a', '主要水源地水质达标', 100, 'water'),
  rate('d', '绿化覆盖', 31.67, 'air'),
  rate('e', '再生资源回收利用', 84.85, 'waste'),
];
const groups = { water: '水', waste: '固废与资源循环', air: '空气与绿化' };
const environment = (width: number, data = rates) =>
  rateBars(data, { document: newDocument(), width, title: '指标', description: '条形图', full: '满格 100%', groups });

const charts = { 'growth-bars': output, 'rank-slope': ranking, 'rate-bars': environment };

describe.each(Object.entries(charts))('%s chart', (name, draw) => {
  checkChartContract(name, draw);
});

describe('chart widths', () => {
  it('shows each variant only in columns at least as wide as it was drawn, so labels never shrink', () => {
    const css = readFileSync(join(root, 'src/styles/charts.css'), 'utf8');
    const breakpoints = [...css.matchAll(/@container \(min-width: (\d+)px\)/g)].map((m) => Number(m[1]));
    const [compact, ...wider] = Object.values(theme.widths);
    expect(breakpoints).toEqual(wider);
    // The narrowest column: a 360 px phone less the page's 1.25rem gutters.
    expect(compact).toBeLessThanOrEqual(360 - 40);
  });
});

describe('output chart', () => {
  it('draws the implied 2018 level hatched and the high-tech part to scale', () => {
    const svg = output(640);
    const derived = svg.querySelector('.mark[data-key="2018"]')!;
    expect(derived.querySelector('.bar-derived')).not.toBeNull();
    expect(derived.querySelector('.hatch')?.getAttribute('fill')).toBe('url(#growth-bars-hatch)');
    const bar2019 = svg.querySelector('.mark[data-key="2019"]')!;
    expect(bar2019.querySelector('.hatch')).toBeNull();
    const whole = Number(bar2019.querySelector('.bar-rest')!.getAttribute('height'));
    const part = Number(svg.querySelector('.mark[data-key="2019-part"] .bar-part')!.getAttribute('height'));
    expect(part / whole).toBeCloseTo(84.3 / 208.8, 2);
    expect(svg.textContent).toContain('约180.6');
    expect(svg.textContent).toContain('+15.6%');
  });

  it('draws only the marks of a state, on the scale of the whole sequence', () => {
    const draw = (visible: string[]) =>
      growthBars(outputData, {
        document: newDocument(),
        width: 440,
        title: 't',
        description: 'd',
        unit: 'u',
        change: '+15.6%',
        legend: { part: 'a', rest: 'b', derived: 'c' },
        visible,
      });
    const first = draw(['2018']);
    const last = draw(['2018', '2019', '2019-part', 'change']);
    expect([...first.querySelectorAll('.mark')].map((m) => m.getAttribute('data-key'))).toEqual(['2018']);
    expect(first.querySelector('.change')).toBeNull();
    const height = (svg: SVGSVGElement) => svg.querySelector('[data-morph="2018-rect"]')!.getAttribute('height');
    expect(height(first)).toBe(height(last));
    // Every element a later state adds carries a morph key, so it can be faded in.
    for (const el of last.querySelectorAll('.mark, .change')) expect(el.getAttribute('data-morph')).toBeTruthy();
  });

  it('shows why a bar is missing instead of drawing it', () => {
    const svg = output(440, [{ key: '2018', label: '2018年', value: null, text: '未报道' }, outputData[1]!]);
    expect(svg.querySelector('[data-key="2018"] rect')).toBeNull();
    expect(svg.querySelector('[data-key="2018"]')!.textContent).toBe('未报道');
  });

  it('keeps the label of a small part above its bar, where it can be read', () => {
    const small: GrowthBar[] = [outputData[0]!, { ...outputData[1]!, part: { value: 4.2, text: '4.2' } }];
    const svg = output(640, small);
    const bar = svg.querySelector('[data-key="2019-part"]')!;
    const top = Number(bar.querySelector('.bar-part')!.getAttribute('y'));
    const label = [...bar.querySelectorAll('text')].find((t) => t.textContent === '4.2')!;
    expect(Number(label.getAttribute('y'))).toBeLessThan(top);
    expect(label.getAttribute('class')).not.toContain('inverse');
  });

  it('scales to a part larger than its bar instead of drawing outside the chart', () => {
    const odd: GrowthBar[] = [{ ...outputData[1]!, part: { value: 300, text: '300' } }];
    for (const r of output(640, odd).querySelectorAll('rect')) expect(Number(r.getAttribute('y') ?? 0)).toBeGreaterThanOrEqual(0);
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

  it('draws the first state as a single point whose line can grow into the next', () => {
    const svg = rankSlope(
      [
        { key: '2018', label: '2018年', rank: 37 },
        { key: '2019', label: '2019年', rank: 35 },
      ],
      {
        document: newDocument(),
        width: 440,
        title: 't',
        description: 'd',
        better: 'b',
        window: () => 'w',
        change: '上升2位',
        visible: ['2018'],
      },
    );
    expect([...svg.querySelectorAll('.mark')].map((m) => m.getAttribute('data-key'))).toEqual(['2018']);
    const d = svg.querySelector('.slope-line')!.getAttribute('d')!;
    const [start, end] = d.split(' L');
    expect(start!.slice(1)).toBe(end);
    expect(svg.querySelector('.change-label')).toBeNull();
  });

  it('never shows ranks above first place', () => {
    const ticks = [...ranking(640, [2, 1]).querySelectorAll('.grid text')].map((t) => Number(t.textContent));
    expect(Math.min(...ticks)).toBe(1);
  });

  it('labels a wide span of ranks with a few round ticks, not one per rank', () => {
    const ticks = [...ranking(320, [95, 5]).querySelectorAll('.grid text')].map((t) => Number(t.textContent));
    expect(ticks.length).toBeLessThanOrEqual(12);
    expect(ticks.every(Number.isInteger)).toBe(true);
  });
});

describe('environment chart', () => {
  it('sorts the rates from highest to lowest and scales bars to 100%', () => {
    const svg = environment(640);
    const bars = [...svg.querySelectorAll('.rate rect')].map((r) => ({
      y: Number(r.getAttribute('y')),
      w: Number(r.getAttribute('width')),
    }));
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

  it('orders ties the same way on every machine: by key', () => {
    expect(sortRates(rates).map((r) => r.key)).toEqual(['a', 'c', 'e', 'b', 'd']);
    const labels = [...environment(320).querySelectorAll('.axis-label text')].map((t) => t.textContent);
    expect(labels.slice(0, 2)).toEqual(['主要水源地水质达标', '水功能区水质达标']);
  });

  it('refuses a rate whose group has no colour instead of leaving its bar empty', () => {
    expect(() => environment(640, [...rates, rate('f', '噪声达标', 90, 'noise')])).toThrow(
      /group "noise", expected one of water, waste, air/,
    );
  });

  it('carries no inline style sheet (the page CSP allows none)', () => {
    expect(environment(640).querySelector('style')).toBeNull();
  });
});
