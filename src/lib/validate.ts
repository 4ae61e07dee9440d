import type { z } from 'zod';
import { schemas, type DataFile, type Datasets } from './schema.ts';

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

/**
 * Parses and validates the data files (name → raw JSON text). Throws a DataError that
 * names the file, the field and what was expected at the first problem found.
 */
export function validateData(raw: Record<string, string>, dir = 'data'): Datasets {
  const out: Partial<Record<DataFile, unknown>> = {};
  const seen = new Map<string, string>();
  for (const name of Object.keys(raw).sort()) {
    const file = `${dir}/${name}`;
    if (!(name in schemas)) {
      throw new DataError(
        file,
        '',
        `has no schema; expected one of ${Object.keys(schemas).join(', ')} (add a schema in src/lib/schema.ts for a new file)`,
      );
    }
    const json = parseJson(file, raw[name]!);
    const result = schemas[name as DataFile].safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new DataError(file, fieldPath(issue.path), describeIssue(issue, result.error.issues, json));
    }
    const records: { id: string }[] = 'records' in result.data ? result.data.records : [];
    records.forEach((r, i) => {
      const other = seen.get(r.id);
      if (other) throw new DataError(file, `records[${i}].id`, `expected a unique id, but "${r.id}" is already used in ${other}`);
      seen.set(r.id, file);
    });
    out[name as DataFile] = result.data;
  }
  for (const name of Object.keys(schemas)) {
    if (!(name in out)) throw new DataError(`${dir}/${name}`, '', 'is missing; the story needs this file');
  }
  return out as Datasets;
}
