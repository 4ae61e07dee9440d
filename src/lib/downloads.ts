import { csvFormatRow } from 'd3-dsv';
import { isDateFact, isFigure, type AnyFact, type DateFact, type Fact } from './facts.ts';
import { roundTo } from './format.ts';
import { sectionOf } from './provenance.ts';
import type { Dataset, SourceFile } from './schema.ts';

type Cell = string | number | boolean | null | undefined;

/** A number as CSV writes it: a spreadsheet reads it as that number, never as a formula. */
const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a spreadsheet shows it: one that starts as a formula would (`=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets a leading apostrophe, which Excel, LibreOffice and Google
 * Sheets take as "text" (OWASP's advice on CSV injection); a plain number stays a number.
 * Eight lines of our own: the CSV libraries on npm quote fields but leave formulas as they are.
 */
export const safeCell = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell);

/**
 * CSV as Excel opens Chinese text correctly: UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted where they hold a comma, quote or line break (RFC 4180, as d3-dsv quotes them),
 * and no cell a spreadsheet would run (`safeCell`).
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns, ...rows.map((r) => columns.map((c) => String(r[c] ?? '')))].map((row) => csvFormatRow(row.map(safeCell)));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The records of one dataset as downloads carry them: as in data/, English names flattened, plus the report section of each line. */
export function datasetRecords(dataset: Dataset, source: SourceFile) {
  return dataset.records.map(({ en, ...r }) => ({
    ...r,
    ...(en && { label_en: en.label, ...(en.short && { short_en: en.short }) }),
    source_section: sectionOf(source, r.source).title,
  }));
}

/** Columns of a dataset's CSV: every field any of its records has, in a stable order. */
export function datasetColumns(records: readonly Record<string, unknown>[]): string[] {
  const order = [
    'id',
    'label',
    'label_en',
    'short',
    'short_en',
    'value',
    'unit',
    'qualifier',
    'kind',
    'year',
    'date',
    'group',
    'counts',
    'stage',
    'source',
    'source_section',
    'note',
  ];
  const present = new Set(records.flatMap((r) => Object.keys(r)));
  return order.filter((c) => present.has(c));
}

/**
 * Decimals a download keeps beyond those a derived figure is shown with (its `digits`).
 * Two are enough to round again to the figure either edition shows (English shows one
 * decimal more for amounts it converts to billions) and to redo the arithmetic, without
 * the floating-point noise of the computation (0.1 + 0.2 is 0.30000000000000004) or a
 * precision the reported inputs never had. The method notes on the data page state it.
 */
export const DOWNLOAD_EXTRA_DIGITS = 2;

/** A figure's value as downloads carry it: reported as in data/, derived rounded to `digits` + 2 decimals. */
export const downloadValue = (f: Fact): number => (f.derived ? roundTo(f.value, f.digits + DOWNLOAD_EXTRA_DIGITS) : f.value);

/** Every figure the site can show, reported and derived, one row each: the whole data set as one table. */
export function figureRows(facts: Map<string, AnyFact>, source: SourceFile) {
  const section = (line: string) => sectionOf(source, line).title;
  return [...facts.values()]
    .filter((f): f is Fact | DateFact => isDateFact(f) || isFigure(f))
    .map((f) =>
      isDateFact(f)
        ? {
            id: f.id,
            label: f.label,
            label_en: f.en?.label,
            value: f.date,
            unit: 'date',
            type: 'reported',
            source: f.source,
            source_section: section(f.source),
          }
        : {
            id: f.id,
            label: f.label,
            label_en: f.en?.label,
            value: downloadValue(f),
            unit: f.unit,
            qualifier: f.qualifier,
            year: f.year,
            type: f.derived ? 'derived' : 'reported',
            source: f.source,
            source_section: f.source ? section(f.source) : undefined,
            formula: f.derived?.formula,
            inputs: f.derived?.inputs.join(' '),
          },
    );
}

export const figureColumns = [
  'id',
  'label',
  'label_en',
  'value',
  'unit',
  'qualifier',
  'year',
  'type',
  'source',
  'source_section',
  'formula',
  'inputs',
];

/** The two whole-data downloads, named after the story: every dataset as JSON, every figure as CSV. */
export const wholeDownloads = (slug: string) => ({ data: `${slug}-data`, figures: `${slug}-figures` });
