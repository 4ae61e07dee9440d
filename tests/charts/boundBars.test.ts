import { describe, expect, it } from 'vitest';
import { boundBars, type LowerBound } from '../../src/charts/boundBars.ts';
import { theme } from '../../src/charts/theme.ts';
import { checkChartContract } from './contract.ts';
import { newDocument } from './svgTools.ts';

// data/projects.json: all three figures are lower bounds (qualifier "over").
const bounds: LowerBound[] = [
  { key: 'hainengPark', label: '海能科创园', value: 50, text: '超过50亿元', group: 'investment' },
  { key: 'newEnergyPark', label: '新能源产业园', value: 20, text: '超过20亿元', group: 'investment' },
  { key: 'standardFactories', label: '标准厂房建成面积', value: 50, text: '超过50万平方米', group: 'area' },
];
const groups = { investment: '投资额（亿元）', area: '标准厂房面积（万平方米）' };
const projects = (width: number, data = bounds) =>
  boundBars(data, {
    document: newDocument(),
    width,
    title: '项目与厂房',
    description: '条形图',
    groups,
    note: '箭头表示实际数值更大，报道只给出下限',
  });
const bar = (svg: SVGSVGElement, key: string) => svg.querySelector(`[data-key="${key}"] .bound-bar`)!;
const num = (el: Element, name: string) => Number(el.getAttribute(name));

describe('projects chart', () => {
  checkChartContract('bound-bars', projects);

  it('puts money and floor space in separate panels, each with its own scale', () => {
    const svg = projects(theme.widths.wide);
    const panelOf = (key: string) => svg.querySelector(`[data-key="${key}"]`)!.closest('.panel')!.getAttribute('data-group');
    expect(panelOf('hainengPark')).toBe('investment');
    expect(panelOf('newEnergyPark')).toBe('investment');
    expect(panelOf('standardFactories')).toBe('area');
    expect([...svg.querySelectorAll('.panel-title')].map((t) => t.textContent)).toEqual(Object.values(groups));
    for (const panel of svg.querySelectorAll('.panel')) expect(panel.querySelectorAll('.grid text').length).toBeGreaterThan(1);
    // The area panel sits wholly below the money panel: no shared axis.
    const moneyTicks = [...svg.querySelectorAll('.panel--investment .grid text')].map((t) => num(t, 'y'));
    expect(num(bar(svg, 'standardFactories'), 'y')).toBeGreaterThan(Math.max(...moneyTicks));
  });

  it('draws the two investments to one scale', () => {
    const svg = projects(theme.widths.medium);
    expect(num(bar(svg, 'newEnergyPark'), 'width') / num(bar(svg, 'hainengPark'), 'width')).toBeCloseTo(20 / 50, 2);
  });

  it('continues every lower bound past its value into an open end and labels it "超过"', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = projects(width);
      for (const d of bounds) {
        const mark = svg.querySelector(`[data-key="${d.key}"]`)!;
        const end = num(bar(svg, d.key), 'x') + num(bar(svg, d.key), 'width');
        const beyond = mark.querySelector('.beyond')!;
        expect(beyond, d.key).not.toBeNull();
        expect(num(beyond.querySelector('.beyond-fade')!, 'x')).toBeCloseTo(end, 1);
        expect(num(beyond.querySelector('.beyond-fade')!, 'width')).toBeGreaterThan(0);
        expect(beyond.querySelector('.beyond-arrow')).not.toBeNull();
        expect(mark.querySelector('.value-label')!.textContent).toMatch(/^超过/);
      }
    }
    expect(projects(theme.widths.wide).querySelector('.axis-note')!.textContent).toContain('下限');
  });

  it('refuses a bound whose unit has no panel instead of putting it on another unit’s axis', () => {
    expect(() => projects(640, [...bounds, { key: 'land', label: '用地', value: 3, text: '超过3平方公里', group: 'land' }])).toThrow(
      /group "land", expected one of investment, area/,
    );
  });
});
