import { scaleLinear, scalePoint, select } from 'd3';
import { createSvg, px } from './svg.ts';
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
}

const defaults = { id: 'ranking', width: 640, format: (r: number) => `#${r}`, change: '', padding: 2 };

/**
 * A slope between yearly ranks with rank 1 upwards. The axis is a window around the data
 * and never ends at a last place: the report does not say how many zones were ranked.
 */
export function rankSlope(data: readonly RankPoint[], options: RankSlopeOptions): SVGSVGElement {
  const { document, id, width, format, change, better, window, padding, title, description } = { ...defaults, ...options };
  const compact = isCompact(width);
  const height = compact ? 300 : 320;
  const m = { top: 44, right: compact ? 24 : 120, bottom: 56, left: compact ? 24 : 120 };
  const ranks = data.map((d) => d.rank);
  const best = Math.max(1, Math.min(...ranks) - padding);
  const worst = Math.max(...ranks) + padding;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--ranking' });
  const root = select(svg);
  const x = scalePoint<string>()
    .domain(data.map((d) => d.key))
    .range([m.left + 56, width - m.right - 56]);
  // Rank 1 is the best, so smaller numbers sit higher.
  const y = scaleLinear()
    .domain([best, worst])
    .range([m.top, height - m.bottom]);

  const grid = root.append('g').attr('class', 'grid').attr('aria-hidden', 'true');
  // Every rank gets a line in a narrow window; a wide one gets a few round ticks instead.
  const ticks = worst - best > 12 ? y.ticks(6).filter(Number.isInteger) : Array.from({ length: worst - best + 1 }, (_, i) => best + i);
  for (const r of ticks) {
    // Rank numbers stay at the far left, clear of the point labels.
    grid
      .append('line')
      .attr('x1', 32)
      .attr('x2', width - 4)
      .attr('y1', px(y(r)))
      .attr('y2', px(y(r)));
    grid
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', 26)
      .attr('y', px(y(r)) + 4)
      .attr('text-anchor', 'end')
      .attr('font-size', theme.font.axis)
      .text(String(r));
  }
  root
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', 4)
    .attr('y', 18)
    .attr('font-size', theme.font.small)
    .attr('font-weight', 700)
    .text(better);

  const line = root.append('g').attr('class', 'slope');
  line
    .append('path')
    .attr('class', 'slope-line')
    .attr('d', data.map((d, i) => `${i ? 'L' : 'M'}${px(x(d.key)!)},${px(y(d.rank))}`).join(' '));
  data.forEach((d, i) => {
    const g = line.append('g').attr('class', 'slope-point').attr('data-key', d.key);
    const cx = x(d.key)!;
    const cy = y(d.rank);
    g.append('circle').attr('cx', px(cx)).attr('cy', px(cy)).attr('r', 7);
    const last = i === data.length - 1;
    // On phones the labels sit above the points, clear of the rank axis on the left.
    g.append('text')
      .attr('class', 'value-label')
      .attr('x', px(compact ? cx : cx + (last ? 14 : -14)))
      .attr('y', px(compact ? cy - 14 : cy + 5))
      .attr('text-anchor', compact ? 'middle' : last ? 'start' : 'end')
      .attr('font-size', theme.font.value)
      .attr('font-weight', 700)
      .text(format(d.rank));
    g.append('text')
      .attr('class', 'axis-label')
      .attr('x', px(cx))
      .attr('y', height - m.bottom + 24)
      .attr('text-anchor', 'middle')
      .attr('font-size', theme.font.label)
      .text(d.label);
  });
  if (change && data.length >= 2) {
    const a = data[0]!;
    const b = data.at(-1)!;
    root
      .append('text')
      .attr('class', 'change-label')
      .attr('x', px((x(a.key)! + x(b.key)!) / 2))
      .attr('y', px((y(a.rank) + y(b.rank)) / 2 + (compact ? 26 : -14)))
      .attr('text-anchor', 'middle')
      .attr('font-size', theme.font.value)
      .attr('font-weight', 700)
      .text(change);
  }
  root
    .append('text')
    .attr('class', 'axis-note')
    .attr('x', 4)
    .attr('y', height - 8)
    .attr('font-size', theme.font.small)
    .text(window(best, worst));
  return svg;
}
