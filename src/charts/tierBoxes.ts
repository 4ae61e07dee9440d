import { select } from 'd3';
import { createSvg, px } from './svg.ts';
import { widestWord, wrap } from './text.ts';
import { theme } from './theme.ts';

export type TierRole = 'leading' | 'featured' | 'other';

export interface Industry {
  key: string;
  label: string;
  /** 'other' stands for the "N" the report does not itemise; it is drawn as an open, dashed box. */
  tier: TierRole;
}

export interface TierBoxesOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Headings of the tiers, by role: the lead tier, the listed tiers, the unlisted one. */
  tiers: Record<TierRole, string>;
}

const defaults = { id: 'tier-boxes', width: 640 };
const TIERS: readonly TierRole[] = ['leading', 'featured', 'other'];
/** Line height of box labels, padding inside a box, gap between boxes. */
const LINE = 19;
const PAD = 10;
const GAP = 8;
const HEADING = 17;

/** The "1+3+N" cluster: the leading industry as a large filled box, the featured ones as equal boxes, N open and dashed. */
export function tierBoxes(data: readonly Industry[], options: TierBoxesOptions): SVGSVGElement {
  const { document, id, width, tiers, title, description } = { ...defaults, ...options };
  const m = theme.margin;
  const inner = width - m.left - m.right;
  const rows = TIERS.map((tier) => {
    const items = data.filter((d) => d.tier === tier);
    const [size, weight] = tier === 'leading' ? [theme.font.value, theme.bold] : [theme.font.label, 400];
    // A tier's boxes share one row, unless a word too long to break would not fit its box:
    // then they take as many rows as they need, as many boxes to a row as fit.
    const boxWidthOf = (cols: number) => (inner - GAP * (cols - 1)) / cols;
    const longest = Math.max(0, ...items.map((d) => widestWord(d.label, size, weight)));
    let cols = Math.max(1, items.length);
    while (cols > 1 && longest > boxWidthOf(cols) - 2 * PAD) cols--;
    const boxWidth = boxWidthOf(cols);
    const labels = items.map((d) => wrap(d.label, size, boxWidth - 2 * PAD, weight));
    const height = 2 * PAD + LINE * Math.max(1, ...labels.map((l) => l.length));
    return {
      tier,
      items,
      cols,
      boxWidth,
      size,
      weight,
      labels,
      height,
      heading: wrap(tiers[tier], theme.font.small, inner, theme.bold),
      top: 0,
    };
  }).filter((r) => r.items.length > 0);
  const blockHeight = (r: (typeof rows)[number]) => {
    const lines = Math.ceil(r.items.length / r.cols);
    return lines * r.height + (lines - 1) * GAP;
  };
  // The leading industry is drawn taller than any other tier so the "1" of "1+3+N" reads first.
  const lead = rows.find((r) => r.tier === 'leading');
  if (lead) lead.height = Math.max(...rows.map((r) => r.height)) + 16;
  let y = 4;
  for (const r of rows) {
    r.top = y + r.heading.length * HEADING + 6;
    y = r.top + blockHeight(r) + 18;
  }
  const svg = createSvg({ document, id, width, height: px(y - 10), title, description, className: 'chart--tier-boxes' });
  const root = select(svg);

  for (const r of rows) {
    const tier = root.append('g').attr('class', `tier tier--${r.tier}`);
    r.heading.forEach((line, i) =>
      tier
        .append('text')
        .attr('class', 'tier-title')
        .attr('x', m.left)
        .attr('y', px(r.top - 6 - (r.heading.length - 1 - i) * HEADING - 5))
        .attr('font-size', theme.font.small)
        .attr('font-weight', theme.bold)
        .text(line),
    );
    r.items.forEach((d, i) => {
      const x0 = m.left + (i % r.cols) * (r.boxWidth + GAP);
      const y0 = r.top + Math.floor(i / r.cols) * (r.height + GAP);
      const lines = r.labels[i] ?? [];
      const g = tier.append('g').attr('class', `mark tier-${r.tier}`).attr('data-key', d.key);
      g.append('rect').attr('x', px(x0)).attr('y', px(y0)).attr('width', px(r.boxWidth)).attr('height', px(r.height)).attr('rx', 4);
      // Lines are centred on the box, each its own <text> so no line is wider than the box.
      lines.forEach((line, j) =>
        g
          .append('text')
          .attr('class', 'box-label')
          .attr('x', px(x0 + r.boxWidth / 2))
          .attr('y', px(y0 + r.height / 2 + (j - (lines.length - 1) / 2) * LINE + r.size * 0.35))
          .attr('text-anchor', 'middle')
          .attr('font-size', r.size)
          .attr('font-weight', r.weight)
          .text(line),
      );
    });
  }
  return svg;
}
