/** The site's base path with one trailing slash ("/" or "/stories/anfu/"), as the build was configured. */
export const base = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/`;

/** A path inside the site, under the base path: `href('data/')` → "/stories/anfu/data/". */
export const href = (path = '') => `${base}${path.replace(/^\/+/, '')}`;

/** The id of a figure's entry on the data page ("fact-output-total-2019"); prose and charts link to it. */
export const factAnchor = (id: string) => `fact-${id.replaceAll('.', '-')}`;

/** The data page entry of a figure. */
export const factHref = (id: string) => href(`data/#${factAnchor(id)}`);
