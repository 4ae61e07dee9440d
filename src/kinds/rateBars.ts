import { z } from 'zod';
import { seriesColours } from '../charts/theme.ts';
import { rateBars as draw, sortRates } from '../charts/rateBars.ts';
import { countWords, formatAmount } from '../lib/format.ts';
import { isFigure, type Fact } from '../lib/facts.ts';
import { text } from '../lib/schema.ts';
import { defineKind, figureOf } from './kind.ts';

const data = z.strictObject({
  /** A dataset of rates (%), each in one of the dataset's groups; all its records are drawn. */
  dataset: z.string(),
});

const words = {
  /** Label of the 100% line. */
  full: text,
};

/**
 * Rates sorted from highest to lowest against a full bar of 100%, coloured by the dataset's
 * groups, which readers can highlight. The words offer {items} (every rate and value),
 * {full} (how many reach 100%, a number for plural), {fullCount} (the same, as prose writes it), {lowest} and {lowestValue}.
 */
export const rateBars = defineKind({
  name: 'rateBars',
  data,
  words,
  build(ctx) {
    const { locale } = ctx;
    const dataset = ctx.dataset(ctx.data.dataset, 'data.dataset');
    const figures = ctx.records(dataset.name, 'data.dataset').map((f, i) => {
      if (!isFigure(f) || f.unit !== '%' || !f.group)
        throw new Error(
          `${ctx.file}: data.dataset: expected rates (%) each with a group, but record ${i} of data/${dataset.name}.json ("${f.id}") is not`,
        );
      return f;
    });
    const rates = sortRates(
      figures.map((f: Fact) => ({
        key: f.id,
        label: ctx.short(f),
        value: f.value,
        group: f.group!,
        text: `${formatAmount(f, locale)}%`,
        fact: f,
      })),
    );
    const lowest = rates.at(-1)!;
    if ((dataset.groups ?? []).length > seriesColours)
      throw new Error(
        `${ctx.file}: data.dataset: data/${dataset.name}.json lists ${dataset.groups!.length} groups; the charts have colours for ${seriesColours}`,
      );
    const groups = Object.fromEntries((dataset.groups ?? []).map((g) => [g.key, ctx.groupName(g)]));
    const text = ctx.texts({
      items: ctx.list(rates.map((r) => ctx.labelled(r.label, r.text))),
      full: rates.filter((r) => r.value === 100).length,
      lowest: lowest.label,
      lowestValue: lowest.fact,
      fullCount: countWords(rates.filter((r) => r.value === 100).length, locale),
    });
    return {
      ...figureOf(ctx, text, {
        drawn: rates.map((r) => r.fact),
        datasets: [dataset.name],
        draw: (at) => draw(rates, { ...at, full: ctx.words.full, groups }),
      }),
      highlight: Object.entries(groups).map(([key, label]) => ({ key, label })),
    };
  },
});
