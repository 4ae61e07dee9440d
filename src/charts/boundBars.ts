import { scaleLinear, select } from 'd3';
import { xGrid } from './axis.ts';
import { createSvg, px } from './svg.ts';
import { label, spacedWidth, wrap, wrapSpaced } from './text.ts';
import { isCompact, theme } from './theme.ts';

export interface LowerBound {
  key: string;
  /** Row label, e.g. "海能科创园". */
  label: string;
  /** The reported lower bound: the true figure is larger. */
  value: number;
  /** The value as its label shows it, e.g. "超过50亿元". */
  text: string;
  /** The unit's panel: figures in different units never share a scale. */
  group: string;
}

export interface BoundBarsOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Panel titles naming each group's unit, in panel order; every bound's group must be one of them. */
  groups: Record<string, string>;
  /** Explains the open ends, e.g. "箭头表示实际数值更大，报道只给出下限". */
  note: string;
  /** Writes a tick value, e.g. 200000 → "200,000" in English (default: plain digits). */
  tickFormat?: (value: number) => string;
}

const defaults = { id: 'bound-bars', width: 640 };
const BAR = 22;
const ROW = 54;
/** The extension past a bound has a fixed length: the report says nothing about how much larger. */
const BEYOND = 40;
const LINE = 18;
/** Lower bounds ("over …") as bars that run on past their value into an open, fading arrow; one panel and scale per unit. */
export function boundBars(data: readonly LowerBound[], options: BoundBarsOptions): SVGSVGElement {
  const { document, id, width, groups, note, title, description } = { ...defaults, ...options };
  const stray = data.find((d) => !(d.group in groups));
  if (stray)
    throw new Error(`boundBars: bound "${stray.key}" has group "${stray.group}", expected one of ${Object.keys(groups).join(', ')}`);
  const compact = isCompact(width);
  const m = theme.margin;
  // A panel title or row label too long for the width (with a reader's wider text spacing) breaks
  // into lines, and its panel or row grows by them.
  const lines = (s: string, weight?: number) => wrapSpaced(s, theme.font.label, width - m.left - m.right, weight);
  const rowHeight = (r: { lines: string[] }) => ROW + (r.lines.length - 1) * LINE;
  const panels = Object.entries(groups)
    .map(([key, label]) => ({
      key,
      title: lines(label, theme.bold),
      rows: data.filter((d) => d.group === key).map((d) => ({ ...d, lines: lines(d.label) })),
    }))
    .filter((p) => p.rows.length > 0);
  const panelHeight = (p: (typeof panels)[number]) => 44 + (p.title.length - 1) * LINE + p.rows.reduce((h, r) => h + rowHeight(r), 0) + 32;
  const noteLines = wrap(note, theme.font.small, width - m.left - m.right);
  const height = 8 + panels.reduce((h, p) => h + panelHeight(p), 0) + noteLines.length * 18 + 8;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--bound-bars' });
  const root = select(svg);

  // The extension fades out: it stands for an amount the report does not give.
  const fade = root.append('defs').append('linearGradient').attr('id', `${id}-fade`);
  fade.append('stop').attr('class', 'beyond-fade-from').attr('offset', 0);
  fade.append('stop').attr('class', 'beyond-fade-to').attr('offset', 1);

  // Every panel ends its scale at the same place, leaving room for the open end and the widest label.
  const room = Math.max(0, ...data.map((d) => spacedWidth(d.text, theme.font.value, theme.bold)));
  const right = width - m.right - room - BEYOND - 18;
  let y = 8;
  for (const panel of panels) {
    const g = root.append('g').attr('class', `panel panel--${panel.key}`).attr('data-group', panel.key);
    panel.title.forEach((line, i) =>
      label(g, 'panel-title', m.left, y + 16 + i * LINE, theme.font.label, line).attr('font-weight', theme.bold),
    );
    const x = scaleLinear()
      .domain([0, Math.max(...panel.rows.map((d) => d.value))])
      .range([m.left, right]);
    const top = y + 44 + (panel.title.length - 1) * LINE;
    const bottom = top + panel.rows.reduce((h, r) => h + rowHeight(r), 0);
    xGrid(g, x, { count: compact ? 3 : 5, top: top + 10, bottom: bottom - 6, labelY: bottom + 10, format: options.tickFormat ?? String });
    let rowTop = top;
    for (const d of panel.rows) {
      const ry = rowTop + (d.lines.length - 1) * LINE;
      rowTop += rowHeight(d);
      const end = x(d.value);
      const row = g.append('g').attr('class', 'mark bound').attr('data-key', d.key);
      d.lines.forEach((line, j) => label(row, 'axis-label', m.left, ry - (d.lines.length - 1 - j) * LINE, theme.font.label, line));
      row
        .append('rect')
        .attr('class', 'bound-bar')
        .attr('x', m.left)
        .attr('y', ry + 10)
        .attr('width', px(end - m.left))
        .attr('height', BAR);
      const beyond = row.append('g').attr('class', 'beyond');
      beyond
        .append('rect')
        .attr('class', 'beyond-fade')
        .attr('x', px(end))
        .attr('y', ry + 10)
        .attr('width', BEYOND)
        .attr('height', BAR)
        .attr('fill', `url(#${id}-fade)`);
      beyond
        .append('path')
        .attr('class', 'beyond-edge')
        .attr('d', `M${px(end)},${ry + 10}h${BEYOND}M${px(end)},${ry + 10 + BAR}h${BEYOND}`);
      beyond
        .append('path')
        .attr('class', 'beyond-arrow')
        .attr('d', `M${px(end + BEYOND)},${ry + 4}l10,${BAR / 2 + 6}l-10,${BAR / 2 + 6}`);
      label(row, 'value-label', end + BEYOND + 16, ry + 10 + BAR / 2 + 5, theme.font.value, d.text).attr('font-weight', theme.bold);
    }
    y += panelHeight(panel);
  }
  noteLines.forEach((s, i) => label(root, 'axis-note', m.left, y + 4 + i * 18, theme.font.small, s));
  return svg;
}
