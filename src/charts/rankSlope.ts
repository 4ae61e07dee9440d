import { scaleLinear, scalePoint, select, type ScaleLinear } from 'd3';
import { attrs, createSvg, px } from './svg.ts';
import { textWidth, widestWord, wrap } from './text.ts';
import { isCompact, theme } from './theme.ts';

export interface RankPoint {
  key: string;
  /** Axis label, e.g. "2018年". */
  label: string;
  rank: number;
}

export interface RankSlopeOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Formats a rank for its label, e.g. 35 → "第35名". */
  format?: (rank: number) => string;
  /** Text beside the line, e.g. "上升2位". */
  change?: string;
  /** Marks the direction of better ranks, e.g. "↑ 名次更靠前". */
  better: string;
  /** Says which ranks the axis shows and that the field size is not reported. */
  window: (from: number, to: number) => string;
  /** Ranks shown above and below the data. */
  padding?: number;
  /** Points to draw, by key (default all); the line and change label need the first and last. */
  visible?: readonly string[];
  /** Writes a rank on the axis, e.g. 1000 → "1,000" in English (default: plain digits). */
  tickFormat?: (value: number) => string;
}

const defaults = {
  id: 'rank-slope',
  width: 640,
  format: (r: number) => `#${r}`,
  change: '',
  padding: 2,
  tickFormat: String as (value: number) => string,
};

/**
 * A slope between yearly ranks with rank 1 upwards. The axis is a window around the data
 * and never ends at a last place: the report does not say how many zones were ranked.
 */
export function rankSlope(data: readonly RankPoint[], options: RankSlopeOptions): SVGSVGElement {
  const { document, id, width, format, change, better, window, padding, title, description, tickFormat } = { ...defaults, ...options };
  const shown = data.filter((d) => !options.visible || options.visible.includes(d.key));
  const compact = isCompact(width);
  const ranks = data.map((d) => d.rank);
  const best = Math.max(1, Math.min(...ranks) - padding);
  const worst = Math.max(...ranks) + padding;
  // The note under the axis wraps to the width; the plot keeps its size above it.
  const note = wrap(window(best, worst), theme.font.small, width - 8);
  const height = (compact ? 300 : 320) + (note.length - 1) * 16;
  // Two ranks are a slope with labels beside its ends; on phones, or with more ranks, the labels
  // sit above the points and the points spread across the width.
  const above = compact || data.length > 2;
  const side = above ? 24 : 120;
  const bottom = 56 + (note.length - 1) * 16;
  const m = { right: side, bottom, left: side };
  // More than two ranks spread across the width, each label clear of the rank axis and the edge.
  const half = Math.max(...data.map((d) => textWidth(format(d.rank), theme.font.value, theme.bold))) / 2 + 6;
  const x = scalePoint<string>()
    .domain(data.map((d) => d.key))
    .range(data.length > 2 ? [32 + half, width - 4 - half] : [m.left + 56, width - m.right - 56]);
  /** A label's box: its anchor, baseline, text, size and weight. */
  const box = (cx: number, baseline: number, s: string, size: number, anchor: 'start' | 'middle' | 'end', weight = 400) => {
    const w = textWidth(s, size, weight);
    const left = anchor === 'start' ? cx : anchor === 'end' ? cx - w : cx - w / 2;
    return { left, right: left + w, top: baseline - 0.8 * size, bottom: baseline + 0.2 * size };
  };
  type Box = ReturnType<typeof box>;
  const touch = (a: Box, b: Box) => a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom + 2 && b.top < a.bottom + 2;
  const pointLabel = (y: ScaleLinear<number, number>, d: RankPoint, i: number) => {
    const cx = x(d.key)!;
    const cy = y(d.rank);
    const end = i === data.length - 1;
    return above
      ? box(cx, cy - 14, format(d.rank), theme.font.value, 'middle', theme.bold)
      : box(cx + (end ? 14 : -14), cy + 5, format(d.rank), theme.font.value, end ? 'start' : 'end', theme.bold);
  };

  /**
   * Where the titles, the change and the plot go. The axis title sits top left. The change sits
   * by the middle of a two-rank slope (below it on phones, above it beside); with more ranks, or
   * where it would touch a point's label there, it goes to the corner: top right, beside the title
   * where both fit, else on a line of its own below it. The plot starts low enough that the best
   * rank's label and tick (and a change above the line) clear the titles.
   */
  const layout = (corner: boolean) => {
    const changeWidth = corner && change ? textWidth(change, theme.font.value, theme.bold) : 0;
    const beside = Boolean(changeWidth) && widestWord(better, theme.font.small, theme.bold) <= width - 8 - changeWidth - 12;
    const titleLines = wrap(better, theme.font.small, width - 8 - (beside ? changeWidth + 12 : 0), theme.bold);
    const changeY = beside ? 18 : 18 + titleLines.length * 16 + 2;
    const titleBottom =
      changeWidth && !beside ? changeY + 0.2 * theme.font.value : 18 + (titleLines.length - 1) * 16 + 0.2 * theme.font.small;
    const titleRight = 4 + Math.max(...titleLines.map((l) => textWidth(l, theme.font.small, theme.bold)));
    const middle = (y: ScaleLinear<number, number>) =>
      box(
        (x(data[0]!.key)! + x(data.at(-1)!.key)!) / 2,
        (y(ranks[0]!) + y(ranks.at(-1)!)) / 2 + (compact ? 26 : -14),
        change,
        theme.font.value,
        'middle',
        theme.bold,
      );
    // Rank 1 is the best, so smaller numbers sit higher.
    const scale = (top: number) =>
      scaleLinear()
        .domain([best, worst])
        .range([top, height - bottom]);
    const clear = (top: number) => {
      const y = scale(top);
      const mid = !corner && change ? middle(y) : undefined;
      const changeTop = mid && mid.left < titleRight + 2 ? mid.top : Infinity;
      return Math.min(y(Math.min(...ranks)) - (above ? 26 : 7), top - 6, changeTop) >= titleBottom + 2;
    };
    let top = 44;
    while (!clear(top) && top < height - bottom - 60) top += 2;
    const y = scale(top);
    // The change by the middle of the line must not touch a point, its label or a year.
    const mid = !corner && change ? middle(y) : undefined;
    const marks = data.flatMap((d, i) => [
      pointLabel(y, d, i),
      box(x(d.key)!, height - bottom + 24, d.label, theme.font.label, 'middle'),
      { left: x(d.key)! - 7, right: x(d.key)! + 7, top: y(d.rank) - 7, bottom: y(d.rank) + 7 },
    ]);
    const fits = !mid || !marks.some((b) => touch(b, mid));
    return { corner, top, y, titleLines, changeY, middle: mid, fits };
  };
  let plan = layout(data.length > 2);
  if (!plan.fits) plan = layout(true);
  const { y, titleLines, changeY, corner } = plan;
  const svg = createSvg({ document, id, width, height, title, description, className: 'chart--rank-slope' });

  const root = select(svg);
  const grid = root.append('g').attr('class', 'grid').attr('aria-hidden', 'true');
  // Every rank gets a line in a narrow window; a wide one gets a few round ticks instead.
  const ticks = worst - best > 12 ? y.ticks(6).filter(Number.isInteger) : Array.from({ length: worst - best + 1 }, (_, i) => best + i);
  for (const r of ticks) {
    // Rank numbers stay at the far left, clear of the point labels.
    grid.append('line').call(attrs, { x1: 32, x2: width - 4, y1: px(y(r)), y2: px(y(r)) });
    grid
      .append('text')
      .call(attrs, { class: 'axis-label', x: 26, y: px(y(r)) + 4, 'text-anchor': 'end', 'font-size': theme.font.axis })
      .text(tickFormat(r));
  }
  titleLines.forEach((line, i) =>
    root
      .append('text')
      .call(attrs, { class: 'axis-title', x: 4, y: 18 + i * 16, 'font-size': theme.font.small, 'font-weight': theme.bold })
      .text(line),
  );
  for (const d of data) {
    root
      .append('text')
      .call(attrs, {
        class: 'axis-label',
        x: px(x(d.key)!),
        y: height - m.bottom + 24,
        'text-anchor': 'middle',
        'font-size': theme.font.label,
      })
      .text(d.label);
  }

  // A line with one visible point is drawn with both ends on it, so it can grow into the next state.
  const first = shown[0];
  const last = shown.at(-1);
  const at = (d: RankPoint) => `${px(x(d.key)!)},${px(y(d.rank))}`;
  if (first && last) {
    const path = shown.map((d, i) => `${i ? 'L' : 'M'}${at(d)}`).join(' ') + (shown.length === 1 ? ` L${at(first)}` : '');
    root.append('path').call(attrs, { 'data-morph': 'slope-line', class: 'slope-line', d: path });
  }
  shown.forEach((d, i) => {
    const g = root.append('g').call(attrs, { class: 'mark slope-point', 'data-key': d.key, 'data-morph': d.key });
    const cx = x(d.key)!;
    const cy = y(d.rank);
    g.append('circle').call(attrs, { 'data-morph': `${d.key}-dot`, cx: px(cx), cy: px(cy), r: 7 });
    const end = i === data.length - 1;
    // Above the points (on phones, clear of the rank axis on the left), or beside the slope's ends.
    const label = above
      ? { x: px(cx), y: px(cy - 14), 'text-anchor': 'middle' }
      : { x: px(cx + (end ? 14 : -14)), y: px(cy + 5), 'text-anchor': end ? 'start' : 'end' };
    g.append('text')
      .call(attrs, {
        'data-morph': `${d.key}-value`,
        class: 'value-label',
        ...label,
        'font-size': theme.font.value,
        'font-weight': theme.bold,
      })
      .text(format(d.rank));
  });
  if (change && first && last && first !== last && (!corner || last === data.at(-1))) {
    const mid = corner
      ? { x: width - 4, y: changeY }
      : { x: px((x(first.key)! + x(last.key)!) / 2), y: px((y(first.rank) + y(last.rank)) / 2 + (compact ? 26 : -14)) };
    root
      .append('text')
      .call(attrs, {
        'data-morph': 'change-label',
        class: 'change-label',
        ...mid,
        'text-anchor': corner ? 'end' : 'middle',
        'font-size': theme.font.value,
        'font-weight': theme.bold,
      })
      .text(change);
  }
  note.forEach((line, i) =>
    root
      .append('text')
      .call(attrs, { class: 'axis-note', x: 4, y: height - 8 - (note.length - 1 - i) * 16, 'font-size': theme.font.small })
      .text(line),
  );
  return svg;
}
