import { select } from 'd3';

/** Adds the diagonal hatch pattern `${id}-hatch` that marks derived or planned figures. */
export function hatchPattern(svg: SVGSVGElement, id: string): void {
  select(svg)
    .append('defs')
    .append('pattern')
    .attr('id', `${id}-hatch`)
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .append('rect')
    .attr('class', 'hatch-line')
    .attr('width', 2)
    .attr('height', 6);
}

/**
 * A copy of `rect` filled with the hatch. The stylesheet paints shapes by class, and CSS
 * beats a fill attribute, so the hatch is an overlay with a class of its own.
 */
export function hatchOver(id: string): (rect: SVGRectElement) => SVGRectElement {
  return (rect) => {
    const key = rect.getAttribute('data-morph');
    return select(rect.cloneNode() as SVGRectElement)
      .attr('class', 'hatch')
      .attr('fill', `url(#${id}-hatch)`)
      .attr('data-morph', key ? `${key}-hatch` : null)
      .node()!;
  };
}
