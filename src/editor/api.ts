import type { APIRoute } from 'astro';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import config from 'virtual:keystatic-config';
import { storyRoot } from '../story/loaders.ts';
import { refused, routeOf, screenHeaders } from './guard.ts';
import { BASE_HEADER } from './bases.ts';
import { commitSave, conflict, staleSave } from './history.ts';
import { saveMessage } from './message.ts';
import { saveStory } from './save.ts';
import { EDITOR_HEADER, LANG_HEADER } from './token.ts';
import { markSaved } from './saved.ts';

export const prerender = false;

// The story's folder: the project, or STORY_ROOT (a copy the tests edit).
const keystatic = makeGenericAPIRouteHandler({ config, localBaseDirectory: storyRoot });

const answer = (status: number, text: string) =>
  new Response(text, { status, headers: { ...screenHeaders, 'content-type': 'text/plain; charset=utf-8' } });

/** The versions a save was made from, as the screen sends them (src/editor/bases.ts); none when absent or malformed. */
function baseOf(header: string | null): Record<string, string | null> {
  if (!header || header.length > 100_000) return {};
  try {
    const parsed = JSON.parse(header) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([, v]) => v === null || (typeof v === 'string' && /^[0-9a-f]{40}$/.test(v))),
    ) as Record<string, string | null>;
  } catch {
    return {};
  }
}

/**
 * Keystatic's file API (local mode), for the editing screen and nothing else: a request from
 * any other origin, or by any URL but the three the screen sends, is refused before it reaches
 * Keystatic. A save is ours: the story as the save would leave it goes through the story check,
 * and the files are written all or none; a save with a problem is refused with every problem,
 * which the screen shows, and nothing is written. Keystatic only lists and reads the files.
 */
export const ALL: APIRoute = async ({ request }) => {
  // The URL as it was sent (Astro hands the route a tidied copy), which is what Keystatic would read.
  const url = new URL(request.url);
  const why = refused(request, true);
  if (why) return answer(403, `Refused: ${why}.`);
  const route = routeOf(request.method, url.pathname);
  if (!route) return answer(404, 'Not Found');
  let forward = request;
  if (route.kind === 'update') {
    if (request.headers.get('content-type') !== 'application/json') return answer(400, 'Bad Request');
    // No lost update: a save made from versions another editor has changed since is refused, naming them.
    // Behind the newsroom service (its token checked on every request), its headers name the editor and their language.
    const newsroom = Boolean(process.env['NEWSROOM_TOKEN']);
    const stale = staleSave(storyRoot, baseOf(request.headers.get(BASE_HEADER)));
    if (stale) return answer(409, conflict(stale, newsroom && request.headers.get(LANG_HEADER) === 'zh' ? 'zh' : 'en'));
    // A save that passed is marked before it writes, so that the reload its files cause goes out as the screen's event.
    const saved = saveStory(storyRoot, await request.json().catch(() => undefined), markSaved);
    if (saved.status !== 200) return answer(saved.status, saved.message);
    // Behind the newsroom service, each save is a commit by its editor.
    const editor = newsroom ? request.headers.get(EDITOR_HEADER) : null;
    if (editor && saved.written) {
      try {
        commitSave(
          storyRoot,
          [...saved.written.after.keys()],
          decodeURIComponent(editor),
          saveMessage(saved.written.before, saved.written.after),
        );
      } catch (e) {
        console.error(`[newsroom] saved, but not recorded in the story's history: ${(e as Error).message}`);
      }
    }
    // Keystatic answers with the story's files as they now are, which the screen reads back.
    forward = new Request(new URL('/api/keystatic/update', url), {
      method: 'POST',
      headers: { 'no-cors': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ additions: [], deletions: [] }),
    });
  }
  const { body, headers, status } = await keystatic(forward);
  const out = new Headers(headers as HeadersInit | undefined);
  for (const [k, v] of Object.entries(screenHeaders)) out.set(k, v);
  return new Response(body as BodyInit | null, { status: status ?? 200, headers: out });
};
