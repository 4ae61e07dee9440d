/** A component tag that names data by id, found in an MDX body. */
export interface IdReference {
  tag: 'Fact' | 'Chart' | 'Scrolly';
  id: string | undefined;
  line: number;
}

const TAG = /<(Fact|Chart|Scrolly)\b([^>]*?)\/?>/g;

/** Finds every `<Fact id="…">`, `<Chart id="…">` and `<Scrolly chart="…">` in an MDX body, with its line. */
export function findReferences(body: string): IdReference[] {
  const refs: IdReference[] = [];
  for (const m of body.matchAll(TAG)) {
    const attr = m[1] === 'Scrolly' ? 'chart' : 'id';
    const id = new RegExp(`\\b${attr}\\s*=\\s*["']([^"']+)["']`).exec(m[2] ?? '')?.[1];
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
    const example = { Fact: 'id="output.total.2019" /', Chart: 'id="output" /', Scrolly: 'chart="output"' }[r.tag];
    if (!r.id) return [`${where}: <${r.tag}> needs ${r.tag === 'Scrolly' ? 'a chart' : 'an id'}, e.g. <${r.tag} ${example}>`];
    const isFact = r.tag === 'Fact';
    if (!(isFact ? known.Fact : known.Chart)(r.id))
      return [`${where}: unknown ${isFact ? 'fact' : 'chart'} id "${r.id}"; see data/README.md for the ids`];
    return [];
  });
}
