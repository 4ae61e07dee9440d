/**
 * What a chart's page hands the browser enhancer, defined once: the schema the browser
 * checks the JSON against, and the type the build writes it with (ChartData.astro).
 */
import * as v from 'valibot';

const point = v.object({
  /** The `data-key` of the mark in the SVG. */
  key: v.string(),
  /** The figure the mark shows, where it is one. */
  fact: v.optional(v.string()),
  label: v.string(),
  value: v.string(),
  source: v.string(),
  /** The number behind `value`, where there is one: the Listen control plays it as a pitch. */
  n: v.optional(v.number()),
  /** The unit of `n`: only numbers in one unit share a pitch scale. */
  unit: v.optional(v.string()),
});

const payload = v.object({
  /** The accessible name of the explorable chart area. */
  label: v.string(),
  /** What the live region reads for a point, in the edition's words and punctuation: "{label}: {value} ({source})". */
  readout: v.string(),
  /** The prerendered widths, by variant name. */
  widths: v.record(v.string(), v.number()),
  /** The marks in reading order, for tooltips and arrow keys. */
  points: v.array(point),
  /**
   * Views a control switches between, each with its own marks. Their SVGs are <template data-mode data-variant>
   * (with data-state in a sequence, for each step the view can show); the first view is the chart itself.
   */
  modes: v.optional(v.array(v.object({ key: v.string(), points: v.array(point) }))),
});

/** One mark a reader can step to: what the tooltip and the live region say about it. */
export type Point = v.InferOutput<typeof point>;
export type Payload = v.InferOutput<typeof payload>;

/** Reads a chart's JSON data block; throws an error naming the chart if it is not JSON or not a payload. */
export function parsePayload(text: string, chart: string): Payload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Chart "${chart}": its data is not valid JSON (${(error as Error).message})`);
  }
  const result = v.safeParse(payload, json);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new Error(`Chart "${chart}": its data is not a chart payload (${v.getDotPath(issue) ?? 'top level'}: ${issue.message})`);
}
