// Serves a built site the way a static host does: files by path under the base path,
// directories by their index.html, 404.html for the rest, no caching surprises.
// CLI: node scripts/serve.ts [--port 4321] [--dir dist] [--base /]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.ts': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
};

/** "/stories/anfu" or "stories/anfu/" → "/stories/anfu/"; "" or "/" → "/". */
export const normaliseBase = (base = '/'): string => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/**
 * Starts a static server on 127.0.0.1. Resolves to its URL (with the base path) and a
 * `close()`; port 0 picks a free port.
 */
export interface Served {
  /** The site's URL, base path included. */
  url: string;
  close: () => Promise<void>;
}

export function startServer({ dir = 'dist', base = '/', port = 0 }: { dir?: string; base?: string; port?: number } = {}): Promise<Served> {
  const root = resolve(dir);
  const prefix = normaliseBase(base);
  const fileFor = (pathname: string): string | null => {
    if (!pathname.startsWith(prefix)) return null;
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    } catch {
      return null;
    }
    const path = join(root, rel);
    if (path !== root && !path.startsWith(root + sep)) return null;
    try {
      const st = statSync(path);
      if (st.isFile()) return path;
      if (st.isDirectory() && statSync(join(path, 'index.html')).isFile()) return join(path, 'index.html');
    } catch {
      return null;
    }
    return null;
  };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // A directory asked for without its slash is redirected, as static hosts do.
    if (!pathname.endsWith('/') && !fileFor(pathname) && fileFor(`${pathname}/`)) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const file = fileFor(pathname);
    const status = file ? 200 : 404;
    const body = file ?? fileFor(`${prefix}404.html`);
    const type = (body ? types[extname(body)] : types['.txt']) ?? 'application/octet-stream';
    // Text is gzipped for clients that ask, as every static host does.
    const gzip =
      /^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(status, { 'content-type': type, vary: 'accept-encoding', ...(gzip && { 'content-encoding': 'gzip' }) });
    if (req.method === 'HEAD' || !body) res.end(body ? undefined : 'Not found');
    else if (gzip) createReadStream(body).pipe(createGzip()).pipe(res);
    else createReadStream(body).pipe(res);
  });
  return new Promise<Served>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({ url: `http://127.0.0.1:${actual}${prefix}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return (i > 0 ? process.argv[i + 1] : undefined) ?? fallback;
  };
  const { url } = await startServer({
    dir: arg('dir', 'dist'),
    base: arg('base', '/'),
    port: Number(arg('port', process.env['PORT'] ?? '4321')),
  });
  console.log(`Serving ${arg('dir', 'dist')} at ${url.replace('127.0.0.1', 'localhost')}`);
}
