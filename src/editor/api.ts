import type { APIRoute } from 'astro';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import config from 'virtual:keystatic-config';
import { storyRoot } from '../lib/loaders.ts';
import { prepareSave, readUpdate, writeSave } from './save.ts';
import { markSaved } from './saved.ts';

export const prerender = false;

// The story's folder: the project, or STORY_ROOT (a copy the tests edit).
const keystatic = makeGenericAPIRouteHandler({ config, localBaseDirectory: storyRoot });

const answer = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Keystatic's file API (local mode), with our own save: the files are checked as the build
 * checks them and written in each file's own layout, each whole or not at all. A save the
 * build would refuse is refused here with the build's message, which the screen shows;
 * nothing is written.
 */
export const ALL: APIRoute = async ({ request }) => {
  let forward = request;
  if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/api/keystatic/update')) {
    // The screen's own requests only (as Keystatic requires them): a page of another site cannot send these headers.
    if (request.headers.get('no-cors') !== '1' || request.headers.get('content-type') !== 'application/json')
      return answer(400, 'Bad Request');
    const body = readUpdate(await request.json().catch(() => undefined));
    if (typeof body === 'string') return answer(400, `Not saved: ${body}`);
    const prepared = prepareSave(storyRoot, body);
    if (!prepared.ok) return answer(422, prepared.message);
    markSaved();
    writeSave(storyRoot, prepared.body);
    // Keystatic answers with the story's files as they now are, which the screen reads back.
    forward = new Request(request.url, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify({ additions: [], deletions: [] }),
    });
  }
  const { body, headers, status } = await keystatic(forward);
  return new Response(body as BodyInit | null, { status: status ?? 200, ...(headers ? { headers: headers as HeadersInit } : {}) });
};
