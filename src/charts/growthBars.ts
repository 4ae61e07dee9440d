import { scaleBand, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import { changeArrow } from './changeArrow.ts';
import { hatchOver, hatchPattern } from './hatch.ts';
import { legend, legendLayout } from './legend.ts';
import { attrs, createSvg, px } from './svg.ts';
import { textWidth, wrap } from './text.ts';
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
/** Baseline to baseline of two value labels stacked one over the other; of two lines of a bar's axis label. */
const LABEL_STEP = 18;
const AXIS_LINE = 17;
/** Top and bottom of a value label's box, from its baseline; the least gap between two labels. */
const ASCENT = 0.8 * theme.font.value;
const DESCENT = 0.2 * theme.font.value;
const CLEAR = 2;

/** Lines of a label: their texts and baselines, top line first. */
type Stack = { lines: string[]; at: number[] };

/** Bars of gross output per year, a reported part stacked from the base, derived years hatched. */
export function growthBars(data: readonly GrowthBar[], options: GrowthBarsOptions): SVGSVGElement {
  const { document, id, width, change, unit, title, description, tickFormat } = { ...defaults, ...options };
  const shown = (key: string) => !options.visible || options.visible.includes(key);
  const compact = isCompact(width);
  const legendItems = [
    { className: 'bar-part', label: options.legend.part },
    { className: 'bar-rest', label: options.legend.rest },
    { className: 'bar-derived', label: options.legend.derived },
  ];
  const legendSpace = { x: theme.margin.left, y: 6, stacked: compact, maxWidth: width - 2 * theme.margin.left };
  const legendHeight = legendLayout(
    legendItems.map((i) => i.label),
    legendSpace,
  ).height;
  const unitY = legendHeight + 24;
  const max = Math.max(...data.map((d) => Math.max(d.value ?? 0, d.part?.value ?? 0)));
  const ticks = scaleLinear().domain([0, max]).nice().ticks(4);
  // The scale's labels take a column on the left; the bars and their labels start right of it.
  const tickColumn = theme.margin.left + Math.max(...ticks.map((t) => textWidth(tickFormat(t), theme.font.axis))) + 4;

  // The bars' slots, and the lines of every label in them: each label breaks within its slot.
  const slots = (start: number) => {
    const x = scaleBand<string>()
      .domain(data.map((d) => d.key))
      .range([start, width - theme.margin.right - (compact ? 8 : 60)])
      .paddingInner(compact ? 0.35 : 0.5)
      .paddingOuter(0.15);
    const room = x.step() - 6;
    const lines = (s: string, size: number = theme.font.value, weight?: number) => wrap(s, size, room, weight);
    const labels = data.map((d) => ({
      axis: lines(d.label, theme.font.label),
      value: d.value === null ? lines(d.text, theme.font.small) : lines(d.text, theme.font.value, theme.bold),
      part: d.part ? lines(d.part.text) : [],
    }));
    const centre = (d: GrowthBar) => x(d.key)! + x.bandwidth() / 2;
    // How far left of its centre a bar's labels over the axis reach (its axis label is below, clear of the scale's).
    const reach = (i: number) => {
      const { value, part } = labels[i]!;
      const [size, weight] = data[i]!.value === null ? [theme.font.small, 400] : [theme.font.value, theme.bold];
      return Math.max(...value.map((s) => textWidth(s, size, weight)), ...part.map((s) => textWidth(s, theme.font.value))) / 2;
    };
    const clear = data.every((d, i) => centre(d) - reach(i) >= tickColumn);
    return { x, centre, labels, clear };
  };
  let start = theme.margin.left + (compact ? 8 : 60);
  let band = slots(start);
  while (!band.clear && start < width / 3) band = slots((start += 2));
  const { x, centre, labels } = band;
  // A bar's axis label breaks into lines within its slot; the chart grows by the extra lines.
  const extra = (Math.max(1, ...labels.map((l) => l.axis.length)) - 1) * AXIS_LINE;
  const height = (compact ? 330 : 350) + extra;
  const bottom = theme.margin.bottom + extra;
  const scale = (top: number) =>
    scaleLinear()
      .domain([0, max])
      .nice()
      .range([height - bottom, top]);

  /** A bar's value above it, lines rising from just over the bar. */
  const valueStack = (y: ScaleLinear<number, number>, i: number, v: number): Stack => {
    const lines = labels[i]!.value;
    return { lines, at: lines.map((_, j) => y(v) - 8 - (lines.length - 1 - j) * LABEL_STEP) };
  };
  /** A part's label: inside the part where it fits, else above it, or above the bar's own value where those would touch. */
  const partStack = (y: ScaleLinear<number, number>, i: number, v: number, p: number): Stack & { inside: boolean } => {
    const lines = labels[i]!.part;
    const inside = y(0) - y(p) >= MIN_INSIDE + (lines.length - 1) * LABEL_STEP;
    if (inside) return { lines, at: lines.map((_, j) => y(p) + 22 + j * LABEL_STEP), inside };
    const value = valueStack(y, i, v);
    let last = y(p) - 8;
    if (last - (lines.length - 1) * LABEL_STEP - value.at.at(-1)! < LABEL_STEP) last = value.at[0]! - LABEL_STEP;
    return { lines, at: lines.map((_, j) => last - (lines.length - 1 - j) * LABEL_STEP), inside };
  };
  // The change between the first two bars is written above the arrow joining them, clear of the
  // labels over either bar, the unit and the legend. Every state draws on the scale of the
  // whole sequence, so this is worked out with every mark shown.
  const [a, b] = data;
  const arrow = change && a && b && a.value !== null && b.value !== null ? { a: a.value, b: b.value } : undefined;
  const changeAt = (y: ScaleLinear<number, number>) => {
    if (!arrow || !a || !b) return undefined;
    const half = textWidth(change, theme.font.value, theme.bold) / 2;
    const cx = (centre(a) + centre(b)) / 2;
    let baseline = (y(arrow.a) + y(arrow.b)) / 2 - 40;
    [a, b].forEach((d, i) => {
      const v = i ? arrow.b : arrow.a;
      // Values are bold, parts' labels regular.
      const stacks: [Stack, number][] = [[valueStack(y, i, v), theme.bold]];
      if (d.part) {
        const p = partStack(y, i, v, d.part.value);
        if (!p.inside) stacks.push([p, 400]);
      }
      for (const [s, weight] of stacks)
        s.lines.forEach((line, j) => {
          if (Math.abs(centre(d) - cx) < half + textWidth(line, theme.font.value, weight) / 2 + CLEAR)
            baseline = Math.min(baseline, s.at[j]! - ASCENT - DESCENT - CLEAR);
        });
    });
    const limit =
      cx - half < theme.margin.left + textWidth(unit, theme.font.small) + CLEAR ? unitY + 0.2 * theme.font.small : legendHeight - 2;
    return { x: cx, y: baseline, clear: baseline - ASCENT >= limit + CLEAR };
  };
  let top = legendHeight + 56;
  while (changeAt(scale(top))?.clear === false && top < height - bottom - 80) top += 2;
  const y = scale(top);
  const m = { ...theme.margin, top, bottom };

  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--growth-bars' });
  const hatch = hatchOver(id);
  legend(svg, [...legendItems.slice(0, 2), { ...legendItems[2]!, overlay: hatch }], legendSpace);
  // Hatching marks the figures the report does not give directly.
  hatchPattern(svg, id);

  // data-morph names each element across states, so the browser can move one into the next.
  const root = select(svg);
  const grid = root.append('g').attr('class', 'grid').attr('aria-hidden', 'true').attr('data-morph', 'grid');
  ticks.forEach((t, i) => {
    grid.append('line').call(attrs, { 'data-morph': `tick-${i}`, x1: m.left, x2: width - m.right, y1: px(y(t)), y2: px(y(t)) });
    grid
      .append('text')
      .call(attrs, { 'data-morph': `tick-label-${i}`, class: 'axis-label', x: m.left, y: px(y(t)) - 4, 'font-size': theme.font.axis })
      .text(tickFormat(t));
  });
  // The unit sits on its own line above the scale, clear of the bar labels.
  root
    .append('text')
    .call(attrs, { 'data-morph': 'unit', class: 'axis-title', x: m.left, y: unitY, 'font-size': theme.font.small })
    .text(unit);

  type Group = Selection<SVGGElement, unknown, null, undefined>;
  const bars: Group = root.append('g').attr('class', 'bars').attr('data-morph', 'bars');
  data.forEach((d, i) => {
    const text = (parent: Group, key: string, cls: string, yy: number, content: string, size: number = theme.font.value) =>
      parent
        .append('text')
        .call(attrs, { 'data-morph': key, class: cls, x: px(centre(d)), y: px(yy), 'text-anchor': 'middle', 'font-size': size })
        .text(content);
    // The first line of a label keeps the label's morph key; further lines add their number.
    const stack = (parent: Group, key: string, cls: string, s: Stack, size?: number) =>
      s.lines.map((line, j) => text(parent, j ? `${key}-${j}` : key, cls, s.at[j]!, line, size));
    labels[i]!.axis.forEach((line, j) =>
      text(bars, j ? `axis-${d.key}-${j}` : `axis-${d.key}`, 'axis-label', height - m.bottom + 22 + j * AXIS_LINE, line, theme.font.label),
    );
    if (!shown(d.key)) return;
    const g: Group = bars
      .append('g')
      .call(attrs, { class: d.derived ? 'mark bar bar--derived' : 'mark bar', 'data-key': d.key, 'data-morph': d.key });
    if (d.value === null) {
      const lines = labels[i]!.value;
      stack(
        g,
        `${d.key}-text`,
        'axis-note',
        { lines, at: lines.map((_, j) => y(max / 2) + (j - (lines.length - 1) / 2) * 16) },
        theme.font.small,
      );
      return;
    }
    const box = { x: px(x(d.key)!), y: px(y(d.value)), width: px(x.bandwidth()), height: px(y(0) - y(d.value)) };
    const rect = g.append('rect').call(attrs, { 'data-morph': `${d.key}-rect`, class: d.derived ? 'bar-derived' : 'bar-rest', ...box });
    if (d.derived) g.append(() => hatch(rect.node()!));
    for (const t of stack(g, `${d.key}-value`, 'value-label', valueStack(y, i, d.value))) t.attr('font-weight', theme.bold);
    if (d.part && shown(`${d.key}-part`)) {
      const p: Group = bars
        .append('g')
        .call(attrs, { class: 'mark bar-part-mark', 'data-key': `${d.key}-part`, 'data-morph': `${d.key}-part` });
      p.append('rect').call(attrs, {
        'data-morph': `${d.key}-part-rect`,
        class: 'bar-part',
        ...box,
        y: px(y(d.part.value)),
        height: px(y(0) - y(d.part.value)),
      });
      const label = partStack(y, i, d.value, d.part.value);
      stack(p, `${d.key}-part-value`, label.inside ? 'value-label value-label--inverse' : 'value-label', label);
    }
  });

  const at = changeAt(y);
  if (arrow && at && a && b && shown('change')) {
    const end = (d: GrowthBar, v: number) => ({ x: centre(d), y: y(v) - 30 });
    changeArrow(svg, end(a, arrow.a), end(b, arrow.b), change, at.y);
  }
  return svg;
}
