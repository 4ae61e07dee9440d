import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import prettier from '@prettier/sync';
import type { Options as PrettierOptions } from 'prettier';
import { isMap, isScalar, isSeq, parse as parseYamlText, parseDocument, type Document } from 'yaml';
import { checkStory } from '../story/check.ts';
import { readStoryFiles, roleOf, withChanges } from '../story/files.ts';
import { formatProblem, type Problem } from '../story/problem.ts';
import { applyEdits, modify } from 'jsonc-parser';

type Path = (string | number)[];
/** One change between a file's old and new values: a value at a path, undefined to remove it, or an item inserted into a list. */
export interface Change {
  path: Path;
  value: unknown;
  insert?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

/** The ids (or keys) of a list's items, when every item has a different one: records and groups are matched by them. */
function identities(list: unknown[]): string[] | undefined {
  for (const name of ['id', 'key']) {
    const ids = list.map((x) => (isObject(x) && typeof x[name] === 'string' ? x[name] : undefined));
    if (ids.every((x): x is string => x !== undefined) && new Set(ids).size === ids.length) return ids;
  }
  return undefined;
}

/**
 * The changes that turn `old` into `next`, as small as the structure allows: a changed value
 * is replaced where it stands; records are matched by id, so removing or adding one touches
 * that record only; a field the form left empty and the file never had stays out. They are
 * listed in the order they apply: removals (last first), changes, then insertions.
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
    const ids = identities(old);
    const nextIds = identities(next);
    if (ids && nextIds) {
      const kept = ids.filter((id) => nextIds.includes(id));
      // Items that keep their order: removals, changes in place, insertions. Reordered lists are compared by position.
      if (
        isDeepStrictEqual(
          kept,
          nextIds.filter((id) => ids.includes(id)),
        )
      ) {
        const out: Change[] = [];
        for (let i = old.length - 1; i >= 0; i--) if (!nextIds.includes(ids[i]!)) out.push({ path: [...path, i], value: undefined });
        kept.forEach((id, j) => out.push(...changes(old[ids.indexOf(id)], next[nextIds.indexOf(id)], [...path, j])));
        nextIds.forEach((id, i) => {
          if (!ids.includes(id)) out.push({ path: [...path, i], value: next[i], insert: true });
        });
        return out;
      }
    }
    const out: Change[] = [];
    const common = Math.min(old.length, next.length);
    for (let i = old.length - 1; i >= common; i--) out.push({ path: [...path, i], value: undefined });
    for (let i = 0; i < common; i++) out.push(...changes(old[i], next[i], [...path, i]));
    for (let i = common; i < next.length; i++) out.push({ path: [...path, i], value: next[i], insert: true });
    return out;
  }
  return [{ path, value: next }];
}

/** A value with the changes applied: what the file must read as after a save. */
export function applyChanges(value: unknown, todo: readonly Change[]): unknown {
  let out = structuredClone(value);
  for (const { path, value: v, insert } of todo) {
    if (path.length === 0) {
      out = v;
      continue;
    }
    let parent: any = out;
    for (const p of path.slice(0, -1)) parent = parent[p];
    const last = path.at(-1)!;
    if (insert) (parent as unknown[]).splice(Number(last), 0, v);
    else if (v !== undefined) parent[last] = v;
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  return out;
}

/** Keeps a file's line endings: the screen writes "\n", a file may use "\r\n". */
const withEndings = (like: string, text: string) => (like.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text);
const lf = (text: string) => text.replace(/\r\n/g, '\n');

// Layout ---------------------------------------------------------------------------------------

/**
 * Data and chart files are laid out by Prettier with the project's config (`npm run format`
 * leaves them as they are). A JSON file is changed in its own text and laid out by Prettier,
 * so a changed value changes its line and nothing else, however the file was formatted. A YAML file is
 * changed through its `yaml` document, which keeps comments, and then laid out by Prettier.
 */
const prettierOptions = (() => {
  let options: PrettierOptions | undefined;
  return (): PrettierOptions => {
    // The project's config, wherever the story's folder is (a test's copy has none of its own).
    options ??= { ...(prettier.resolveConfig(join(process.cwd(), 'package.json')) ?? {}), plugins: [] };
    return options;
  };
})();
const pretty = (text: string, parser: 'json' | 'yaml') => prettier.format(text, { ...prettierOptions(), parser });

/** A JSON file with the changes applied (in the file's order of fields), laid out by Prettier in the file's own way; unchanged, it stays byte for byte. */
export function updateJson(text: string, next: unknown): string {
  const old: unknown = JSON.parse(lf(text));
  const todo = changes(old, next);
  if (todo.length === 0) return text;
  // JSON prints a number too large to store (1e309, read as Infinity) as null: such a value is not
  // printed anew but left to the check, which reads the file as sent and says what is wrong.
  const finite = (v: unknown): boolean =>
    typeof v === 'number' ? Number.isFinite(v) : typeof v === 'object' && v !== null ? Object.values(v).every(finite) : true;
  if (!finite(next)) throw new Error('a number in the file is too large to store');
  // Each change is made where it stands in the file's own text (jsonc-parser, new values written on
  // one line), then Prettier lays the file out: it keeps an object spread over lines where the file
  // had it so, so a hand-formatted file keeps its layout, and a new value gets Prettier's own.
  let edited = lf(text);
  for (const { path, value, insert } of todo)
    edited =
      path.length === 0 ? JSON.stringify(value) : applyEdits(edited, modify(edited, path, value, { isArrayInsertion: Boolean(insert) }));
  return withEndings(text, pretty(edited, 'json'));
}

/** A path of the form's keys (text) as the document has them: `2019:` is a number key in YAML. */
function resolve(doc: Document, path: Path): Path {
  const out: Path = [];
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
      out.push(pair ? ((isScalar(pair.key) ? pair.key.value : pair.key) as string | number) : seg);
      node = pair?.value;
    } else {
      out.push(seg);
      node = isSeq(node) ? node.items[Number(seg)] : undefined;
    }
  }
  return out;
}

/** A YAML file with the changes applied to its document (comments kept), laid out by Prettier. */
export function updateYaml(text: string, next: unknown): string {
  const before = lf(text);
  const doc = parseDocument(before);
  const todo = changes(doc.toJS(), next);
  if (todo.length === 0) return text;
  for (const { path, value, insert } of todo) {
    const at = resolve(doc, path);
    if (insert) {
      const list = doc.getIn(at.slice(0, -1), true);
      if (isSeq(list)) list.items.splice(Number(at.at(-1)), 0, doc.createNode(value));
      else doc.setIn(at, doc.createNode(value));
    } else if (value === undefined) doc.deleteIn(at);
    else doc.setIn(at, doc.createNode(value));
  }
  const out = pretty(doc.toString({ lineWidth: 0 }), 'yaml');
  const read = parseDocument(out);
  if (read.errors.length || !isDeepStrictEqual(read.toJS(), applyChanges(parseDocument(before).toJS(), todo)))
    throw new Error('the change could not be written into the file; nothing was saved');
  return withEndings(text, out);
}

// MDX ------------------------------------------------------------------------------------------

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** An MDX file with its front matter updated as YAML is, and its text as the screen wrote it. */
export function updateMdx(text: string, written: string): string {
  const before = lf(text);
  const old = FRONT.exec(before);
  const mine = FRONT.exec(lf(written));
  if (!old || !mine) return withEndings(text, lf(written));
  const front = updateYaml(`${old[1]}\n`, parseYamlText(mine[1]!) as unknown);
  // The blank line the file had between its front matter and its text stays.
  const gap = /^\s*/.exec(before.slice(old[0].length))![0];
  const body = lf(written).slice(mine[0].length).replace(/^\s*/, '');
  return withEndings(text, `---\n${front.replace(/\n$/, '')}\n---\n${gap}${body}`);
}

// A save ---------------------------------------------------------------------------------------

export interface Update {
  additions: { path: string; contents: string }[];
  deletions: { path: string }[];
}

/** How many files, and how many bytes, one save may carry: the story's whole is about 100 KB in 40 files. */
const SAVE_LIMITS = { files: 200, bytes: 4 * 1024 * 1024 };

/** The body of a save request, or why it is not one: every path is a story file the build reads, by a plain relative path. */
export function readUpdate(body: unknown): Update | string {
  if (!isObject(body) || !Array.isArray(body['additions']) || !Array.isArray(body['deletions'])) return 'expected additions and deletions';
  const additions = body['additions'] as { path?: unknown; contents?: unknown }[];
  const deletions = body['deletions'] as { path?: unknown }[];
  if (additions.length + deletions.length > SAVE_LIMITS.files) return `a save may change at most ${SAVE_LIMITS.files} files`;
  let bytes = 0;
  for (const a of additions) {
    if (!isObject(a) || typeof a.path !== 'string' || typeof a.contents !== 'string' || !roleOf(a.path))
      return `cannot write ${JSON.stringify(isObject(a) ? a.path : a)}: the screen writes the story's files in content/ and data/ only`;
    bytes += a.contents.length;
  }
  if (bytes > SAVE_LIMITS.bytes) return `a save may carry at most ${SAVE_LIMITS.bytes / 1024 / 1024} MB`;
  for (const d of deletions)
    if (!isObject(d) || typeof d.path !== 'string' || !roleOf(d.path))
      return `cannot delete ${JSON.stringify(isObject(d) ? d.path : d)}: the screen removes the story's files in content/ and data/ only`;
  const paths = [...additions.map((a) => a.path), ...deletions.map((d) => d.path)];
  if (new Set(paths).size !== paths.length) return 'a save names a file twice';
  return { additions: additions as Update['additions'], deletions: deletions as Update['deletions'] };
}

/**
 * Why a story file may not be written at this path, or undefined: it must resolve, real path
 * and all, to the very folder the build reads it from (no symlinked folder leads out of the
 * story), and be a plain file or not exist yet.
 */
export function unsafePath(root: string, path: string): string | undefined {
  if (!roleOf(path)) return `${path} is not a file the build reads`;
  const top = realpathSync(root);
  const target = join(root, path);
  // The nearest folder that exists must be exactly where the path says, after every symlink is resolved.
  let dir = dirname(path);
  while (dir !== '.' && !existsSync(join(root, dir))) dir = dirname(dir);
  const real = realpathSync(join(root, dir));
  if (real !== (dir === '.' ? top : join(top, dir))) return `${path} leads out of the story’s folder (${dir} is a link)`;
  if (existsSync(target) || lstatExists(target)) {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) return `${path} is a link, which the screen does not write through`;
    if (!stat.isFile()) return `${path} is not a file`;
  }
  return undefined;
}
const lstatExists = (p: string) => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** The figure ids a set of story files holds: the records of data/, and the derived figures. */
function figureIds(files: ReadonlyMap<string, string>): Set<string> {
  const ids = new Set<string>();
  for (const [path, text] of files) {
    if (roleOf(path)?.role !== 'data') continue;
    try {
      const records = (JSON.parse(text) as { records?: { id?: unknown }[] }).records;
      for (const r of records ?? []) if (typeof r?.id === 'string') ids.add(r.id);
    } catch {
      // A file that does not parse holds no figures we can name; the check reports it.
    }
  }
  return ids;
}

/** The refusal an editor reads: that nothing was written, then each problem on its own line. */
export function refusal(problems: readonly Problem[]): string {
  const head =
    problems.length === 1
      ? 'Not saved, nothing was written: fix this first.'
      : `Not saved, nothing was written: fix these ${problems.length} problems first.`;
  return [head, ...problems.map((p) => `• ${formatProblem(p)}`)].join('\n');
}

export type Prepared = { ok: true; body: Update; files: Map<string, string | null> } | { ok: false; message: string; problems: Problem[] };

/**
 * Prepares a save from the screen: each file is written in its own layout (only what changed
 * differs from the file on disk; a renamed file keeps the layout it had), then the story as the
 * save would leave it goes through the one story check, the build's. A save with a problem is
 * refused with every problem, worded for the editor.
 */
export function prepareSave(root: string, update: Update): Prepared {
  const files = new Map<string, string | null>();
  const refuse = (problem: Problem): Prepared => ({ ok: false, message: refusal([problem]), problems: [problem] });
  for (const path of [...update.additions.map((a) => a.path), ...update.deletions.map((d) => d.path)]) {
    const why = unsafePath(root, path);
    if (why)
      return refuse({
        rule: 'unsafe-path',
        subject: 'The save',
        problem: why,
        fix: 'Save the story’s files only, in their own folders',
        file: path,
      });
  }
  const onDisk = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);
  for (const a of update.additions) {
    const written = Buffer.from(a.contents, 'base64').toString('utf8');
    // A renamed entry arrives as a new file beside the deletion of the old one.
    const renamedFrom = update.deletions.filter((d) => dirname(d.path) === dirname(a.path) && extname(d.path) === extname(a.path));
    const old = onDisk(a.path) ?? (renamedFrom.length === 1 ? onDisk(renamedFrom[0]!.path) : undefined);
    let text = written;
    try {
      if (old !== undefined && a.path.endsWith('.json')) text = updateJson(old, JSON.parse(written));
      else if (old !== undefined && /\.ya?ml$/.test(a.path)) text = updateYaml(old, parseYamlText(written) as unknown);
      else if (old !== undefined && a.path.endsWith('.mdx')) text = updateMdx(old, written);
    } catch {
      // What the screen sent cannot be laid out as the file was (it does not parse, say): the check reads it as sent and says why.
      text = written;
    }
    files.set(a.path, text);
  }
  for (const d of update.deletions) files.set(d.path, null);
  const before = readStoryFiles(root);
  const { problems } = checkStory(withChanges(before, files), { before: figureIds(before) });
  if (problems.length) return { ok: false, message: refusal(problems), problems };
  return {
    ok: true,
    files,
    body: {
      additions: [...files]
        .filter(([, t]) => t !== null)
        .map(([path, t]) => ({ path, contents: Buffer.from(t!, 'utf8').toString('base64') })),
      deletions: update.deletions,
    },
  };
}

/**
 * Writes a prepared save, all its files or none. Every path is checked again; every new file
 * is written beside its target first; then each is renamed over its target (a rename is whole:
 * the dev server, which reads a file as soon as it changes, never reads half of one) and each
 * deletion moved aside. If any step fails, every file that was already replaced gets its old
 * text back and every temporary is removed, and the error is thrown.
 */
export function writeSave(root: string, update: Update) {
  for (const path of [...update.additions.map((a) => a.path), ...update.deletions.map((d) => d.path)]) {
    const why = unsafePath(root, path);
    if (why) throw new Error(`Not saved: ${why}`);
  }
  const tag = `${process.pid}.${Date.now().toString(36)}`;
  const temporary = (path: string, kind: string) => join(root, dirname(path), `.${basename(path)}.${tag}.${kind}`);
  const old = new Map<string, string | undefined>();
  const staged: { target: string; temp: string }[] = [];
  const done: { target: string; path: string }[] = [];
  const aside: { target: string; temp: string }[] = [];
  try {
    for (const a of update.additions) {
      const target = join(root, a.path);
      old.set(a.path, existsSync(target) ? readFileSync(target, 'utf8') : undefined);
      mkdirSync(dirname(target), { recursive: true });
      const temp = temporary(a.path, 'saving');
      writeFileSync(temp, Buffer.from(a.contents, 'base64'), { flag: 'wx' });
      staged.push({ target, temp });
    }
    for (const [i, { target, temp }] of staged.entries()) {
      renameSync(temp, target);
      done.push({ target, path: update.additions[i]!.path });
    }
    for (const d of update.deletions) {
      const target = join(root, d.path);
      if (!existsSync(target)) continue;
      const temp = temporary(d.path, 'removed');
      renameSync(target, temp);
      aside.push({ target, temp });
    }
  } catch (e) {
    for (const { target, temp } of aside) renameSync(temp, target);
    for (const { target, path } of done.reverse()) {
      const text = old.get(path);
      if (text === undefined) rmSync(target, { force: true });
      else writeFileSync(target, text);
    }
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw e;
  }
  for (const { temp } of aside) rmSync(temp, { force: true });
}

/** What a save request gets back: its status, the message the screen shows, and the rules a refused save broke. */
export interface SaveAnswer {
  status: 200 | 400 | 422 | 500;
  message: string;
  rules: string[];
  /** For a save that was written: each file as it was (undefined: new) and as it was written (null: removed). */
  written?: { before: Map<string, string | undefined>; after: Map<string, string | null> };
}

/**
 * A save from the screen, whole: the request's body read, the save prepared and put through
 * the story check, and written only if it passed, all files or none. The API route answers
 * with this; the tests send their saves through it too. `beforeWrite` runs once the save has
 * passed, just before the files are written.
 */
export function saveStory(root: string, body: unknown, beforeWrite: () => void = () => {}): SaveAnswer {
  const update = readUpdate(body);
  if (typeof update === 'string') return { status: 400, message: `Not saved: ${update}`, rules: [] };
  const prepared = prepareSave(root, update);
  if (!prepared.ok) return { status: 422, message: prepared.message, rules: prepared.problems.map((p) => p.rule) };
  const before = new Map(
    [...prepared.files.keys()].map((path) => [path, existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined]),
  );
  beforeWrite();
  try {
    writeSave(root, prepared.body);
  } catch (e) {
    return { status: 500, message: `Not saved, nothing was written: ${e instanceof Error ? e.message : String(e)}`, rules: [] };
  }
  return { status: 200, message: 'Saved.', rules: [], written: { before, after: prepared.files } };
}
