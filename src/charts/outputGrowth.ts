import { scaleBand, scaleLinear, select } from 'd3';
import { createSvg, px } from './svg.ts';
import { isCompact, theme } from './theme.ts';

export interface OutputBar {
  key: string;
  /** Axis label, e.g. "2019年". */
  label: string;
  value: number;
  /** A figure implied by arithmetic rather than reported; drawn hatched with a dashed outline. */
  derived?: boolean;
  /** A reported part of the bar, drawn from the baseline (the high-tech output). */
  part?: number;
}

export interface OutputGrowthOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Formats a bar value for its label, e.g. 208.8 → "208.8". */
  format?: (value: number, bar: OutputBar) => string;
  /** Text on the arrow between the bars, e.g. "+15.6%". */
  change?: string;
  unit: string;
  legend: { part: string; rest: string; derived: string };
}

const defaults = { id: 'output', width: 640, format: (v: number) => String(v), change: '' };

/** Bars of gross output per year, a reported part stacked from the base, derived years hatched. */
export function outputGrowth(data: readonly OutputBar[], options: OutputGrowthOptions): SVGSVGElement {
  const { document, id, width, format, change, unit, legend, title, description } = { ...defaults, ...options };
  const compact = isCompact(width);
  const legendRows = compact ? 3 : 1;
  const m = { ...theme.margin, top: 24 + legendRows * 22 + 30, bottom: 34 };
  const height = compact ? 330 : 360;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--output' });
  const root = select(svg);
  const x = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([m.left + (compact ? 8 : 60), width - m.right - (compact ? 8 : 60)])
    .paddingInner(compact ? 0.35 : 0.5)
    .paddingOuter(0.15);
  const max = Math.max(...data.map((d) => d.value));
  const y = scaleLinear().domain([0, max]).nice().range([height - m.bottom, m.top]);

  // Hatching marks the figures the report does not give directly.
  const defs = root.append('defs');
  defs
    .append('pattern')
    .attr('id', `${id}-hatch`)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .append('rect')
    .attr('class', 'hatch-line')
    .attr('width', 2)
    .attr('height', 6);

  const grid = root.append('g').attr('class', 'grid').attr('aria-hidden', 'true');
  for (const t of y.ticks(4)) {
    grid.append('line').attr('x1', m.left).attr('x2', width - m.right).attr('y1', px(y(t))).attr('y2', px(y(t)));
    grid
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', m.left)
      .attr('y', px(y(t)) - 4)
      .attr('font-size', theme.font.axis)
      .text(t === y.ticks(4).at(-1) ? `${t} ${unit}` : String(t));
  }

  const hatchOver = (r: SVGRectElement) => {
    const o = r.cloneNode() as SVGRectElement;
    o.setAttribute('class', 'hatch');
    o.setAttribute('fill', `url(#${id}-hatch)`);
    return o;
  };

  const bars = root.append('g').attr('class', 'bars');
  for (const d of data) {
    const g = bars.append('g').attr('class', d.derived ? 'bar bar--derived' : 'bar').attr('data-key', d.key);
    const x0 = x(d.key)!;
    const bw = x.bandwidth();
    const rect = g
      .append('rect')
      .attr('class', d.derived ? 'bar-derived' : 'bar-rest')
      .attr('x', px(x0))
      .attr('y', px(y(d.value)))
      .attr('width', px(bw))
      .attr('height', px(y(0) - y(d.value)));
    // The stylesheet paints classes; the hatch is an overlay that keeps its pattern fill.
    if (d.derived) g.append(() => hatchOver(rect.node()!));
    if (d.part !== undefined) {
      g.append('rect')
        .attr('class', 'bar-part')
        .attr('x', px(x0))
        .attr('y', px(y(d.part)))
        .attr('width', px(bw))
        .attr('height', px(y(0) - y(d.part)));
      g.append('text')
        .attr('class', 'value-label value-label--inverse')
        .attr('x', px(x0 + bw / 2))
        .attr('y', px(y(d.part) + 22))
        .attr('text-anchor', 'middle')
        .attr('font-size', theme.font.value)
        .text(format(d.part, d));
    }
    g.append('text')
      .attr('class', 'value-label')
      .attr('x', px(x0 + bw / 2))
      .attr('y', px(y(d.value) - 8))
      .attr('text-anchor', 'middle')
      .attr('font-size', theme.font.value)
      .attr('font-weight', 700)
      .text(format(d.value, d));
    g.append('text')
      .attr('class', 'axis-label')
      .attr('x', px(x0 + bw / 2))
      .attr('y', height - m.bottom + 22)
      .attr('text-anchor', 'middle')
      .attr('font-size', theme.font.label)
      .text(d.label);
  }

  if (change && data.length === 2) {
    const [a, b] = data as [OutputBar, OutputBar];
    const xa = x(a.key)! + x.bandwidth() / 2;
    const xb = x(b.key)! + x.bandwidth() / 2;
    const ya = y(a.value) - 30;
    const yb = y(b.value) - 30;
    const g = root.append('g').attr('class', 'change');
    g.append('path').attr('class', 'change-arrow').attr('d', `M${px(xa)},${px(ya)} L${px(xb - 10)},${px(yb + 4)}`);
    g.append('path').attr('class', 'change-head').attr('d', `M${px(xb - 4)},${px(yb + 2)} l-11,-2 l4,9 z`);
    g.append('text')
      .attr('class', 'change-label')
      .attr('x', px((xa + xb) / 2))
      .attr('y', px((ya + yb) / 2 - 10))
      .attr('text-anchor', 'middle')
      .attr('font-size', theme.font.value)
      .attr('font-weight', 700)
      .text(change);
  }

  const items = [
    { cls: 'bar-part', label: legend.part },
    { cls: 'bar-rest', label: legend.rest },
    { cls: 'bar-derived', label: legend.derived, hatch: true },
  ];
  const lg = root.append('g').attr('class', 'legend');
  items.forEach((item, i) => {
    const lx = compact ? m.left : m.left + i * ((width - m.left - m.right) / 3);
    const ly = 8 + (compact ? i * 22 : 0);
    const swatch = lg.append('rect').attr('class', item.cls).attr('x', lx).attr('y', ly).attr('width', 14).attr('height', 14);
    if (item.hatch) lg.append(() => hatchOver(swatch.node()!));
    lg.append('text').attr('class', 'legend-label').attr('x', lx + 20).attr('y', ly + 12).attr('font-size', theme.font.small).text(item.label);
  });
  return svg;
}
