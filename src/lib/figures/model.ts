import { theme, type Variant } from '../../charts/theme.ts';
import { serverDocument } from '../dom.ts';
import { isDateFact, lookupFact, type AnyFact, type Fact } from '../facts.ts';
import { formatFact, type Locale } from '../format.ts';
import { labelIn } from '../i18n/index.ts';
import { provenance } from '../provenance.ts';
import { facts } from '../site.ts';

export interface TableRow {
  label: string;
  value: string;
  /** "原报道 L12", or the formula of a derived figure. */
  source: string;
  derived: boolean;
  /** The figure's id, whose data page entry the row links to. */
  fact?: string;
}

/** One mark a reader can step to: what the tooltip and the live region say about it. */
export interface Point {
  /** The `data-key` of the mark in the SVG. */
  key: string;
  /** The figure the mark shows, where it is one. */
  fact?: string;
  label: string;
  value: string;
  source: string;
}

export type Svgs = Record<Variant, string>;

/** Everything a `<figure>` shows: the chart at each width, its words, its data and its table. */
export interface FigureModel {
  id: string;
  title: string;
  takeaway: string;
  /** Report lines the chart draws on, in report order. */
  sources: string[];
  /** Downloadable datasets behind the chart (file names in data/ without ".json"). */
  datasets: string[];
  notes: string[];
  table: TableRow[];
  /** The chart in its final state. */
  svg: Svgs;
  /** The marks in reading order, for tooltips and arrow keys. */
  points: Point[];
  /** A scrolly sequence: one state per step, the last being `svg`. */
  states?: { key: string; svg: Svgs }[];
  /** Views a control switches between; the first is `svg` with `points`. */
  modes?: { key: string; label: string; svg: Svgs; points: Point[] }[];
  /** Groups of marks a control can highlight, by the `group-…` class of the marks. */
  highlight?: { key: string; label: string }[];
}

/** A figure (not a date) by id; chart data must be numbers. */
export function figureFact(id: string): Fact {
  const f = lookupFact(facts, id);
  if (isDateFact(f)) throw new Error(`Chart data needs a figure, but "${id}" is a date`);
  return f;
}

/** A figure's name in an edition: the report's term in Chinese, its translation in English. */
export const labelOf = (f: AnyFact, locale: Locale) => labelIn(locale, f.id, f.label);

export function row(f: AnyFact, locale: Locale, label = labelOf(f, locale)): TableRow {
  return { label, value: formatFact(f, locale), source: provenance(f, locale), derived: !isDateFact(f) && Boolean(f.derived), fact: f.id };
}

/** A point for a figure, worded as everywhere else: formatted value and provenance. */
export function point(key: string, f: AnyFact, locale: Locale, label = labelOf(f, locale)): Point {
  return { key, fact: f.id, label, value: formatFact(f, locale), source: provenance(f, locale) };
}

/** The report lines behind these figures, in report order ("L4" before "L12"). */
export function sourcesOf(fs: readonly { source?: string | undefined }[]): string[] {
  const lines = fs.flatMap((f) => (f.source ? [f.source] : []));
  return [...new Set(lines)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Renders a chart at each prerendered width; ids inside carry the variant so all can share a page. */
export function renderVariants(figureId: string, draw: (document: Document, width: number, id: string) => SVGSVGElement): Svgs {
  const document = serverDocument();
  const out = {} as Svgs;
  for (const [variant, width] of Object.entries(theme.widths) as [Variant, number][]) {
    out[variant] = draw(document, width, `${figureId}-${variant}`).outerHTML;
  }
  return out;
}
