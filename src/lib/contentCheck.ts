/** A component tag that names data by id, found in an MDX body. */
export interface IdReference {
  tag: 'Fact' | 'Chart';
  id: string | undefined;
  line: number;
}

const TAG = /<(Fact|Chart)\b([^>]*?)\/?>/g;

/** Finds every `<Fact id="…">` and `<Chart id="…">` in an MDX body, with its line. */
export function findReferences(body: string): IdReference[] {
  const refs: IdReference[] = [];
  for (const m of body.matchAll(TAG)) {
    const id = /\bid\s*=\s*["']([^"']+)["']/.exec(m[2] ?? '')?.[1];
    refs.push({ tag: m[1] as IdReference['tag'], id, line: body.slice(0, m.index).split('\n').length });
  }
  return refs;
}

/**
 * Checks that every id an MDX file names exists. Returns one message per problem, naming
 * the file and line, so that an editor's typo fails the build where it was made.
 */
export function checkReferences(
  file: string,
  body: string,
  known: { Fact: (id: string) => boolean; Chart: (id: string) => boolean },
  lineOffset = 0,
): string[] {
  return findReferences(body).flatMap((r) => {
    const where = `${file}:${r.line + lineOffset}`;
    if (!r.id) return [`${where}: <${r.tag}> needs an id, e.g. <${r.tag} id="${r.tag === 'Fact' ? 'output.total.2019' : 'output'}" />`];
    if (!known[r.tag](r.id))
      return [`${where}: unknown ${r.tag === 'Fact' ? 'fact' : 'chart'} id "${r.id}"; see data/README.md for the ids`];
    return [];
  });
}
