import { z } from 'zod';
import { growthBars as drawChart, type GrowthBar } from '../charts/growthBars.ts';
import { formatAmount, formatNumber, formatSigned } from '../lib/format.ts';
import { factId, markKey as key, text } from '../lib/schema.ts';
import { axisScale, defineKind, drawAt, figureOf, point, tickFormat, type DrawnAt, type Point } from './kind.ts';

const data = z.strictObject({
  /** Bars left to right: a figure each, with an optional part drawn from the base (a high-tech share of output). */
  bars: z.array(z.strictObject({ key, fact: factId, part: factId.optional() })).min(1),
  /** A growth rate shown on an arrow from the first bar to the second. */
  change: factId.optional(),
  /** More figures for the table, after the bars and parts. */
  table: z.array(factId).default([]),
  /** A second view: each bar as 100%, its part as the share given by this figure (by bar key); bars without one say so. */
  shares: z.record(z.string(), factId).optional(),
  /** The states of a scrolly sequence, each the marks it shows: bar keys, "<key>-part", "change". */
  states: z.array(z.strictObject({ key, show: z.array(z.string()).min(1) })).optional(),
});

const words = {
  /** Axis label of each bar, by bar key. */
  bars: z.record(z.string(), text),
  legend: z.strictObject({ part: text, rest: text, derived: text }),
  /** Names of the two views on their buttons. */
  views: z.strictObject({ amount: text, share: text }).optional(),
  share: z
    .strictObject({
      title: text,
      description: text,
      /** Tooltip label of each bar's whole (100%), by bar key. */
      whole: z.record(z.string(), text),
      /** Shown where a bar's share is not given. */
      missing: text,
      missingLabel: z.record(z.string(), text),
      missingSource: text,
      /** Axis labels in this view, by bar key, where they differ from the amounts' (a derived bar is not drawn here). */
      bars: z.record(z.string(), text).optional(),
    })
    .optional(),
};

/** Bars of a total per period, a reported part stacked from the base, derived bars hatched; optionally as shares, and told in steps. */
export const growthBars = defineKind({
  name: 'growthBars',
  data,
  words,
  steps: (d) => (d.states ?? []).map((s) => s.key),
  build(ctx) {
    const { data: d, words: w, locale } = ctx;
    const bars = d.bars.map((b, i) => ({
      ...b,
      figure: ctx.figure(b.fact, `data.bars[${i}].fact`),
      partFigure: b.part ? ctx.figure(b.part, `data.bars[${i}].part`) : undefined,
      label: ctx.pick(w.bars, b.key, 'bars'),
    }));
    const change = d.change ? ctx.figure(d.change, 'data.change') : undefined;
    // Shares and steps name marks by key: each must be a bar, a bar's part, or the change arrow.
    const marks = [...bars.flatMap((b) => [b.key, ...(b.part ? [`${b.key}-part`] : [])]), ...(change ? ['change'] : [])];
    const keys = bars.map((b) => b.key);
    for (const k of Object.keys(d.shares ?? {}))
      if (!keys.includes(k)) throw new Error(`${ctx.file}: data.shares.${k}: expected the key of a bar (${keys.join(', ')})`);
    if (d.shares && !Object.keys(d.shares).length) throw new Error(`${ctx.file}: data.shares: expected at least one bar's share`);
    d.states?.forEach((s, i) =>
      s.show.forEach((m, j) => {
        if (!marks.includes(m))
          throw new Error(`${ctx.file}: data.states[${i}].show[${j}]: expected one of ${marks.join(', ')}, got "${m}"`);
      }),
    );
    const extra = d.table.map((id, i) => ctx.figure(id, `data.table[${i}]`));
    const text = ctx.texts();
    // Bars and parts share one axis, so one unit: the largest of them picks it.
    const scale = axisScale(bars.flatMap((b) => [b.figure, ...(b.partFigure ? [b.partFigure] : [])]));
    const unitOf = ctx.axisUnit(bars[0]!.figure, scale);
    /** A drawing of these bars, at one width; `visible` for a step of the sequence. */
    const drawing =
      (rows: GrowthBar[], o: { unit: string; visible?: readonly string[]; change?: string }) =>
      (at: DrawnAt): SVGSVGElement =>
        drawChart(rows, { ...at, legend: w.legend, tickFormat: tickFormat(locale), ...o });
    const amountRows: GrowthBar[] = bars.map((b) => ({
      key: b.key,
      label: b.label,
      value: ctx.drawn(b.figure, scale),
      text: formatAmount(b.figure, locale, scale),
      ...(b.figure.derived && { derived: true }),
      ...(b.partFigure && { part: { value: ctx.drawn(b.partFigure, scale), text: formatAmount(b.partFigure, locale, scale) } }),
    }));
    const amount = (visible?: readonly string[]) =>
      drawing(amountRows, {
        unit: unitOf,
        ...(change && { change: `${formatSigned(change.value, change.digits, locale)}%` }),
        ...(visible && { visible }),
      });
    const points: Point[] = bars.flatMap((b) => [
      point(ctx, b.key, b.figure),
      ...(b.partFigure ? [point(ctx, `${b.key}-part`, b.partFigure)] : []),
    ]);
    const all = [...bars.flatMap((b) => [b.figure, ...(b.partFigure ? [b.partFigure] : [])]), ...(change ? [change] : []), ...extra];
    const shown = [...new Set(all)];
    const model = {
      ...figureOf(ctx, text, { drawn: shown, points, draw: amount() }),
      ...(d.states && {
        states: d.states.map((s) => ({ key: s.key, svg: drawAt(`${ctx.id}-${s.key}`, text, amount(s.show)) })),
      }),
    };
    if (!d.shares) return model;
    const views = w.views;
    const sw = w.share;
    if (!views || !sw)
      throw new Error(`${ctx.file}: ${locale}.share and ${locale}.views: expected words for the share view, which data.shares asks for`);
    const shares = Object.fromEntries(Object.entries(d.shares).map(([k, id]) => [k, ctx.figure(id, `data.shares.${k}`)]));
    const whole = `${formatNumber(100, 0, locale)}%`;
    const shareRows: GrowthBar[] = bars.map((b) => {
      const s = shares[b.key];
      return s
        ? { key: b.key, label: sw.bars?.[b.key] ?? b.label, value: 100, text: whole, part: { value: s.value, text: ctx.show(s) } }
        : { key: b.key, label: sw.bars?.[b.key] ?? b.label, value: null, text: sw.missing };
    });
    const shareText = { title: ctx.say('share.title', sw.title), description: ctx.say('share.description', sw.description) };
    const shareUnit = ctx.axisUnit(Object.values(shares)[0]!);
    const share = (visible?: readonly string[], prefix = `${ctx.id}-share`) =>
      drawAt(prefix, shareText, drawing(shareRows, { unit: shareUnit, ...(visible && { visible }) }));
    return {
      ...model,
      modes: [
        { key: 'amount', label: views.amount, svg: model.svg, points },
        {
          key: 'share',
          label: views.share,
          svg: share(),
          // The share view has every step of the sequence too, so a reader's choice holds as the steps scroll past.
          ...(d.states && { states: d.states.map((s) => ({ key: s.key, svg: share(s.show, `${ctx.id}-share-${s.key}`) })) }),
          points: bars.flatMap((b): Point[] => {
            const s = shares[b.key];
            if (!s) return [{ key: b.key, label: sw.missingLabel[b.key] ?? b.label, value: sw.missing, source: sw.missingSource }];
            return [
              { key: b.key, label: sw.whole[b.key] ?? b.label, value: whole, source: ctx.provenance(b.figure), n: 100, unit: s.unit },
              point(ctx, `${b.key}-part`, s),
            ];
          }),
        },
      ],
    };
  },
});
