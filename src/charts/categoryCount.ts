import { select } from 'd3';
import { createSvg, px } from './svg.ts';
import { label, textWidth, widestWord, wrap } from './text.ts';
import { isCompact, theme } from './theme.ts';

export interface Category {
  key: string;
  /** The category's name, e.g. "关停取缔". */
  label: string;
  /** What it means for a firm, e.g. "无法整改的企业依法关停". */
  description: string;
}

export interface CategoryCountData {
  categories: readonly Category[];
  /** Firms cleared in all; one square each. */
  total: { value: number; text: string; label: string };
}

export interface CategoryCountOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Says the report does not split the firms by category. */
  note: string;
}

const defaults = { id: 'category-count', width: 640 };
const PAD = 10;
const GAP = 12;
const SQUARE = 22;
/**
 * The clean-up categories as equal boxes, and the year's cleared firms as one square each in a
 * strip below all of them: the report gives the total only, so no firm sits in a category.
 */
export function categoryCount(data: CategoryCountData, options: CategoryCountOptions): SVGSVGElement {
  const { document, id, width, note, title, description } = { ...defaults, ...options };
  const { categories, total } = data;
  if (!Number.isInteger(total.value) || total.value < 0)
    throw new Error(`categoryCount: total.value is ${total.value}, expected a whole number of firms`);
  const compact = isCompact(width);
  const m = theme.margin;
  const inner = width - m.left - m.right;
  // Phones stack the boxes, so each keeps a readable line length; wider charts set them side by
  // side, in as many rows as it takes for every word too long to break to fit its box.
  const boxWidthOf = (cols: number) => (inner - GAP * (cols - 1)) / cols;
  const longest = Math.max(
    0,
    ...categories.map((c) => Math.max(widestWord(c.label, theme.font.label, theme.bold), widestWord(c.description, theme.font.small))),
  );
  let cols = compact ? 1 : Math.max(1, categories.length);
  while (cols > 1 && longest > boxWidthOf(cols) - 2 * PAD) cols--;
  const boxWidth = boxWidthOf(cols);
  const text = categories.map((c) => ({
    label: wrap(c.label, theme.font.label, boxWidth - 2 * PAD, theme.bold),
    description: wrap(c.description, theme.font.small, boxWidth - 2 * PAD),
  }));
  const labelLines = Math.max(0, ...text.map((t) => t.label.length));
  const boxHeight = PAD + labelLines * 20 + 4 + Math.max(0, ...text.map((t) => t.description.length)) * 17 + PAD;
  const rows = Math.ceil(categories.length / cols);
  const catBottom = 8 + rows * (boxHeight + GAP) - GAP;
  const stripTop = catBottom + (compact ? 18 : 30);
  const totalLines = wrap(total.label, theme.font.label, inner - 2 * PAD);
  const valueWidth = textWidth(total.text, theme.font.value, theme.bold) + 10;
  const perRow = Math.max(1, Math.floor((inner - 2 * PAD - valueWidth + 6) / (SQUARE + 6)));
  const squareRows = Math.max(1, Math.ceil(total.value / perRow));
  const squaresTop = stripTop + PAD + totalLines.length * 20 + 4;
  const noteLines = wrap(note, theme.font.small, inner - 2 * PAD);
  const noteTop = squaresTop + squareRows * (SQUARE + 6) + 12;
  const stripHeight = noteTop + noteLines.length * 17 - stripTop + PAD - 4;
  const height = stripTop + stripHeight + 8;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--category-count' });
  const root = select(svg);

  const boxes = root.append('g').attr('class', 'categories');
  categories.forEach((c, i) => {
    const x = m.left + (i % cols) * (boxWidth + GAP);
    const y = 8 + Math.floor(i / cols) * (boxHeight + GAP);
    const g = boxes.append('g').attr('class', 'mark category').attr('data-key', c.key);
    g.append('rect').attr('class', 'category-box').attr('x', px(x)).attr('y', y).attr('width', px(boxWidth)).attr('height', boxHeight);
    text[i]!.label.forEach((s, j) =>
      label(g, 'category-label', x + PAD, y + PAD + 15 + j * 20, theme.font.label, s).attr('font-weight', theme.bold),
    );
    text[i]!.description.forEach((s, j) =>
      label(g, 'category-description', x + PAD, y + PAD + labelLines * 20 + 16 + j * 17, theme.font.small, s),
    );
  });

  // A bracket gathers the columns into the strip: the firms belong to the three together.
  if (cols > 1 && rows === 1) {
    const mid = catBottom + 14;
    const feet = categories.map((_, i) => `M${px(m.left + i * (boxWidth + GAP) + boxWidth / 2)},${catBottom + 4}V${mid}`).join('');
    root
      .append('path')
      .attr('class', 'strip-bracket')
      .attr('aria-hidden', 'true')
      .attr('d', `${feet}M${px(m.left + boxWidth / 2)},${mid}H${px(width - m.right - boxWidth / 2)}M${px(width / 2)},${mid}V${stripTop}`);
  }

  const strip = root.append('g').attr('class', 'mark total').attr('data-key', 'total');
  strip.append('rect').attr('class', 'firm-strip').attr('x', m.left).attr('y', stripTop).attr('width', inner).attr('height', stripHeight);
  totalLines.forEach((s, j) => label(strip, 'total-label', m.left + PAD, stripTop + PAD + 15 + j * 20, theme.font.label, s));
  for (let i = 0; i < total.value; i++)
    strip
      .append('rect')
      .attr('class', 'firm')
      .attr('x', m.left + PAD + (i % perRow) * (SQUARE + 6))
      .attr('y', squaresTop + Math.floor(i / perRow) * (SQUARE + 6))
      .attr('width', SQUARE)
      .attr('height', SQUARE);
  const valueX = m.left + PAD + Math.min(perRow, Math.max(1, total.value)) * (SQUARE + 6) + 4;
  label(strip, 'value-label', valueX, squaresTop + SQUARE / 2 + 5, theme.font.value, total.text).attr('font-weight', theme.bold);
  noteLines.forEach((s, j) => label(strip, 'axis-note', m.left + PAD, noteTop + 12 + j * 17, theme.font.small, s));
  return svg;
}
