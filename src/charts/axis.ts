import type { ScaleLinear, Selection } from 'd3';
import { px } from './svg.ts';
import { label } from './text.ts';
import { theme } from './theme.ts';

/**
 * Vertical grid lines at round values of a horizontal scale, from `top` to `bottom`, each
 * labelled below at `labelY` (with `format`, plain digits by default): the value axis of the horizontal bar charts.
 */
export function xGrid<E extends SVGElement>(
  parent: Selection<E, unknown, null, undefined>,
  x: ScaleLinear<number, number>,
  {
    count,
    top,
    bottom,
    labelY,
    format = String,
  }: { count: number; top: number; bottom: number; labelY: number; format?: (value: number) => string },
) {
  const grid = parent.append('g').attr('class', 'grid').attr('aria-hidden', 'true');
  for (const t of x.ticks(count)) {
    grid
      .append('line')
      .attr('x1', px(x(t)))
      .attr('x2', px(x(t)))
      .attr('y1', top)
      .attr('y2', bottom);
    label(grid, 'axis-label', x(t), labelY, theme.font.axis, format(t)).attr('text-anchor', 'middle');
  }
  return grid;
}
