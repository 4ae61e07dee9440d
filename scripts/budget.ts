// Measures every built page (HTML, inline SVG, CSS, JavaScript, raw and gzipped) and
// checks the budgets. CLI: node scripts/budget.ts [dist] — prints a table, exits 1 on a breach.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { normaliseBase } from './serve.ts';

/** Budgets of a page's first view, in gzipped bytes; an embed page (a chart in another site's iframe) has its own. */
export const budgets = { js: 25 * 1024, firstView: 120 * 1024, embedFirstView: 32 * 1024 };

/** A chart's embed page: embed/<chart>/index.html in an edition. */
export const isEmbedPage = (page: string) => /(^|\/)embed\/[^/]+\/index\.html$/.test(page);

/**
 * The chunk that drives a sequence by scrolling (scrollama). An embed page moves a sequence with
 * its step buttons and never loads it (tests/e2e/embed.test.ts checks that), so its first view leaves it out.
 */
const scrollChunk = /\/scrolly\.[\w-]+\.js$/;

/**
 * The Listen control's sound, fetched only when a reader presses Listen (tests/e2e/listen.test.ts
 * checks that no page asks for it before), so no first view holds it; it still counts as the page's JavaScript.
 */
const onPressChunk = /\/listen\.[\w-]+\.js$/;

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const gz = (buf: Buffer) => (buf.length ? gzipSync(buf, { level: 9 }).length : 0);
const concat = (parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

/**
 * Bytes of each page and of what its first view loads (inline code plus linked CSS, JS and
 * images). `base` is the path the site was built for, stripped from root-relative URLs.
 */
export interface PageSize {
  page: string;
  html: Bytes;
  svg: Bytes;
  css: Bytes;
  js: Bytes;
  /** Gzipped bytes of the HTML and of the CSS, JS and images it links. */
  firstView: number;
}
interface Bytes {
  raw: number;
  gz: number;
}

export function measure(dist: string, base = '/'): PageSize[] {
  const all = files(dist);
  const prefix = normaliseBase(base);
  const local = (url: string): string | null => {
    if (/^([a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return null;
    const path = join(dist, url.split(/[?#]/)[0]!.replace(prefix, '/').replace(/^\/+/, ''));
    return existsSync(path) && statSync(path).isFile() ? path : null;
  };
  return all
    .filter((f) => f.endsWith('.html'))
    .map((page) => {
      const html = readFileSync(page);
      const text = html.toString('utf8');
      const inline = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]).join('');
      const paths = (re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => local(m[1]!)).filter((p): p is string => p !== null))];
      const linked = (re: RegExp) => paths(re).map((p) => readFileSync(p));
      const linkedJs = withImports(paths(/<script\b[^>]*\bsrc="([^"]+)"/g));
      const linkedCss = linked(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
      // JSON data blocks are not code; everything else in a <script> is.
      const js = concat([
        inline(/<script\b(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
        ...linkedJs.map((f) => f.body),
      ]);
      const css = concat([inline(/<style\b[^>]*>([\s\S]*?)<\/style>/g), ...linkedCss]);
      const images = linked(/<img\b[^>]*\bsrc="([^"]+)"/g);
      const svg = Buffer.from(inline(/(<svg[\s\S]*?<\/svg>)/g));
      return {
        page: relative(dist, page),
        html: { raw: html.length, gz: gz(html) },
        svg: { raw: svg.length, gz: gz(svg) },
        css: { raw: css.length, gz: gz(css) },
        js: { raw: js.length, gz: gz(js) },
        firstView:
          gz(html) +
          [
            ...linkedJs
              .filter((f) => !onPressChunk.test(f.path) && !(isEmbedPage(relative(dist, page)) && scrollChunk.test(f.path)))
              .map((f) => f.body),
            ...linkedCss,
            ...images,
          ].reduce((n, b) => n + gz(b), 0),
      };
    });
}

/**
 * The scripts and every module they import, statically or on demand: a chart's enhancer is
 * loaded lazily, but it is still JavaScript the page ships to a reader who scrolls.
 */
function withImports(entry: string[]): { path: string; body: Buffer }[] {
  const seen = new Map<string, Buffer>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    const body = readFileSync(path);
    seen.set(path, body);
    for (const m of body.toString('utf8').matchAll(/["'`](?:\.{1,2}\/|\/)[^"'`]*?([\w.-]+\.m?js)["'`]/g)) {
      const next = join(dirname(path), m[1]!);
      if (existsSync(next)) visit(next);
    }
  };
  entry.forEach(visit);
  return [...seen].map(([path, body]) => ({ path, body }));
}

/** Every breach of the budgets, as a sentence naming the page, the figure and the limit. */
export function checkBudgets(rows: PageSize[], limits = budgets): string[] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return rows.flatMap((r) => [
    ...(r.js.gz > limits.js ? [`${r.page}: ships ${kb(r.js.gz)} of gzipped JavaScript; the budget is ${kb(limits.js)}`] : []),
    ...(r.firstView > (isEmbedPage(r.page) ? limits.embedFirstView : limits.firstView)
      ? [
          `${r.page}: first view is ${kb(r.firstView)} gzipped; the budget is ${kb(isEmbedPage(r.page) ? limits.embedFirstView : limits.firstView)}`,
        ]
      : []),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const rows = measure(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.table(
    rows.map((r) => ({
      page: r.page,
      'html raw': kb(r.html.raw),
      'html gz': kb(r.html.gz),
      'svg raw': kb(r.svg.raw),
      'css raw': kb(r.css.raw),
      'js raw': kb(r.js.raw),
      'js gz': kb(r.js.gz),
      'first view gz': kb(r.firstView),
    })),
  );
  const total = files(dist).reduce((n, f) => n + statSync(f).size, 0);
  console.log(
    `${dist}: ${files(dist).length} files, ${kb(total)}; budgets: JavaScript ${kb(budgets.js)} gz, first view ${kb(budgets.firstView)} gz (an embed page ${kb(budgets.embedFirstView)})`,
  );
  const breaches = checkBudgets(rows);
  for (const b of breaches) console.error(`OVER BUDGET: ${b}`);
  process.exitCode = breaches.length ? 1 : 0;
}
