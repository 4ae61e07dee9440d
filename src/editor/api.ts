import type { APIRoute } from 'astro';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import config from 'virtual:keystatic-config';
import { storyRoot } from '../lib/loaders.ts';
import { prepareSave } from './save.ts';
import { markSaved } from './saved.ts';

export const prerender = false;

// The story's folder: the project, or STORY_ROOT (a copy the tests edit).
const keystatic = makeGenericAPIRouteHandler({ config, localBaseDirectory: storyRoot });

/**
 * Keystatic's file API (local mode), with one step before a save: the files are checked as
 * the build checks them and written in the project's layout. A save the build would refuse
 * is refused here with the build's message, which the screen shows; nothing is written.
 */
export const ALL: APIRoute = async ({ request }) => {
  let forward = request;
  if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/api/keystatic/update')) {
    const body = (await request.json()) as { additions: { path: string; contents: string }[]; deletions: { path: string }[] };
    const prepared = prepareSave(storyRoot, body);
    if (!prepared.ok) return new Response(prepared.message, { status: 422, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    markSaved();
    forward = new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(prepared.body) });
  }
  const { body, headers, status } = await keystatic(forward);
  return new Response(body as BodyInit | null, { status: status ?? 200, ...(headers ? { headers: headers as HeadersInit } : {}) });
};
