import { theme, type Variant } from '../../charts/theme.ts';
import { serverDocument } from '../dom.ts';
import { isDateFact, lookupFact, type AnyFact, type Fact } from '../facts.ts';
import { formatFact } from '../format.ts';
import { provenance } from '../provenance.ts';
import { facts } from '../site.ts';

export interface TableRow {
  label: string;
  value: string;
  /** "原报道 L12", or the formula of a derived figure. */
  source: string;
  derived: boolean;
}

/** Everything a `<figure>` shows: the chart at each width, its words and its data table. */
export interface FigureModel {
  id: string;
  title: string;
  takeaway: string;
  /** Report lines the chart draws on, in report order. */
  sources: string[];
  notes: string[];
  table: TableRow[];
  svg: Record<Variant, string>;
}

/** A figure (not a date) by id; chart data must be numbers. */
export function figureFact(id: string): Fact {
  const f = lookupFact(facts, id);
  if (isDateFact(f)) throw new Error(`Chart data needs a figure, but "${id}" is a date`);
  return f;
}

export function row(f: AnyFact, label = f.label): TableRow {
  return { label, value: formatFact(f), source: provenance(f), derived: !isDateFact(f) && Boolean(f.derived) };
}

/** The report lines behind these figures, in report order ("L4" before "L12"). */
export function sourcesOf(fs: AnyFact[]): string[] {
  const lines = fs.flatMap((f) => (f.source ? [f.source] : []));
  return [...new Set(lines)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Renders a chart at each prerendered width; ids inside carry the variant so all can share a page. */
export function renderVariants(
  figureId: string,
  draw: (document: Document, width: number, id: string) => SVGSVGElement,
): Record<Variant, string> {
  const document = serverDocument();
  const out = {} as Record<Variant, string>;
  for (const [variant, width] of Object.entries(theme.widths) as [Variant, number][]) {
    out[variant] = draw(document, width, `${figureId}-${variant}`).outerHTML;
  }
  return out;
}
