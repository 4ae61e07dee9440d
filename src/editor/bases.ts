/**
 * What this tab of the editing screen knows of each file: the version (git blob id) of the
 * story's files as its tree last listed them, which is what its forms were opened from. Every
 * save is sent with the versions of the files it changes (`x-story-base`), so the server can
 * refuse a save made from a version another editor has changed since (no lost update).
 * Keystatic's local mode sends no base of its own; this wraps the page's fetch to add it.
 */
export const BASE_HEADER = 'x-story-base';

const versions = new Map<string, string>();

/** Reads a tree answer (Keystatic's: a list of files with their path and blob id) into the versions this tab knows. */
function remember(entries: unknown) {
  if (!Array.isArray(entries)) return;
  versions.clear();
  for (const e of entries as { path?: unknown; sha?: unknown }[])
    if (typeof e?.path === 'string' && typeof e.sha === 'string') versions.set(e.path, e.sha);
}

export function installBases(target: Window & typeof globalThis = window) {
  const original = target.fetch.bind(target);
  target.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, target.location.href);
    const tree = url.pathname === '/api/keystatic/tree';
    const update = url.pathname === '/api/keystatic/update' && typeof init?.body === 'string';
    if (update) {
      const body = JSON.parse(init!.body as string) as { additions?: { path: string }[]; deletions?: { path: string }[] };
      const paths = [...(body.additions ?? []), ...(body.deletions ?? [])].map((f) => f.path);
      const base = Object.fromEntries(paths.map((p) => [p, versions.get(p) ?? null]));
      init = { ...init, headers: { ...(init!.headers as Record<string, string>), [BASE_HEADER]: JSON.stringify(base) } };
    }
    const answer = await original(input, init);
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
