import { scaleLinear, select } from 'd3';
import { xGrid } from './axis.ts';
import { legend, legendLayout } from './legend.ts';
import { createSvg, px } from './svg.ts';
import { label, textWidth, wrap } from './text.ts';
import { isCompact, theme } from './theme.ts';

export interface Stage {
  key: string;
  /** Row label, e.g. "现有（一期）". */
  label: string;
  value: number;
  /** The value as its label shows it, e.g. "0.5万吨/天". */
  text: string;
  /** Capacity still being built; drawn lighter with a dashed outline. */
  planned?: boolean;
}

export interface StageBarsData {
  stages: readonly Stage[];
  /** A share in 0–100 (the collection rate), drawn as a ring of its own, away from the capacity scale. */
  rate?: { label: string; value: number; text: string };
}

export interface StageBarsOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Axis title naming the unit, e.g. "单位：万吨/天". */
  unit: string;
  legend: { built: string; planned: string };
  /** Writes a tick value, e.g. 200000 → "200,000" in English (default: plain digits). */
  tickFormat?: (value: number) => string;
}

const defaults = { id: 'stage-bars', width: 640 };
const BAR = 26;
const ROW = 64;
const LINE = 18;
const RING = { r: 30, stroke: 12 };
/** Daily capacity per stage as bars on one scale from 0, planned stages dashed; the collection rate as a separate 0–100% ring. */
export function stageBars(data: StageBarsData, options: StageBarsOptions): SVGSVGElement {
  const { document, id, width, unit, title, description } = { ...defaults, ...options };
  const { stages, rate } = data;
  const compact = isCompact(width);
  const m = theme.margin;
  const legendItems = [
    { className: 'stage-built', label: options.legend.built },
    { className: 'stage-planned', label: options.legend.planned },
  ];
  const legendSpace = { x: m.left, stacked: compact, maxWidth: width - m.left - m.right };
  const legendHeight = legendLayout(
    legendItems.map((i) => i.label),
    legendSpace,
  ).height;
  const top = legendHeight + 54;
  // A row label too long for the width breaks into lines above its bar, and its row grows by them.
  const rows = stages.map((d) => wrap(d.label, theme.font.label, width - m.left - m.right));
  const rowTop = rows.map((_, i) => top + rows.slice(0, i).reduce((h, l) => h + ROW + (l.length - 1) * LINE, 0));
  const gridBottom = top + rows.reduce((h, l) => h + ROW + (l.length - 1) * LINE, 0) - 8;
  const outer = RING.r + RING.stroke / 2;
  const ruleY = gridBottom + 34;
  const cx = m.left + outer;
  const cy = ruleY + 16 + outer;
  const labelX = cx + outer + 14;
  const rateLines = rate ? wrap(rate.label, theme.font.label, width - m.right - labelX) : [];
  const height = rate ? Math.max(cy + outer, cy + rateLines.length * 18) + 16 : gridBottom + 32;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--stage-bars' });
  const root = select(svg);

  legend(svg, legendItems, { ...legendSpace, y: 6 });
  label(root, 'axis-title', m.left, legendHeight + 24, theme.font.small, unit);

  // Value labels sit past the bar ends, so the scale stops short of the widest one.
  const room = Math.max(0, ...stages.map((d) => textWidth(d.text, theme.font.value, theme.bold))) + 10;
  const x = scaleLinear()
    .domain([0, Math.max(...stages.map((d) => d.value))])
    .nice()
    .range([m.left, width - m.right - room]);
  xGrid(root, x, {
    count: compact ? 3 : 5,
    top: top + 12,
    bottom: gridBottom,
    labelY: gridBottom + 16,
    format: options.tickFormat ?? String,
  });

  const bars = root.append('g').attr('class', 'stages');
  stages.forEach((d, i) => {
    const lines = rows[i]!;
    const y = rowTop[i]! + (lines.length - 1) * LINE;
    const g = bars
      .append('g')
      .attr('class', d.planned ? 'mark stage planned' : 'mark stage')
      .attr('data-key', d.key);
    lines.forEach((line, j) => label(g, 'axis-label', m.left, rowTop[i]! + j * LINE, theme.font.label, line));
    g.append('rect')
      .attr('class', d.planned ? 'stage-planned' : 'stage-built')
      .attr('x', m.left)
      .attr('y', y + 12)
      .attr('width', px(x(d.value) - m.left))
      .attr('height', BAR);
    label(g, 'value-label', x(d.value) + 8, y + 12 + BAR / 2 + 5, theme.font.value, d.text).attr('font-weight', theme.bold);
  });

  if (rate) {
    // A share, not a capacity: a ring on its own 0–100 scale below a rule, so no one reads it against the bars.
    root
      .append('line')
      .attr('class', 'rate-rule')
      .attr('x1', m.left)
      .attr('x2', width - m.right)
      .attr('y1', ruleY)
      .attr('y2', ruleY);
    const g = root.append('g').attr('class', 'mark rate').attr('data-key', 'rate');
    const circumference = 2 * Math.PI * RING.r;
    const share = Math.min(100, Math.max(0, rate.value)) / 100;
    for (const cls of ['rate-track', 'rate-value']) {
      const ring = g.append('circle').attr('class', cls).attr('cx', cx).attr('cy', cy).attr('r', RING.r).attr('stroke-width', RING.stroke);
      // The arc starts at 12 o'clock and runs clockwise, like a clock face.
      if (cls === 'rate-value')
        ring.attr('stroke-dasharray', `${px(circumference * share)} ${px(circumference)}`).attr('transform', `rotate(-90 ${cx} ${cy})`);
    }
    label(g, 'value-label', cx, cy + 5, theme.font.value, rate.text)
      .attr('text-anchor', 'middle')
      .attr('font-weight', theme.bold);
    rateLines.forEach((s, i) => label(g, 'rate-label', labelX, cy + 5 + (i - (rateLines.length - 1) / 2) * 18, theme.font.label, s));
  }
  return svg;
}
