import { z } from 'zod';
import { theme, type Variant } from '../charts/theme.ts';
import { serverDocument } from '../lib/dom.ts';
import { rememberLayout } from '../charts/bounds.ts';
import { isFigure, type AnyFact, type Fact } from '../lib/facts.ts';
import { formatNumber, type Locale } from '../lib/format.ts';
import { text } from '../lib/schema.ts';
import type { Point } from '../lib/payload.ts';
import type { Rich } from '../lib/template.ts';
import type { Dataset, Group } from '../lib/schema.ts';

export interface TableRow {
  label: string;
  value: string;
  /** "原报道 L12", or the formula of a derived figure. */
  source: string;
  derived: boolean;
  /** The figure's id, whose data page entry the row links to. */
  fact?: string;
}

/** One mark a reader can step to: its type is the one the browser checks the page's payload against. */
export type { Point } from '../lib/payload.ts';

export type Svgs = Record<Variant, string>;

/** Everything a `<figure>` shows: the chart at each width, its words, its data and its table. */
export interface FigureModel {
  id: string;
  kind: string;
  title: string;
  /** The line under the title; its figures link to their sources. */
  takeaway: Rich;
  /** The text alternative of the chart (the SVG's description). */
  description: string;
  /** Report lines the chart draws on, in report order. */
  sources: string[];
  /** Downloadable datasets behind the chart (file names in data/ without ".json"). */
  datasets: string[];
  notes: Rich[];
  table: TableRow[];
  /** The chart in its final state. */
  svg: Svgs;
  /** The marks in reading order, for tooltips and arrow keys. */
  points: Point[];
  /** A scrolly sequence: one state per step, the last being `svg`. */
  states?: { key: string; svg: Svgs }[];
  /**
   * Views a control switches between; the first is `svg` with `points`. In a sequence a view
   * may be drawn for its steps (`states`, by the same keys, the last being its `svg`); a step
   * it lacks shows the first view.
   */
  modes?: { key: string; label: string; svg: Svgs; points: Point[]; states?: { key: string; svg: Svgs }[] }[];
  /** Groups of marks a control can highlight, by the `group-…` class of the marks. */
  highlight?: { key: string; label: string }[];
}

/** The words every chart has, in each edition: all are templates (see src/lib/template.ts). */
export const commonWords = {
  title: text,
  takeaway: text,
  /** The text alternative: what the chart shows, for readers who cannot see it. */
  description: text,
  notes: z.array(text).default([]),
};

/** Values a chart offers its words: text, numbers, or figures (which read and link as `{id}` does). */
export type Args = Record<string, string | number | AnyFact>;

/** What a chart kind's builder gets: the chart's bindings and words, and the story's figures, worded for one edition. */
export interface KindContext<D, W> {
  id: string;
  /** The chart's content file, for errors: "content/charts/output.yaml". */
  file: string;
  locale: Locale;
  data: D;
  words: W & WordsOf<typeof commonWords>;
  /** A figure by id; `field` names where the id was given, for the error. */
  figure(id: string, field: string): Fact;
  /** Any registry entry (figure, date or item) by id. */
  entry(id: string, field: string): AnyFact;
  dataset(name: string, field: string): Dataset & { name: string };
  /** The entries of a dataset's records, in file order. */
  records(name: string, field: string): AnyFact[];
  /** A figure's (or group's) name in this edition, and its short name for charts. */
  name(f: AnyFact): string;
  short(f: AnyFact): string;
  groupName(g: Group): string;
  groupDescription(g: Group): string | undefined;
  /** A figure as prose shows it: "208.8亿元", "CNY 20.88 billion". */
  show(f: AnyFact): string;
  /** A figure in the unit this edition draws it in (亿元, or CNY billion). */
  /** `scale`: the largest figure on the same axis, so that all are drawn in one unit (CNY billion, not some in million). */
  drawn(f: Fact, scale?: number): number;
  /** Where a figure comes from, as tables and tooltips show it. */
  provenance(f: AnyFact): string;
  /** Renders one of the chart's templates (`field` names it for errors) with the chart's own values. */
  say(field: string, template: string, args?: Args): string;
  /** Like `say`, with the figures marked: a phrase to pass on to the chart's other words, where its figures still link. */
  sayMarked(field: string, template: string, args?: Args): string;
  /** Title, description, takeaway and notes, rendered with the chart's own values. */
  texts(args?: Args): { title: string; description: string; takeaway: Rich; notes: Rich[] };
  /** "单位：亿元" / "Unit: CNY billion": the axis title for a figure's unit as this edition draws it. */
  axisUnit(f: Fact, scale?: number): string;
  /** The word for `key` in a map of words (bar labels by key, say), or an error naming the field. */
  pick(words: Record<string, string>, key: string, field: string): string;
  /** Joins names as a list is written in this edition: "甲、乙" / "a, b". */
  list(items: string[]): string;
  /** A name with its value, as a sentence of this edition runs them together: "余热回用63.77%" / "waste heat 63.77%". */
  labelled(label: string, value: string): string;
}

/** A chart kind: what its content entry binds and says, and how that becomes a figure. */
export interface ChartKind<D = unknown, W = unknown> {
  name: string;
  /** What the chart draws: ids of figures and datasets, and its states. */
  data: z.ZodType<D>;
  /** The kind's own words, beside the common ones. */
  words: z.ZodRawShape;
  /**
   * The keys of the chart's states, in order, for a chart told in steps (none for one that is
   * not), from what it binds; `year` gives a figure's year. The built figure's `states` have
   * these keys, and the editing screen lists them even for a story that does not build.
   */
  steps?(data: D, year: (id: string) => number | undefined): string[];
  build(ctx: KindContext<D, W>): Omit<FigureModel, 'id' | 'kind'>;
}

/** The words a kind's own schema reads from a chart's file: its type, inferred from the schema (defaults applied). */
export type WordsOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

/** A chart kind, its types inferred from its two schemas: what it binds (`data`) and its own words (`words`). */
export const defineKind = <DS extends z.ZodType, WS extends z.ZodRawShape>(
  kind: Omit<ChartKind<z.output<DS>, WordsOf<WS>>, 'data' | 'words'> & { data: DS; words: WS },
): ChartKind<z.output<DS>, WordsOf<WS>> => kind as ChartKind<z.output<DS>, WordsOf<WS>>;

/** A table row for a figure, worded as everywhere else. */
export function row<D, W>(ctx: KindContext<D, W>, f: AnyFact, label = ctx.name(f)): TableRow {
  return { label, value: ctx.show(f), source: ctx.provenance(f), derived: isFigure(f) && Boolean(f.derived), fact: f.id };
}

/** A point for a figure, worded as everywhere else: formatted value and provenance. */
export function point<D, W>(ctx: KindContext<D, W>, key: string, f: AnyFact, label = ctx.name(f)): Point {
  return { key, fact: f.id, label, value: ctx.show(f), source: ctx.provenance(f), ...(isFigure(f) && { n: f.value, unit: f.unit }) };
}

/** The report lines behind these entries, in report order ("L4" before "L12"). */
export function sourcesOf(fs: readonly { source?: string | undefined }[]): string[] {
  const lines = fs.flatMap((f) => (f.source ? [f.source] : []));
  return [...new Set(lines)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** The datasets of these entries (derived figures have none to download), in first-seen order. */
export const datasetsOf = (fs: readonly AnyFact[]) => [...new Set(fs.map((f) => f.dataset).filter((d) => d !== 'derived'))];

/** Renders a chart at each prerendered width; ids inside carry the variant so all can share a page. */
export function renderVariants(figureId: string, draw: (document: Document, width: number, id: string) => SVGSVGElement): Svgs {
  const document = serverDocument();
  const out = {} as Svgs;
  for (const [variant, width] of Object.entries(theme.widths) as [Variant, number][]) {
    const svg = draw(document, width, `${figureId}-${variant}`);
    // The picture is one image, named and described by its title and desc: its parts are not read
    // one by one (a screen reader that walks into an image would read every label again).
    for (const part of svg.children) part.setAttribute('aria-hidden', 'true');
    out[variant] = svg.outerHTML;
    rememberLayout(svg, out[variant]);
  }
  return out;
}

/** The options every chart drawing takes: the document to draw in, its ids' prefix, its width, and its name and text alternative. */
export interface DrawnAt {
  document: Document;
  id: string;
  width: number;
  title: string;
  description: string;
}

/**
 * A figure from what a kind builds: its words (`ctx.texts`), the entries it draws, and how it
 * draws at one width. The report lines and datasets come from the entries; so do the table
 * (a `row` each) and the marks a reader steps to (a `point` each, keyed by id) unless the kind
 * gives its own; the drawing is made at every prerendered width.
 */
export function figureOf<D, W>(
  ctx: KindContext<D, W>,
  text: ReturnType<KindContext<D, W>['texts']>,
  parts: {
    drawn: readonly AnyFact[];
    draw: (at: DrawnAt) => SVGSVGElement;
    table?: TableRow[];
    points?: Point[];
    datasets?: string[];
  },
): Omit<FigureModel, 'id' | 'kind'> {
  return {
    ...text,
    sources: sourcesOf(parts.drawn),
    datasets: parts.datasets ?? datasetsOf(parts.drawn),
    table: parts.table ?? parts.drawn.map((f) => row(ctx, f)),
    points: parts.points ?? parts.drawn.map((f) => point(ctx, f.id, f)),
    svg: drawAt(ctx.id, text, parts.draw),
  };
}

/** A chart drawn at each prerendered width with its figure's name and text alternative; `prefix` keeps the ids of each drawing apart. */
export const drawAt = (prefix: string, text: { title: string; description: string }, draw: (at: DrawnAt) => SVGSVGElement): Svgs =>
  renderVariants(prefix, (document, width, id) => draw({ document, id, width, title: text.title, description: text.description }));

/**
 * Axis ticks written as the edition writes numbers, with the decimals the tick has:
 * 200000 in Chinese, 200,000 in English (the same formatter as the prose).
 */
export const tickFormat =
  (locale: Locale) =>
  (value: number): string =>
    formatNumber(value, (String(value).split('.')[1] ?? '').length, locale);

/** The largest magnitude among figures that share an axis: it picks their common display unit. */
export const axisScale = (fs: readonly Fact[]) => Math.max(0, ...fs.map((f) => Math.abs(f.value)));
