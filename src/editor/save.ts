import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, modify } from 'jsonc-parser';
import { isScalar, parse as parseYamlText, parseDocument } from 'yaml';
import { checkReferences, knownData, type KnownData } from '../lib/contentCheck.ts';
import type { z } from 'zod';
import { readReferences } from '../lib/mdxReferences.ts';
import { pageSchema, sectionSchema } from '../lib/schema.ts';
import { storyFromDisk } from '../lib/storyFromDisk.ts';
import { parseWith, parseYaml } from '../lib/validate.ts';
import type { Locale } from '../lib/format.ts';

type Path = (string | number)[];
/** One change between a file's old and new values: a value at a path, or undefined to remove it. */
interface Change {
  path: Path;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

/**
 * The changes that turn `old` into `next`, as small as the structure allows: a changed value
 * is replaced where it stands, a field the form left empty and the file never had stays out.
 */
export function changes(old: unknown, next: unknown, path: Path = []): Change[] {
  if (isDeepStrictEqual(old, next)) return [];
  if (isObject(old) && isObject(next)) {
    const out: Change[] = [];
    for (const k of Object.keys(old)) if (next[k] === undefined) out.push({ path: [...path, k], value: undefined });
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) continue;
      if (k in old) out.push(...changes(old[k], v, [...path, k]));
      else if (!isEmpty(v)) out.push({ path: [...path, k], value: v });
    }
    return out;
  }
  if (Array.isArray(old) && Array.isArray(next)) {
    const out: Change[] = [];
    const common = Math.min(old.length, next.length);
    for (let i = 0; i < common; i++) out.push(...changes(old[i], next[i], [...path, i]));
    for (let i = common; i < next.length; i++) out.push({ path: [...path, i], value: next[i] });
    // Removed from the end, so the indices before them stay valid.
    for (let i = old.length - 1; i >= common; i--) out.push({ path: [...path, i], value: undefined });
    return out;
  }
  return [{ path, value: next }];
}

/** A JSON file with the changes applied in place: untouched lines keep their layout, byte for byte. */
export function updateJson(text: string, next: unknown): string {
  let out = text;
  const todo = changes(JSON.parse(text), next);
  for (const c of todo) {
    const isArrayInsertion = typeof c.path.at(-1) === 'number' && c.value !== undefined && !hasPath(JSON.parse(out), c.path);
    out = applyEdits(
      out,
      modify(out, c.path, c.value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' }, isArrayInsertion }),
    );
  }
  return out;
}

function hasPath(value: unknown, path: Path): boolean {
  let v: unknown = value;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number' && p < v.length) v = v[p];
    else if (isObject(v) && typeof p === 'string' && p in v) v = v[p];
    else return false;
  }
  return true;
}

/**
 * A YAML file with the changes applied. A changed text or number is replaced where it stands,
 * in the quoting it had, so comments, flow lists and every other line stay byte for byte; a
 * change of shape (an item added or removed) rewrites the document, comments kept.
 */
export function updateYaml(text: string, next: unknown): string {
  const doc = parseDocument(text);
  const todo = changes(doc.toJS(), next);
  if (todo.length === 0) return text;
  // Replacements from the end of the file backwards, so earlier ranges stay valid.
  const spliced = todo
    .map((c) => ({ c, node: doc.getIn(c.path, true) }))
    .sort((a, b) => (isScalar(b.node) ? b.node.range![0] : 0) - (isScalar(a.node) ? a.node.range![0] : 0));
  let out = text;
  for (const { c, node } of spliced) {
    if (!isScalar(node) || !node.range || (typeof c.value !== 'string' && typeof c.value !== 'number')) return rewrite(doc, todo);
    const candidates =
      node.type === 'QUOTE_SINGLE'
        ? [`'${String(c.value).replaceAll("'", "''")}'`, JSON.stringify(c.value)]
        : node.type === 'QUOTE_DOUBLE'
          ? [JSON.stringify(c.value)]
          : [
              String(c.value),
              typeof c.value === 'string' ? `'${c.value.replaceAll("'", "''")}'` : String(c.value),
              JSON.stringify(c.value),
            ];
    const [from, to] = node.range;
    // The first spelling that reads back as the new value, in its place, is kept.
    const fits = candidates.find((t) => {
      const tried = parseDocument(out.slice(0, from) + t + out.slice(to));
      return tried.errors.length === 0 && isDeepStrictEqual(tried.getIn(c.path), c.value);
    });
    if (fits === undefined) return rewrite(doc, todo);
    out = out.slice(0, from) + fits + out.slice(to);
  }
  return isDeepStrictEqual(parseDocument(out).toJS(), applyChanges(doc.toJS(), todo)) ? out : rewrite(doc, todo);
}

/** The document rewritten with the changes, for changes of shape. */
function rewrite(doc: ReturnType<typeof parseDocument>, todo: Change[]): string {
  for (const { path, value } of todo) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(value));
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A value with changes applied: what the file must read as after a save. */
export function applyChanges(value: unknown, todo: readonly Change[]): unknown {
  const out = structuredClone(value);
  for (const { path, value: v } of todo) {
    if (path.length === 0) return v;
    let parent: any = out;
    for (const p of path.slice(0, -1)) parent = parent[p];
    const last = path.at(-1)!;
    if (v !== undefined) parent[last] = v;
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  return out;
}

const FRONT = /^---\n([\s\S]*?)\n---\n/;

/** An MDX section with its front matter updated as YAML is, and its body as the screen wrote it. */
export function updateMdx(text: string, written: string): string {
  const old = FRONT.exec(text);
  const mine = FRONT.exec(written);
  if (!old || !mine) return written;
  const front = updateYaml(`${old[1]}\n`, parseYamlText(mine[1]!) as unknown);
  // The blank line the file had between its front matter and its text stays.
  const gap = /^\s*/.exec(text.slice(old[0].length))![0];
  return `---\n${front.replace(/\n$/, '')}\n---\n${gap}${written.slice(mine[0].length).replace(/^\s*/, '')}`;
}

/** The story's files as the build would read them after a save: what is on disk, with the save's files over it. */
function overlay(root: string, files: Map<string, string | null>) {
  const read = (path: string) => {
    if (files.has(path)) return files.get(path) ?? undefined;
    const abs = join(root, path);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  };
  const list = (dir: string, match: RegExp) => {
    const onDisk = existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((n) => `${dir}/${n}`) : [];
    const added = [...files.keys()].filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'));
    return [...new Set([...onDisk, ...added])].filter((p) => match.test(p) && read(p) !== undefined).sort();
  };
  return { read, list };
}

/**
 * The build's checks on the story as a save would leave it: every data file, chart file and
 * the story's config (storyFromDisk), and every section's front matter and its references to
 * figures, charts and states. Returns the build's first message, or undefined.
 */
export function checkStory(root: string, files: Map<string, string | null>): string | undefined {
  const { read, list } = overlay(root, files);
  const byName = (dir: string, match: RegExp) => Object.fromEntries(list(dir, match).map((p) => [p.slice(dir.length + 1), read(p)!]));
  try {
    const story = storyFromDisk(root, {
      data: byName('data', /\.json$/),
      charts: byName('content/charts', /\.ya?ml$/),
      story: read('content/story.yaml') ?? '',
    });
    for (const locale of story.editions as Locale[]) {
      const charts = knownData(story.facts, new Map(story.chartIds.map((id) => [id, story.figure(id, locale)])));
      // The data page's notes name figures, and no charts.
      const noCharts = knownData(story.facts, new Map());
      const problem =
        checkMdx(list(`content/${locale}`, /\.mdx$/), read, sectionSchema, charts) ??
        checkMdx(list(`content/pages/${locale}`, /\.mdx$/), read, pageSchema, noCharts);
      if (problem) return problem;
    }
    return undefined;
  } catch (e) {
    return named(e instanceof Error ? e.message : String(e), read);
  }
}

/** The first problem of a folder's MDX files: front matter against its schema, then references to figures and charts. */
function checkMdx(files: string[], read: (path: string) => string | undefined, schema: z.ZodType, known: KnownData): string | undefined {
  for (const file of files) {
    const text = read(file)!;
    const front = FRONT.exec(text);
    parseWith(file, schema, front ? parseYaml(file, front[1]!) : undefined);
    const problems = checkReferences(file, readReferences(text, file), known);
    if (problems.length) return problems.join('\n');
  }
  return undefined;
}

/** A message about `records[9]` of a data file also names that record, as the screen lists it by id. */
function named(message: string, read: (path: string) => string | undefined): string {
  const at = /^(data\/[^:\s]+\.json): (records)\[(\d+)\]/.exec(message);
  if (!at) return message;
  try {
    const id = (JSON.parse(read(at[1]!) ?? '{}') as { records?: { id?: unknown }[] }).records?.[Number(at[3])]?.id;
    return typeof id === 'string' ? `${message} (the record "${id}")` : message;
  } catch {
    return message;
  }
}

interface Update {
  additions: { path: string; contents: string }[];
  deletions: { path: string }[];
}

/**
 * Prepares a save from the screen: each file is written in the project's own layout (only
 * what changed differs from the file on disk), then the story is checked as the build checks
 * it. A save that would break the build is refused with the build's message.
 */
export function prepareSave(root: string, update: Update): { ok: true; body: Update } | { ok: false; message: string } {
  const files = new Map<string, string | null>();
  for (const a of update.additions) {
    const written = Buffer.from(a.contents, 'base64').toString('utf8');
    const abs = join(root, a.path);
    const old = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    let text = written;
    try {
      if (old !== undefined && a.path.endsWith('.json')) text = updateJson(old, JSON.parse(written));
      else if (old !== undefined && /\.ya?ml$/.test(a.path)) text = updateYaml(old, parseYamlText(written) as unknown);
      else if (old !== undefined && a.path.endsWith('.mdx')) text = updateMdx(old, written);
    } catch (e) {
      return { ok: false, message: `${a.path}: ${e instanceof Error ? e.message : String(e)}` };
    }
    files.set(a.path, text);
  }
  for (const d of update.deletions) files.set(d.path, null);
  const problem = checkStory(root, files);
  if (problem) return { ok: false, message: `Not saved: the build would stop here.\n${problem}` };
  return {
    ok: true,
    body: {
      additions: [...files]
        .filter(([, t]) => t !== null)
        .map(([path, t]) => ({ path, contents: Buffer.from(t!, 'utf8').toString('base64') })),
      deletions: update.deletions,
    },
  };
}
