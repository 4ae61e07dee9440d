// math.js as one file: the same library as its ES modules, which Node reads one by one (1.3 s
// to import them on this machine, against 0.2 s for this file, on every build and test run).
import mathjs from 'mathjs/lib/browser/math.js';
import type { DerivedFile, Unit } from './schema.ts';
import { DataError, type DataFiles } from './validate.ts';

export type FactUnit = Unit;

/** What every entry of the registry keeps: the record's own fields, and where it lives. */
interface Base {
  id: string;
  /** The report's term (or the site's, for a derived figure), in the data's own language. */
  label: string;
  short?: string | undefined;
  group?: string | undefined;
  note?: string | undefined;
  /** Report line ("L12"); none for a derived figure. */
  source?: string | undefined;
  /** The dataset it belongs to (file name in data/ without ".json"), or "derived". */
  dataset: string;
  /** Names in the other editions' languages. */
  en?: { label: string; short?: string | undefined; note?: string | undefined } | undefined;
}

/** One figure the site can show: reported (with its report line) or derived (with its formula). */
export interface Fact extends Base {
  value: number;
  unit: FactUnit;
  /** Decimal places to show; reported figures keep the precision the report gives. */
  digits: number;
  qualifier?: 'over' | undefined;
  year?: number | undefined;
  stage?: 'built' | 'planned' | undefined;
  kind?: 'change' | undefined;
  counts?: 'groups' | undefined;
  /** How a derived figure is computed from reported ones. */
  derived?: { formula: string; inputs: string[]; en?: { formula: string } | undefined } | undefined;
}

/** A dated event, shown as a date ("2002年4月"). */
export interface DateFact extends Base {
  date: string;
  source: string;
}

/** A named thing of a dataset, with no number or date (an industry). */
export interface ItemFact extends Base {
  item: true;
  source: string;
}

export type AnyFact = Fact | DateFact | ItemFact;
export const isDateFact = (f: AnyFact): f is DateFact => 'date' in f;
export const isItem = (f: AnyFact): f is ItemFact => 'item' in f;
export const isFigure = (f: AnyFact): f is Fact => 'value' in f;

const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;
/** Half a unit of a reported number's last digit: 208.8 stands for 208.75–208.85. */
const half = (x: number) => 0.5 * 10 ** -decimals(x);

/** Where a reported, rounded value sits against an interval: 'lowEdge' when only the top of its rounding range reaches it. */
export type Consistency = 'inside' | 'lowEdge' | 'highEdge' | 'outside';
export function fits(reported: number, lo: number, hi: number): Consistency {
  const from = reported - half(reported);
  const to = reported + half(reported);
  if (to < lo || from > hi) return 'outside';
  if (from >= lo && to <= hi) return 'inside';
  const overlap = Math.min(to, hi) - Math.max(from, lo);
  if (overlap >= (hi - lo) / 2) return 'inside';
  return to < hi ? 'lowEdge' : 'highEdge';
}

/**
 * The formula language of data/derived.json: math.js, plus what a newsroom's arithmetic on
 * reported figures needs: the ends of a rounded number's range, the year of a date, and
 * where a rounded figure sits against an interval.
 */
// The bundle's own instance (made with every function): making another costs as much again.
const math = mathjs;
math.import(
  {
    low: (x: number) => x - half(x),
    high: (x: number) => x + half(x),
    year: (date: string) => Number(String(date).slice(0, 4)),
    fits,
  },
  { override: true },
);

/** Builds the registry of every figure, date and item the story may show, reported and derived. */
export function buildFacts(data: DataFiles, dir = 'data'): Map<string, AnyFact> {
  const facts = new Map<string, AnyFact>();
  for (const [name, file] of Object.entries(data.datasets)) {
    for (const r of file.records) {
      if ('value' in r) facts.set(r.id, { ...r, digits: decimals(r.value), dataset: name });
      else if ('date' in r) facts.set(r.id, { ...r, dataset: name });
      else facts.set(r.id, { ...r, item: true, dataset: name });
    }
  }
  addDerived(facts, data.derived, `${dir}/derived.json`);
  return facts;
}

/** The value a formula sees for an input: a figure's number, or a date as written. */
function scopeOf(facts: Map<string, AnyFact>, inputs: Record<string, string>, file: string, where: string) {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, id]) => {
      const f = facts.get(id);
      if (!f && id.startsWith('derived.'))
        throw new DataError(
          file,
          `${where}.inputs.${name}`,
          `"${id}" is not computed yet: a derived figure must come after the ones it uses`,
        );
      if (!f || isItem(f)) throw new DataError(file, `${where}.inputs.${name}`, `expected the id of a figure or date, got "${id}"`);
      return [name, isDateFact(f) ? f.date : f.value];
    }),
  );
}

function evaluate(expression: string, scope: Record<string, unknown>, file: string, where: string): unknown {
  const used = math
    .parse(expression)
    .filter((n) => (n as { isSymbolNode?: boolean }).isSymbolNode === true)
    .map((n) => (n as unknown as { name: string }).name)
    .filter((name) => !(name in math));
  const unknown = used.find((name) => !(name in scope));
  if (unknown) throw new DataError(file, where, `uses "${unknown}", which is not one of its inputs (${Object.keys(scope).join(', ')})`);
  try {
    return math.evaluate(expression, { ...scope });
  } catch (e) {
    throw new DataError(file, where, `cannot be computed: ${(e as Error).message}`);
  }
}

/** Adds the derived figures, in file order (a later one may use an earlier one), then runs the checks. */
function addDerived(facts: Map<string, AnyFact>, derived: DerivedFile, file: string) {
  derived.records.forEach((r, i) => {
    const where = `records[${i}]`;
    const value = evaluate(r.compute, scopeOf(facts, r.inputs, file, where), file, `${where}.compute`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new DataError(file, `${where}.compute`, `expected a finite number, got ${String(value)}`);
    facts.set(r.id, {
      id: r.id,
      label: r.label,
      value,
      unit: r.unit,
      digits: r.digits,
      dataset: 'derived',
      en: r.en && { label: r.en.label },
      derived: { formula: r.formula, inputs: Object.values(r.inputs), en: r.en && { formula: r.en.formula } },
    });
  });
  derived.checks.forEach((c, i) => {
    const scope = scopeOf(facts, c.inputs, file, `checks[${i}]`);
    if (evaluate(c.holds, scope, file, `checks[${i}].holds`) !== true) {
      const values = Object.entries(c.inputs)
        .map(([name, id]) => `${name} = ${id} = ${String(scope[name])}`)
        .join(', ');
      throw new DataError(file, `checks[${i}]`, `"${c.holds}" does not hold (${values}): ${c.message}`);
    }
  });
}

/** The fact with this id, or an error that lists the nearest known ids. */
export function lookupFact(facts: Map<string, AnyFact>, id: string, where = ''): AnyFact {
  const f = facts.get(id);
  if (f) return f;
  const prefix = id.split('.')[0];
  const near = [...facts.keys()].filter((k) => k.startsWith(`${prefix}.`)).slice(0, 8);
  throw new Error(
    `Unknown fact id "${id}"${where ? ` in ${where}` : ''}. ` +
      (near.length ? `Known ids starting with "${prefix}.": ${near.join(', ')}.` : 'The data page lists the ids.'),
  );
}
