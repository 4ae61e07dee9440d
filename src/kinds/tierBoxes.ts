import { z } from 'zod';
import { tierBoxes as draw, type TierRole } from '../charts/tierBoxes.ts';
import type { AnyFact } from '../lib/facts.ts';
import { text } from '../lib/schema.ts';
import { defineKind, figureOf } from './kind.ts';

const data = z.strictObject({
  /** A dataset of named items in tiers (its groups, in order): the first tier is the lead, an "unlisted" tier has no named members. */
  dataset: z.string(),
});

const words = {
  /** A tier's heading; offers {name} and {count} (its members). */
  heading: text,
  /** The heading of an unlisted tier; offers {name}. */
  unlistedHeading: text,
};

/** Tiers of named items: the lead tier large, the others as equal boxes, unlisted tiers open and dashed. The words offer {lead} and {others} (names, listed). */
export const tierBoxes = defineKind({
  name: 'tierBoxes',
  data,
  words,
  build(ctx) {
    const dataset = ctx.dataset(ctx.data.dataset, 'data.dataset');
    const entries = ctx.records(dataset.name, 'data.dataset');
    const groups = dataset.groups ?? [];
    if (!groups.length) throw new Error(`${ctx.file}: data.dataset: expected data/${dataset.name}.json to list its tiers as "groups"`);
    const role = (i: number, unlisted?: boolean): TierRole => (unlisted ? 'other' : i === 0 ? 'leading' : 'featured');
    const tiers = groups.map((g, i) => {
      const members = entries.filter((e) => e.group === g.key);
      const name = ctx.groupName(g);
      const heading = g.unlisted
        ? ctx.say('unlistedHeading', ctx.words.unlistedHeading, { name })
        : ctx.say('heading', ctx.words.heading, { name, count: members.length });
      return { group: g, role: role(i, g.unlisted), members, heading };
    });
    // The drawing has three rows: the lead tier, one tier of listed members, one unlisted tier.
    for (const role of ['featured', 'other'] as const)
      if (tiers.filter((t) => t.role === role).length > 1)
        throw new Error(
          `${ctx.file}: data.dataset: data/${dataset.name}.json lists more than one ${role === 'other' ? 'unlisted' : 'listed'} tier after the lead; this kind draws one of each`,
        );
    const lead = tiers.find((t) => t.role === 'leading');
    const text = ctx.texts({
      lead: ctx.list((lead?.members ?? []).map((m) => ctx.name(m))),
      others: ctx.list(tiers.filter((t) => t.role === 'featured').flatMap((t) => t.members.map((m) => ctx.name(m)))),
    });
    type Item = { key: string; label: string; tier: TierRole; heading: string; entry?: AnyFact };
    const items = tiers.flatMap((t): Item[] =>
      t.role === 'other'
        ? [{ key: `${dataset.name}-${t.group.key}`, label: ctx.groupDescription(t.group) ?? t.heading, tier: t.role, heading: t.heading }]
        : t.members.map((m) => ({ key: m.id, label: ctx.name(m), tier: t.role, heading: t.heading, entry: m })),
    );
    const headings = Object.fromEntries(tiers.map((t) => [t.role, t.heading])) as Record<TierRole, string>;
    const reportLine = ctx.provenance(entries[0]!);
    return figureOf(ctx, text, {
      drawn: entries,
      datasets: [dataset.name],
      table: items.flatMap((i) =>
        i.entry ? [{ label: i.label, value: i.heading, source: ctx.provenance(i.entry), derived: false, fact: i.key }] : [],
      ),
      points: items.map((i) => ({ key: i.key, label: i.label, value: i.heading, source: i.entry ? ctx.provenance(i.entry) : reportLine })),
      draw: (at) =>
        draw(
          items.map((i) => ({ key: i.key, label: i.label, tier: i.tier })),
          { ...at, tiers: headings },
        ),
    });
  },
});
