import { scaleLinear, scalePoint } from 'd3';
import { append, createSvg, px } from './svg.ts';
import { wrap } from './text.ts';
import { isCompact, theme } from './theme.ts';

export interface RankPoint {
  key: string;
  /** Axis label, e.g. "2018年". */
  label: string;
  rank: number;
}

export interface RankSlopeOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Formats a rank for its label, e.g. 35 → "第35名". */
  format?: (rank: number) => string;
  /** Text beside the line, e.g. "上升2位". */
  change?: string;
  /** Marks the direction of better ranks, e.g. "↑ 名次更靠前". */
  better: string;
  /** Says which ranks the axis shows and that the field size is not reported. */
  window: (from: number, to: number) => string;
  /** Ranks shown above and below the data. */
  padding?: number;
  /** Points to draw, by key (default all); the line and change label need the first and last. */
  visible?: readonly string[];
  /** Writes a rank on the axis, e.g. 1000 → "1,000" in English (default: plain digits). */
  tickFormat?: (value: number) => string;
}

const defaults = {
  id: 'rank-slope',
  width: 640,
  format: (r: number) => `#${r}`,
  change: '',
  padding: 2,
  tickFormat: String as (value: number) => string,
};

/**
 * A slope between yearly ranks with rank 1 upwards. The axis is a window around the data
 * and never ends at a last place: the report does not say how many zones were ranked.
 */
export function rankSlope(data: readonly RankPoint[], options: RankSlopeOptions): SVGSVGElement {
  const { document, id, width, format, change, better, window, padding, title, description, tickFormat } = { ...defaults, ...options };
  const shown = data.filter((d) => !options.visible || options.visible.includes(d.key));
  const compact = isCompact(width);
  const ranks = data.map((d) => d.rank);
  const best = Math.max(1, Math.min(...ranks) - padding);
  const worst = Math.max(...ranks) + padding;
  // The note under the axis wraps to the width; the plot keeps its size above it.
  const note = wrap(window(best, worst), theme.font.small, width - 8);
  const height = (compact ? 300 : 320) + (note.length - 1) * 16;
  const m = { top: 44, right: compact ? 24 : 120, bottom: 56 + (note.length - 1) * 16, left: compact ? 24 : 120 };
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--rank-slope' });
  const x = scalePoint<string>()
    .domain(data.map((d) => d.key))
    .range([m.left + 56, width - m.right - 56]);
  // Rank 1 is the best, so smaller numbers sit higher.
  const y = scaleLinear()
    .domain([best, worst])
    .range([m.top, height - m.bottom]);

  const grid = append(svg, 'g', { class: 'grid', 'aria-hidden': 'true' });
  // Every rank gets a line in a narrow window; a wide one gets a few round ticks instead.
  const ticks = worst - best > 12 ? y.ticks(6).filter(Number.isInteger) : Array.from({ length: worst - best + 1 }, (_, i) => best + i);
  for (const r of ticks) {
    // Rank numbers stay at the far left, clear of the point labels.
    append(grid, 'line', { x1: 32, x2: width - 4, y1: px(y(r)), y2: px(y(r)) });
    append(
      grid,
      'text',
      { class: 'axis-label', x: 26, y: px(y(r)) + 4, 'text-anchor': 'end', 'font-size': theme.font.axis },
      tickFormat(r),
    );
  }
  append(svg, 'text', { class: 'axis-title', x: 4, y: 18, 'font-size': theme.font.small, 'font-weight': 700 }, better);
  for (const d of data) {
    append(
      svg,
      'text',
      { class: 'axis-label', x: px(x(d.key)!), y: height - m.bottom + 24, 'text-anchor': 'middle', 'font-size': theme.font.label },
      d.label,
    );
  }

  // A line with one visible point is drawn with both ends on it, so it can grow into the next state.
  const first = shown[0];
  const last = shown.at(-1);
  const at = (d: RankPoint) => `${px(x(d.key)!)},${px(y(d.rank))}`;
  if (first && last) {
    const path = shown.map((d, i) => `${i ? 'L' : 'M'}${at(d)}`).join(' ') + (shown.length === 1 ? ` L${at(first)}` : '');
    append(svg, 'path', { 'data-morph': 'slope-line', class: 'slope-line', d: path });
  }
  shown.forEach((d, i) => {
    const g = append(svg, 'g', { class: 'mark slope-point', 'data-key': d.key, 'data-morph': d.key });
    const cx = x(d.key)!;
    const cy = y(d.rank);
    append(g, 'circle', { 'data-morph': `${d.key}-dot`, cx: px(cx), cy: px(cy), r: 7 });
    const end = i === data.length - 1;
    // On phones the labels sit above the points, clear of the rank axis on the left.
    const label = compact
      ? { x: px(cx), y: px(cy - 14), 'text-anchor': 'middle' }
      : { x: px(cx + (end ? 14 : -14)), y: px(cy + 5), 'text-anchor': end ? 'start' : 'end' };
    append(
      g,
      'text',
      { 'data-morph': `${d.key}-value`, class: 'value-label', ...label, 'font-size': theme.font.value, 'font-weight': 700 },
      format(d.rank),
    );
  });
  if (change && first && last && first !== last) {
    const mid = { x: px((x(first.key)! + x(last.key)!) / 2), y: px((y(first.rank) + y(last.rank)) / 2 + (compact ? 26 : -14)) };
    append(
      svg,
      'text',
      {
        'data-morph': 'change-label',
        class: 'change-label',
        ...mid,
        'text-anchor': 'middle',
        'font-size': theme.font.value,
        'font-weight': 700,
      },
      change,
    );
  }
  note.forEach((line, i) =>
    append(svg, 'text', { class: 'axis-note', x: 4, y: height - 8 - (note.length - 1 - i) * 16, 'font-size': theme.font.small }, line),
  );
  return svg;
}
