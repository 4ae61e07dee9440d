import { z } from 'zod';
import { categoryCount as draw } from '../charts/categoryCount.ts';
import { factId, text } from '../lib/schema.ts';
import { defineKind, figureOf, point, row } from './kind.ts';

const data = z.strictObject({
  /** The dataset whose groups are the categories, drawn as boxes with their names and descriptions. */
  dataset: z.string(),
  /** How many things there are in all, drawn one square each below every category: the report does not split them. */
  total: factId,
  /** The figure counting the categories, for the table. */
  count: factId.optional(),
});

const words = {
  /** Label of the strip of squares. */
  totalLabel: text,
  /** Says the total is not split by category. */
  note: text,
};

/** Categories as equal boxes, and a total as one square per thing under all of them. The words offer {categories} (the names, listed). */
export const categoryCount = defineKind({
  name: 'categoryCount',
  data,
  words,
  build(ctx) {
    const dataset = ctx.dataset(ctx.data.dataset, 'data.dataset');
    const groups = dataset.groups ?? [];
    if (!groups.length) throw new Error(`${ctx.file}: data.dataset: expected data/${dataset.name}.json to list its categories as "groups"`);
    const total = ctx.figure(ctx.data.total, 'data.total');
    const count = ctx.data.count ? ctx.figure(ctx.data.count, 'data.count') : undefined;
    const source = ctx.provenance(count ?? total);
    const categories = groups.map((g) => ({ key: g.key, label: ctx.groupName(g), description: ctx.groupDescription(g) ?? '' }));
    const text = ctx.texts({ categories: ctx.list(categories.map((c) => c.label)) });
    return figureOf(ctx, text, {
      drawn: [...(count ? [count] : []), total],
      datasets: [dataset.name],
      table: [
        ...(count ? [row(ctx, count)] : []),
        ...categories.map((c) => ({ label: c.label, value: c.description, source, derived: false })),
        row(ctx, total),
      ],
      points: [...categories.map((c) => ({ key: c.key, label: c.label, value: c.description, source })), point(ctx, 'total', total)],
      draw: (at) =>
        draw(
          { categories, total: { value: total.value, text: ctx.show(total), label: ctx.words.totalLabel } },
          { ...at, note: ctx.words.note },
        ),
    });
  },
});
