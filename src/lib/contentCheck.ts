import { REFERENCES_KEY, type Place, type Reference, type ScrollyReference } from './mdxReferences.ts';

/** What the references of an MDX file are checked against. */
export interface KnownData {
  /** Whether a fact with this id exists. */
  fact: (id: string) => boolean;
  /** The chart's state keys in order (empty for a chart without steps), or undefined for no such chart. */
  chart: (id: string) => readonly string[] | undefined;
}

/** Known data from the fact registry and the charts of an edition (by id, with their `states`). */
export function knownData(
  facts: { has(id: string): boolean },
  charts: ReadonlyMap<string, { states?: readonly { key: string }[] | undefined }>,
): KnownData {
  return {
    fact: (id) => facts.has(id),
    chart: (id) => {
      const chart = charts.get(id);
      return chart && (chart.states ?? []).map((s) => s.key);
    },
  };
}

/**
 * The references the MDX plugin collected for one entry, from `render(entry)`'s
 * `remarkPluginFrontmatter`; fails if the plugin did not run, so no check is skipped silently.
 */
export function referencesOf(file: string, remarkPluginFrontmatter: Record<string, unknown>): Reference[] {
  const refs = remarkPluginFrontmatter[REFERENCES_KEY];
  if (!Array.isArray(refs))
    throw new Error(`${file}: no references were collected; register mdxReferences() in astro.config.mjs (markdown.processor)`);
  return refs as Reference[];
}

/**
 * Checks every reference of one MDX file against the data: fact ids, chart ids, and for a
 * `<Scrolly chart="x">` one `<Step state>` per state of chart x, in the chart's order. Returns
 * one message per problem, starting with `file:line:column`, so that an editor's typo fails
 * the build where it was made.
 */
export function checkReferences(file: string, references: readonly Reference[], known: KnownData): string[] {
  const at = (p: Place) => `${file}:${p.line}:${p.column}`;
  return references.flatMap((r): string[] => {
    if (r.tag === 'Fact') return known.fact(r.id) ? [] : [`${at(r)}: unknown fact id "${r.id}"; see data/README.md for the ids`];
    const id = r.tag === 'Chart' ? r.id : r.chart;
    const states = known.chart(id);
    if (!states) return [`${at(r)}: unknown chart id "${id}"; see data/README.md for the ids`];
    return r.tag === 'Scrolly' ? checkSteps(r, states, at) : [];
  });
}

/** A dropped, repeated, unknown or misplaced `<Step>` of a `<Scrolly>`. */
function checkSteps(scrolly: ScrollyReference, states: readonly string[], at: (p: Place) => string): string[] {
  const { chart, steps } = scrolly;
  if (states.length === 0)
    return [`${at(scrolly)}: <Scrolly chart="${chart}">: this chart has no steps; use <Chart id="${chart}" /> instead`];
  const expected = `expected steps for the states ${states.join(', ')} in this order`;
  const problems: string[] = [];
  const seen = new Set<string>();
  let last = -1;
  for (const step of steps) {
    const index = states.indexOf(step.state);
    const tag = `<Step state="${step.state}">`;
    if (index < 0) problems.push(`${at(step)}: ${tag}: the chart "${chart}" has no such state; ${expected}`);
    else if (seen.has(step.state)) problems.push(`${at(step)}: ${tag} repeats a state; ${expected}`);
    else if (index < last) problems.push(`${at(step)}: ${tag} is out of order; ${expected}`);
    if (index >= 0) seen.add(step.state);
    last = Math.max(last, index);
  }
  const missing = states.filter((s) => !seen.has(s));
  if (missing.length)
    problems.push(`${at(scrolly)}: <Scrolly chart="${chart}"> has no step for ${missing.map((s) => `"${s}"`).join(', ')}; ${expected}`);
  return problems;
}
