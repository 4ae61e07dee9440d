import { csvFormatRow } from 'd3-dsv';
import { isDateFact, type AnyFact } from './facts.ts';
import { labelIn } from './i18n/index.ts';
import { sectionOf } from './provenance.ts';
import type { DataFile, Datasets } from './schema.ts';

/** The datasets offered for download, by file name without ".json", in the order the data page lists them. */
export const downloadable = ['output', 'rankings', 'environment', 'sewage', 'cleanup', 'projects', 'milestones', 'industries'] as const;
export type Downloadable = (typeof downloadable)[number];

type Cell = string | number | boolean | null | undefined;

/**
 * CSV as Excel opens Chinese text correctly: UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted where they hold a comma, quote or line break (RFC 4180, as d3-dsv quotes them).
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns, ...rows.map((r) => columns.map((c) => String(r[c] ?? '')))].map((row) => csvFormatRow(row));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const withSection = <R extends { source: string }>(r: R) => ({ ...r, source_section: sectionOf(r.source).title });

/** The records of one dataset as downloads carry them: as in data/, plus the report section of each line. */
export function datasetRecords(data: Datasets, name: Downloadable) {
  return data[`${name}.json` as DataFile & `${Downloadable}.json`].records.map((r) => withSection(r));
}

/** Columns of a dataset's CSV: every field any of its records has, in a stable order. */
export function datasetColumns(records: readonly Record<string, unknown>[]): string[] {
  const order = [
    'id',
    'label',
    'short',
    'value',
    'unit',
    'qualifier',
    'kind',
    'year',
    'date',
    'tier',
    'group',
    'stage',
    'source',
    'source_section',
    'note',
  ];
  const present = new Set(records.flatMap((r) => Object.keys(r)));
  return order.filter((c) => present.has(c));
}

/** Every figure the site can show, reported and derived, one row each: the whole data set as one table. */
export function figureRows(facts: Map<string, AnyFact>) {
  return [...facts.values()].map((f) =>
    isDateFact(f)
      ? {
          id: f.id,
          label: f.label,
          label_en: labelIn('en', f.id, f.label),
          value: f.date,
          unit: 'date',
          type: 'reported',
          source: f.source,
          source_section: sectionOf(f.source).title,
        }
      : {
          id: f.id,
          label: f.label,
          label_en: labelIn('en', f.id, f.label),
          value: f.value,
          unit: f.unit,
          qualifier: f.qualifier,
          year: f.year,
          type: f.derived ? 'derived' : 'reported',
          source: f.source,
          source_section: f.source ? sectionOf(f.source).title : undefined,
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
