/** The fields of a content-collection entry that ordering and checks need. */
export interface SectionEntry {
  id: string;
  filePath?: string | undefined;
  data: { order: number; anchor: string };
}

/** Sorts the sections by `order` and fails on a repeated order or anchor, naming both files. */
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
  return sorted.map((entry) => ({ entry, id: entry.id, data: entry.data as E['data'], filePath: entry.filePath }));
}

/** The data page's method notes of an edition: their entry in the pages collection, their file, and the message when they are missing. */
export const methodNotes = (locale: string) => {
  const file = `content/pages/${locale}/method.mdx`;
  return { id: `${locale}/method`, file, missing: `${file} is missing: the data page needs its method notes` };
};
