import { SVG_NS } from './svg.ts';

/** Adds the diagonal hatch pattern `${id}-hatch` that marks derived or planned figures. */
export function hatchPattern(svg: SVGSVGElement, id: string): void {
  const document = svg.ownerDocument;
  const defs = svg.appendChild(document.createElementNS(SVG_NS, 'defs'));
  const pattern = defs.appendChild(document.createElementNS(SVG_NS, 'pattern'));
  for (const [k, v] of Object.entries({
    id: `${id}-hatch`,
    width: 6,
    height: 6,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  })) {
    pattern.setAttribute(k, String(v));
  }
  const line = pattern.appendChild(document.createElementNS(SVG_NS, 'rect'));
  for (const [k, v] of Object.entries({ class: 'hatch-line', width: 2, height: 6 })) line.setAttribute(k, String(v));
}

/**
 * A copy of `rect` filled with the hatch. The stylesheet paints shapes by class, and CSS
 * beats a fill attribute, so the hatch is an overlay with a class of its own.
 */
export function hatchOver(id: string): (rect: SVGRectElement) => SVGRectElement {
  return (rect) => {
    const o = rect.cloneNode() as SVGRectElement;
    o.setAttribute('class', 'hatch');
    o.setAttribute('fill', `url(#${id}-hatch)`);
    const key = rect.getAttribute('data-morph');
    if (key) o.setAttribute('data-morph', `${key}-hatch`);
    return o;
  };
}
