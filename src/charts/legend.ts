import { SVG_NS } from './svg.ts';
import { theme } from './theme.ts';

export interface LegendItem {
  /** Class of the swatch, painted by the stylesheet like the mark it stands for. */
  className: string;
  label: string;
  /** Extra element drawn over the swatch (a hatch overlay, say). */
  overlay?: (swatch: SVGRectElement) => SVGElement;
}

/**
 * A row of swatches with labels, or a column when `stacked`. Returns the height it takes.
 * Label widths are estimated at one em per character, which holds for CJK text.
 */
export function legend(
  parent: SVGElement,
  items: readonly LegendItem[],
  { x, y, stacked = false, gap = 14 }: { x: number; y: number; stacked?: boolean; gap?: number },
): number {
  const document = parent.ownerDocument;
  const g = parent.appendChild(document.createElementNS(SVG_NS, 'g'));
  g.setAttribute('class', 'legend');
  let lx = x;
  items.forEach((item, i) => {
    const ly = y + (stacked ? i * 22 : 0);
    const swatch = g.appendChild(document.createElementNS(SVG_NS, 'rect')) as SVGRectElement;
    for (const [k, v] of Object.entries({ class: `swatch ${item.className}`, x: lx, y: ly, width: 13, height: 13 }))
      swatch.setAttribute(k, String(v));
    if (item.overlay) g.appendChild(item.overlay(swatch));
    const text = g.appendChild(document.createElementNS(SVG_NS, 'text'));
    for (const [k, v] of Object.entries({ class: 'legend-label', x: lx + 19, y: ly + 11.5, 'font-size': theme.font.small }))
      text.setAttribute(k, String(v));
    text.textContent = item.label;
    if (!stacked) lx += 19 + item.label.length * theme.font.small + gap;
  });
  return stacked ? items.length * 22 : 22;
}
