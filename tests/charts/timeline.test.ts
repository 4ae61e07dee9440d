import { describe, expect, it } from 'vitest';
import { timeline as drawTimeline, type Milestone } from '../../src/charts/timeline.ts';
import { theme } from '../../src/charts/theme.ts';
import { checkChartContract } from './contract.ts';
import { newDocument } from './svgTools.ts';

// data/milestones.json (L3, L4, L35), in the file's order.
const data: Milestone[] = [
  { key: 'milestone.founded', label: '园区始建', date: '2002-04', kind: 'status' },
  { key: 'milestone.provincialPark', label: '获省政府批准，成为省级工业园区、省级民营科技园', date: '2006', kind: 'status' },
  { key: 'milestone.rank2018', label: '全省开发区综合考评第37名', date: '2018', kind: 'ranking' },
  { key: 'milestone.civilised2018', label: '获评省级文明单位', date: '2018', kind: 'honour' },
  { key: 'milestone.highTech', label: '更名为省级高新技术产业园区', date: '2019', kind: 'status' },
  { key: 'milestone.civilised2019', label: '再获省级文明单位', date: '2019', kind: 'honour' },
  { key: 'milestone.liangLvYiDu', label: '获评“两率一度”先进园区', date: '2019', kind: 'honour' },
  { key: 'milestone.cityFirst', label: '全市工业园区建设工作第一名', date: '2019', kind: 'honour' },
  { key: 'milestone.rank2019', label: '全省开发区综合考评第35名', date: '2019', kind: 'ranking' },
  { key: 'milestone.greenParkApplication', label: '管委会申报省级绿色园区', date: '2020-04', kind: 'status' },
];
const kinds = { status: '园区身份', ranking: '全省考评名次', honour: '荣誉' };
const dateLabel = (date: string) => {
  const [y, m] = date.split('-');
  return m ? `${y}年${Number(m)}月` : `${y}年`;
};
const timeline = (width: number, d: Milestone[] = data) =>
  drawTimeline(d, {
    document: newDocument(),
    width,
    title: '园区大事记',
    description: '时间线',
    kinds,
    dateLabel,
    gap: (from, to) => `${from}—${to}年：报道未提及`,
  });

const dotY = (svg: SVGSVGElement, key: string) => Number(svg.querySelector(`[data-key="${key}"] circle`)!.getAttribute('cy'));
/** Top and bottom of an event's label lines: a 14-unit line above its baseline, descenders below. */
const labelSpan = (svg: SVGSVGElement, key: string) => {
  const ys = [...svg.querySelectorAll(`[data-key="${key}"] .event-label`)].map((t) => Number(t.getAttribute('y')));
  return { top: Math.min(...ys) - 14, bottom: Math.max(...ys) + 4 };
};
const tickY = (svg: SVGSVGElement, year: number) => {
  const tick = svg.querySelector(`.timeline-axis .axis-tick[data-year="${year}"]`);
  return tick ? Number(/,([\d.]+)h/.exec(tick.getAttribute('d')!)![1]) : NaN;
};

describe('timeline chart', () => {
  checkChartContract('timeline', timeline);

  it('runs the events down the page in date order, whatever order they come in', () => {
    const shuffled = [...data].reverse();
    for (const width of Object.values(theme.widths)) {
      const svg = timeline(width, shuffled);
      const keys = [...svg.querySelectorAll('.mark')].map((g) => g.getAttribute('data-key'));
      expect(keys[0]).toBe('milestone.founded');
      expect(keys.at(-1)).toBe('milestone.greenParkApplication');
      const ys = keys.map((k) => dotY(svg, k!));
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      expect(new Set(ys).size).toBe(ys.length);
    }
  });

  it('stacks events of the same year so their labels never overlap, all within that year', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = timeline(width);
      for (const year of ['2018', '2019']) {
        const spans = data.filter((d) => d.date === year).map((d) => labelSpan(svg, d.key));
        spans.sort((a, b) => a.top - b.top);
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.top, `${year} at ${width}`).toBeGreaterThanOrEqual(spans[i - 1]!.bottom);
        const next = tickY(svg, Number(year) + 1);
        for (const d of data.filter((d) => d.date === year)) {
          expect(dotY(svg, d.key)).toBeGreaterThanOrEqual(tickY(svg, Number(year)));
          expect(dotY(svg, d.key)).toBeLessThan(next);
        }
      }
    }
  });

  it('colours each dot by its kind and names the kinds in a legend', () => {
    const svg = timeline(theme.widths.medium);
    // Colours follow the order of the kinds (series-1, -2, -3), whatever their keys.
    const series = { status: 1, ranking: 2, honour: 3 } as Record<string, number>;
    for (const d of data)
      expect(svg.querySelector(`[data-key="${d.key}"] circle`)!.getAttribute('class')).toBe(`kind-${d.kind} series-${series[d.kind]}`);
    expect(svg.querySelectorAll('circle.kind-honour')).toHaveLength(4);
    expect([...svg.querySelectorAll('.legend-label')].map((t) => t.textContent)).toEqual(['园区身份', '全省考评名次', '荣誉']);
    expect([...svg.querySelectorAll('.legend .swatch')].map((s) => s.getAttribute('class'))).toEqual([
      'swatch kind-status series-1',
      'swatch kind-ranking series-2',
      'swatch kind-honour series-3',
    ]);
  });

  it('gives each date once, formatted by the caller', () => {
    const dates = [...timeline(theme.widths.compact).querySelectorAll('.event-date')].map((t) => t.textContent);
    expect(dates).toEqual(['2002年4月', '2006年', '2018年', '2019年', '2020年4月']);
  });

  it('wraps the longest label onto several lines on phones, keeping every character', () => {
    const key = 'milestone.provincialPark';
    const compact = [...timeline(theme.widths.compact).querySelectorAll(`[data-key="${key}"] .event-label`)].map((t) => t.textContent);
    expect(compact.length).toBeGreaterThan(1);
    expect(compact.join('')).toBe(data[1]!.label);
    expect(compact[0]!.endsWith('，')).toBe(true);
    const wide = [...timeline(theme.widths.wide).querySelectorAll(`[data-key="${key}"] .event-label`)].map((t) => t.textContent);
    expect(wide).toEqual([data[1]!.label]);
  });

  it('draws the empty years 2007–2017 shorter than one year, behind a marked break', () => {
    const svg = timeline(theme.widths.wide);
    const breaks = [...svg.querySelectorAll('.axis-break')];
    expect(breaks).toHaveLength(2);
    expect(breaks.map((b) => b.textContent)).toEqual(['2003—2005年：报道未提及', '2007—2017年：报道未提及']);
    const y2007 = tickY(svg, 2007);
    const y2018 = tickY(svg, 2018);
    expect(y2018 - y2007).toBeLessThan(tickY(svg, 2019) - y2018);
    const gap = /M[\d.]+,([\d.]+)V([\d.]+)/.exec(breaks[1]!.querySelector('.axis-break-gap')!.getAttribute('d')!)!;
    expect([Number(gap[1]), Number(gap[2])]).toEqual([y2007, y2018]);
    // The solid line stops at the break: none of its segments crosses the omitted years.
    const segments = [
      ...svg
        .querySelector('.axis-line')!
        .getAttribute('d')!
        .matchAll(/M[\d.]+,([\d.]+)V([\d.]+)/g),
    ];
    for (const [, a, b] of segments) expect(Number(a) >= y2018 || Number(b) <= y2007).toBe(true);
  });

  it('keeps one scale and draws no break when no years are missing', () => {
    const years = ['2015', '2016', '2017', '2018-07'];
    const svg = timeline(
      theme.widths.compact,
      years.map((date, i): Milestone => ({ key: `e${i}`, label: `事件${i}`, date, kind: 'status' })),
    );
    expect(svg.querySelector('.axis-break')).toBeNull();
    const ys = ['e0', 'e1', 'e2'].map((k) => dotY(svg, k));
    expect(ys[1]! - ys[0]!).toBeCloseTo(ys[2]! - ys[1]!, 1);
    // July 2018 is a year and a half after the start of 2017, on the scale of the years before it.
    expect((dotY(svg, 'e3') - tickY(svg, 2017)) / (tickY(svg, 2018) - tickY(svg, 2017))).toBeCloseTo(1.5, 2);
  });

  it('keeps a year its height wherever in the year its events fall (the December case)', () => {
    for (const width of Object.values(theme.widths)) {
      const base = timeline(width);
      const year = tickY(base, 2020) - tickY(base, 2019);
      const height = Number(base.getAttribute('height'));
      // Moving the 2020-04 application to December once stretched every year to 276 units (1540 in all).
      for (const moved of data.map((d) => d.key)) {
        const december = data.map((d) => (d.key === moved ? { ...d, date: `${d.date.slice(0, 4)}-12` } : d));
        const svg = timeline(width, december);
        expect(tickY(svg, 2020) - tickY(svg, 2019), `${moved} at ${width}`).toBe(year);
        expect(Number(svg.getAttribute('height')), `${moved} at ${width}`).toBeLessThan(height + year);
        // Every dot stays within its own year, the December one included.
        for (const d of december) {
          const y = Number(d.date.slice(0, 4));
          expect(dotY(svg, d.key)).toBeGreaterThanOrEqual(tickY(svg, y));
          if (y < 2020) expect(dotY(svg, d.key), `${d.key} before ${y + 1}`).toBeLessThan(tickY(svg, y + 1));
        }
      }
    }
  });

  it('ends the axis at the year of the last event, not the year after', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = timeline(width);
      const ticks = [...svg.querySelectorAll('.axis-tick')].map((t) => Number(t.getAttribute('data-year')));
      expect(Math.max(...ticks)).toBe(2020);
      expect([...svg.querySelectorAll('.axis-label')].map((t) => t.textContent)).not.toContain('2021');
      // The line runs on just to the last event, and the chart ends soon after it.
      const line = svg.querySelector('.axis-line')!.getAttribute('d')!;
      const lineEnd = Math.max(...[...line.matchAll(/V([\d.]+)/g)].map((m) => Number(m[1])));
      expect(lineEnd).toBe(dotY(svg, 'milestone.greenParkApplication'));
      expect(Number(svg.getAttribute('height')) - lineEnd).toBeLessThan(60);
    }
  });
});
