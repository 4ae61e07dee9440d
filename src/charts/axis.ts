import type { ScaleLinear, Selection } from 'd3';
import { px } from './svg.ts';
import { label, textWidth } from './text.ts';
import { theme } from './theme.ts';

/** Least space between two tick labels. */
const GAP = 8;

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
  // Fewer ticks where their labels would touch (long numbers, grouped thousands, a narrow chart).
  const span = (t: number) => textWidth(format(t), theme.font.axis) / 2;
  const apart = (t: number, u: number) => x(u) - x(t) >= span(t) + span(u) + GAP;
  const fits = (ticks: number[]) => ticks.every((t, i) => i === 0 || apart(ticks[i - 1]!, t));
  let ticks = x.ticks(count);
  for (let c = count - 1; c >= 1 && !fits(ticks); c--) ticks = x.ticks(c);
  // Where even two would touch (the scale is short), a tick keeps its line but not its label.
  let last: number | undefined;
  for (const t of ticks) {
    grid
      .append('line')
      .attr('x1', px(x(t)))
      .attr('x2', px(x(t)))
      .attr('y1', top)
      .attr('y2', bottom);
    if (last !== undefined && !apart(last, t)) continue;
    label(grid, 'axis-label', x(t), labelY, theme.font.axis, format(t)).attr('text-anchor', 'middle');
    last = t;
  }
  return grid;
}
