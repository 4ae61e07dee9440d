import * as Plot from '@observablehq/plot';
import { legend, legendLayout } from './legend.ts';
import { textWidth } from './text.ts';
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
  const step = compact ? 46 : 34;
  const marginLeft = compact ? 16 : longest + 16;
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
    height: marginTop + 24 + rows.length * step,
    marginTop,
    marginLeft,
    marginRight: 72,
    marginBottom: 24,
    x: { domain: [0, 100], axis: null },
    y: { domain: rows.map((d) => d.key), axis: null, padding: compact ? 0.55 : 0.3, align: compact ? 1 : 0.5 },
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
      // Labels above the bars on phones, left of them on wider screens.
      Plot.text(rows, {
        x: 0,
        y: 'key',
        ...(compact ? { dy: -17, textAnchor: 'start' } : { dx: -10, textAnchor: 'end' }),
        text: 'label',
        className: 'axis-label',
        fontSize: theme.font.label,
        ariaLabel: 'key',
      }),
      Plot.barX(rows, { y: 'key', x1: 0, x2: 100, className: 'track', ariaLabel: 'key' }),
      ...Object.keys(groups).map((g, i) =>
        Plot.barX(
          rows.filter((d) => d.group === g),
          { y: 'key', x1: 0, x2: 'value', className: `rate rate--${g} series-${i + 1}`, ariaLabel: 'key' },
        ),
      ),
      Plot.ruleX([100], { className: 'reference' }),
      Plot.text([full], {
        x: 100,
        frameAnchor: 'bottom',
        dy: 16,
        textAnchor: 'middle',
        className: 'axis-note',
        fontSize: theme.font.small,
      }),
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
