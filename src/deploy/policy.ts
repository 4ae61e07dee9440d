/**
 * How the built site is served, in one place: the headers, types, compression, caching and
 * paths that every host configuration under deploy/ and the `_headers` file are generated from
 * (src/deploy/configs.ts), that `npm start` serves with (scripts/serve.ts), and that the
 * deployment tests check every real server against (`expectedHeaders`).
 *
 * Paths are relative to the site's base ("embed/output/", not "/stories/park/embed/output/").
 */

/** Sent with every response, page or file, found or not. */
export const everywhere: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * Who may frame a response. A `<meta>` policy cannot carry `frame-ancestors`, so the server
 * says it: the story, data and 404 pages (and every file) only the site itself; a chart's
 * embed page any site (no X-Frame-Options, which cannot say "anyone").
 */
export const framing = {
  own: [
    ['Content-Security-Policy', "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"],
    ['X-Frame-Options', 'SAMEORIGIN'],
  ],
  any: [['Content-Security-Policy', "frame-ancestors *; object-src 'none'; base-uri 'self'"]],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

/** The header X-Frame-Options, which embed pages must not carry. */
export const frameOptions = 'X-Frame-Options';

/** Caching: a file whose name carries its content's hash never changes; everything else is asked for again each time. */
export const caching = {
  hashed: 'public, max-age=31536000, immutable',
  other: 'no-cache',
} as const;

/** The type of each kind of file the build writes, text with its charset. */
export const types: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
};

/** The kinds of file sent compressed (gzip everywhere, brotli where the server can). */
export const compressible: readonly string[] = ['html', 'css', 'js', 'json', 'csv', 'svg', 'xml', 'txt'];

/** The paths the policy tells apart, under the base (no leading slash). */
export const paths = {
  /** A chart's embed page, in any edition ("embed/<chart>/", "en/embed/<chart>/"), as a regular expression. */
  embed: '^([^/]+/)?embed/',
  /** The folder of Astro's hashed assets. */
  hashed: '_astro/',
  /** The page a missing URL is answered with, with status 404. */
  notFound: '404.html',
  /** Files the build writes for one kind of host that no other host may serve. */
  hidden: ['_headers'],
} as const;

const embed = new RegExp(paths.embed);

/** Whether a path under the base is a file written for another kind of host, which no server gives out. */
export const isHidden = (path: string) => (paths.hidden as readonly string[]).includes(path);

/** The URL path of a built file under the base: a page by its folder ("en/data/"), anything else by its name. */
export const urlOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

/** The kind of file a path under the base is: its extension, or "html" for a directory's URL. */
export const kindOf = (path: string): string => (path === '' || path.endsWith('/') ? 'html' : (/\.([a-z0-9]+)$/.exec(path)?.[1] ?? ''));

/**
 * The headers a response for `path` (under the base) must carry, by name (lower case); a name
 * whose value is `null` must be absent. A 404 answers with the 404 page, so with its headers.
 */
export function expectedHeaders(path: string, status = 200): Record<string, string | null> {
  const found = status !== 404;
  const asEmbed = found && embed.test(path);
  const headers: Record<string, string | null> = {};
  for (const [name, value] of [...everywhere, ...(asEmbed ? framing.any : framing.own)]) headers[name.toLowerCase()] = value;
  if (asEmbed) headers[frameOptions.toLowerCase()] = null;
  headers['cache-control'] = found && path.startsWith(paths.hashed) ? caching.hashed : caching.other;
  const type = types[found ? kindOf(path) : 'html'];
  if (type) headers['content-type'] = type;
  return headers;
}
