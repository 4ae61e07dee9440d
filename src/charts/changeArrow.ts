import { append, px } from './svg.ts';
import { theme } from './theme.ts';

/** An arrow from one point to another with its label midway (or at the baseline `labelY`), e.g. "+15.6%" between two bars. */
export function changeArrow(
  parent: Element,
  from: { x: number; y: number },
  to: { x: number; y: number },
  text: string,
  labelY = (from.y + to.y) / 2 - 10,
): SVGGElement {
  const g = append(parent, 'g', { class: 'change', 'data-morph': 'change' });
  append(g, 'path', {
    'data-morph': 'change-arrow',
    class: 'change-arrow',
    d: `M${px(from.x)},${px(from.y)} L${px(to.x - 10)},${px(to.y + 4)}`,
  });
  append(g, 'path', { 'data-morph': 'change-head', class: 'change-head', d: `M${px(to.x - 4)},${px(to.y + 2)} l-11,-2 l4,9 z` });
  const at = { x: px((from.x + to.x) / 2), y: px(labelY) };
  append(
    g,
    'text',
    {
      'data-morph': 'change-label',
      class: 'change-label',
      ...at,
      'text-anchor': 'middle',
      'font-size': theme.font.value,
      'font-weight': 700,
    },
    text,
  );
  return g;
}
