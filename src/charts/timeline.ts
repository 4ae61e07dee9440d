import { scaleLinear, select, type Selection } from 'd3';
import { legend } from './legend.ts';
import { createSvg, px } from './svg.ts';
import { textWidth, wrap } from './text.ts';
import { theme } from './theme.ts';

export interface Milestone {
  key: string;
  /** 'YYYY' or 'YYYY-MM'. */
  date: string;
  label: string;
  /** The event's kind: a key of the `kinds` option. */
  kind: string;
}

export interface TimelineOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Legend labels of the kinds, in legend order. */
  kinds: Record<string, string>;
  /** Formats a date for its label, e.g. '2002-04' → '2002年4月'. */
  dateLabel: (date: string) => string;
  /** Note beside a compressed gap, given its first and last omitted years, e.g. (2007, 2017) → '2007—2017年未提及'. */
  gap?: (from: number, to: number) => string;
}

const defaults = { id: 'timeline', width: 640 };
type G = Selection<SVGGElement, unknown, null, undefined>;
/** Label line height, space between stacked events, height of a compressed gap, least height of a year. */
const LINE = 18;
const STACK = 5;
const BREAK = 40;
const MIN_YEAR = 44;
/** A break's note: its line height, and the least height of a break around a one-line note. */
const NOTE_LINE = 16;
const NOTE_BREAK = 32;

/** 'YYYY' → the start of the year; 'YYYY-MM' → the start of the month, in fractional years. */
const toYear = (date: string) => Number(date.slice(0, 4)) + (date.length > 4 ? (Number(date.slice(5, 7)) - 1) / 12 : 0);
/**
 * A vertical timeline, time running down on a linear scale of fractional years. Runs of two or more
 * empty years are compressed to a short dotted stretch with a break mark; all other years keep one scale.
 */
export function timeline(data: readonly Milestone[], options: TimelineOptions): SVGSVGElement {
  const { document, id, width, kinds, dateLabel, gap, title, description } = { ...defaults, ...options };
  if (data.length === 0) throw new Error('timeline: no events to draw');
  const stray = data.find((d) => !(d.kind in kinds));
  if (stray) throw new Error(`timeline: event "${stray.key}" has kind "${stray.kind}", expected one of ${Object.keys(kinds).join(', ')}`);
  const { font, margin: m } = theme;
  const sorted = data.map((d) => ({ ...d, t: toYear(d.date) })).sort((a, b) => a.t - b.t);
  const first = Math.floor(sorted[0]!.t);
  const last = Math.floor(sorted.at(-1)!.t);
  // Dates and year numbers share the column left of the line.
  const column = Math.max(textWidth(String(last), font.axis), ...sorted.map((d) => textWidth(dateLabel(d.date), font.small, theme.bold)));
  const axisX = m.left + column + 12;
  const labelX = axisX + 14;
  const room = width - m.right - labelX;
  const events = sorted.map((d, i) => ({ ...d, lines: wrap(d.label, font.label, room), dated: sorted[i - 1]?.date !== d.date, cy: 0 }));
  const years = new Set(events.map((d) => Math.floor(d.t)));
  // What an event takes down the page: its label lines and the space before the next one.
  const need = (d: (typeof events)[number]) => d.lines.length * LINE + STACK;
  // A year is as tall as its busiest stack needs, wherever in the year that stack falls, so
  // one scale fits every year and no month stretches it.
  let k = MIN_YEAR;
  for (const y of years)
    k = Math.max(
      k,
      events.filter((d) => Math.floor(d.t) === y).reduce((h, d) => h + need(d), 0),
    );

  // The height depends on the legend's, so it is set once the events are placed.
  const svg = createSvg({ document, id, width, height: 0, title, description, className: 'chart--timeline' });
  // Kinds take the palette's colours in their order (series-1, series-2, …), whatever their keys.
  const series = (kind: string) => `kind-${kind} series-${Object.keys(kinds).indexOf(kind) + 1}`;
  const items = Object.entries(kinds).map(([kind, label]) => ({ className: series(kind), label }));
  const top = legend(svg, items, { x: m.left, y: 6, maxWidth: width - m.left - m.right }) + 34;

  // A lone empty year keeps its place; longer empty runs become breaks.
  const shown = (y: number) => years.has(y) || (years.has(y - 1) && years.has(y + 1));
  // A break is as tall as its note needs, so the note clears the events either side.
  const notes = new Map<number, string[]>();
  const stops: [number, number][] = [[first, top]];
  for (let y = first, at = top; y < last;) {
    if (shown(y)) y += 1;
    else while (!shown(y)) y += 1;
    const from = stops.at(-1)![0];
    if (from === y - 1) at += k;
    else {
      const note = gap ? wrap(gap(from, y - 1), font.small, room) : [];
      notes.set(from, note);
      at += Math.max(BREAK, NOTE_BREAK + (note.length - 1) * NOTE_LINE);
    }
    stops.push([y, at]);
  }
  // The axis ends at the last event's year; that year runs on at the same scale.
  const scale = scaleLinear()
    .domain([...stops.map((s) => s[0]), last + 1])
    .range([...stops.map((s) => s[1]), stops.at(-1)![1] + k]);
  // Each event sits at its date unless the one before pushes it down. A stack that would run
  // past the end of its year moves up just enough to fit (it always can: a year holds its
  // busiest stack), so every dot stays within its year.
  const ceiling = new Map<(typeof events)[number], number>();
  for (let i = events.length - 1, limit = Infinity; i >= 0; i--) {
    const d = events[i]!;
    const y = Math.floor(d.t);
    if (Math.floor(events[i + 1]?.t ?? NaN) !== y) limit = y < last ? scale(y + 1) + LINE / 2 : Infinity;
    limit -= need(d);
    ceiling.set(d, limit);
  }
  let bottom = -Infinity;
  for (const d of events) {
    d.cy = Math.max(Math.min(scale(d.t), ceiling.get(d)!), bottom + STACK + LINE / 2);
    bottom = d.cy + LINE / 2 + (d.lines.length - 1) * LINE;
  }
  const end = Math.max(stops.at(-1)![1], events.at(-1)!.cy);
  const height = px(Math.max(end, bottom) + 24);
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);
  const text = (g: G, cls: string, x: number, y: number, size: number, anchor = 'start') =>
    g.append('text').attr('class', cls).attr('x', px(x)).attr('y', px(y)).attr('text-anchor', anchor).attr('font-size', size);
  const axis = root.append('g').attr('class', 'timeline-axis').attr('aria-hidden', 'true');
  const path = (g: G, cls: string, d: string) => g.append('path').attr('class', cls).attr('d', d);
  const segments = stops.slice(1).map((to, i) => ({ from: stops[i]!, to, v: `M${px(axisX)},${px(stops[i]![1])}V${px(to[1])}` }));
  // The solid line runs on past the last year's tick to the last event, and no further.
  const tail = end > stops.at(-1)![1] ? `M${px(axisX)},${px(stops.at(-1)![1])}V${px(end)}` : '';
  path(axis, 'axis-line', segments.map((s) => (s.to[0] - s.from[0] === 1 ? s.v : '')).join('') + tail);
  for (const { from, to, v } of segments.filter((s) => s.to[0] - s.from[0] > 1)) {
    // The omitted years are drawn dotted and crossed by two slashes, so the shortened stretch is not read to scale.
    const mid = (from[1] + to[1]) / 2;
    const g = axis.append('g').attr('class', 'axis-break');
    path(g, 'axis-break-gap', v);
    path(g, 'axis-break-mark', `M${px(axisX - 7)},${px(mid - 1)}l14,-6M${px(axisX - 7)},${px(mid + 6)}l14,-6`);
    const note = notes.get(from[0]) ?? [];
    note.forEach((line, i) => text(g, 'axis-note', labelX, mid + 4 + (i - (note.length - 1) / 2) * NOTE_LINE, font.small).text(line));
  }
  for (const [year, y] of stops) {
    path(axis, 'axis-tick', `M${px(axisX - 6)},${px(y)}h6`).attr('data-year', year);
    // An event's date stands in for the year number it would sit on.
    if (!events.some((d) => d.dated && Math.abs(d.cy - y) < 16))
      text(axis, 'axis-label', axisX - 10, y + 4, font.axis, 'end').text(String(year));
  }

  const marks = root.append('g').attr('class', 'events');
  for (const d of events) {
    const g = marks.append('g').attr('class', 'mark event').attr('data-key', d.key);
    g.append('circle').attr('class', series(d.kind)).attr('cx', px(axisX)).attr('cy', px(d.cy)).attr('r', 6);
    if (d.dated)
      text(g, 'event-date', axisX - 10, d.cy + 4.5, font.small, 'end')
        .attr('font-weight', theme.bold)
        .text(dateLabel(d.date));
    d.lines.forEach((line, i) => text(g, 'event-label', labelX, d.cy + 5 + i * LINE, font.label).text(line));
  }
  return svg;
}
