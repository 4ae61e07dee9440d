import { append } from './svg.ts';
import { textWidth } from './text.ts';
import { theme } from './theme.ts';

export interface LegendItem {
  /** Class of the swatch, painted by the stylesheet like the mark it stands for. */
  className: string;
  label: string;
  /** Extra element drawn over the swatch (a hatch overlay, say). */
  overlay?: (swatch: SVGRectElement) => SVGElement;
}

const ROW = 22;
const SWATCH = 19;

/** Where each legend item goes: in a row, wrapping to a new row past `maxWidth`, or one per row when `stacked`. */
export function legendLayout(
  labels: readonly string[],
  { x, maxWidth = Infinity, stacked = false, gap = 14 }: { x: number; maxWidth?: number; stacked?: boolean; gap?: number },
) {
  let lx = x;
  let row = 0;
  const places = labels.map((label, i) => {
    const width = SWATCH + textWidth(label, theme.font.small);
    if (stacked ? i > 0 : lx > x && lx + width > x + maxWidth) {
      row++;
      lx = x;
    }
    const at = { x: lx, row };
    lx += width + gap;
    return at;
  });
  return { places, height: (row + 1) * ROW };
}

/** Swatches with labels, in rows that wrap within `maxWidth` (or one per row when `stacked`). Returns the height it takes. */
export function legend(
  parent: SVGElement,
  items: readonly LegendItem[],
  options: { x: number; y: number; maxWidth?: number; stacked?: boolean; gap?: number },
): number {
  const g = append(parent, 'g', { class: 'legend' });
  const { places, height } = legendLayout(
    items.map((i) => i.label),
    options,
  );
  items.forEach((item, i) => {
    const { x, row } = places[i]!;
    const y = options.y + row * ROW;
    const swatch = append(g, 'rect', { class: `swatch ${item.className}`, x, y, width: 13, height: 13 });
    if (item.overlay) g.appendChild(item.overlay(swatch));
    append(g, 'text', { class: 'legend-label', x: x + SWATCH, y: y + 11.5, 'font-size': theme.font.small }, item.label);
  });
  return height;
}
