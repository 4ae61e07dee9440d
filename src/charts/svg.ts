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
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', ['chart', className].filter(Boolean).join(' '));
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  const t = svg.appendChild(document.createElementNS(SVG_NS, 'title'));
  t.setAttribute('id', `${id}-title`);
  t.textContent = title;
  const d = svg.appendChild(document.createElementNS(SVG_NS, 'desc'));
  d.setAttribute('id', `${id}-desc`);
  d.textContent = description;
  return svg;
}

/** Rounds a coordinate to 0.1 user units so the SVG stays small and stable. */
export const px = (x: number) => Math.round(x * 10) / 10;

/** Appends an SVG element with attributes (and text) to `parent`; null or undefined attributes are left out. */
export function append<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  name: K,
  attrs: Record<string, string | number | null | undefined>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = parent.appendChild(parent.ownerDocument.createElementNS(SVG_NS, name)) as SVGElementTagNameMap[K];
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
