import type { APIRoute, GetStaticPaths } from 'astro';
import type { Locale } from '../../lib/format.ts';
import { shareCardPng } from '../../story/shareCard.ts';
import { story } from '../../story/site.ts';

/** A 1200×630 share image per edition, drawn from the data at build time. */
export const getStaticPaths = (() => story.editions.map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await shareCardPng(story, params['locale'] as Locale)), { headers: { 'content-type': 'image/png' } });
