import { roleOf } from '../story/files.ts';

/** What a request to the screen's file API asks for: the list of files, one file's contents, or a save. */
export type Route = { kind: 'tree' } | { kind: 'blob'; sha: string; path: string } | { kind: 'update' };

/**
 * The request's route, when its URL is one the screen itself sends, spelt exactly so; any other
 * form (a trailing or doubled slash, an encoded letter, another method) answers 404. Keystatic
 * reads its route by splitting, decoding and dropping empty parts, so `/api/keystatic//update`
 * and `/api/keystatic/upd%61te` would reach its own save, around ours, if they were let through.
 */
export function routeOf(method: string, pathname: string): Route | undefined {
  if (method === 'GET' && pathname === '/api/keystatic/tree') return { kind: 'tree' };
  if (method === 'POST' && pathname === '/api/keystatic/update') return { kind: 'update' };
  const blob = /^\/api\/keystatic\/blob\/([0-9a-f]{40})\/([A-Za-z0-9/._-]+)$/.exec(pathname);
  if (method === 'GET' && blob && roleOf(blob[2]!)) return { kind: 'blob', sha: blob[1]!, path: blob[2]! };
  return undefined;
}

/** Host names of this machine: the screen answers requests made to it by one of these names only (no DNS rebinding). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a request to the screen is refused, or undefined when it comes from the screen itself:
 * a page of the same origin (scheme, host and port), on this machine. Browsers tell where a
 * request comes from in `Sec-Fetch-Site` and `Origin`, which a page cannot set; another site,
 * another port of localhost and 127.0.0.1 for localhost are all other origins. A request that
 * changes files must say where it comes from. The API's routes also need Keystatic's own
 * `no-cors: 1` header, which a page of another origin cannot send without asking first (a
 * preflight, which this refuses too).
 */
export function refused(request: Request, api: boolean): string | undefined {
  const url = new URL(request.url);
  if (!LOOPBACK.has(url.hostname)) return `the editing screen answers on this machine only (localhost), not as ${url.hostname}`;
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  if (site !== null && site !== 'same-origin' && !(site === 'none' && request.method === 'GET' && !api))
    return `a request from another site (${site}) cannot use the editing screen`;
  if (origin !== null && origin !== url.origin) return `a request from ${origin} cannot use the editing screen of ${url.origin}`;
  const changes = !['GET', 'HEAD'].includes(request.method);
  if (changes && origin === null && site === null) return 'a request that changes files must come from the editing screen';
  if (api && request.headers.get('no-cors') !== '1') return 'the request does not come from the editing screen';
  return undefined;
}

/**
 * Headers of every answer of the screen: no page may frame it but its own (clickjacking), no
 * answer is cached or read by another origin, none is sniffed as another type.
 */
export const screenHeaders: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'same-origin',
};
