import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../../lib/i18n/index.ts';
import { shareCardPng } from '../../lib/shareCard.ts';

/** A 1200×630 share image per edition, drawn from the data at build time. */
export const getStaticPaths = (() => locales.map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(shareCardPng(params['locale'] as Locale)), { headers: { 'content-type': 'image/png' } });
