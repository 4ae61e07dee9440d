import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, root } from '../helpers.ts';
import { publisher } from '../../src/newsroom/publish.ts';
import { sites } from '../setup/sites.ts';

const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const work = join(root, 'test-output/nginx');

function nginxAvailable(): boolean {
  if (nginxBin) return true;
  if (process.env['CI']) throw new Error('nginx is required under CI but was not found; install it: apt-get install -y nginx-light');
  console.warn('\nNGINX DEPLOYMENT TEST SKIPPED: no nginx found. Install Debian’s: apt-get install -y nginx-light\n');
  return false;
}

/** Where the tests publish, with a stand-in for the build that copies the sub-path build (with a mark, when given). */
const target = join(work, 'site');
let mark = '';
const published = publisher({
  project: root,
  storyRoot: root,
  target,
  build: {
    command: '/bin/sh',
    args: (out) => ['-c', 'cp -R "$0" "$1" && if [ -n "$2" ]; then printf "%s" "$2" >> "$1/index.html"; fi', sites.sub.dir, out, mark],
  },
});

describe.runIf(nginxAvailable())('the site behind a real nginx, under a sub-path', () => {
  let nginx: ChildProcess;
  let origin = '';

  beforeAll(async () => {
    // A port free now, so checkouts running the suite side by side never collide.
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, 'logs'), { recursive: true });
    // The sub-path build, published as the newsroom's Publish does (a release, and `current` pointing at it).
    await published.publish('nginx test')!;
    // The snippet the README tells deployers to use, pointed at the published site.
    const snippet = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8').replaceAll('/srv/anfu/dist/', `${join(target, 'current')}/`);
    writeFileSync(
      join(work, 'nginx.conf'),
      `pid ${work}/nginx.pid;\nerror_log ${work}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${work}/tmp;\n  proxy_temp_path ${work}/tmp;\n  fastcgi_temp_path ${work}/tmp;\n  uwsgi_temp_path ${work}/tmp;\n  scgi_temp_path ${work}/tmp;\n  server {\n    listen 127.0.0.1:${port};\n${snippet}\n  }\n}\n`,
    );
    const check = spawnSync(nginxBin!, ['-t', '-p', work, '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(nginxBin!, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    // Wait until nginx itself answers (not whatever else holds the port); if it exits or stays
    // silent, stop here with its error log rather than let the tests fail for another reason.
    const file = join(work, 'logs/error.log');
    const log = () => (existsSync(file) ? readFileSync(file, 'utf8') : '(no error log)');
    const deadline = Date.now() + 10_000;
    let last = '';
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited with code ${nginx.exitCode} before answering on ${origin}:\n${log()}`);
      try {
        const res = await fetch(`${origin}/`);
        if (res.headers.get('server')?.startsWith('nginx')) return;
        last = `answered by ${res.headers.get('server') ?? 'a server without a name'}`;
      } catch (error) {
        last = String(error);
      }
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin} within 10 s (${last}):\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => nginx?.kill());

  it('answers 200 for every page, asset, download and linked file, with the security headers', async () => {
    const base = sites.sub.base;
    const pages = ['', 'data/', 'en/', 'en/data/'];
    const seen = new Set<string>();
    for (const page of pages) {
      const res = await fetch(`${origin}${base}${page}`);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const doc = parseHTML(await res.text()).document;
      for (const el of doc.querySelectorAll('[href], [src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
        const url = new URL(ref, `${origin}${base}${page}`);
        if (url.origin === origin) seen.add(url.pathname);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    for (const path of seen) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
    }
    const csv = await fetch(`${origin}${base}data/output.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  it('lets any site frame an embed page, and only the site itself frame the story and data pages', async () => {
    const base = sites.sub.base;
    for (const page of ['embed/output/', 'en/embed/ranking/', 'embed/timeline/']) {
      const res = await fetch(`${origin}${base}${page}`);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-security-policy'), page).toBe("frame-ancestors *; object-src 'none'; base-uri 'self'");
      expect(res.headers.get('x-frame-options'), page).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<meta name="robots" content="noindex">');
    }
    for (const page of ['', 'en/', 'data/', 'en/data/', 'does-not-exist/']) {
      const res = await fetch(`${origin}${base}${page}`);
      expect(res.headers.get('content-security-policy'), page).toBe("frame-ancestors 'self'; object-src 'none'; base-uri 'self'");
      expect(res.headers.get('x-frame-options'), page).toBe('SAMEORIGIN');
    }
    // A missing embed page is still the site's 404 page.
    expect((await fetch(`${origin}${base}embed/does-not-exist/`)).status).toBe(404);
  });

  it('answers a missing page with the site’s own 404 page', async () => {
    const res = await fetch(`${origin}${sites.sub.base}does-not-exist/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('找不到这个页面');
  });

  it('serves a new publish, and a rollback, from the next request on, with no reload of nginx', async () => {
    const page = () => fetch(`${origin}${sites.sub.base}`).then((r) => r.text());
    const before = await page();
    mark = '<!-- the second publish -->';
    expect((await published.publish('nginx test')!).action).toBe('publish');
    expect(await page()).toBe(before + mark);
    expect((await published.rollback('nginx test'))?.action).toBe('rollback');
    expect(await page()).toBe(before);
  });
});
