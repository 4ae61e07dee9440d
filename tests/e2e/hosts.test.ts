/**
 * Both builds (at the root and under a sub-path) served by each real server with the
 * configuration shipped for it under deploy/, and by `npm start`'s server, checked against the one policy
 * (src/deploy/policy.ts): every file with its status, type, charset and headers; the 404 page;
 * the redirect of a directory without its slash; compression; and, in Chromium, that a page of
 * another origin can frame an embed page (which then sizes its iframe) but not the story.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hosts } from '../../src/deploy/configs.ts';
import { siteFiles } from '../../src/deploy/integration.ts';
import { compressible, expectedHeaders, isHidden, kindOf, paths, urlOf } from '../../src/deploy/policy.ts';
import { uploadName } from '../../scripts/deploy-config.ts';
import { freePort, root } from '../helpers.ts';
import { sites, type SiteName } from '../setup/sites.ts';
import { browserAvailable, launchBrowser, patience } from './browser.ts';
import { hostAvailable, startHost, type Running, type Server as Served } from './servers.ts';

/** Compares a response's headers with what the policy asks of it; returns the differences. */
function differences(path: string, status: number, headers: Headers): string[] {
  return Object.entries(expectedHeaders(path, status)).flatMap(([name, value]) =>
    headers.get(name) === value
      ? []
      : [`${path} (${status}): ${name} is ${JSON.stringify(headers.get(name))}, expected ${JSON.stringify(value)}`],
  );
}

/** Which hosts send brotli when asked (nginx needs a module Debian ships apart; Caddy has no encoder). */
const brotli: Record<Served, boolean> = { nginx: false, apache: true, caddy: false, lighttpd: true, preview: false };

const browserReady = browserAvailable();

describe.each(
  [...hosts.filter(hostAvailable), 'preview' as const].flatMap((host) => (['root', 'sub'] as SiteName[]).map((site) => ({ host, site }))),
)('$host, with its shipped configuration, serving the $site build', ({ host, site }) => {
  const { dir, base } = sites[site];
  /** The build's files, as the build wrote them: read once, before any server starts. */
  const built = siteFiles(dir);
  let server: Running;
  let url = '';
  beforeAll(async () => {
    server = await startHost(host, { work: join(root, `test-output/hosts/${host}-${site}`), port: await freePort(), base, dir });
    url = `${server.origin}${base}`;
  }, 30_000);
  afterAll(() => server?.stop());

  it('serves every file of the build with its status, type, charset and the policy’s headers', async () => {
    const files = built.filter((f) => !isHidden(f));
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    const kinds = new Set<string>();
    for (const file of files)
      for (const path of new Set([file, urlOf(file)])) {
        const res = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'identity' } });
        if (res.status !== 200) problems.push(`${path}: status ${res.status}`);
        else {
          const body = Buffer.from(await res.arrayBuffer());
          if (!body.equals(readFileSync(join(dir, file)))) problems.push(`${path}: not the file's bytes`);
        }
        problems.push(...differences(path, res.status, res.headers));
        kinds.add(kindOf(path));
      }
    expect(problems).toEqual([]);
    // Every kind of file the policy names a type for was among them.
    for (const kind of ['html', 'js', 'json', 'csv', 'svg', 'xml', 'png', 'txt']) expect(kinds, kind).toContain(kind);
  });

  it('keeps the files written for other hosts to itself, however the URL spells them', async () => {
    const spellings = (name: string) => [
      name,
      `%${name.charCodeAt(0).toString(16).toUpperCase()}${name.slice(1)}`,
      `/${name}`,
      `./${name}`,
    ];
    let asked = 0;
    for (const hidden of paths.hidden)
      for (const spelt of spellings(hidden)) {
        const res = await fetch(`${url}${spelt}`);
        expect([403, 404], spelt).toContain(res.status);
        expect(await res.text(), spelt).not.toBe(readFileSync(join(dir, hidden), 'utf8'));
        asked++;
      }
    expect(asked).toBeGreaterThanOrEqual(4);
  });

  it('answers a missing page, in any folder, with the site’s 404 page and status 404', async () => {
    const page = readFileSync(join(dir, paths.notFound), 'utf8');
    for (const path of ['does-not-exist/', 'embed/does-not-exist/', 'data/missing.csv', '_astro/missing.js']) {
      const res = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'identity' } });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe(page);
      expect(differences(path, 404, res.headers)).toEqual([]);
    }
  });

  it('redirects a folder without its slash to the folder, and writes no link that needs it', async () => {
    const folders = built.filter((f) => f.endsWith('/index.html')).map((f) => f.slice(0, -'/index.html'.length));
    expect(folders.length).toBeGreaterThan(4);
    const asked = [...folders.map((f) => `${base}${f}`), ...(base === '/' ? [] : [base.slice(0, -1)])];
    for (const path of asked) {
      const res = await fetch(`${server.origin}${path}`, { redirect: 'manual' });
      expect([301, 308], path).toContain(res.status);
      expect(new URL(res.headers.get('location') ?? '', `${server.origin}${path}`).href, path).toBe(`${server.origin}${path}/`);
    }
    // Every link of every page to this site names a file or ends in "/", so no page relies on a redirect.
    let links = 0;
    for (const file of built.filter((f) => f.endsWith('.html'))) {
      const doc = parseHTML(readFileSync(join(dir, file), 'utf8')).document;
      for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src], iframe[src]')) {
        const link = new URL(el.getAttribute('href') ?? el.getAttribute('src')!, `${url}${urlOf(file)}`);
        if (link.origin !== server.origin) continue;
        links++;
        expect(link.pathname, `${file}: ${link.href}`).toMatch(/(\/|\.[a-z0-9]+)$/);
      }
    }
    expect(links).toBeGreaterThan(50);
  });

  it(`compresses text with gzip${brotli[host] ? ' and brotli' : ''}, and says it varies by encoding`, async () => {
    const large = built.filter((f) => compressible.includes(kindOf(f)) && statSync(join(dir, f)).size > 2048);
    const byKind = new Map(large.map((f) => [kindOf(f), f]));
    expect([...byKind.keys()].sort()).toEqual(expect.arrayContaining(['csv', 'html', 'js', 'json', 'svg']));
    for (const encoding of brotli[host] ? ['gzip', 'br'] : ['gzip'])
      for (const file of byKind.values()) {
        const res = await fetch(`${url}${file}`, { headers: { 'accept-encoding': encoding } });
        expect(res.headers.get('content-encoding'), `${file} (${encoding})`).toBe(encoding);
        expect(res.headers.get('vary') ?? '', file).toMatch(/accept-encoding/i);
        expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, file))), file).toBe(true);
      }
    // Images are sent as they are.
    const png = built.find((f) => f.endsWith('.png'))!;
    expect((await fetch(`${url}${png}`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBeNull();
  });

  describe.runIf(browserReady)('in Chromium, from a page of another origin', () => {
    let browser: Browser;
    let other: Server;
    let otherOrigin = '';
    beforeAll(async () => {
      browser = await launchBrowser();
      const port = await freePort();
      otherOrigin = `http://127.0.0.1:${port}`;
      // The embed snippet the site offers (from the sub-path build, whose URLs are root-relative), pointed at this server.
      const snippet = parseHTML(readFileSync(join(sites.sub.dir, 'index.html'), 'utf8'))
        .document.querySelector('.embed-code')!
        .textContent!.replaceAll(sites.sub.base, url);
      other = createServer((req, res) => {
        const page = req.url === '/story' ? `<iframe id="story" title="story" src="${url}"></iframe>` : snippet;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner</title></head><body>${page}</body></html>`);
      });
      await new Promise<void>((r) => other.listen(port, '127.0.0.1', r));
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((r) => other?.close(r));
    });

    it('frames an embed page, which sizes its iframe, and not the story', async () => {
      const page = await browser.newPage();
      await page.goto(`${otherOrigin}/embed`);
      const iframe = page.locator('iframe[data-story-embed]');
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      await expect.poll(() => frame.locator('[data-enhanced="true"]').count(), { ...patience, timeout: 20_000 }).toBe(1);
      // The host script set the iframe's height to its page's.
      await expect
        .poll(async () => {
          const [outer, inner] = [
            await iframe.evaluate((e) => e.getBoundingClientRect().height),
            await frame.evaluate(() => document.documentElement.scrollHeight),
          ];
          return Math.abs(outer - inner) <= 2 && outer > 200;
        }, patience)
        .toBe(true);
      const blocked: string[] = [];
      page.on('console', (m) => blocked.push(m.text()));
      await page.goto(`${otherOrigin}/story`);
      const story = (await (await page.locator('#story').elementHandle())!.contentFrame())!;
      await expect.poll(() => blocked.some((m) => /frame-ancestors/.test(m)), patience).toBe(true);
      expect(await story.locator('main').count()).toBe(0);
      await page.close();
    });
  });
});

/** A glob of `_headers` or of the AWS CLI's filters as a regular expression: "*" matches anything, "/" too. */
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

describe.each(['root', 'sub'] as SiteName[])('the %s build for other hosts', (site) => {
  const { dir, base } = sites[site];
  const files = siteFiles(dir).filter((f) => !isHidden(f));

  it('writes _headers with its base, so that a host joining every matching rule gives each path the policy’s headers', () => {
    const rules = readFileSync(join(dir, '_headers'), 'utf8')
      .split(/\n\n+/)
      .map((block) => block.split('\n').filter((l) => l && !l.startsWith('#')))
      .filter((lines) => lines.length)
      .map(([path, ...lines]) => ({
        path: path!,
        match: glob(path!),
        headers: lines.map(
          (l) =>
            l
              .trim()
              .split(/: (.*)/s)
              .slice(0, 2) as [string, string],
        ),
      }));
    expect(rules.every((r) => r.path.startsWith(base))).toBe(true);
    let checked = 0;
    for (const file of files)
      for (const path of new Set([file, urlOf(file)])) {
        // What Netlify and Cloudflare Pages send: the headers of every rule the path matches, joined.
        const sent = new Map<string, string[]>();
        for (const rule of rules.filter((r) => r.match.test(`${base}${path}`)))
          for (const [name, value] of rule.headers) sent.set(name.toLowerCase(), [...(sent.get(name.toLowerCase()) ?? []), value]);
        const expected = expectedHeaders(path);
        for (const [name, values] of sent) expect(values, `${path}: ${name} set by two rules`).toHaveLength(1);
        // The host's own type and caching stand, except where the policy must change them: the
        // type of CSV, the caching of hashed assets. Pages carry the framing policy.
        const page = kindOf(path) === 'html';
        const asked: Record<string, boolean> = {
          'content-type': path.endsWith('.csv'),
          'cache-control': /immutable/.test(expected['cache-control'] ?? ''),
          'content-security-policy': page,
          'x-frame-options': page,
        };
        for (const [name, value] of Object.entries(expected)) {
          if (asked[name] === false) continue;
          expect(sent.get(name)?.[0] ?? null, `${path}: ${name}`).toBe(value);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(files.length * 4);
  });

  it('uploads every file to an object store once, with its type and caching, hashed assets first and pages last', () => {
    const bin = mkdtempSync(join(tmpdir(), 'aws-'));
    const calls = join(bin, 'calls');
    // A stand-in for the AWS CLI that notes what it is asked to do.
    writeFileSync(join(bin, 'aws'), `#!/bin/sh\nnode -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- "$@" >> "${calls}"\n`);
    chmodSync(join(bin, 'aws'), 0o755);
    const run = spawnSync(join(root, uploadName), [dir, 's3://bucket/prefix/', '--endpoint-url', 'https://oss.example.invalid'], {
      env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const commands = readFileSync(calls, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    const uploads = new Map<string, { type: string; cache: string; order: number }[]>();
    commands.forEach((args, order) => {
      const option = (name: string) => args[args.indexOf(name) + 1]!;
      expect(args).toContain('--endpoint-url');
      if (args[1] !== 'cp') return expect(args.slice(0, 2)).toEqual(['s3', 'sync']);
      const [from, to] = [args[2]!, args[3]!];
      expect(to).toBe(from.replace(dir, 's3://bucket/prefix'));
      const under = from.slice(dir.length).replace(/^\//, '');
      // The AWS CLI's filters, in order: the last one a file matches decides.
      const filters = args.flatMap((a, i) =>
        a === '--exclude' || a === '--include' ? [{ include: a === '--include', match: glob(args[i + 1]!) }] : [],
      );
      for (const file of files.filter((f) => f.startsWith(under ? `${under}/` : ''))) {
        const relative = under ? file.slice(under.length + 1) : file;
        if (filters.reduce((taken, f) => (f.match.test(relative) ? f.include : taken), true))
          uploads.set(file, [...(uploads.get(file) ?? []), { type: option('--content-type'), cache: option('--cache-control'), order }]);
      }
    });
    expect(uploads.size).toBe(files.length);
    for (const file of files) {
      const [one, ...more] = uploads.get(file) ?? [];
      expect(more, file).toEqual([]);
      expect(one, file).toEqual({ ...one, type: expectedHeaders(file)['content-type'], cache: expectedHeaders(file)['cache-control'] });
    }
    const order = (test: (f: string) => boolean) => files.filter(test).map((f) => uploads.get(f)![0]!.order);
    expect(Math.max(...order((f) => /^_astro\//.test(f)))).toBeLessThan(Math.min(...order((f) => !/^_astro\//.test(f))));
    expect(Math.max(...order((f) => !f.endsWith('.html')))).toBeLessThan(Math.min(...order((f) => f.endsWith('.html'))));
    // The last command removes what the site no longer holds, and never uploads a file for another host.
    expect(commands.at(-1)!.slice(0, 2)).toEqual(['s3', 'sync']);
    for (const hidden of paths.hidden) expect(commands.at(-1)).toContain(hidden);
  });
});
