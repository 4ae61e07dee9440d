import { z } from 'zod';
import { seriesColours } from '../charts/theme.ts';
import { timeline as draw } from '../charts/timeline.ts';
import { formatDate } from '../lib/format.ts';
import { isDateFact } from '../lib/facts.ts';
import { text } from '../lib/schema.ts';
import { defineKind, figureOf } from './kind.ts';

const data = z.strictObject({
  /** A dataset of dated events; its groups colour them and make the legend. */
  dataset: z.string(),
});

const words = {
  /** Beside a compressed stretch of years no event falls in; offers {from}, {to} and {years} (how many). */
  gap: text,
};

/** Dated events down a vertical time axis, long empty stretches compressed. The words offer {count}, {first} and {last} (dates), {firstYear} and {lastYear}. */
export const timeline = defineKind({
  name: 'timeline',
  data,
  words,
  build(ctx) {
    const { locale } = ctx;
    const dataset = ctx.dataset(ctx.data.dataset, 'data.dataset');
    const events = ctx
      .records(dataset.name, 'data.dataset')
      .map((e, i) => {
        if (!isDateFact(e))
          throw new Error(`${ctx.file}: data.dataset: expected dated events, but record ${i} of data/${dataset.name}.json is not`);
        return { ...e, name: ctx.name(e), when: formatDate(e.date, locale) };
      })
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (!dataset.groups?.length || events.some((e) => !e.group))
      throw new Error(
        `${ctx.file}: data.dataset: expected data/${dataset.name}.json to list "groups" and every event to name one (they colour the events and make the legend)`,
      );
    if (dataset.groups.length > seriesColours)
      throw new Error(
        `${ctx.file}: data.dataset: data/${dataset.name}.json lists ${dataset.groups.length} groups; the charts have colours for ${seriesColours}`,
      );
    const kinds = Object.fromEntries(dataset.groups.map((g) => [g.key, ctx.groupName(g)]));
    const text = ctx.texts({
      count: events.length,
      first: events[0]!.when,
      last: events.at(-1)!.when,
      firstYear: events[0]!.date.slice(0, 4),
      lastYear: events.at(-1)!.date.slice(0, 4),
    });
    return figureOf(ctx, text, {
      drawn: events,
      datasets: [dataset.name],
      table: events.map((e) => ({ label: e.name, value: e.when, source: ctx.provenance(e), derived: false, fact: e.id })),
      points: events.map((e) => ({ key: e.id, fact: e.id, label: e.name, value: e.when, source: ctx.provenance(e) })),
      draw: (at) =>
        draw(
          events.map((e) => ({ key: e.id, date: e.date, label: e.name, kind: e.group ?? '' })),
          {
            ...at,
            kinds,
            dateLabel: (date) => formatDate(date, locale),
            gap: (from, to) => ctx.say('gap', ctx.words.gap, { from: String(from), to: String(to), years: to - from + 1 }),
          },
        ),
    });
  },
});
