import { parse, type YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  dataset,
  derivedFile,
  recordSchemaFor,
  reservedFiles,
  sourceFile,
  type Dataset,
  type DerivedFile,
  type SourceFile,
} from './schema.ts';

/** A problem in a data file, worded for the editor who has to fix it. */
export class DataError extends Error {
  readonly file: string;
  readonly field: string;
  readonly expected: string;
  constructor(file: string, field: string, expected: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${expected}`);
    this.name = 'DataError';
    this.file = file;
    this.field = field;
    this.expected = expected;
  }
}

/** `records[3].value` from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    throw new DataError(
      file,
      '',
      `is not valid JSON${where} (${message.replace(/\s*(in JSON )?at position.*$/, '')}); check for a missing comma, quote or bracket`,
    );
  }
}

function describeIssue(issue: z.core.$ZodIssue, all: z.core.$ZodIssue[], record: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unexpected field(s) ${issue.keys.join(', ')}; remove them or fix their spelling`;
  const got = issue.path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    record,
  );
  if (got === undefined && issue.code === 'invalid_type') {
    // A missing field next to an unexpected one is usually a misspelling of it.
    const parent = JSON.stringify(issue.path.slice(0, -1));
    const stray = all.find((i) => i.code === 'unrecognized_keys' && JSON.stringify(i.path) === parent);
    const hint = stray && stray.code === 'unrecognized_keys' ? ` (found unexpected field "${stray.keys.join('", "')}": misspelt?)` : '';
    return `missing; ${issue.message}${hint}`;
  }
  return /, got /.test(issue.message) ? issue.message : `${issue.message}, got ${JSON.stringify(got)}`;
}

/** Validates parsed JSON against a schema, or throws a DataError naming the file, the field and what was expected. */
export function parseWith<S extends z.ZodType>(file: string, schema: S, json: unknown): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DataError(file, fieldPath(issue.path), describeIssue(issue, result.error.issues, json));
}

/** The validated contents of data/: every dataset by name (file name without ".json"), the report, the derived figures. */
export interface DataFiles {
  datasets: Record<string, Dataset>;
  source: SourceFile;
  derived: DerivedFile;
}

/** Validates one data file given its name and raw text; datasets take the record shape their records have. */
export function validateFile(name: string, text: string, dir = 'data') {
  const file = `${dir}/${name}`;
  const json = parseJson(file, text);
  if (name === reservedFiles.source) return { kind: 'source' as const, value: parseWith(file, sourceFile, json) };
  if (name === reservedFiles.derived) return { kind: 'derived' as const, value: parseWith(file, derivedFile, json) };
  const records = json && typeof json === 'object' && 'records' in json ? json.records : undefined;
  return { kind: 'dataset' as const, value: parseWith(file, dataset(recordSchemaFor(records)), json) as Dataset };
}

export type ParsedFile = ReturnType<typeof validateFile>;

/** Puts validated files together, checking what no single file can: that every id is unique. */
export function assembleData(files: readonly { name: string; parsed: ParsedFile }[], dir = 'data'): DataFiles {
  const datasets: Record<string, Dataset> = {};
  let source: SourceFile | undefined;
  // A story without derived figures still has the (empty) section on its data page.
  let derived: DerivedFile = {
    title: '推算数字',
    description: '由报道中的数字计算得出的数字。',
    en: { title: 'Derived figures', description: 'Figures calculated from the report’s own.' },
    records: [],
    checks: [],
  };
  const seen = new Map<string, string>();
  for (const { name, parsed } of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = `${dir}/${name}`;
    if (parsed.kind === 'source') source = parsed.value;
    else if (parsed.kind === 'derived') derived = parsed.value;
    else datasets[name.replace(/\.json$/, '')] = parsed.value;
    const records: { id: string }[] = parsed.kind === 'source' ? [] : parsed.value.records;
    records.forEach((r, i) => {
      const other = seen.get(r.id);
      if (other) throw new DataError(file, `records[${i}].id`, `expected a unique id, but "${r.id}" is already used in ${other}`);
      seen.set(r.id, file);
    });
  }
  if (!source) throw new DataError(`${dir}/${reservedFiles.source}`, '', 'is missing; every story needs its source report');
  return { datasets, source, derived };
}

/**
 * Parses and validates the data files (name → raw JSON text). Throws a DataError that
 * names the file, the field and what was expected at the first problem found.
 */
export function validateData(raw: Record<string, string>, dir = 'data'): DataFiles {
  return assembleData(
    Object.keys(raw).map((name) => ({ name, parsed: validateFile(name, raw[name]!, dir) })),
    dir,
  );
}

/** Parses YAML, or throws a DataError naming the file, line and column of the slip. */
export function parseYaml(file: string, text: string): unknown {
  try {
    return parse(text, { prettyErrors: false });
  } catch (e) {
    const err = e as YAMLParseError;
    const at = err.linePos?.[0];
    throw new DataError(file, '', `is not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''} (${err.message.split('\n')[0]})`);
  }
}
