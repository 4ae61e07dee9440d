import * as Plot from '@observablehq/plot';
import { legend, legendLayout } from './legend.ts';
import { textWidth, wrap } from './text.ts';
import { createSvg } from './svg.ts';
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
  const marginRight = Math.max(MARGIN_RIGHT, 8 + Math.max(...data.map((d) => textWidth(d.text, theme.font.value))) + 4);
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
  const plot = Plot.plot({
    document,
    width,
    height: marginTop + marginBottom + rows.length * step,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom,
    x: { domain: [0, 100], axis: null },
    // The bars keep their thickness however tall the rows grow for their labels.
    y: { domain: rows.map((d) => d.key), axis: null, padding: compact ? 1 - (0.45 * 46) / step : 0.3, align: compact ? 1 : 0.5 },
    marks: [
      Plot.axisX({
        anchor: 'top',
        ticks: [0, 50, 100],
        tickFormat: (d: number) => `${d}%`,
        tickSize: 0,
        label: null,
        fontSize: theme.font.axis,
        textAnchor: 'middle',
        className: 'axis',
      }),
      // Labels above the bars on phones, left of them on wider screens. Line k from the end of a
      // label sits k lines above the bar (one mark per k, top line first, so the text reads in order).
      ...Array.from({ length: most }, (_, i) => most - 1 - i).map((k) =>
        Plot.text(
          rows.filter((d) => lines.get(d.key)!.length > k),
          {
            x: 0,
            y: 'key',
            ...(compact ? { dy: -17 - k * LINE, textAnchor: 'start' } : { dx: -10, textAnchor: 'end' }),
            text: (d: Rate) => lines.get(d.key)!.at(-1 - k),
            className: 'axis-label',
            fontSize: theme.font.label,
            ariaLabel: 'key',
          },
        ),
      ),
      Plot.barX(rows, { y: 'key', x1: 0, x2: 100, className: 'track', ariaLabel: 'key' }),
      ...Object.keys(groups).map((g, i) =>
        Plot.barX(
          rows.filter((d) => d.group === g),
          { y: 'key', x1: 0, x2: 'value', className: `rate rate--${g} series-${i + 1}`, ariaLabel: 'key' },
        ),
      ),
      Plot.ruleX([100], { className: 'reference' }),
      ...caption.map((line, i) =>
        Plot.text([line], {
          x: 100,
          frameAnchor: 'bottom',
          dy: 16 + i * LINE,
          textAnchor: centred ? 'middle' : 'end',
          className: 'axis-note',
          fontSize: theme.font.small,
        }),
      ),
      Plot.text(rows, {
        x: 100,
        y: 'key',
        dx: 8,
        text: 'text',
        textAnchor: 'start',
        className: 'value-label',
        fontSize: theme.font.value,
        fontWeight: 700,
        ariaLabel: 'key',
      }),
    ],
  }) as SVGSVGElement;
  plot.querySelectorAll('style').forEach((s) => s.remove());
  groupByRow(plot, rows);
  // Plot labels its mark groups with aria-label; the figure's table carries the data instead.
  plot.querySelectorAll('[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
  const svg = createSvg({
    document,
    id,
    width,
    height: Number(plot.getAttribute('height')),
    title,
    description,
    className: 'chart--rate-bars',
  });
  // Plot sets text defaults on its root (text-anchor="middle" among them); keep them on a group.
  const g = svg.appendChild(document.createElementNS(plot.namespaceURI, 'g'));
  for (const name of ['fill', 'font-size', 'text-anchor']) g.setAttribute(name, plot.getAttribute(name) ?? '');
  while (plot.firstChild) g.appendChild(plot.firstChild);
  legend(svg, legendItems, { ...legendSpace, y: 6 });
  return svg;
}

/**
 * Plot groups elements by mark (all tracks, all bars, all labels); the enhancer needs one
 * group per rate. Each element Plot tagged with its row key moves into a `g.mark` for that
 * row, inside a shallow copy of its old parent so its transform and font settings hold.
 */
function groupByRow(plot: SVGSVGElement, rows: readonly Rate[]): void {
  const tagged = [...plot.querySelectorAll('[aria-label]')].filter((e) => e.localName === 'rect' || e.localName === 'text');
  for (const row of rows) {
    const mark = plot.ownerDocument.createElementNS(plot.namespaceURI, 'g');
    mark.setAttribute('class', `mark group-${row.group}`);
    mark.setAttribute('data-key', row.key);
    for (const el of tagged.filter((e) => e.getAttribute('aria-label') === row.key)) {
      const wrap = el.parentElement!.cloneNode(false) as Element;
      wrap.removeAttribute('aria-label');
      el.removeAttribute('aria-label');
      wrap.appendChild(el);
      mark.appendChild(wrap);
    }
    plot.appendChild(mark);
  }
  // The groups Plot made are empty now, but for the axis.
  for (const g of plot.querySelectorAll(':scope > g')) if (!g.hasChildNodes()) g.remove();
}
