import type { Dataset, DerivedFile, SourceFile } from './schema.ts';

/** A problem with a figure found while building the story (a derived figure that cannot be computed), naming the file and field. */
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

/** `records[3].value` from a path of keys and indexes. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** The contents of data/, as the story check passed them: every dataset by name (file name without ".json"), the report, the derived figures. */
export interface DataFiles {
  datasets: Record<string, Dataset>;
  source: SourceFile;
  derived: DerivedFile;
}
