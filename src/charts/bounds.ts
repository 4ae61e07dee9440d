import { textWidth } from './text.ts';

/**
 * Where a chart's labels sit, by the charts' own measure of text (`textWidth`): the boxes the
 * story check holds inside the chart and clear of each other, at every width, state and view,
 * and that the chart tests check.
 */

/** Sum of the translate() offsets of an element and its ancestors. */
function offset(el: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const t = /translate\(\s*([-\d.e]+)(?:[\s,]+([-\d.e]+))?\s*\)/.exec(e.getAttribute('transform') ?? '');
    if (t) {
      x += Number(t[1]);
      y += Number(t[2] ?? 0);
    }
  }
  return [x, y];
}

/** The nearest value of an attribute on an element or its ancestors (font size, text anchor inherit). */
const inherited = (el: Element | null, name: string): string | null =>
  el ? (el.getAttribute(name) ?? inherited(el.parentElement, name)) : null;

/** A coordinate attribute in user units: "12", "0.32em" (of the font size), or 0 when absent. */
const length = (value: string | null, size: number) => {
  if (!value) return 0;
  const n = Number.parseFloat(value);
  return value.trim().endsWith('em') ? n * size : n;
};

/** Share of the font size a label's box reaches above its baseline, and below it (one em in all). */
export const ASCENT = 0.8;
export const DESCENT = 0.2;

export interface TextBox {
  text: string;
  size: number;
  left: number;
  right: number;
  /** Top and bottom of the em box: ASCENT above the baseline, DESCENT below. */
  top: number;
  bottom: number;
}

/**
 * Where each label of a chart sits: its width by the charts' own measure (`textWidth` of
 * src/charts/text.ts, the rule the charts lay out by), placed by its anchor, x, y, dx, dy
 * and every translate() above it, one em tall.
 */
export function textExtents(svg: SVGSVGElement): TextBox[] {
  return [...svg.querySelectorAll('text')].map((t) => {
    const size = Number(inherited(t, 'font-size')) || 10;
    const text = t.textContent ?? '';
    const width = textWidth(text, size, Number(inherited(t, 'font-weight')) || 400);
    const [ox, oy] = offset(t);
    const x = ox + length(t.getAttribute('x'), size) + length(t.getAttribute('dx'), size);
    const baseline = oy + length(t.getAttribute('y'), size) + length(t.getAttribute('dy'), size);
    const anchor = inherited(t, 'text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    return { text, size, left, right: left + width, top: baseline - ASCENT * size, bottom: baseline + DESCENT * size };
  });
}

/** Pairs of labels whose boxes overlap by more than `slack` units both ways. */
export function overlappingLabels(boxes: readonly TextBox[], slack = 0.5): [TextBox, TextBox][] {
  const shown = boxes.filter((b) => b.text.trim());
  const pairs: [TextBox, TextBox][] = [];
  shown.forEach((a, i) => {
    for (const b of shown.slice(i + 1)) {
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > slack && h > slack) pairs.push([a, b]);
    }
  });
  return pairs;
}

/** A drawn chart's size and labels. */
export interface Layout {
  width: number;
  height: number;
  labels: TextBox[];
}

/**
 * Layouts by markup, read while the chart was still a DOM tree (see `rememberLayout`), so the
 * story check measures a chart without parsing its markup again. Bounded, oldest first out; kept
 * for the next check in the same process (the dev server, the editing screen's saves), where a
 * save redraws every chart but only the charts it changed need reading.
 */
const layouts = new Map<string, Layout>();
const LAYOUTS_KEPT = 4000;

/** Records the layout of a chart just drawn, under the markup it serialises to. */
export function rememberLayout(svg: SVGSVGElement, markup: string): void {
  layouts.set(markup, { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')), labels: textExtents(svg) });
  if (layouts.size > LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value!);
}

/** The layout of a chart's markup: remembered from its drawing, or read from the markup on `parse`'s DOM. */
export function layoutOf(markup: string, parse: (markup: string) => SVGSVGElement): Layout {
  const known = layouts.get(markup);
  if (known) return known;
  const svg = parse(markup);
  rememberLayout(svg, markup);
  return layouts.get(markup)!;
}
