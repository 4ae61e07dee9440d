import { select } from 'd3';
import { textWidth, wrap } from './text.ts';
import { theme } from './theme.ts';

export interface LegendItem {
  /** Class of the swatch, painted by the stylesheet like the mark it stands for. */
  className: string;
  label: string;
  /** Extra element drawn over the swatch (a hatch overlay, say). */
  overlay?: (swatch: SVGRectElement) => SVGElement;
}

const ROW = 22;
const LINE = 16;
const SWATCH = 19;

/**
 * Where each legend item goes: in a row, wrapping to a new row past `maxWidth`, or one per
 * row when `stacked`. A label too long for `maxWidth` breaks into lines, and its row grows.
 */
export function legendLayout(
  labels: readonly string[],
  { x, maxWidth = Infinity, stacked = false, gap = 14 }: { x: number; maxWidth?: number; stacked?: boolean; gap?: number },
) {
  let lx = x;
  let row = 0;
  const rows = [0];
  const places = labels.map((label, i) => {
    const lines = Number.isFinite(maxWidth) ? wrap(label, theme.font.small, maxWidth - SWATCH) : [label];
    const width = SWATCH + Math.max(...lines.map((l) => textWidth(l, theme.font.small)));
    if (stacked ? i > 0 : lx > x && lx + width > x + maxWidth) {
      row++;
      rows.push(0);
      lx = x;
    }
    rows[row] = Math.max(rows[row]!, lines.length);
    const at = { x: lx, row, lines };
    lx += width + gap;
    return at;
  });
  // Each row is as tall as its tallest label; a row of one-line labels is ROW tall.
  const tops = rows.map((_, r) => rows.slice(0, r).reduce((h, n) => h + ROW + (n - 1) * LINE, 0));
  return {
    places: places.map((p) => ({ ...p, dy: tops[p.row]! })),
    height: rows.reduce((h, n) => h + ROW + (n - 1) * LINE, 0),
  };
}

/** Swatches with labels, in rows that wrap within `maxWidth` (or one per row when `stacked`). Returns the height it takes. */
export function legend(
  parent: SVGElement,
  items: readonly LegendItem[],
  options: { x: number; y: number; maxWidth?: number; stacked?: boolean; gap?: number },
): number {
  const g = select(parent).append('g').attr('class', 'legend');
  const { places, height } = legendLayout(
    items.map((i) => i.label),
    options,
  );
  items.forEach((item, i) => {
    const { x, dy, lines } = places[i]!;
    const y = options.y + dy;
    const swatch = g
      .append('rect')
      .attr('class', `swatch ${item.className}`)
      .attr('x', x)
      .attr('y', y)
      .attr('width', 13)
      .attr('height', 13);
    if (item.overlay) g.append(() => item.overlay!(swatch.node()!));
    lines.forEach((line, j) =>
      g
        .append('text')
        .attr('class', 'legend-label')
        .attr('x', x + SWATCH)
        .attr('y', y + 11.5 + j * LINE)
        .attr('font-size', theme.font.small)
        .text(line),
    );
  });
  return height;
}
