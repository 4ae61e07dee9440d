import type { Locale } from './format.ts';

/** The site's base path with one trailing slash ("/" or "/some/path/"), as the build was configured. */
export const base = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/`;

/** A path inside the site, under the base path: `href('data/')` → "/some/path/data/". */
export const href = (path = '') => `${base}${path.replace(/^\/+/, '')}`;

/** A page of an edition: Chinese at the root, English under en/. */
export const pageHref = (locale: Locale, path = '') => href(`${locale === 'en' ? 'en/' : ''}${path.replace(/^\/+/, '')}`);

import { factAnchor } from './anchors.ts';

export { factAnchor };

/** The data page entry of a figure, in the reader's edition. */
export const factHref = (id: string, locale: Locale = 'zh') => pageHref(locale, `data/#${factAnchor(id)}`);

/** A chart's image of an edition, drawn at build: "images/output.zh.png" (or ".svg"). */
export const chartImageHref = (id: string, locale: Locale, format: 'png' | 'svg') => href(`images/${id}.${locale}.${format}`);

/** A chart's embed page in an edition: "embed/output/" (Chinese), "en/embed/output/". */
export const embedHref = (id: string, locale: Locale) => pageHref(locale, `embed/${id}/`);
