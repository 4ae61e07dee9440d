import { z } from 'zod';
import { rankSlope as drawChart } from '../charts/rankSlope.ts';
import { formatDate, withUnit } from '../lib/format.ts';
import { plain } from '../lib/template.ts';
import { factId, text } from '../lib/schema.ts';
import { defineKind, drawAt, figureOf, point, row, tickFormat, type DrawnAt } from './kind.ts';

const data = z.strictObject({
  /** Ranks in time order, each a figure with its year; told in steps, one per rank. */
  ranks: z.array(factId).min(2),
  /** The places gained from the first rank to the last (a derived figure), which the change phrase then names and links. */
  change: factId.optional(),
  /** More figures for the table. */
  table: z.array(factId).default([]),
});

const words = {
  /** The change between the first and last rank; offers {direction} (up, down, same) and {places} ("2位", "two places"). */
  change: text,
  /** Marks the direction of better ranks, e.g. "↑ 名次更靠前". */
  better: text,
  /** Says which ranks the axis shows; offers {from} and {to}. */
  window: text,
  /** Name of a rank in the table and tooltips; offers {year}. */
  rank: text,
};

/**
 * A slope between yearly ranks, rank 1 on top, on a window of ranks around the data. The
 * chart's words offer {first}, {last} (ranks as prose shows them), {firstYear}, {lastYear} and {change}.
 */
export const rankSlope = defineKind({
  name: 'rankSlope',
  data,
  words,
  steps: (d, year) => d.ranks.map((id) => String(year(id))),
  build(ctx) {
    const { data: d, words: w, locale } = ctx;
    const ranks = d.ranks.map((id, i) => {
      const f = ctx.figure(id, `data.ranks[${i}]`);
      if (f.unit !== '名' || f.year === undefined)
        throw new Error(`${ctx.file}: data.ranks[${i}]: expected a rank (unit 名) with a year, got "${id}" (${f.unit})`);
      return { fact: f, key: String(f.year), year: formatDate(String(f.year), locale) };
    });
    const first = ranks[0]!.fact;
    const last = ranks.at(-1)!.fact;
    const places = first.value - last.value;
    const gained = d.change ? ctx.figure(d.change, 'data.change') : undefined;
    // The figure itself where it reads as the change does (a gain); otherwise the count of places, in words.
    const placesArg = gained && gained.value === places && places > 0 ? gained : withUnit(Math.abs(places), '位', 0, locale, true);
    const changeMarked = ctx.sayMarked('change', w.change, {
      direction: places > 0 ? 'up' : places < 0 ? 'down' : 'same',
      places: placesArg,
    });
    const change = plain(changeMarked);
    const args = { first, last, change: changeMarked, firstYear: ranks[0]!.year, lastYear: ranks.at(-1)!.year };
    const text = ctx.texts(args);
    const label = (r: (typeof ranks)[number]) => ctx.say('rank', w.rank, { year: r.year });
    const drawing =
      (visible?: readonly string[]) =>
      (at: DrawnAt): SVGSVGElement =>
        drawChart(
          ranks.map((r) => ({ key: r.key, label: r.year, rank: r.fact.value })),
          {
            ...at,
            format: (rank) => ctx.show({ ...first, value: rank, digits: 0 }),
            tickFormat: tickFormat(locale),
            change,
            better: w.better,
            window: (from, to) => ctx.say('window', w.window, { from, to }),
            ...(visible && { visible }),
          },
        );
    const extra = [...(gained ? [gained] : []), ...d.table.map((id, i) => ctx.figure(id, `data.table[${i}]`))];
    return {
      ...figureOf(ctx, text, {
        drawn: ranks.map((r) => r.fact),
        table: [...ranks.map((r) => row(ctx, r.fact, label(r))), ...extra.map((f) => row(ctx, f))],
        points: ranks.map((r) => point(ctx, r.key, r.fact, label(r))),
        draw: drawing(),
      }),
      states: ranks.map((r, i) => ({
        key: r.key,
        svg: drawAt(`${ctx.id}-${r.key}`, text, drawing(ranks.slice(0, i + 1).map((x) => x.key))),
      })),
    };
  },
});
