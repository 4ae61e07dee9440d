/**
 * What this tab of the editing screen knows of each file: the version (git blob id) of the
 * story's files as its tree last listed them, which is what its forms were opened from. Every
 * save is sent with the versions of the files it changes (`x-story-base`), so the server can
 * refuse a save made from a version another editor has changed since (no lost update).
 * Keystatic's local mode sends no base of its own; this wraps the page's fetch to add it.
 */
export const BASE_HEADER = 'x-story-base';

const versions = new Map<string, string>();

/**
 * Keystatic keeps an entry's unsaved changes as a draft (IndexedDB `keystatic`, store `items`,
 * keyed by entry) and restores it when the entry is opened again, even after the file changed
 * underneath. A save of a restored draft must carry the version the draft was made from, not
 * the one the tree lists now, or it would overwrite the other editor's save unseen. So when a
 * draft is first written, the versions of its files are kept beside it (in localStorage, which
 * the tabs of one browser share, as they share the drafts), until the draft is saved or reset.
 *
 * Opening an entry, Keystatic deletes its draft and writes it again (measured: 15–35 ms apart);
 * a reset deletes it, and the next edit writes different words. So a deletion only marks the
 * draft: written again with the same words, it is the same draft, made from the same versions;
 * with other words, a new one, made from the versions the tree lists now.
 */
const DRAFTS = 'story-editor.draft-bases';
interface DraftBases {
  /** Per draft (its key as JSON): the paths of its files, a digest of their contents, whether Keystatic deleted it. */
  drafts: Record<string, { paths: string[]; digest: string; deleted?: boolean }>;
  /** Per path: the version the draft of its entry was made from (null: a new file). */
  bases: Record<string, string | null>;
}
const isDraftKey = (key: unknown) => Array.isArray(key) && ['collection', 'collection-create', 'singleton'].includes(key[0] as string);

function readDrafts(storage: Storage): DraftBases {
  try {
    const kept = JSON.parse(storage.getItem(DRAFTS) ?? '') as DraftBases;
    if (kept?.drafts && kept.bases && typeof kept.drafts === 'object' && typeof kept.bases === 'object') return kept;
  } catch {}
  return { drafts: {}, bases: {} };
}

/** A digest of a draft's files (FNV-1a over paths and bytes): equal for the same words. */
function digestOf(files: Map<unknown, unknown>): string {
  let h = 0x811c9dc5;
  const add = (byte: number) => (h = Math.imul(h ^ byte, 0x01000193) >>> 0);
  for (const [path, contents] of [...files].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))) {
    for (const c of new TextEncoder().encode(String(path))) add(c);
    add(0);
    const bytes = contents instanceof Uint8Array ? contents : new TextEncoder().encode(String(contents));
    for (const b of bytes) add(b);
    add(0);
  }
  return `${files.size}:${h.toString(16)}`;
}

/**
 * The bookkeeping never stands in the way of Keystatic's own writes or of a save: if it fails
 * (storage full, say), the save falls back to the versions the tree lists.
 */
function quietly(keep: () => void) {
  try {
    keep();
  } catch {}
}

/** Follows Keystatic's draft writes and deletions. */
function followDrafts(target: Window & typeof globalThis) {
  const store = target.IDBObjectStore?.prototype;
  if (!store) return;
  const { put, delete: remove } = store;
  const inDrafts = (s: IDBObjectStore) => s.transaction.db.name === 'keystatic' && s.name === 'items';
  const save = (kept: DraftBases) => target.localStorage.setItem(DRAFTS, JSON.stringify(kept));
  store.put = function (this: IDBObjectStore, value: any, key?: IDBValidKey) {
    if (inDrafts(this) && isDraftKey(key) && value?.files instanceof Map)
      quietly(() => {
        const kept = readDrafts(target.localStorage);
        const id = JSON.stringify(key);
        const paths = [...(value.files as Map<unknown, unknown>).keys()].filter((p): p is string => typeof p === 'string');
        const digest = digestOf(value.files as Map<unknown, unknown>);
        const before = kept.drafts[id];
        // Reset, then edited: a new draft, of the files as they are now.
        if (before?.deleted && before.digest !== digest) for (const path of before.paths) delete kept.bases[path];
        for (const path of paths) if (!(path in kept.bases)) kept.bases[path] = versions.get(path) ?? null;
        kept.drafts[id] = { paths, digest };
        save(kept);
      });
    return put.call(this, value, key);
  };
  store.delete = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    if (inDrafts(this) && isDraftKey(key))
      quietly(() => {
        const kept = readDrafts(target.localStorage);
        const draft = kept.drafts[JSON.stringify(key)];
        if (draft) {
          draft.deleted = true;
          save(kept);
        }
      });
    return remove.call(this, key);
  };
}

/** Drops what is kept for these paths: their draft was saved. */
function forget(storage: Storage, paths: string[]) {
  const kept = readDrafts(storage);
  for (const path of paths) delete kept.bases[path];
  for (const [key, draft] of Object.entries(kept.drafts)) if (draft.paths.some((f) => paths.includes(f))) delete kept.drafts[key];
  storage.setItem(DRAFTS, JSON.stringify(kept));
}

/** Reads a tree answer (Keystatic's: a list of files with their path and blob id) into the versions this tab knows. */
function remember(entries: unknown) {
  if (!Array.isArray(entries)) return;
  versions.clear();
  for (const e of entries as { path?: unknown; sha?: unknown }[])
    if (typeof e?.path === 'string' && typeof e.sha === 'string') versions.set(e.path, e.sha);
}

export function installBases(target: Window & typeof globalThis = window) {
  followDrafts(target);
  const original = target.fetch.bind(target);
  target.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, target.location.href);
    const tree = url.pathname === '/api/keystatic/tree';
    const update = url.pathname === '/api/keystatic/update' && typeof init?.body === 'string';
    let saving: string[] = [];
    if (update) {
      const body = JSON.parse(init!.body as string) as { additions?: { path: string }[]; deletions?: { path: string }[] };
      const paths = [...(body.additions ?? []), ...(body.deletions ?? [])].map((f) => f.path);
      const drafted = readDrafts(target.localStorage).bases;
      const base = Object.fromEntries(paths.map((p) => [p, p in drafted ? drafted[p]! : (versions.get(p) ?? null)]));
      init = { ...init, headers: { ...(init!.headers as Record<string, string>), [BASE_HEADER]: JSON.stringify(base) } };
      saving = paths;
    }
    const answer = await original(input, init);
    if (update && answer.ok) quietly(() => forget(target.localStorage, saving));
    if ((tree || update) && answer.ok)
      remember(
        await answer
          .clone()
          .json()
          .catch(() => undefined),
      );
    return answer;
  };
}
