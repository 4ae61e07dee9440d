import { scaleBand, scaleLinear } from 'd3';
import { changeArrow } from './changeArrow.ts';
import { hatchOver, hatchPattern } from './hatch.ts';
import { legend } from './legend.ts';
import { append, createSvg, px } from './svg.ts';
import { isCompact, theme } from './theme.ts';

export interface GrowthBar {
  key: string;
  /** Axis label, e.g. "2019年". */
  label: string;
  /** Null where the figure is not reported: the slot shows `text` instead of a bar. */
  value: number | null;
  /** The value as its label shows it, e.g. "约180.6", or why there is no bar. */
  text: string;
  /** A figure implied by arithmetic rather than reported; drawn hatched with a dashed outline. */
  derived?: boolean;
  /** A reported part of the bar, drawn from the baseline (the high-tech output). */
  part?: { value: number; text: string };
}

export interface GrowthBarsOptions {
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
  /**
   * Marks to draw, by key: bar keys, `${key}-part` for a bar's part, and "change". The
   * scale always fits every bar, so the states of a sequence share one axis.
   */
  visible?: readonly string[];
  /** Writes a tick value, e.g. 200000 → "200,000" in English (default: plain digits). */
  tickFormat?: (value: number) => string;
}

const defaults = { id: 'growth-bars', width: 640, change: '', tickFormat: String as (value: number) => string };
/** A part shorter than this gets its label above it rather than inside. */
const MIN_INSIDE = 28;

/** Bars of gross output per year, a reported part stacked from the base, derived years hatched. */
export function growthBars(data: readonly GrowthBar[], options: GrowthBarsOptions): SVGSVGElement {
  const { document, id, width, change, unit, title, description, tickFormat } = { ...defaults, ...options };
  const shown = (key: string) => !options.visible || options.visible.includes(key);
  const compact = isCompact(width);
  const height = compact ? 330 : 350;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--growth-bars' });
  const hatch = hatchOver(id);
  const legendItems = [
    { className: 'bar-part', label: options.legend.part },
    { className: 'bar-rest', label: options.legend.rest },
    { className: 'bar-derived', label: options.legend.derived, overlay: hatch },
  ];
  const legendHeight = legend(svg, legendItems, { x: theme.margin.left, y: 6, stacked: compact, maxWidth: width - 2 * theme.margin.left });
  const m = { ...theme.margin, top: legendHeight + 56 };
  const inset = compact ? 8 : 60;
  const x = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([m.left + inset, width - m.right - inset])
    .paddingInner(compact ? 0.35 : 0.5)
    .paddingOuter(0.15);
  const max = Math.max(...data.map((d) => Math.max(d.value ?? 0, d.part?.value ?? 0)));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - m.bottom, m.top]);
  // Hatching marks the figures the report does not give directly.
  hatchPattern(svg, id);

  // data-morph names each element across states, so the browser can move one into the next.
  const grid = append(svg, 'g', { class: 'grid', 'aria-hidden': 'true', 'data-morph': 'grid' });
  y.ticks(4).forEach((t, i) => {
    append(grid, 'line', { 'data-morph': `tick-${i}`, x1: m.left, x2: width - m.right, y1: px(y(t)), y2: px(y(t)) });
    append(
      grid,
      'text',
      { 'data-morph': `tick-label-${i}`, class: 'axis-label', x: m.left, y: px(y(t)) - 4, 'font-size': theme.font.axis },
      tickFormat(t),
    );
  });
  // The unit sits on its own line above the scale, clear of the bar labels.
  append(svg, 'text', { 'data-morph': 'unit', class: 'axis-title', x: m.left, y: legendHeight + 24, 'font-size': theme.font.small }, unit);

  const bars = append(svg, 'g', { class: 'bars', 'data-morph': 'bars' });
  for (const d of data) {
    const x0 = x(d.key)!;
    const bw = x.bandwidth();
    const text = (parent: Element, key: string, cls: string, yy: number, content: string, size: number = theme.font.value) =>
      append(
        parent,
        'text',
        { 'data-morph': key, class: cls, x: px(x0 + bw / 2), y: px(yy), 'text-anchor': 'middle', 'font-size': size },
        content,
      );
    text(bars, `axis-${d.key}`, 'axis-label', height - m.bottom + 22, d.label, theme.font.label);
    if (!shown(d.key)) continue;
    const g = append(bars, 'g', { class: d.derived ? 'mark bar bar--derived' : 'mark bar', 'data-key': d.key, 'data-morph': d.key });
    if (d.value === null) {
      text(g, `${d.key}-text`, 'axis-note', y(max / 2), d.text, theme.font.small);
      continue;
    }
    const box = { x: px(x0), y: px(y(d.value)), width: px(bw), height: px(y(0) - y(d.value)) };
    const rect = append(g, 'rect', { 'data-morph': `${d.key}-rect`, class: d.derived ? 'bar-derived' : 'bar-rest', ...box });
    if (d.derived) g.appendChild(hatch(rect));
    text(g, `${d.key}-value`, 'value-label', y(d.value) - 8, d.text).setAttribute('font-weight', '700');
    if (d.part && shown(`${d.key}-part`)) {
      const p = append(bars, 'g', { class: 'mark bar-part-mark', 'data-key': `${d.key}-part`, 'data-morph': `${d.key}-part` });
      append(p, 'rect', {
        'data-morph': `${d.key}-part-rect`,
        class: 'bar-part',
        ...box,
        y: px(y(d.part.value)),
        height: px(y(0) - y(d.part.value)),
      });
      const inside = y(0) - y(d.part.value) >= MIN_INSIDE;
      const at = inside ? y(d.part.value) + 22 : y(d.part.value) - 8;
      text(p, `${d.key}-part-value`, inside ? 'value-label value-label--inverse' : 'value-label', at, d.part.text);
    }
  }

  const [a, b] = data;
  if (change && a && b && a.value !== null && b.value !== null && shown('change')) {
    const mid = (d: GrowthBar, v: number) => ({ x: x(d.key)! + x.bandwidth() / 2, y: y(v) - 30 });
    changeArrow(svg, mid(a, a.value), mid(b, b.value), change);
  }
  return svg;
}
