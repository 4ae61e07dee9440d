import { select } from 'd3';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SvgOptions {
  document: Document;
  /** Chart id; every id inside the SVG is derived from it. */
  id: string;
  width: number;
  height: number;
  /** Accessible name (the chart title). */
  title: string;
  /** Accessible description (what the chart shows, in one or two sentences). */
  description: string;
  className?: string;
}

/** A root `<svg role="img">` with `<title>` and `<desc>` wired to aria-labelledby/describedby. */
export function createSvg({ document, id, width, height, title, description, className }: SvgOptions): SVGSVGElement {
  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('xmlns', SVG_NS)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('class', ['chart', className].filter(Boolean).join(' '))
    .attr('aria-labelledby', `${id}-title`)
    .attr('aria-describedby', `${id}-desc`);
  svg.append('title').attr('id', `${id}-title`).text(title);
  svg.append('desc').attr('id', `${id}-desc`).text(description);
  return svg.node()!;
}

/** Rounds a coordinate to 0.1 user units so the SVG stays small and stable. */
export const px = (x: number) => Math.round(x * 10) / 10;

/**
 * Sets every attribute of `values` on a d3 selection, in their order; null or undefined
 * leaves one out. Use it with `selection.call(attrs, {…})` where a chart spreads a shared box
 * or anchor into an element (d3 v7 no longer has d3-selection-multi's `attrs`).
 */
export function attrs<S extends { attr(name: string, value: string | number | null): unknown }>(
  selection: S,
  values: Record<string, string | number | null | undefined>,
): void {
  for (const [k, v] of Object.entries(values)) selection.attr(k, v ?? null);
}
