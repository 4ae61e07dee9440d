import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyFromDisk } from '../../src/story/load.ts';
import { buildEnv, freePort, linkedProject, root } from '../helpers.ts';
import { browserAvailable, launchBrowser, patience, watchedContext, type Traffic } from './browser.ts';
import { aRate, nudged, openRecord as openRecordIn } from './screen.ts';

/**
 * A copy of the story (content/ and data/) for the screen to edit, outside the project as an
 * editor's story would be in its own checkout; the project's own files are never touched.
 */
const story = mkdtempSync(join(tmpdir(), 'editor-story-'));
const storyFiles = () =>
  ['content', 'data'].flatMap((dir) =>
    (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => /\.(mdx|ya?ml|json)$/.test(f)).map((f) => join(dir, f)),
  );
const changedFiles = () => storyFiles().filter((f) => readFileSync(join(story, f), 'utf8') !== readFileSync(join(root, f), 'utf8'));

/**
 * Puts back any file the screen changed, in place (the dev server keeps watching the same
 * folders) and whole (written beside it, then renamed over, so the server never reads half a file).
 */
const restore = () => {
  for (const f of changedFiles()) {
    writeFileSync(join(story, `${f}.restoring`), readFileSync(join(root, f)));
    renameSync(join(story, `${f}.restoring`), join(story, f));
  }
};

/** Every entry the screen lists, from the story's own files: its sections and data-page notes per edition, its charts, its data files, the story. */
function entries() {
  const editions = (parse(readFileSync(join(root, 'content/story.yaml'), 'utf8')) as { editions: string[] }).editions;
  const names = (dir: string, ext: RegExp) =>
    readdirSync(join(root, dir))
      .filter((n) => ext.test(n))
      .map((n) => n.replace(ext, ''));
  return [
    ...editions.flatMap((e) => names(`content/${e}`, /\.mdx$/).map((n) => `/keystatic/collection/sections-${e}/item/${n}`)),
    ...editions.flatMap((e) => names(`content/pages/${e}`, /\.mdx$/).map((n) => `/keystatic/collection/pages-${e}/item/${n}`)),
    ...names('content/charts', /\.ya?ml$/).map((n) => `/keystatic/singleton/chart-${n}`),
    ...names('data', /\.json$/).map((n) => `/keystatic/singleton/data-${n}`),
    '/keystatic/singleton/story',
  ];
}

/**
 * `npm run dev` on the copy (STORY_ROOT), on a free port, from a folder of links to the project
 * (so the newsroom's test can run its own at the same time); resolves once the screen answers.
 */
async function startDev(project: string, port: number): Promise<{ child: ChildProcess; log: () => string }> {
  let output = '';
  const child = spawn(join(project, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: project,
    env: { ...buildEnv(), STORY_ROOT: story },
    detached: true,
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/keystatic`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, log: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`astro dev did not answer within 90 s:\n${output}`);
}

/** The first section of the Chinese edition, by file name. */
const firstSection = () =>
  readdirSync(join(root, 'content/zh'))
    .filter((n) => n.endsWith('.mdx'))
    .sort()[0]!
    .replace(/\.mdx$/, '');

describe.runIf(browserAvailable())('the editing screen (npm run dev)', () => {
  let dev: Awaited<ReturnType<typeof startDev>>;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let traffic: Traffic;
  let page: Page;

  const project = linkedProject();
  beforeAll(async () => {
    rmSync(story, { recursive: true, force: true });
    for (const dir of ['content', 'data']) cpSync(join(root, dir), join(story, dir), { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = await startDev(project, port);
    browser = await launchBrowser();
    ({ context, traffic } = await watchedContext(browser, origin, { viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
    // The first opening bundles the screen's dependencies (Vite), and may reload the page once
    // while it does; the tests start from a screen that has opened.
    const started = Date.now();
    await page.goto(`${origin}/keystatic`);
    await page.getByRole('link', { name: 'Sections (zh)', exact: true }).first().waitFor({ timeout: 90_000 });
    console.log(`editing screen: first opening ${Date.now() - started} ms (cold: dependencies bundled)`);
    traffic.problems.length = 0;
  }, 300_000);

  /** What went wrong on the screen; a request cut short because the test moved to another page is not a fault. */
  const problems = () => traffic.problems.filter((p) => !p.endsWith('(net::ERR_ABORTED)'));

  afterAll(async () => {
    await browser?.close();
    if (dev?.child.pid) process.kill(-dev.child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(story, { recursive: true, force: true, maxRetries: 3 });
    rmSync(project, { recursive: true, force: true, maxRetries: 3 });
  });

  /**
   * Saves the open entry and returns the answer of the save request. The screen marks an entry
   * "Unsaved" once it has seen a change, and clears the mark once it has read a save back; a
   * change made before that would be overwritten by the read-back, so each save waits for both.
   */
  async function save() {
    const unsaved = page.getByText('Unsaved', { exact: true });
    // The screen marks a change once its form has taken it in, which takes seconds on a busy machine.
    await expect.poll(() => unsaved.isVisible(), { ...patience, timeout: 30_000 }).toBe(true);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const response = await answer;
    if (response.ok()) await expect.poll(() => unsaved.isVisible(), patience).toBe(false);
    return response;
  }

  /** Opens a data file's record by its id in the list, and returns its dialog. */
  const openRecord = (file: string, id: string) => openRecordIn(page, origin, file, id);

  it('opens, lists every section, chart and data file, and asks nothing of another origin', async () => {
    const started = Date.now();
    await page.goto(`${origin}/keystatic`);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Sections (zh)', exact: true }).waitFor({ timeout: 60_000 });
    console.log(`editing screen: dashboard ready ${Date.now() - started} ms after the request (warm)`);
    const list = entries();
    expect(list.length).toBeGreaterThanOrEqual(33);
    expect(await nav.getByRole('link', { name: /^Data: / }).count()).toBe(list.filter((e) => e.includes('/data-')).length);
    expect(await nav.getByRole('link', { name: /^Chart: / }).count()).toBe(list.filter((e) => e.includes('/chart-')).length);
    for (const name of [
      'Story: headline, key figures, share card',
      'Sections (zh)',
      'Sections (en)',
      'Data page notes (zh)',
      'Data page notes (en)',
    ])
      expect(await nav.getByRole('link', { name, exact: true }).count(), name).toBe(1);
    const t0 = Date.now();
    const section = firstSection();
    await page.goto(`${origin}/keystatic/collection/sections-zh/item/${section}`);
    await page.getByRole('textbox', { name: 'Title', exact: true }).waitFor({ timeout: 60_000 });
    console.log(`editing screen: a section open for editing ${Date.now() - t0} ms after the request (warm)`);
    // Figures in the text read as the page shows them; an inline picker holds the id.
    const fact = /<Fact id="([^"]+)" \/>/.exec(readFileSync(join(root, `content/zh/${section}.mdx`), 'utf8'))![1]!;
    expect(
      await page
        .getByText(storyFromDisk(root).show(fact, 'zh', true), { exact: true })
        .first()
        .isVisible(),
    ).toBe(true);
    expect(traffic.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it(
    'opening and saving an entry of each kind without changes leaves every file as it was, byte for byte',
    { timeout: 600_000 },
    async () => {
      // The screen saves only a changed entry: each is changed, saved, changed back and saved again,
      // so the second save writes what "open and save" writes. One entry of each kind here (a
      // section of each edition, a data page's notes, a chart, a data file, the story); every file
      // makes the same round trip in-process (tests/editor/save.test.ts).
      const kindOf = (entry: string) => entry.replace(/\/item\/[^/]+$/, '').replace(/\/(chart|data)-[^/]+$/, '/$1');
      const all = entries();
      const list = all.filter((e, i) => all.findIndex((x) => kindOf(x) === kindOf(e)) === i);
      expect(list.length).toBeGreaterThanOrEqual(5);
      for (const entry of list) {
        await page.goto(`${origin}${entry}`);
        const title = page.getByRole('textbox', { name: 'Title', exact: true }).first();
        await title.waitFor({ timeout: 60_000 });
        const was = await title.inputValue();
        expect(was, entry).not.toBe('');
        await title.fill(`${was}（改）`);
        expect((await save()).status(), entry).toBe(200);
        await title.fill(was);
        expect((await save()).status(), entry).toBe(200);
      }
      expect(changedFiles()).toEqual([]);
      expect(problems()).toEqual([]);
    },
  );

  it('a section title and a record value, saved, show in the preview; the files are what the build expects', async () => {
    restore();
    // The preview: the story as `npm run dev` serves it, open in another tab while the editor works.
    const preview = await context.newPage();
    await preview.goto(`${origin}/`);
    const title = '一个新的标题（编辑测试）';
    const section = firstSection();
    await page.goto(`${origin}/keystatic/collection/sections-zh/item/${section}`);
    const field = page.getByRole('textbox', { name: 'Title', exact: true });
    await field.waitFor({ timeout: 60_000 });
    await page.evaluate(() => ((window as { kept?: boolean }).kept = true));
    await field.fill(title);
    const reloaded = preview.waitForEvent('load', { timeout: 30_000 });
    expect((await save()).status()).toBe(200);
    // The preview reloads by itself and shows the new title; the screen keeps its state.
    await reloaded;
    await expect.poll(async () => (await preview.locator('body').textContent()) ?? '', patience).toContain(title);
    expect(await page.evaluate(() => (window as { kept?: boolean }).kept)).toBe(true);

    // A rate moved by a little: the page shows the new value where it showed the old one.
    const rate = aRate(root);
    const value = nudged(rate.record.value!);
    const before = storyFromDisk(story).show(rate.record.id, 'zh');
    const dialog = await openRecord(rate.file, rate.record.id);
    await dialog.getByRole('textbox', { name: 'Value' }).fill(String(value));
    await dialog.getByRole('button', { name: 'Done' }).click();
    const reloadedAgain = preview.waitForEvent('load', { timeout: 30_000 });
    expect((await save()).status()).toBe(200);
    await reloadedAgain;
    const shown = async () => [...(await preview.locator(`[data-fact="${rate.record.id}"]`).allTextContents())].join(' ');
    const after = storyFromDisk(story).show(rate.record.id, 'zh');
    expect(after).not.toBe(before);
    await expect.poll(shown, patience).toContain(after);
    await expect.poll(async () => (await preview.locator('body').textContent()) ?? '', patience).toContain(title);
    await preview.close();

    // On disk: one line changed in each file, and the story builds.
    expect(changedFiles().sort()).toEqual([`content/zh/${section}.mdx`, rate.path].sort());
    for (const file of changedFiles()) {
      const before = readFileSync(join(root, file), 'utf8').split('\n');
      const after = readFileSync(join(story, file), 'utf8').split('\n');
      expect(after.length, file).toBe(before.length);
      expect(after.filter((l, i) => l !== before[i]).length, file).toBe(1);
    }
    const built = storyFromDisk(story);
    expect((built.entry(rate.record.id) as { value: number }).value).toBe(value);
    expect(readFileSync(join(story, `content/zh/${section}.mdx`), 'utf8')).toContain(`\ntitle: ${title}\n`);
    expect(problems()).toEqual([]);
    restore();
  });

  it('refuses an out-of-range value with the story check’s message, and writes nothing', async () => {
    restore();
    const rate = aRate(root);
    const dialog = await openRecord(rate.file, rate.record.id);
    await dialog.getByRole('textbox', { name: 'Value' }).fill('120');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const answer = await save();
    expect(answer.status()).toBe(422);
    const text = await answer.text();
    expect(text.split('\n')[0]).toBe('Not saved, nothing was written: fix this first.');
    expect(text).toContain(`(${rate.record.id}) in ${rate.path}: “value” is 120. It should be a rate between 0 and 100 (%).`);
    expect(text).toMatch(new RegExp(`\\(${rate.path.replace('.', '\\.')}:\\d+:\\d+, records\\[${rate.index}\\]\\.value\\)$`));
    await expect
      .poll(
        () => page.getByText('“value” is 120. It should be a rate between 0 and 100 (%).', { exact: false }).first().isVisible(),
        patience,
      )
      .toBe(true);
    expect(changedFiles()).toEqual([]);
    // The refused save is the only error the page saw.
    expect(problems().filter((p) => !p.includes('/api/keystatic/update') && !p.includes('422'))).toEqual([]);
    traffic.problems.length = 0;
  });

  it('shows a field’s own schema message before any save', async () => {
    const rate = aRate(root);
    const dialog = await openRecord(rate.file, rate.record.id);
    const line = dialog.getByRole('textbox', { name: 'Report line' });
    await line.fill('28');
    // The group field lists the file's groups.
    if (rate.groups.length)
      expect(await dialog.getByText(`One of this file’s groups: ${rate.groups.map((g) => g.key).join(', ')}.`).count()).toBe(1);
    const message = dialog.getByText('expected a report line such as "L12"');
    await expect.poll(() => message.count(), patience).toBe(1);
    await line.fill('L28');
    await expect.poll(() => message.count(), patience).toBe(0);
  });

  /** A page of another origin that tries every request a page can make against the screen's API, and reports what it got. */
  const attackPage = (target: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Another site</title></head><body>
<iframe id="framed" src="${target}/keystatic"></iframe>
<iframe name="sink"></iframe>
<script>
const target = ${JSON.stringify(target)};
const body = JSON.stringify({ additions: [{ path: 'data/stolen.json', contents: btoa('{}') }], deletions: [{ path: 'content/story.yaml' }] });
const results = {};
const attempt = async (name, f) => { try { results[name] = String(await f()); } catch (e) { results[name] = 'error: ' + e.message; } };
(async () => {
  await attempt('save, no-cors, as text', () => fetch(target + '/api/keystatic/update', { method: 'POST', mode: 'no-cors', body, headers: { 'content-type': 'text/plain' } }).then((r) => r.type));
  await attempt('save, cors, with the screen headers', () => fetch(target + '/api/keystatic/update', { method: 'POST', headers: { 'no-cors': '1', 'content-type': 'application/json' }, body }).then((r) => r.status));
  await attempt('save, cors, credentials', () => fetch(target + '/api/keystatic/update', { method: 'POST', credentials: 'include', headers: { 'no-cors': '1', 'content-type': 'application/json' }, body }).then((r) => r.status));
  await attempt('list', () => fetch(target + '/api/keystatic/tree', { headers: { 'no-cors': '1' } }).then((r) => r.text()));
  await attempt('list, no-cors', () => fetch(target + '/api/keystatic/tree', { mode: 'no-cors' }).then((r) => r.type));
  await attempt('save, beacon', () => navigator.sendBeacon(target + '/api/keystatic/update', new Blob([body], { type: 'text/plain' })));
  await attempt('save, form', () => {
    const form = document.createElement('form');
    form.method = 'POST'; form.action = target + '/api/keystatic/update'; form.enctype = 'text/plain'; form.target = 'sink';
    const input = document.createElement('input'); input.name = body.slice(0, -2); input.value = body.slice(-2);
    form.append(input); document.body.append(form); form.submit(); return 'submitted';
  });
  await new Promise((r) => setTimeout(r, 1500));
  window.results = results;
})();
</script></body></html>`;

  it('refuses a page of another origin, another port of localhost and of 127.0.0.1 alike: it can save, list, delete and frame nothing', async () => {
    restore();
    const hostilePort = await freePort();
    const port = new URL(origin).port;
    const hostile: Server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackPage(origin)),
    );
    await new Promise<void>((resolve) => hostile.listen(hostilePort, '127.0.0.1', resolve));
    try {
      for (const from of [`http://localhost:${hostilePort}`, `http://127.0.0.1:${hostilePort}`, `http://localhost:${port}`]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const answers: string[] = [];
        page.on('response', (r) => {
          if (r.url().startsWith(`${origin}/api/`) || r.url().startsWith(`${origin}/keystatic`))
            answers.push(`${r.status()} ${r.request().method()} ${r.url()}`);
        });
        // localhost:<the dev server's port> is the dev server by another name: its answers are refused too, so the page is served by the hostile server through a route.
        if (from.endsWith(`:${port}`))
          await page.route(`${from}/**`, (route) => route.fulfill({ contentType: 'text/html', body: attackPage(origin) }));
        await page.goto(`${from}/`);
        await expect
          .poll(() => page.evaluate(() => (window as { results?: unknown }).results !== undefined), { timeout: 30_000 })
          .toBe(true);
        const results = (await page.evaluate(() => (window as { results?: Record<string, string> }).results))!;
        // What the page could read: nothing of the files.
        expect(results['list'], from).toMatch(/^error: /);
        expect(results['save, cors, with the screen headers'], from).toMatch(/^error: /);
        expect(results['save, cors, credentials'], from).toMatch(/^error: /);
        expect(Object.values(results).join(' '), from).not.toContain('content/');
        // What reached the server was refused there.
        for (const a of answers.filter((x) => x.includes('/api/'))) expect(a, from).toMatch(/^(403|404) /);
        // The screen cannot be framed by another origin: the frame holds no screen.
        const framed = page.frames().find((f) => f.url().startsWith(`${origin}/keystatic`));
        if (framed) expect(await framed.locator('[data-story-editor]').count(), from).toBe(0);
        await context.close();
        expect(changedFiles(), from).toEqual([]);
        expect(existsSync(join(story, 'data/stolen.json')), from).toBe(false);
        expect(existsSync(join(story, 'content/story.yaml')), from).toBe(true);
      }
    } finally {
      await new Promise((r) => hostile.close(r));
    }
  });

  it('answers only the URLs the screen sends: no variant of the save route reaches a write', async () => {
    const body = JSON.stringify({
      additions: [{ path: 'data/stolen.json', contents: Buffer.from('{}').toString('base64') }],
      deletions: [{ path: 'content/story.yaml' }],
    });
    const headers = { origin, 'sec-fetch-site': 'same-origin', 'no-cors': '1', 'content-type': 'application/json' };
    const variants = [
      '//update',
      '/update/',
      '/upd%61te',
      '/%75pdate',
      '/update%2F',
      '/UPDATE',
      '/update/x',
      '/blob/../update',
      '/./update',
      '/update?x=1',
    ];
    const statuses: Record<string, number> = {};
    for (const v of variants) {
      const r = await fetch(`${origin}/api/keystatic${v}`, { method: 'POST', headers, body });
      statuses[v] = r.status;
      // A form the server tidies to the save route goes through the story check, which refuses this one.
      expect([404, 422], v).toContain(r.status);
    }
    expect(Object.values(statuses).filter((s) => s === 404).length).toBeGreaterThanOrEqual(7);
    expect(changedFiles()).toEqual([]);
    expect(existsSync(join(story, 'data/stolen.json'))).toBe(false);
    // The screen's pages and API say that only their own origin may frame them.
    for (const path of ['/keystatic', '/api/keystatic/tree']) {
      const r = await fetch(`${origin}${path}`, { headers: { 'no-cors': '1', 'sec-fetch-site': 'same-origin' } });
      expect(r.headers.get('content-security-policy'), path).toBe("frame-ancestors 'self'");
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(r.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('a section written outside the screen with code, or nesting that would crash the parser: the page shows the problem, nothing runs, the server lives', async () => {
    restore();
    const file = `content/zh/${firstSection()}.mdx`;
    const original = readFileSync(join(story, file), 'utf8');
    const write = (text: string) => {
      writeFileSync(join(story, `${file}.writing`), text);
      renameSync(join(story, `${file}.writing`), join(story, file));
    };
    const marker = join(story, 'code-ran');
    for (const [slip, body, message] of [
      ['code', `\n{require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')}\n`, 'the text holds code in braces'],
      ['nesting', `\n${'> '.repeat(20_000)}x\n`, 'lists or quotes nested 20000 levels deep'],
    ] as const) {
      write(`${original}${body}`);
      // The dev server answers the story with the story check's error (its overlay shows the
      // message, which its log prints), and keeps answering.
      await expect
        .poll(
          async () => {
            const r = await fetch(`${origin}/`);
            return `${r.status} ${await r.text()}`;
          },
          { timeout: 60_000, interval: 500 },
        )
        .toMatch(/^500 .*<title>StoryError<\/title>/s);
      await expect.poll(() => dev.log(), { timeout: 10_000 }).toContain(message);
      expect((await fetch(`${origin}/keystatic`)).status, slip).toBe(200);
      expect(existsSync(marker), slip).toBe(false);
    }
    write(original);
    await expect.poll(async () => (await fetch(`${origin}/`)).status, { timeout: 60_000, interval: 500 }).toBe(200);
    expect(changedFiles()).toEqual([]);
  });
});
