import type { APIRoute } from 'astro';
import { dict } from '../lib/i18n/index.ts';
import { story } from '../story/site.ts';
import { pageHref } from '../lib/urls.ts';

/**
 * The pages of both editions with their language alternates. Sitemaps need absolute
 * addresses, so without a configured site (SITE_URL) the list is empty.
 */
export const GET: APIRoute = ({ site }) => {
  const paths = ['', 'data/'];
  const abs = (path: string) => (site ? new URL(path, site).href : '');
  const urls = site
    ? paths.flatMap((path) =>
        story.editions.map((l) => {
          const alternates = story.editions
            .map((o) => `    <xhtml:link rel="alternate" hreflang="${dict(o).lang}" href="${abs(pageHref(o, path))}"/>`)
            .join('\n');
          return `  <url>\n    <loc>${abs(pageHref(l, path))}</loc>\n${alternates}\n  </url>`;
        }),
      )
    : [];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
