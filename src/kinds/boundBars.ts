import { z } from 'zod';
import { boundBars as draw } from '../charts/boundBars.ts';
import { factId, text } from '../lib/schema.ts';
import { axisScale, defineKind, figureOf, tickFormat } from './kind.ts';

const data = z.strictObject({
  /** Lower bounds ("over …"), each a figure; figures of one unit share a panel and a scale. */
  bounds: z.array(factId).min(1),
});

const words = {
  /** Panel titles by unit, as data/ writes it ("亿元", "万平方米"). */
  panels: z.record(z.string(), text),
  /** Explains the open ends. */
  note: text,
};

/**
 * Lower bounds as bars that run on into an open, fading end: the report says only "over".
 * The words offer {items} (every bound and value) and {count}.
 */
export const boundBars = defineKind({
  name: 'boundBars',
  data,
  words,
  build(ctx) {
    const figures = ctx.data.bounds.map((id, i) => {
      const f = ctx.figure(id, `data.bounds[${i}]`);
      if (f.qualifier !== 'over')
        throw new Error(`${ctx.file}: data.bounds[${i}]: expected a lower bound ("qualifier": "over"), got "${id}"`);
      return f;
    });
    // Panels in the order the words list them; every unit drawn needs one.
    const units = new Set<string>(figures.map((f) => f.unit));
    for (const u of units) ctx.pick(ctx.words.panels, u, 'panels');
    const panels = Object.fromEntries(Object.entries(ctx.words.panels).filter(([u]) => units.has(u)));
    // Each panel is one axis: its largest figure picks the unit its bars are drawn in.
    const scales = new Map([...units].map((u) => [u, axisScale(figures.filter((f) => f.unit === u))]));
    const bounds = figures.map((f) => ({
      key: f.id,
      label: ctx.name(f),
      value: ctx.drawn(f, scales.get(f.unit)),
      text: ctx.show(f),
      group: f.unit,
    }));
    const text = ctx.texts({ items: ctx.list(bounds.map((b) => ctx.labelled(b.label, b.text))), count: bounds.length });
    return figureOf(ctx, text, {
      drawn: figures,
      draw: (at) =>
        draw(bounds, {
          ...at,
          groups: panels,
          note: ctx.words.note,
          tickFormat: tickFormat(ctx.locale),
        }),
    });
  },
});
