// Serves a built site the way a static host does: files by path under the base path,
// directories by their index.html, 404.html for the rest, gzip, and the headers of the site's
// policy (src/deploy/policy.ts), as the configurations under deploy/ send them.
// Files come from sirv (what Vite's preview uses), on-the-fly gzip from compression.
// CLI: node scripts/serve.ts [--port 4321] [--dir dist] [--base /]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';
import { normaliseBase } from '../src/deploy/configs.ts';
import { expectedHeaders, isHidden, paths } from '../src/deploy/policy.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The headers the policy gives a path under the base (the names it wants absent, left out). */
const headersOf = (path: string, status = 200) =>
  Object.entries(expectedHeaders(path, status)).filter((e): e is [string, string] => e[1] !== null);

export { normaliseBase };

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
  // dev: files are looked up per request (a rebuilt dist/ is served at once) and sent with no-store.
  const files = sirv(root, {
    dev: true,
    extensions: ['html'],
    // The site's own headers (src/deploy/policy.ts), as the shipped host configurations send them;
    // sirv's own caching headers give way to the policy's.
    setHeaders: (res, pathname) => {
      for (const [name, value] of headersOf(pathname.slice(1))) res.setHeader(name, value);
    },
  }) as Handler;
  // Compress every text response (threshold 0), gzip only, as the nginx deployment does.
  const gzip = compression({ threshold: 0 }) as unknown as Handler;

  /**
   * A URL path's file under the site's folder as sirv finds it, decoded and normalised
   * ("/stories/anfu//%5Fheaders" → "_headers"), or undefined outside the base or the folder.
   */
  const underBase = (pathname: string): string | undefined => {
    if (!pathname.startsWith(prefix)) return undefined;
    let path: string;
    try {
      path = normalize(`/${decodeURIComponent(pathname.slice(prefix.length))}`).replace(/^\/+/, '');
    } catch {
      return undefined;
    }
    const file = join(root, path);
    return file === root || file.startsWith(root + sep) ? path : undefined;
  };

  /** A directory under the base path with an index.html, as static hosts redirect to with a slash. */
  const isSiteDir = (pathname: string): boolean => {
    const path = underBase(pathname);
    if (path === undefined) return false;
    try {
      return statSync(join(root, path)).isDirectory() && existsSync(join(root, path, 'index.html'));
    } catch {
      return false;
    }
  };

  /** The site's own 404 page (sirv would only end the response), with status 404. */
  const notFound = (res: ServerResponse) => {
    const page = join(root, '404.html');
    const found = existsSync(page);
    res.writeHead(404, Object.fromEntries(headersOf(paths.notFound, 404)));
    if (found) createReadStream(page).pipe(res);
    else res.end('Not found');
  };

  const server = createServer((req, res) => {
    // The request's path read as a path: "//x" is not a URL of another host.
    const { pathname, search } = new URL(`http://localhost${req.url?.startsWith('/') ? req.url : '/'}`);
    if (!pathname.endsWith('/') && isSiteDir(`${pathname}/`)) {
      res.writeHead(301, { location: `${pathname}/${search}` }).end();
      return;
    }
    // The browser's brotli is left out so the transfer is gzip, as nginx serves it and the budgets assume.
    const accepts = req.headers['accept-encoding'];
    if (accepts)
      req.headers['accept-encoding'] = accepts
        .split(',')
        .filter((e) => e.split(';')[0]!.trim() !== 'br')
        .join(',');
    gzip(req, res, () => {
      if (!pathname.startsWith(prefix)) return notFound(res);
      req.url = `/${pathname.slice(prefix.length)}${search}`;
      // However the URL spells it (%5F, a doubled slash), a file written for another host is not given out.
      const path = underBase(pathname);
      if (path !== undefined && isHidden(path)) return notFound(res);
      files(req, res, () => notFound(res));
    });
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
