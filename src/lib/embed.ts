/**
 * Embedding a chart in another site: the snippet a partner pastes, and the pym.js-compatible
 * height message the embed page sends its host (`pymxPYMx<id>xPYMxheightxPYMx<px>`), which
 * newsroom CMSs that host pym.js already understand; `public/embed.js` is the site's own host.
 */

/** The id of an embedded chart's iframe, passed to the embed page as pym's `childId`: the story's slug and the chart's id. */
export const embedFrameId = (slug: string, chart: string) => `${slug}-${chart}`;

/** An id a message may name: letters, digits, "-", "_" and ".", at most 64 characters. */
export const frameIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;

/** The height message of pym.js 1.x. */
export const heightMessage = (id: string, height: number) => `pymxPYMx${id}xPYMxheightxPYMx${Math.ceil(height)}`;

/** The `<iframe>` and host script a partner pastes; `src` and `script` are absolute when the site knows its address. */
export function embedSnippet({
  slug,
  chart,
  title,
  src,
  script,
}: {
  slug: string;
  chart: string;
  title: string;
  src: string;
  script: string;
}): string {
  const id = embedFrameId(slug, chart);
  const attr = (v: string) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return [
    `<iframe id="${id}" data-story-embed src="${attr(`${src}?childId=${id}`)}" title="${attr(title)}" width="100%" height="600" loading="lazy" style="width:100%;border:0"></iframe>`,
    `<script src="${attr(script)}" async></script>`,
  ].join('\n');
}

/**
 * An embed page's <title>: the chart's title and the site's name, or the chart's title alone
 * where both would pass 70 characters (what search and tab strips show), cut with "…" if need be.
 */
export function embedTitle(chart: string, site: string, max = 70): string {
  const both = `${chart} | ${site}`;
  if ([...both].length <= max) return both;
  const chars = [...chart];
  return chars.length <= max
    ? chart
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
