import { select } from 'd3';
import { px } from './svg.ts';
import { theme } from './theme.ts';

/** An arrow from one point to another with its label midway (or at the baseline `labelY`), e.g. "+15.6%" between two bars. */
export function changeArrow(
  parent: SVGElement,
  from: { x: number; y: number },
  to: { x: number; y: number },
  text: string,
  labelY = (from.y + to.y) / 2 - 10,
): SVGGElement {
  const g = select(parent).append('g').attr('class', 'change').attr('data-morph', 'change');
  g.append('path')
    .attr('data-morph', 'change-arrow')
    .attr('class', 'change-arrow')
    .attr('d', `M${px(from.x)},${px(from.y)} L${px(to.x - 10)},${px(to.y + 4)}`);
  g.append('path')
    .attr('data-morph', 'change-head')
    .attr('class', 'change-head')
    .attr('d', `M${px(to.x - 4)},${px(to.y + 2)} l-11,-2 l4,9 z`);
  g.append('text')
    .attr('data-morph', 'change-label')
    .attr('class', 'change-label')
    .attr('x', px((from.x + to.x) / 2))
    .attr('y', px(labelY))
    .attr('text-anchor', 'middle')
    .attr('font-size', theme.font.value)
    .attr('font-weight', theme.bold)
    .text(text);
  return g.node()!;
}
