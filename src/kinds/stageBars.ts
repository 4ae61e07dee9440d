import { z } from 'zod';
import { stageBars as draw } from '../charts/stageBars.ts';
import { factId, text } from '../lib/schema.ts';
import { axisScale, defineKind, figureOf, point, row, tickFormat } from './kind.ts';

const data = z.strictObject({
  /** Capacities on one scale from 0, each a figure; a figure with `"stage": "planned"` is drawn dashed. */
  stages: z.array(factId).min(1),
  /** A rate (%) drawn as a ring of its own, away from the capacity scale. */
  ring: factId.optional(),
  /** More figures for the table (the increase, say), placed after the stages. */
  table: z.array(factId).default([]),
});

const words = {
  legend: z.strictObject({ built: text, planned: text }),
};

/** Bars of a capacity by stage, planned stages dashed, and an optional rate as a ring. The words offer nothing beyond the figures. */
export const stageBars = defineKind({
  name: 'stageBars',
  data,
  words,
  build(ctx) {
    const stages = ctx.data.stages.map((id, i) => ctx.figure(id, `data.stages[${i}]`));
    const ring = ctx.data.ring ? ctx.figure(ctx.data.ring, 'data.ring') : undefined;
    if (ring && ring.unit !== '%') throw new Error(`${ctx.file}: data.ring: expected a rate (%), got "${ring.id}" (${ring.unit})`);
    const extra = ctx.data.table.map((id, i) => ctx.figure(id, `data.table[${i}]`));
    const text = ctx.texts();
    // The stages share one axis, so one unit: the largest picks it.
    const scale = axisScale(stages);
    const drawn = [...stages, ...(ring ? [ring] : [])];
    return figureOf(ctx, text, {
      drawn,
      table: [...stages, ...extra, ...(ring ? [ring] : [])].map((f) => row(ctx, f)),
      points: [...stages.map((f) => point(ctx, f.id, f)), ...(ring ? [point(ctx, 'rate', ring)] : [])],
      draw: (at) =>
        draw(
          {
            stages: stages.map((f) => ({
              key: f.id,
              label: ctx.short(f),
              value: ctx.drawn(f, scale),
              text: ctx.show(f),
              ...(f.stage === 'planned' && { planned: true }),
            })),
            ...(ring && { rate: { label: ctx.name(ring), value: ring.value, text: ctx.show(ring) } }),
          },
          {
            ...at,
            unit: ctx.axisUnit(stages[0]!, scale),
            legend: ctx.words.legend,
            tickFormat: tickFormat(ctx.locale),
          },
        ),
    });
  },
});
