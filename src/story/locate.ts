import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export type Path = readonly (string | number)[];
export interface Place {
  line: number;
  column: number;
}

/** Line and column (1-based) of an offset in a text. */
export function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** A parse kept per text: the check locates many fields of one file, and each would parse it again. Bounded, oldest first out. */
function remembered<T>(parse: (text: string) => T): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      value = parse(text);
      kept.set(text, value);
      if (kept.size > 64) kept.delete(kept.keys().next().value!);
    }
    return value;
  };
}
const jsonTree = remembered((text) => parseTree(text) ?? null);
const yamlTree = remembered((text) => {
  const lines = new LineCounter();
  return { lines, doc: parseDocument(text, { lineCounter: lines, prettyErrors: false }) };
});

/**
 * Where a field is in a JSON file: the value at the path, or the nearest enclosing value the
 * path reaches (a missing field is reported where its record is).
 */
export function locateJson(text: string, path: Path): Place | undefined {
  const root = jsonTree(text);
  if (!root) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, [...path.slice(0, n)]);
    if (node) return placeAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return undefined;
}

/** The child of a YAML collection at a key: YAML reads `2019:` as a number, the path may hold it as text. */
function childOf(node: unknown, key: string | number): { node: unknown; at: number | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
    if (!pair) return undefined;
    return { node: pair.value, at: (pair.key as YamlNode | null)?.range?.[0] };
  }
  if (isSeq(node)) {
    const item = node.items[Number(key)] as YamlNode | undefined;
    return item ? { node: item, at: item.range?.[0] } : undefined;
  }
  return undefined;
}

/**
 * Where a field is in a YAML text: the key of the field at the path, or of the nearest
 * enclosing field. `lineOffset` moves the place for YAML inside another file (front matter).
 */
export function locateYaml(text: string, path: Path, lineOffset = 0): Place | undefined {
  const { lines, doc } = yamlTree(text);
  let node: unknown = doc.contents;
  let at: number | undefined = (doc.contents as YamlNode | null)?.range?.[0];
  for (const key of path) {
    const child = childOf(node, key);
    if (!child) break;
    node = child.node;
    at = child.at ?? at;
  }
  if (at === undefined) return undefined;
  const p = lines.linePos(at);
  return { line: p.line + lineOffset, column: p.col };
}
