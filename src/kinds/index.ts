import { z } from 'zod';
import { boundBars } from './boundBars.ts';
import { categoryCount } from './categoryCount.ts';
import { growthBars } from './growthBars.ts';
import { commonWords, type ChartKind } from './kind.ts';
import { rankSlope } from './rankSlope.ts';
import { rateBars } from './rateBars.ts';
import { stageBars } from './stageBars.ts';
import { tierBoxes } from './tierBoxes.ts';
import { timeline } from './timeline.ts';

/** Every chart kind a content entry can name with `kind:`. */
export const kinds = new Map<string, ChartKind<any, any>>(
  [growthBars, rankSlope, rateBars, stageBars, boundBars, categoryCount, tierBoxes, timeline].map((k) => [k.name, k]),
);

/** What a chart of a kind says in one edition: the words every chart has, and its kind's own; an unknown kind's, the common ones. */
export const wordsOf = (kind: string) => z.strictObject({ ...commonWords, ...(kinds.get(kind)?.words ?? {}) });

/** The schema of a chart's content entry (content/charts/<id>.yaml): its kind, what it draws, and its words in each edition. */
export const chartEntry = z.discriminatedUnion(
  'kind',
  [...kinds.values()].map((k) => {
    const words = wordsOf(k.name);
    return z.strictObject({ kind: z.literal(k.name), data: k.data, zh: words, en: words.optional() });
  }) as unknown as [z.ZodObject, ...z.ZodObject[]],
  { error: `expected "kind" to be one of ${[...kinds.keys()].join(', ')}` },
);
export type ChartEntry = { kind: string; data: unknown; zh: Record<string, unknown>; en?: Record<string, unknown> | undefined };
