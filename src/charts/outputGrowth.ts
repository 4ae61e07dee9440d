import { scaleBand, scaleLinear, select } from 'd3';
import { legend } from './legend.ts';
import { createSvg, px } from './svg.ts';
import { isCompact, theme } from './theme.ts';

export interface OutputBar {
  key: string;
  /** Axis label, e.g. "2019年". */
  label: string;
  value: number;
  /** The value as its label shows it, e.g. "约180.6". */
  text: string;
  /** A figure implied by arithmetic rather than reported; drawn hatched with a dashed outline. */
  derived?: boolean;
  /** A reported part of the bar, drawn from the baseline (the high-tech output). */
  part?: { value: number; text: string };
}

export interface OutputGrowthOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Text on the arrow between two bars, e.g. "+15.6%". */
  change?: string;
  /** Axis title naming the unit, e.g. "单位：亿元". */
  unit: string;
  legend: { part: string; rest: string; derived: string };
}

const defaults = { id: 'output', width: 640, change: '' };
/** A part shorter than this gets its label above it rather than inside. */
const MIN_INSIDE = 28;

/** Bars of gross output per year, a reported part stacked from the base, derived years hatched. */
export function outputGrowth(data: readonly OutputBar[], options: OutputGrowthOptions): SVGSVGElement {
  const { document, id, width, change, unit, title, description } = { ...defaults, ...options };
  const compact = isCompact(width);
  const height = compact ? 330 : 350;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--output' });
  const root = select(svg);
  const hatchOver = (r: SVGRectElement) => {
    const o = r.cloneNode() as SVGRectElement;
    o.setAttribute('class', 'hatch');
    o.setAttribute('fill', `url(#${id}-hatch)`);
    return o;
  };

  const legendHeight = legend(
    svg,
    [
      { className: 'bar-part', label: options.legend.part },
      { className: 'bar-rest', label: options.legend.rest },
      { className: 'bar-derived', label: options.legend.derived, overlay: hatchOver },
    ],
    { x: theme.margin.left, y: 6, stacked: compact },
  );
  const m = { ...theme.margin, top: legendHeight + 56 };
  const inset = compact ? 8 : 60;
  const x = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([m.left + inset, width - m.right - inset])
    .paddingInner(compact ? 0.35 : 0.5)
    .paddingOuter(0.15);
  const max = Math.max(...data.map((d) => Math.max(d.value, d.part?.value ?? 0)));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - m.bottom, m.top]);

  // Hatching marks the figures the report does not give directly.
  root
    .append('defs')
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
  const ticks = y.ticks(4);
  for (const t of ticks) {
    grid
      .append('line')
      .attr('x1', m.left)
      .attr('x2', width - m.right)
      .attr('y1', px(y(t)))
      .attr('y2', px(y(t)));
    grid
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', m.left)
      .attr('y', px(y(t)) - 4)
      .attr('font-size', theme.font.axis)
      .text(String(t));
  }
  // The unit sits on its own line above the scale, clear of the bar labels.
  root
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', m.left)
    .attr('y', legendHeight + 24)
    .attr('font-size', theme.font.small)
    .text(unit);

  const bars = root.append('g').attr('class', 'bars');
  for (const d of data) {
    const g = bars
      .append('g')
      .attr('class', d.derived ? 'bar bar--derived' : 'bar')
      .attr('data-key', d.key);
    const x0 = x(d.key)!;
    const bw = x.bandwidth();
    const cx = px(x0 + bw / 2);
    const label = (cls: string, yy: number, text: string) =>
      g
        .append('text')
        .attr('class', cls)
        .attr('x', cx)
        .attr('y', px(yy))
        .attr('text-anchor', 'middle')
        .attr('font-size', theme.font.value)
        .text(text);
    const rect = g
      .append('rect')
      .attr('class', d.derived ? 'bar-derived' : 'bar-rest')
      .attr('x', px(x0))
      .attr('y', px(y(d.value)))
      .attr('width', px(bw))
      .attr('height', px(y(0) - y(d.value)));
    // The stylesheet paints classes; the hatch is an overlay that keeps its pattern fill.
    if (d.derived) g.append(() => hatchOver(rect.node()!));
    if (d.part) {
      g.append('rect')
        .attr('class', 'bar-part')
        .attr('x', px(x0))
        .attr('y', px(y(d.part.value)))
        .attr('width', px(bw))
        .attr('height', px(y(0) - y(d.part.value)));
      const inside = y(0) - y(d.part.value) >= MIN_INSIDE;
      label(inside ? 'value-label value-label--inverse' : 'value-label', inside ? y(d.part.value) + 22 : y(d.part.value) - 8, d.part.text);
    }
    label('value-label', y(d.value) - 8, d.text).attr('font-weight', 700);
    label('axis-label', height - m.bottom + 22, d.label).attr('font-size', theme.font.label);
  }

  if (change && data.length === 2) {
    const [a, b] = data.map((d) => ({ x: x(d.key)! + x.bandwidth() / 2, y: y(d.value) - 30 })) as [
      { x: number; y: number },
      { x: number; y: number },
    ];
    const g = root.append('g').attr('class', 'change');
    g.append('path')
      .attr('class', 'change-arrow')
      .attr('d', `M${px(a.x)},${px(a.y)} L${px(b.x - 10)},${px(b.y + 4)}`);
    g.append('path')
      .attr('class', 'change-head')
      .attr('d', `M${px(b.x - 4)},${px(b.y + 2)} l-11,-2 l4,9 z`);
    g.append('text')
      .attr('class', 'change-label')
      .attr('x', px((a.x + b.x) / 2))
      .attr('y', px((a.y + b.y) / 2 - 10))
      .attr('text-anchor', 'middle')
      .attr('font-size', theme.font.value)
      .attr('font-weight', 700)
      .text(change);
  }
  return svg;
}
