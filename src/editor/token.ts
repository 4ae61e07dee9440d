import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header the newsroom service adds to every request it lets through to the development server. */
export const TOKEN_HEADER = 'x-newsroom-token';
/** The header naming the editor of a request the newsroom service let through (trusted behind the token only). */
export const EDITOR_HEADER = 'x-newsroom-editor';
/** The header giving the language the editor chose in the newsroom (`zh` or `en`), for the screen's own messages. */
export const LANG_HEADER = 'x-newsroom-lang';

/**
 * A development-server middleware for the newsroom service (`NEWSROOM_TOKEN` set): every request
 * must carry the token the service gave the server when it started it, so the server, on its
 * loopback port, answers nothing that did not pass the service's login. Without the variable
 * (`npm run dev` on an editor's own machine) it lets everything through.
 */
export function tokenGuard(token: string | undefined) {
  const expected = token ? Buffer.from(token) : undefined;
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (!expected) return next();
    const sent = request.headers[TOKEN_HEADER];
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end('Refused: this server answers the newsroom service only.');
  };
}
