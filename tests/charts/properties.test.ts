/**
 * Property-based tests of every chart function: for any input shaped like what the kinds
 * pass (see arbitraries.ts), at every prerendered width, the chart has a bounded height,
 * every label inside its viewBox and no two labels overlapping, measured with the charts'
 * own text measure (textWidth of src/charts/text.ts, through svgTools.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundBars } from '../../src/charts/boundBars.ts';
import { categoryCount } from '../../src/charts/categoryCount.ts';
import { growthBars, type GrowthBar } from '../../src/charts/growthBars.ts';
import { rankSlope } from '../../src/charts/rankSlope.ts';
import { rateBars } from '../../src/charts/rateBars.ts';
import { stageBars } from '../../src/charts/stageBars.ts';
import { spacedWidth, wrap, wrapSpaced } from '../../src/charts/text.ts';
import { theme } from '../../src/charts/theme.ts';
import { tierBoxes, type TierRole } from '../../src/charts/tierBoxes.ts';
import { timeline } from '../../src/charts/timeline.ts';
import { tickFormat } from '../../src/kinds/kind.ts';
import {
  axisUnit,
  drawn,
  fact,
  figure,
  formatAmount,
  formatDate,
  formatSigned,
  keys,
  locale,
  show,
  text,
  withUnit,
} from './arbitraries.ts';
import { newDocument, overlappingLabels, textExtents } from './svgTools.ts';

/** Runs per chart: each draws at all three widths, so the unit project stays fast. */
const RUNS = Number(process.env['CHART_PROPERTY_RUNS'] ?? 40);
const widths = Object.values(theme.widths);
const document = newDocument();
const base = (width: number) => ({ document, width, title: '标题 title', description: '说明 description' });

/** Everything wrong with a chart's layout: its size, labels outside it, labels on top of each other. */
function layoutProblems(svg: SVGSVGElement, width: number, maxHeight: number): string[] {
  const height = Number(svg.getAttribute('height'));
  const problems: string[] = [];
  if (svg.getAttribute('viewBox') !== `0 0 ${width} ${height}`) problems.push(`viewBox ${svg.getAttribute('viewBox')} at ${width}`);
  if (!(height > 0 && height <= maxHeight)) problems.push(`height ${height} outside (0, ${Math.round(maxHeight)}] at ${width}`);
  const boxes = textExtents(svg);
  for (const b of boxes) {
    if (b.left < -0.05 || b.right > width + 0.05 || b.top < -0.05 || b.bottom > height + 0.05)
      problems.push(
        `"${b.text}" outside ${width}×${height}: x ${b.left.toFixed(1)}–${b.right.toFixed(1)}, y ${b.top.toFixed(1)}–${b.bottom.toFixed(1)}`,
      );
    if (b.size < 12) problems.push(`"${b.text}" at ${b.size} units`);
  }
  for (const [a, b] of overlappingLabels(boxes))
    problems.push(
      `"${a.text}" (${a.left.toFixed(1)}–${a.right.toFixed(1)}, ${a.top.toFixed(1)}–${a.bottom.toFixed(1)}) overlaps "${b.text}" (${b.left.toFixed(1)}–${b.right.toFixed(1)}, ${b.top.toFixed(1)}–${b.bottom.toFixed(1)}) at ${width}`,
    );
  return problems;
}

/**
 * Draws the input at every width and checks the layout; `maxHeight` bounds the height from what
 * there is to show. `examples` run every time: inputs that once broke the layout.
 */
function holds<T>(
  arb: fc.Arbitrary<T>,
  draw: (input: T, width: number) => SVGSVGElement,
  maxHeight: (input: T, width: number) => number,
  examples: NoInfer<T>[] = [],
) {
  fc.assert(
    fc.property(arb, (input) => {
      for (const width of widths) {
        const problems = layoutProblems(draw(input, width), width, maxHeight(input, width));
        if (problems.length) throw new Error(problems.join('\n'));
      }
    }),
    { numRuns: RUNS, examples: examples.map((e) => [e]) },
  );
}

/** Lines a text wraps to, with the charts' own rule. */
const lines = (s: string, size: number, max: number) => wrap(s, size, max).length;
/** The most lines a text can take however narrow its room: one word or Chinese character each. */
const tokens = (s: string) => (s.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+/g) ?? ['']).length;

describe('chart properties: bounded height, every label inside, no two labels overlapping', () => {
  it('growthBars', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        bars: fc.array(
          fc.record({
            figure: figure('亿元', { max: 5000, derived: true }),
            part: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
            // A period: a year, sometimes with a remark ("2018年（推算）", "2018 (derived)").
            year: fc.integer({ min: 1990, max: 2030 }),
            remark: fc.option(lang === 'zh' ? text(lang, 2, 4) : fc.constantFrom('derived', 'implied', 'planned', 'target')),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        change: fc.option(fc.double({ min: -99, max: 500, noNaN: true })),
        legend: fc.record({ part: text(lang, 2, 10), rest: text(lang, 2, 10), derived: text(lang, 2, 6) }),
        share: fc.boolean(),
        // Said where a bar's share is not given.
        missing: lang === 'zh' ? text(lang, 2, 6) : fc.constantFrom('not reported', 'not given', 'no figure', 'none given'),
      }),
    );
    holds(
      input,
      (d, width) => {
        const { lang } = d;
        const rows: GrowthBar[] = d.bars.map((b, i) => {
          const label = lang === 'zh' ? `${b.year}年${b.remark ? `（${b.remark}）` : ''}` : `${b.year}${b.remark ? ` (${b.remark})` : ''}`;
          const part = b.part === null ? undefined : { ...b.figure, value: Number((b.figure.value * b.part).toFixed(b.figure.digits)) };
          if (d.share)
            // The share view: each bar 100%, its part a share; bars without one say why.
            return part
              ? {
                  key: keys(3)[i]!,
                  label,
                  value: 100,
                  text: '100%',
                  part: { value: b.part! * 100, text: `${formatAmount({ ...part, value: b.part! * 100, unit: '%' }, lang)}%` },
                }
              : { key: keys(3)[i]!, label, value: null, text: d.missing };
          return {
            key: keys(3)[i]!,
            label,
            value: drawn(b.figure, lang),
            text: formatAmount(b.figure, lang),
            ...(b.figure.derived && { derived: true }),
            ...(part && { part: { value: drawn(part, lang), text: formatAmount(part, lang) } }),
          };
        });
        return growthBars(rows, {
          ...base(width),
          unit: d.share ? axisUnit({ ...d.bars[0]!.figure, unit: '%' }, lang) : axisUnit(d.bars[0]!.figure, lang),
          legend: d.legend,
          tickFormat: tickFormat(lang),
          ...(d.change !== null && !d.share && { change: `${formatSigned(d.change, 1, lang)}%` }),
        });
      },
      // A fixed plot area between the legend and the bars' labels, however many bars.
      (d) => 350 + 22 * 3 + 17 * Math.max(...d.bars.map((b) => tokens(`${b.year} ${b.remark ?? ''}`))),
      [
        // A part as tall as its short bar: its label went onto the bar's value.
        {
          lang: 'zh',
          bars: [{ figure: fact('亿元', 0), part: 0, year: 1990, remark: null }],
          change: null,
          legend: { part: '园园', rest: '园园', derived: '园园' },
          share: false,
          missing: '园园',
        },
        // A long value beside the scale's labels; the change between bars of very different heights.
        {
          lang: 'zh',
          bars: [
            { figure: fact('亿元', 1800.1, 1), part: null, year: 1990, remark: null },
            { figure: fact('亿元', 0), part: null, year: 1991, remark: null },
            { figure: fact('亿元', 0), part: null, year: 1992, remark: null },
          ],
          change: null,
          legend: { part: '园园', rest: '园园', derived: '园园' },
          share: false,
          missing: '园园',
        },
        {
          lang: 'en',
          bars: [
            { figure: fact('亿元', 180.6, 1), part: null, year: 2018, remark: 'derived' },
            { figure: fact('亿元', 2088.8, 1), part: 0.4, year: 2019, remark: null },
          ],
          change: 1056.6,
          legend: { part: 'High-tech products', rest: 'Other output', derived: 'Derived' },
          share: false,
          missing: 'not reported',
        },
        // Notes where bars are missing, wider than a bar.
        {
          lang: 'en',
          bars: [
            { figure: fact('亿元', 0), part: null, year: 1990, remark: null },
            { figure: fact('亿元', 0), part: null, year: 1991, remark: null },
            { figure: fact('亿元', 0), part: 0, year: 1992, remark: null },
          ],
          change: null,
          legend: { part: 'Park', rest: 'Park', derived: 'Park' },
          share: true,
          missing: 'not reported',
        },
      ],
    );
  });

  it('rankSlope', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        start: fc.integer({ min: 1990, max: 2025 }),
        ranks: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 4 }),
        // The kind's words: the change offers {direction} and {places}; the title says which way is better.
        change: fc
          .tuple(fc.constantFrom('up', 'down', 'same'), fc.integer({ min: 1, max: 199 }))
          .map(([dir, n]) =>
            lang === 'zh'
              ? { up: `上升${n}位`, down: `下降${n}位`, same: '名次不变' }[dir]!
              : { up: `up ${n} places`, down: `down ${n} places`, same: 'unchanged' }[dir]!,
          ),
        better: text(lang, 3, 10),
        window: text(lang, 4, 30),
        visible: fc.nat(),
      }),
    );
    holds(
      input,
      (d, width) =>
        rankSlope(
          d.ranks.map((rank, i) => ({ key: String(d.start + i), label: formatDate(String(d.start + i), d.lang), rank })),
          {
            ...base(width),
            format: (r) => withUnit(r, '名', 0, d.lang),
            change: d.change,
            better: d.better,
            window: (from, to) => `${d.window} ${from}–${to}`,
            tickFormat: tickFormat(d.lang),
            // A scrolly state shows the first few ranks.
            visible: d.ranks.slice(0, 1 + (d.visible % d.ranks.length)).map((_, i) => String(d.start + i)),
          },
        ),
      (d, width) => 320 + 16 * lines(`${d.window} 000–000`, theme.font.small, width - 8) + 16 * tokens(d.better) + 20,
      [
        // A point at the top of the window, under the axis title; more ranks than a slope has ends.
        { lang: 'zh', start: 1990, ranks: [1, 1], change: '上升2位', better: '园，园园园', window: '园园园园', visible: 0 },
        { lang: 'zh', start: 1990, ranks: [1, 1, 100, 100], change: '上升1位', better: '园园园', window: '园园园园', visible: 3 },
        // A long change by the middle of the line, on a point's label.
        { lang: 'en', start: 1990, ranks: [1, 2], change: 'down 100 places', better: 'Park park', window: 'Park park', visible: 1 },
      ],
    );
  });

  it('rateBars', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        groups: fc.array(text(lang, 1, 8), { minLength: 1, maxLength: 4 }),
        rates: fc.array(fc.record({ figure: figure('%', { max: 100 }), label: text(lang, 2, 12), group: fc.nat() }), {
          minLength: 1,
          maxLength: 12,
        }),
        // The caption of the 100% line ("满格 100%", "Full bar: 100%").
        full: text(lang, 2, 6),
      }),
    );
    holds(
      input,
      (d, width) => {
        const groups = Object.fromEntries(d.groups.map((g, i) => [`g${i}`, g]));
        return rateBars(
          d.rates.map((r, i) => ({
            key: `r${i}`,
            label: r.label,
            value: r.figure.value,
            group: `g${r.group % d.groups.length}`,
            text: `${formatAmount(r.figure, d.lang)}%`,
          })),
          { ...base(width), full: d.full, groups },
        );
      },
      // The legend, then a row per rate, as tall as the longest label needs above its bar.
      (d, width) =>
        60 +
        22 * d.groups.reduce((n, g) => n + tokens(g), 0) +
        d.rates.length * (46 + 18 * Math.max(...d.rates.map((r) => lines(r.label, theme.font.label, width - 100)))),
      [
        // A value too wide for the right margin; a caption too wide to centre on the 100% line; a label too long for the width.
        { lang: 'zh', groups: ['园'], rates: [{ figure: fact('%', 100, 2), label: '园园', group: 0 }], full: '园园' },
        { lang: 'en', groups: ['Park'], rates: [{ figure: fact('%', 0), label: 'Park', group: 0 }], full: 'Provincial-level material' },
        {
          lang: 'en',
          groups: ['Park'],
          rates: [
            { figure: fact('%', 0), label: 'Park', group: 0 },
            { figure: fact('%', 0), label: 'Collection treatment treatment park park industrial', group: 0 },
          ],
          full: 'Park',
        },
      ],
    );
  });

  it('stageBars', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        stages: fc.array(fc.record({ figure: figure('万吨/天', { max: 100 }), label: text(lang, 2, 12), planned: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        ring: fc.option(fc.record({ figure: figure('%', { max: 100 }), label: text(lang, 2, 24) })),
        legend: fc.record({ built: text(lang, 2, 8), planned: text(lang, 2, 10) }),
      }),
    );
    holds(
      input,
      (d, width) =>
        stageBars(
          {
            stages: d.stages.map((s, i) => ({
              key: `s${i}`,
              label: s.label,
              value: drawn(s.figure, d.lang),
              text: show(s.figure, d.lang),
              ...(s.planned && { planned: true }),
            })),
            ...(d.ring && { rate: { label: d.ring.label, value: d.ring.figure.value, text: show(d.ring.figure, d.lang) } }),
          },
          { ...base(width), unit: axisUnit(d.stages[0]!.figure, d.lang), legend: d.legend, tickFormat: tickFormat(d.lang) },
        ),
      (d, width) =>
        200 +
        d.stages.reduce((h, s) => h + 64 + 18 * (lines(s.label, theme.font.label, width - 32) - 1), 0) +
        (d.ring ? 18 * lines(d.ring.label, theme.font.label, width - 100) + 80 : 0),
      [
        // A legend label and a row label too long for a phone.
        {
          lang: 'en',
          stages: [{ figure: fact('万吨/天', 0), label: 'Park', planned: false }],
          ring: null,
          legend: { built: 'Park', planned: 'New-energy industrial approved private' },
        },
        {
          lang: 'en',
          stages: [{ figure: fact('万吨/天', 0), label: 'Park treatment (derived) park standard', planned: false }],
          ring: null,
          legend: { built: 'Park', planned: 'Park' },
        },
      ],
    );
  });

  it('boundBars', () => {
    const units = ['亿元', '万平方米', '万吨/天'] as const;
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        bounds: fc.array(
          fc
            .record({ unit: fc.constantFrom(...units), label: text(lang, 2, 14), max: fc.constantFrom(1, 100, 10000) })
            .chain((b) => figure(b.unit, { max: b.max, over: true }).map((f) => ({ ...b, figure: f }))),
          { minLength: 1, maxLength: 6 },
        ),
        panels: fc.tuple(text(lang, 2, 14), text(lang, 2, 14), text(lang, 2, 14)),
        note: text(lang, 4, 30),
      }),
    );
    holds(
      input,
      (d, width) =>
        boundBars(
          d.bounds.map((b, i) => ({
            key: `b${i}`,
            label: b.label,
            value: drawn(b.figure, d.lang),
            text: show(b.figure, d.lang),
            group: b.unit,
          })),
          {
            ...base(width),
            groups: Object.fromEntries(units.map((u, i) => [u, d.panels[i]!])),
            note: d.note,
            tickFormat: tickFormat(d.lang),
          },
        ),
      // A panel per unit and a row per bound, each grown by its lines; the note below.
      (d, width) =>
        20 +
        d.panels.reduce((h, p) => h + 76 + 18 * lines(p, theme.font.label, width - 32), 0) +
        d.bounds.reduce((h, b) => h + 54 + 18 * lines(b.label, theme.font.label, width - 32), 0) +
        18 * lines(d.note, theme.font.small, width - 32),
      [
        // A panel title too long for a phone; tick labels wider than their spacing.
        {
          lang: 'en',
          bounds: [{ unit: '万吨/天', label: 'Park', max: 1, figure: fact('万吨/天', 0, 0, { qualifier: 'over' }) }],
          panels: ['Park', 'Park', 'Material park quality ranking factory'],
          note: 'Park park',
        },
        {
          lang: 'en',
          bounds: [
            { unit: '万吨/天', label: 'Park', max: 10000, figure: fact('万吨/天', 231, 0, { qualifier: 'over' }) },
            { unit: '万平方米', label: 'Park', max: 100, figure: fact('万平方米', 50, 0, { qualifier: 'over' }) },
          ],
          panels: ['Park', 'Park', 'Park'],
          note: 'Park park',
        },
      ],
    );
  });

  it('categoryCount', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        categories: fc.array(fc.record({ label: text(lang, 2, 8), description: text(lang, 4, 30) }), { minLength: 1, maxLength: 4 }),
        total: figure('家', { max: 60 }),
        totalLabel: text(lang, 2, 16),
        note: text(lang, 4, 30),
      }),
    );
    holds(
      input,
      (d, width) =>
        categoryCount(
          {
            categories: d.categories.map((c, i) => ({ key: `c${i}`, ...c })),
            total: { value: d.total.value, text: show(d.total, d.lang), label: d.totalLabel },
          },
          { ...base(width), note: d.note },
        ),
      (d, width) => {
        // Stacked boxes at worst, each as tall as its text; the strip as tall as its squares and words.
        const inner = width - 52;
        const box = (c: { label: string; description: string }) => 40 + 20 * tokens(c.label) + 17 * tokens(c.description);
        const perRow = Math.max(1, Math.floor((inner - 100) / 28));
        return (
          100 +
          d.categories.length * Math.max(...d.categories.map((c) => box(c) + 12)) +
          20 * lines(d.totalLabel, theme.font.label, inner) +
          28 * Math.ceil(Math.max(1, d.total.value) / perRow) +
          17 * lines(d.note, theme.font.small, inner)
        );
      },
      [
        // A word wider than a box of four side by side.
        {
          lang: 'en',
          categories: [
            { label: 'Park', description: 'Park park' },
            { label: 'Park', description: 'Park park' },
            { label: 'Park', description: 'Provincial-level park' },
            { label: 'Park', description: 'Park park' },
          ],
          total: fact('家', 5),
          totalLabel: 'Park',
          note: 'Park park',
        },
      ],
    );
  });

  it('tierBoxes', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        leading: fc.array(text(lang, 2, 10), { minLength: 1, maxLength: 2 }),
        featured: fc.array(text(lang, 2, 10), { maxLength: 5 }),
        other: fc.option(text(lang, 4, 24)),
        headings: fc.record({ leading: text(lang, 2, 20), featured: text(lang, 2, 20), other: text(lang, 2, 20) }),
      }),
    );
    holds(
      input,
      (d, width) =>
        tierBoxes(
          [
            ...d.leading.map((label, i) => ({ key: `l${i}`, label, tier: 'leading' as TierRole })),
            ...d.featured.map((label, i) => ({ key: `f${i}`, label, tier: 'featured' as TierRole })),
            ...(d.other ? [{ key: 'other', label: d.other, tier: 'other' as TierRole }] : []),
          ],
          { ...base(width), tiers: d.headings },
        ),
      (d) => {
        // Each tier: its heading and its boxes, a row each at worst, as tall as the longest label broken a word a line.
        const longest = Math.max(...[...d.leading, ...d.featured, d.other ?? ''].map(tokens));
        const headings = tokens(d.headings.leading) + tokens(d.headings.featured) + tokens(d.headings.other);
        return 17 * headings + (d.leading.length + d.featured.length + 1) * (20 + 19 * longest + 16 + 8) + 3 * 24;
      },
      [
        // Words wider than a box of five side by side.
        {
          lang: 'en',
          leading: ['Park'],
          featured: ['Investment', 'Capacity', 'Park', 'Park'],
          other: null,
          headings: { leading: 'Park', featured: 'Park', other: 'Park' },
        },
      ],
    );
  });

  it('timeline', () => {
    const input = locale.chain((lang) =>
      fc.record({
        lang: fc.constant(lang),
        kinds: fc.array(text(lang, 1, 8), { minLength: 1, maxLength: 4 }),
        events: fc.array(
          fc.record({
            year: fc.integer({ min: 1995, max: 2030 }),
            month: fc.option(fc.integer({ min: 1, max: 12 })),
            label: text(lang, 2, 26),
            kind: fc.nat(),
          }),
          { minLength: 1, maxLength: 14 },
        ),
        gap: text(lang, 3, 12),
      }),
    );
    const date = (e: { year: number; month: number | null }) =>
      e.month ? `${e.year}-${String(e.month).padStart(2, '0')}` : String(e.year);
    holds(
      input,
      (d, width) =>
        timeline(
          d.events.map((e, i) => ({ key: `e${i}`, date: date(e), label: e.label, kind: `k${e.kind % d.kinds.length}` })),
          {
            ...base(width),
            kinds: Object.fromEntries(d.kinds.map((k, i) => [`k${i}`, k])),
            dateLabel: (x) => formatDate(x, d.lang),
            gap: (from, to) => `${from}–${to} ${d.gap}`,
          },
        ),
      (d, width) => {
        // A year is as tall as its busiest stack needs (never more), a gap as its note; the legend on top.
        // The labels' room, right of the widest date ("September 2020").
        const room = width - 200;
        const need = (e: { label: string }) => 18 * lines(e.label, theme.font.label, room) + 5;
        const years = [...new Set(d.events.map((e) => e.year))];
        const busiest = Math.max(44, ...years.map((y) => d.events.filter((e) => e.year === y).reduce((h, e) => h + need(e), 0)));
        const span = Math.max(...years) - Math.min(...years) + 1;
        const shown = Math.min(span, 2 * years.length);
        const gaps = years.length * (40 + 16 * lines(`0000–0000 ${d.gap}`, theme.font.small, room));
        // The last year's stack may start in December, a stack's height past the year's start.
        return 22 * d.kinds.length + 34 + (shown + 1) * busiest + gaps + 24;
      },
      [
        // A note on omitted years taking two lines; an event in December.
        {
          lang: 'en',
          kinds: ['Park'],
          events: [
            { year: 1995, month: null, label: 'Park', kind: 0 },
            { year: 1998, month: null, label: 'Park', kind: 0 },
          ],
          gap: 'Park approved high-tech',
        },
        {
          lang: 'zh',
          kinds: ['园'],
          events: [
            { year: 2019, month: null, label: '园园园园', kind: 0 },
            { year: 2020, month: 12, label: '园园园园园园', kind: 0 },
          ],
          gap: '园园',
        },
      ],
    );
  });
});

describe('labels with room for a reader’s text spacing (WCAG 1.4.12)', () => {
  // A label, sometimes with an amount in a currency ("about CNY 2.82 billion").
  const labelText = locale.chain((lang) =>
    fc.tuple(text(lang, 2, 40), fc.option(fc.constantFrom('CNY 2.82', 'CNY 180.6', 'USD 5')), fc.nat()).map(([s, money, at]) => {
      if (!money) return s;
      const words = s.split(' ');
      words.splice(at % (words.length + 1), 0, money);
      return words.join(' ');
    }),
  );
  /** A line `wrap` cannot break however narrow its room: one word, one character, one currency with its amount. */
  const unbreakable = (line: string) => wrap(line, theme.font.label, 0).length === 1;

  it('wrapSpaced breaks a label so that each line fits its room with the wider spacing, or cannot break, keeping every word', () => {
    let checked = 0;
    fc.assert(
      fc.property(labelText, fc.double({ min: 20, max: 600, noNaN: true }), (s, max) => {
        const lines = wrapSpaced(s, theme.font.label, max);
        for (const line of lines)
          if (spacedWidth(line, theme.font.label) > max && !unbreakable(line))
            throw new Error(`“${line}” is wider than ${max} with spacing, and could break`);
        if (lines.join('').replace(/\s/g, '') !== s.replace(/\s/g, '')) throw new Error(`“${s}” lost a word: ${JSON.stringify(lines)}`);
        // A currency's code stays with its amount.
        for (const line of lines)
          if (/\b[A-Z]{3}$/.test(line)) throw new Error(`“${s}”: a line ends on a currency's code: ${JSON.stringify(lines)}`);
        checked++;
      }),
    );
    if (checked === 0) throw new Error('no label was checked');
  });

  it('keeps a currency with its amount however narrow the room', () => {
    for (const max of [0, 40, 80, 120]) {
      const lines = wrap('about CNY 2.82 billion', theme.font.label, max);
      expect(
        lines.some((l) => l.includes('CNY 2.82')),
        String(max),
      ).toBe(true);
    }
  });
});
