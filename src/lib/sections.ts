import { readFileSync } from 'node:fs';

/** The fields of a content-collection entry that ordering and checks need. */
export interface SectionEntry {
  id: string;
  body?: string | undefined;
  filePath?: string | undefined;
  data: { order: number; anchor: string };
}

/**
 * Sorts the sections by `order` and fails on a repeated order or anchor, naming both files.
 * Each result carries `bodyLine`, the number of file lines before the MDX body, so that
 * errors found in the body can name the line of the file.
 */
export function orderSections<E extends SectionEntry>(entries: E[]) {
  const sorted = [...entries].sort((a, b) => a.data.order - b.data.order);
  for (const key of ['order', 'anchor'] as const) {
    const seen = new Map<unknown, string>();
    for (const e of sorted) {
      const file = e.filePath ?? e.id;
      const other = seen.get(e.data[key]);
      if (other) throw new Error(`${file}: ${key}: expected a unique value, but ${JSON.stringify(e.data[key])} is also used in ${other}`);
      seen.set(e.data[key], file);
    }
  }
  return sorted.map((entry) => ({
    entry,
    id: entry.id,
    data: entry.data as E['data'],
    body: entry.body,
    filePath: entry.filePath,
    bodyLine: frontmatterLines(entry),
  }));
}

/** Lines taken by the front matter; the collection's `body` starts after them. */
function frontmatterLines(entry: { body?: string | undefined; filePath?: string | undefined }): number {
  return entry.filePath && entry.body !== undefined ? Math.max(0, fileLineOfBody(entry.filePath, entry.body)) : 0;
}

function fileLineOfBody(path: string, body: string): number {
  try {
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(body.slice(0, 40));
    return at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
  } catch {
    return 0;
  }
}
