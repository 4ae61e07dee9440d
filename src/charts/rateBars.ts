import { scaleBand, scaleLinear, select, type Selection } from 'd3';
import { legend, legendLayout } from './legend.ts';
import { textWidth, wrap } from './text.ts';
import { createSvg, px } from './svg.ts';
import { isCompact, theme } from './theme.ts';

export interface Rate {
  key: string;
  label: string;
  value: number;
  group: string;
  /** The value as its label shows it, e.g. "91.54%". */
  text: string;
}

export interface RateBarsOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Label of the 100% reference line. */
  full: string;
  /** Legend labels of the groups, in legend order; every rate's group must be one of them. */
  groups: Record<string, string>;
}

const defaults = { id: 'rate-bars', width: 640 };
/** The right margin holds each value label past the 100% line: at least this wide, wider for a long value. */
const MARGIN_RIGHT = 72;
const LINE = 18;

/** Highest rate first; ties in key order, so the chart and its table agree on every machine. */
export function sortRates<R extends { key: string; value: number }>(rates: readonly R[]): R[] {
  return [...rates].sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Rates sorted from highest to lowest as bars against a 100% track, coloured by group. */
export function rateBars(data: readonly Rate[], options: RateBarsOptions): SVGSVGElement {
  const { document, id, width, full, groups, title, description } = { ...defaults, ...options };
  const stray = data.find((d) => !(d.group in groups));
  if (stray) throw new Error(`rateBars: rate "${stray.key}" has group "${stray.group}", expected one of ${Object.keys(groups).join(', ')}`);
  const longest = Math.max(...data.map((d) => textWidth(d.label, theme.font.label)));
  // Labels go above the bars on phones, or wherever they would take too much of the width.
  const compact = isCompact(width) || longest + 16 > width * 0.4;
  const rows = sortRates(data);
  const marginLeft = compact ? 16 : longest + 16;
  const marginRight = Math.max(MARGIN_RIGHT, 8 + Math.max(...data.map((d) => textWidth(d.text, theme.font.value, theme.bold))) + 4);
  // The caption of the 100% line is centred on it where it fits the right margin, else it ends
  // at the line, in as many lines as it needs, and the chart grows by them.
  const centred = textWidth(full, theme.font.small) / 2 <= marginRight;
  const caption = centred ? [full] : wrap(full, theme.font.small, width - marginRight - 4);
  const marginBottom = 24 + (caption.length - 1) * LINE;
  // Above the bars a label too long for the track breaks into lines (clear of the values right of
  // it); every row makes room for the most lines.
  const track = width - marginLeft - marginRight;
  const lines = new Map(rows.map((d) => [d.key, compact ? wrap(d.label, theme.font.label, track) : [d.label]]));
  const most = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const step = compact ? 46 + (most - 1) * LINE : 34;
  // Groups take the palette's colours in their order (series-1, series-2, …), whatever their keys.
  const legendItems = Object.entries(groups).map(([key, label], i) => ({ className: `rate--${key} series-${i + 1}`, label }));
  const legendSpace = { x: marginLeft, maxWidth: width - marginLeft - 8 };
  // The axis sits below the legend, however many rows it wraps to.
  const marginTop =
    36 +
    legendLayout(
      legendItems.map((i) => i.label),
      legendSpace,
    ).height;
  const height = marginTop + marginBottom + rows.length * step;
  const x = scaleLinear([0, 100], [marginLeft, width - marginRight]);
  // The bars keep their thickness however tall the rows grow for their labels.
  const y = scaleBand(
    rows.map((d) => d.key),
    [marginTop, height - marginBottom],
  )
    .padding(compact ? 1 - (0.45 * 46) / step : 0.3)
    .align(compact ? 1 : 0.5)
    .round(true);
  // Text is placed by its baseline: 0.32 em below a row's centre puts it in the middle.
  const middle = (key: string, size: number) => px(y(key)! + y.bandwidth() / 2 + 0.32 * size);

  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--rate-bars' });
  const root = select(svg);
  const axis = root
    .append('g')
    .attr('class', 'axis')
    .attr('font-size', theme.font.axis)
    .attr('font-variant', 'tabular-nums')
    .attr('text-anchor', 'middle');
  for (const t of [0, 50, 100])
    axis
      .append('text')
      .attr('x', px(x(t)))
      .attr('y', marginTop - 9)
      .text(`${t}%`);
  root
    .append('g')
    .attr('class', 'reference')
    .append('line')
    .attr('x1', px(x(100)))
    .attr('x2', px(x(100)))
    .attr('y1', marginTop)
    .attr('y2', height - marginBottom);
  // Lines of text in a group that sets their class, size and anchor.
  const textLines = <E extends SVGElement>(
    parent: Selection<E, unknown, null, undefined>,
    cls: string,
    size: number,
    anchor: string,
    texts: string[],
    at: { x: number; y: (i: number) => number },
  ) => {
    const g = parent.append('g').attr('class', cls).attr('font-size', size).attr('text-anchor', anchor);
    texts.forEach((line, i) =>
      g
        .append('text')
        .attr('x', px(at.x))
        .attr('y', px(at.y(i)))
        .text(line),
    );
    return g;
  };
  textLines(root, 'axis-note', theme.font.small, centred ? 'middle' : 'end', caption, {
    x: x(100),
    y: (i) => height - marginBottom + 16 + i * LINE,
  });
  // One group per rate, as the enhancer reads them: its label, track, bar and value.
  for (const d of rows) {
    const g = root.append('g').attr('class', `mark group-${d.group}`).attr('data-key', d.key);
    // Labels above the bars on phones, left of them on wider screens; a label's lines end just above its bar.
    const label = lines.get(d.key)!;
    const centre = middle(d.key, theme.font.label);
    textLines(g, 'axis-label', theme.font.label, compact ? 'start' : 'end', label, {
      x: compact ? x(0) : x(0) - 10,
      y: (j) => (compact ? centre - 17 - (label.length - 1 - j) * LINE : centre),
    });
    const bar = (cls: string, to: number) =>
      g
        .append('g')
        .attr('class', cls)
        .append('rect')
        .attr('x', px(x(0)))
        .attr('y', y(d.key)!)
        .attr('width', px(x(to) - x(0)))
        .attr('height', y.bandwidth());
    bar('track', 100);
    bar(`rate rate--${d.group} series-${Object.keys(groups).indexOf(d.group) + 1}`, d.value);
    textLines(g, 'value-label', theme.font.value, 'start', [d.text], { x: x(100) + 8, y: () => middle(d.key, theme.font.value) }).attr(
      'font-weight',
      theme.bold,
    );
  }
  legend(svg, legendItems, { ...legendSpace, y: 6 });
  return svg;
}
