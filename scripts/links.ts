// Follows every link, asset and #anchor of a built site on disk, as a reader's browser would
// under the site's base path. CLI: node scripts/links.ts [dist] [--base /stories/anfu/]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { normaliseBase } from './serve.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/**
 * Problems found in a built site: each names the page, the attribute's URL and what is
 * wrong (missing file, missing anchor, another origin, a path outside the base).
 */
export function checkLinks(dist: string, base = '/', site?: string): string[] {
  const prefix = normaliseBase(base);
  // Absolute links to the configured site address (canonical, hreflang) are links into this site.
  const origin = site ? new URL(site).origin : 'http://site.invalid';
  const pages = new Map<string, Document>();
  const docOf = (file: string): Document => {
    if (!pages.has(file)) pages.set(file, parseHTML(readFileSync(file, 'utf8')).document as unknown as Document);
    return pages.get(file)!;
  };
  const fileFor = (pathname: string): string | null => {
    if (!pathname.startsWith(prefix)) return null;
    const path = join(dist, decodeURIComponent(pathname.slice(prefix.length)));
    if (existsSync(path) && statSync(path).isFile()) return path;
    if (existsSync(join(path, 'index.html'))) return join(path, 'index.html');
    return null;
  };
  const problems: string[] = [];
  for (const file of files(dist).filter((f) => f.endsWith('.html'))) {
    const rel = relative(dist, file);
    const pageUrl = new URL(prefix + rel.replace(/(^|\/)index\.html$/, '$1'), origin);
    const doc = docOf(file);
    const refs = [...doc.querySelectorAll('[href], [src], [srcset]')].flatMap((el) =>
      ['href', 'src', 'srcset'].flatMap((a) =>
        el.hasAttribute(a)
          ? el
              .getAttribute(a)!
              .split(',')
              .map((s) => s.trim().split(/\s+/)[0] ?? '')
          : [],
      ),
    );
    for (const ref of refs) {
      if (!ref || ref.startsWith('data:') || ref.startsWith('mailto:')) continue;
      const url = new URL(ref, pageUrl);
      // A canonical link names the public site; every other URL must stay on this origin.
      const isCanonical = doc.querySelector(`link[rel="canonical"][href="${ref}"], meta[content="${ref}"]`);
      if (url.origin !== origin) {
        if (!isCanonical) problems.push(`${rel}: ${ref} points at another origin`);
        continue;
      }
      const target = url.pathname === pageUrl.pathname ? file : fileFor(url.pathname);
      if (!target) {
        problems.push(
          `${rel}: ${ref} → ${url.pathname} does not exist${url.pathname.startsWith(prefix) ? '' : ` (outside the base ${prefix})`}`,
        );
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && target.endsWith('.html') && !docOf(target).getElementById(id)) problems.push(`${rel}: ${ref} → no element with id "${id}"`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
  const i = process.argv.indexOf('--base');
  const s = process.argv.indexOf('--site');
  const problems = checkLinks(
    dist,
    (i > 0 ? process.argv[i + 1] : undefined) ?? '/',
    (s > 0 ? process.argv[s + 1] : undefined) ?? process.env['SITE_URL'],
  );
  for (const p of problems) console.error(`BROKEN: ${p}`);
  console.log(`${problems.length} broken link(s) in ${dist}`);
  process.exitCode = problems.length ? 1 : 0;
}
