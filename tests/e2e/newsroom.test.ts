import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf } from '../../src/editor/history.ts';
import { factAnchor } from '../../src/lib/anchors.ts';
import { addAccount } from '../../src/newsroom/accounts.ts';
import { readSettings } from '../../src/newsroom/config.ts';
import { startDevServer, type DevServer } from '../../src/newsroom/dev.ts';
import { createNewsroom } from '../../src/newsroom/server.ts';
import { storyFromDisk } from '../../src/story/load.ts';
import { words } from '../../src/newsroom/words.ts';
import { buildEnv, freePort, linkedProject, root } from '../helpers.ts';
import { browserAvailable, launchBrowser, patience, watchedContext, type Traffic } from './browser.ts';
import { aRate, nudged, openRecord } from './screen.ts';

/** The story the service edits here: a copy, so the project's own files never change. */
const story = join(root, 'test-output/newsroom-story');
const PASSWORD = 'a newsroom password';
/** The first section of an edition, by file name. */
const firstSection = (edition: string) =>
  readdirSync(join(story, `content/${edition}`))
    .filter((n) => n.endsWith('.mdx'))
    .sort()[0]!
    .replace(/\.mdx$/, '');
/** Where Publish puts the site. */
const target = join(root, 'test-output/newsroom-site');

describe.runIf(browserAvailable())('the newsroom service (npm run newsroom), in Chromium', () => {
  /** The development server runs from a folder of links to the project, so the editing screen's test can run its own at the same time. */
  const project = linkedProject();
  let dev: DevServer;
  let app: FastifyInstance;
  let origin: string;
  let browser: Browser;
  let hostile: Server;
  let hostileOrigin: string;
  const accounts = join(mkdtempSync(join(tmpdir(), 'newsroom-e2e-')), 'accounts.json');
  /** Every save and restore the tests make that the service accepted, in order: who, and which file. */
  const saves: { author: string; path: string }[] = [];
  /** Saves through the screen's button, noting each accepted one. */
  async function save(page: Page, author: string, path: string) {
    await expect.poll(() => page.getByText('Unsaved', { exact: true }).isVisible(), patience).toBe(true);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const response = await answer;
    if (response.status() === 200) saves.push({ author, path });
    return response;
  }

  beforeAll(async () => {
    rmSync(story, { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true });
    for (const dir of ['content', 'data']) cpSync(join(root, dir), join(story, dir), { recursive: true });
    // The story's folder is a repository of its own: every save through the newsroom is a commit in it.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: story, stdio: 'pipe' });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '--all');
    git('-c', 'user.name=Setup', '-c', 'user.email=setup@example.invalid', 'commit', '--quiet', '--message', 'the story');
    await addAccount(accounts, '陈编辑', PASSWORD);
    await addAccount(accounts, 'Ada Editor', PASSWORD);
    dev = await startDevServer(project, { ...buildEnv(), STORY_ROOT: story });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const settings = { ...readSettings(root, {}), accounts, port, publishDir: target };
    app = await createNewsroom({
      settings,
      storyRoot: story,
      buildEnv: buildEnv(),
      upstream: dev.url,
      token: dev.token,
      secret: Buffer.alloc(32, 3),
    });
    await app.listen({ host: '127.0.0.1', port });
    // A page of another port of this machine, which tries to use an editor's session.
    const hostilePort = await freePort();
    hostileOrigin = `http://127.0.0.1:${hostilePort}`;
    hostile = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>another page</title>');
    });
    await new Promise<void>((r) => hostile.listen(hostilePort, '127.0.0.1', r));
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((r) => hostile?.close(r));
    await dev?.stop();
    rmSync(story, { recursive: true, force: true, maxRetries: 3 });
    rmSync(project, { recursive: true, force: true, maxRetries: 3 });
  });

  /**
   * A watched desktop window on the service. The editing screen's first pages are compiled on
   * demand by the development server, which on a busy machine takes longer than a page load's 30 s.
   */
  async function screen(options: { locale?: string } = {}) {
    const watched = await watchedContext(browser, origin, { viewport: { width: 1280, height: 900 }, ...options });
    watched.context.setDefaultNavigationTimeout(120_000);
    return watched;
  }

  async function logIn(page: Page, name: string, password: string) {
    await page.goto(`${origin}/keystatic`);
    await page.getByLabel(words.en.name).or(page.getByLabel(words.zh.name)).fill(name);
    await page.getByLabel(words.en.password).or(page.getByLabel(words.zh.password)).fill(password);
    await page.getByRole('button', { name: new RegExp(`^(${words.en.login}|${words.zh.login})$`) }).click();
  }

  const problems = (t: Traffic) => t.problems.filter((p) => !p.endsWith('(net::ERR_ABORTED)'));

  it('opens on its login, refuses a wrong password, and after the right one shows the editing screen, asking nothing of another origin', async () => {
    const { context, traffic } = await screen({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${origin}/keystatic`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect.poll(() => page.title(), patience).toBe(words.zh.title);
    await logIn(page, '陈编辑', 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent(), patience).toBe(words.zh.wrong);
    traffic.problems.length = 0;
    await logIn(page, '陈编辑', PASSWORD);
    await page.getByRole('link', { name: 'Sections (zh)', exact: true }).first().waitFor({ timeout: 120_000 });
    expect(new URL(page.url()).pathname).toBe('/keystatic');
    expect(traffic.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(problems(traffic)).toEqual([]);
    // The screen names the editor and leads to the account page, whose button logs them out.
    await page.getByRole('link', { name: /^陈编辑 · / }).click();
    await expect.poll(() => page.title(), patience).toBe(words.zh.loggedInAs('陈编辑'));
    await page.getByRole('button', { name: words.zh.logout }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.goto(`${origin}/keystatic`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('saves an edit through the screen into the story, and the preview shows it', async () => {
    const { context, traffic } = await screen();
    const page = await context.newPage();
    await logIn(page, '陈编辑', PASSWORD);
    const section = firstSection('zh');
    await page.goto(`${origin}/keystatic/collection/sections-zh/item/${section}`);
    const field = page.getByRole('textbox', { name: 'Title', exact: true });
    await field.waitFor({ timeout: 120_000 });
    const original = await field.inputValue();
    // Beside the form, the section as readers see it: its edition's page, scrolled to it and marked.
    const pane = page.frameLocator('[data-preview] iframe');
    const entry = `/keystatic/collection/sections-zh/item/${section}`;
    const shown = pane.locator(`section[data-entry="${entry}"][data-preview-entry]`);
    await shown.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-preview-editions] button').allTextContents()).toEqual(['zh']);
    expect(await shown.locator('h2').textContent()).toBe(original);
    // At the top of the pane (give or take the page's scroll margin), however far down its page.
    await expect
      .poll(() => shown.evaluate((e) => e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < 80), patience)
      .toBe(true);
    const title = '新闻编辑部的标题（测试）';
    await field.fill(title);
    expect((await save(page, '陈编辑', `content/zh/${section}.mdx`)).status()).toBe(200);
    expect(readFileSync(join(story, `content/zh/${section}.mdx`), 'utf8')).toContain(title);
    // The pane's page reloads with the save, still at the section.
    await expect.poll(() => shown.locator('h2').textContent(), { ...patience, timeout: 30_000 }).toBe(title);
    // Its edit links lead the screen itself to another entry, whose page the pane then shows.
    await pane.locator('figure[data-chart] > .story-edit-link').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/keystatic\/singleton\/chart-/);
    const chart = decodeURIComponent(new URL(page.url()).pathname.slice('/keystatic/singleton/chart-'.length));
    await pane.locator(`[data-chart="${chart}"][data-preview-entry]`).waitFor({ timeout: 60_000 });
    expect((await page.locator('[data-preview-editions] button').allTextContents()).length).toBeGreaterThan(1);
    // The save is a commit authored by the editor, named by the section's new title; History lists it.
    const [last] = historyOf(story, `content/zh/${section}.mdx`);
    expect(last).toMatchObject({ author: '陈编辑', message: `${title}：title ${original} → ${title}` });
    await page.goto(`${origin}/newsroom/history?path=${encodeURIComponent(`content/zh/${section}.mdx`)}`);
    await expect.poll(() => page.locator('.history li').first().textContent()).toContain('陈编辑');
    const preview = await context.newPage();
    await preview.goto(`${origin}/`);
    await expect.poll(async () => (await preview.locator('body').textContent()) ?? '', patience).toContain(title);
    // Each section and chart of the preview links to its entry in the screen.
    const sectionLinks = preview.locator('section[data-entry] > .story-edit-link');
    const chartLinks = preview.locator('figure[data-chart] > .story-edit-link');
    expect(await sectionLinks.count()).toBe(await preview.locator('section[data-entry]').count());
    expect(await chartLinks.count()).toBe(await preview.locator('figure[data-chart]').count());
    expect(await chartLinks.count()).toBeGreaterThan(0);
    expect(await sectionLinks.first().getAttribute('href')).toBe(`/keystatic/collection/sections-zh/item/${section}`);
    await chartLinks.first().click();
    await expect.poll(() => new URL(preview.url()).pathname).toMatch(/^\/keystatic\/singleton\/chart-/);
    await preview.close();

    // A record of a data file: the pane shows the data page at the file's table, and after the
    // save its row gives the new value as the story now shows it.
    const rate = aRate(story);
    const row = pane.locator(`tr[id="${factAnchor(rate.record.id)}"] td.num`);
    const dialog = await openRecord(page, origin, rate.file, rate.record.id);
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toBe(storyFromDisk(story).show(rate.record.id, 'zh'));
    await dialog.getByRole('textbox', { name: 'Value' }).fill(String(nudged(rate.record.value!)));
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect((await save(page, '陈编辑', rate.path)).status()).toBe(200);
    const now = storyFromDisk(story).show(rate.record.id, 'zh');
    expect(now).not.toBe(await row.textContent());
    await expect.poll(() => row.textContent(), { ...patience, timeout: 30_000 }).toBe(now);
    expect(problems(traffic)).toEqual([]);
    await context.close();
  });

  it('lists a file’s saves in History with their authors and changes, and restores an earlier version as a new save', async () => {
    const { context, traffic } = await screen({ locale: 'en-GB' });
    const page = await context.newPage();
    await logIn(page, 'Ada Editor', PASSWORD);
    await page.getByRole('link', { name: 'Sections (zh)', exact: true }).first().waitFor({ timeout: 120_000 });
    const rate = aRate(root);
    const original = readFileSync(join(root, rate.path), 'utf8');
    expect(readFileSync(join(story, rate.path), 'utf8')).not.toBe(original);
    // From the list of the story's files to the data file's own history: the editor's save on top.
    await page.goto(`${origin}/newsroom/history`);
    await page.getByRole('link', { name: rate.path, exact: true }).click();
    const items = page.locator('.history > li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('陈编辑');
    expect(await items.nth(1).textContent()).toContain('Setup');
    // Its change, shown as a diff of the one line that moved.
    await items.nth(0).getByRole('link', { name: words.en.viewChange }).click();
    const diff = (await page.locator('.history pre.diff').textContent()) ?? '';
    expect(diff.split('\n').filter((l) => /^[-+]\s/.test(l))).toHaveLength(2);
    // Restoring the first version writes it back whole, as a save of the editor's own.
    const first = historyOf(story, rate.path)[1]!.commit.slice(0, 7);
    await page.locator('.history > li').nth(1).getByRole('button', { name: words.en.restore }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(words.en.restored(rate.path, first));
    saves.push({ author: 'Ada Editor', path: rate.path });
    expect(readFileSync(join(story, rate.path), 'utf8')).toBe(original);
    expect(await page.locator('.history > li').count()).toBe(3);
    expect(await page.locator('.history > li').first().textContent()).toContain('Ada Editor');
    expect(problems(traffic)).toEqual([]);
    await context.close();
  });

  it('refuses the stale save of two editors on one entry, naming the one who saved in between', async () => {
    const section = firstSection('en');
    const open = async (name: string) => {
      const { context } = await screen();
      const page = await context.newPage();
      await logIn(page, name, PASSWORD);
      await page.goto(`${origin}/keystatic/collection/sections-en/item/${section}`);
      const field = page.getByRole('textbox', { name: 'Title', exact: true });
      await field.waitFor({ timeout: 120_000 });
      return { context, page, field };
    };
    const path = `content/en/${section}.mdx`;
    const first = await open('陈编辑');
    const second = await open('Ada Editor');
    await first.field.fill('A title saved first');
    expect((await save(first.page, '陈编辑', path)).status()).toBe(200);
    await second.field.fill('A title from an older version');
    const refused = await save(second.page, 'Ada Editor', path);
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toMatch(/^Not saved, nothing was written: this entry changed after you opened it\. 陈编辑 saved it at /);
    const file = readFileSync(join(story, `content/en/${section}.mdx`), 'utf8');
    expect(file).toContain('A title saved first');
    expect(file).not.toContain('A title from an older version');
    // Reloaded, the screen restores the refused words as a draft; saved again, the draft is still
    // the older version's and is refused again, whatever the tree now lists.
    await second.page.reload();
    await second.field.waitFor({ timeout: 120_000 });
    await expect.poll(() => second.field.inputValue(), patience).toBe('A title from an older version');
    const answer = second.page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update') && r.request().method() === 'POST');
    await second.page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await answer).status()).toBe(409);
    expect(readFileSync(join(story, `content/en/${section}.mdx`), 'utf8')).toBe(file);
    // Reset, the entry shows the first editor's title.
    await second.page.getByRole('button', { name: 'Reset changes' }).click();
    await expect.poll(() => second.field.inputValue(), patience).toBe('A title saved first');
    // A new edit after the reset is made from the first editor's version, and goes through.
    await second.field.fill('A title after reloading');
    expect((await save(second.page, 'Ada Editor', path)).status()).toBe(200);
    expect(
      historyOf(story, `content/en/${section}.mdx`)
        .slice(0, 2)
        .map((r) => r.author),
    ).toEqual(['Ada Editor', '陈编辑']);
    await first.context.close();
    await second.context.close();
  });

  it('publishes with visible progress, leaves the site as it was when the story does not build, and rolls back', async () => {
    const { context } = await screen({ locale: 'en-GB' });
    const page = await context.newPage();
    await logIn(page, 'Ada Editor', PASSWORD);
    const publish = async () => {
      await page.goto(`${origin}/newsroom/publish`);
      await page.getByRole('button', { name: words.en.publishNow }).click();
      // The build takes seconds: the page the button leads to says it is running, with its output.
      expect(await page.getByRole('status').first().textContent()).toMatch(/^Publishing, \d+ seconds so far/);
      // While the build runs the page says so, and refreshes until it has ended.
      await expect
        .poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 180_000, interval: 1000 })
        .not.toContain('Publishing,');
      return (await page.locator('main').textContent()) ?? '';
    };
    // The English edition's page, where the titles saved in this file are.
    const published = () => readFileSync(join(target, 'current/en/index.html'), 'utf8');

    expect(await publish()).toContain(words.en.publishedOk('Ada Editor', '').split(' at ')[0]!);
    const first = published();
    // The published site is the story as saved: the section title saved earlier in this file is on it.
    expect(first).toContain('A title after reloading');

    // A story that does not pass its check: the publish stops, says why, and the site is unchanged.
    const file = join(story, 'content/story.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}\nnot: [valid`);
    const failed = await publish();
    expect(failed).toContain(words.en.publishFailed('Ada Editor', '').split(' at ')[0]!);
    expect(published()).toBe(first);
    writeFileSync(file, good);

    // A second publish, then one click back to the first.
    await page.goto(`${origin}/keystatic/collection/sections-en/item/${firstSection('en')}`);
    const field = page.getByRole('textbox', { name: 'Title', exact: true });
    await field.waitFor({ timeout: 120_000 });
    await field.fill('A title published second');
    expect((await save(page, 'Ada Editor', `content/en/${firstSection('en')}.mdx`)).status()).toBe(200);
    await expect.poll(() => page.getByText('Unsaved', { exact: true }).isVisible(), patience).toBe(false);
    await publish();
    expect(published()).toContain('A title published second');
    await page.getByRole('button', { name: words.en.rollback }).click();
    await expect.poll(() => published()).toBe(first);
    // The log says who did what to which commit.
    const log = (await page.locator('main').textContent()) ?? '';
    expect(log).toContain(`Ada Editor · ${words.en.actions.rollback}`);
    expect(log).toContain(`Ada Editor · ${words.en.actions.failed}`);
    await context.close();
  }, 600_000);

  it('answers nothing without a session, and nothing to the development server’s own port', async () => {
    const { context } = await screen();
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    const answers = await page.evaluate(async () =>
      Promise.all(
        ['/api/keystatic/tree', '/@vite/client', '/keystatic', '/en/'].map(async (u) => (await fetch(u, { redirect: 'manual' })).status),
      ),
    );
    expect(answers.every((s) => s === 401 || s === 0)).toBe(true);
    // The development server, asked directly on its loopback port, refuses the browser.
    const direct = await page.request.get(`${dev.url}/keystatic`);
    expect(direct.status()).toBe(403);
    await context.close();
  });

  it('a page of another port of this machine cannot save or read with an editor’s session', async () => {
    const { context } = await screen();
    await context.unroute('**/*');
    const page = await context.newPage();
    await logIn(page, '陈编辑', PASSWORD);
    await page.getByRole('link', { name: 'Sections (zh)', exact: true }).first().waitFor({ timeout: 120_000 });
    const before = readdirSync(join(story, 'content/zh')).map((n) => readFileSync(join(story, 'content/zh', n), 'utf8'));
    const other = await context.newPage();
    await other.goto(`${hostileOrigin}/`);
    // A save that would replace the first section with other words, were it let through.
    const first = readdirSync(join(story, 'content/zh')).sort()[0]!;
    const forged = readFileSync(join(story, 'content/zh', first), 'utf8').replace(/^title: .*$/m, 'title: 被改掉的标题');
    const body = JSON.stringify({
      additions: [{ path: `content/zh/${first}`, contents: Buffer.from(forged).toString('base64') }],
      deletions: [],
    });
    const tried = await other.evaluate(
      async ({ target, body }) => {
        const out: string[] = [];
        for (const init of [
          { method: 'POST', mode: 'no-cors', credentials: 'include', body },
          { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'no-cors': '1' }, body },
          { method: 'GET', credentials: 'include' },
        ] as RequestInit[])
          out.push(
            await fetch(`${target}/api/keystatic/${init.method === 'GET' ? 'tree' : 'update'}`, init).then(
              (r) => `${r.type} ${r.status}`,
              (e: Error) => `blocked ${e.name}`,
            ),
          );
        return out;
      },
      { target: origin, body },
    );
    // Opaque answers (no-cors) or blocked reads; nothing readable, and nothing written.
    expect(tried.every((t) => t.startsWith('opaque') || t.startsWith('blocked'))).toBe(true);
    const after = readdirSync(join(story, 'content/zh')).map((n) => readFileSync(join(story, 'content/zh', n), 'utf8'));
    expect(after).toEqual(before);
    await context.close();
  });

  it('leaves one commit in the story’s repository for each accepted save, authored by its editor', () => {
    expect(saves.length).toBeGreaterThanOrEqual(6);
    const log = execFileSync('git', ['log', '--format=%x00%an', '--name-only'], { cwd: story, encoding: 'utf8' })
      .split('\0')
      .slice(1)
      .map((c) => {
        const [author, ...files] = c.trim().split('\n');
        return { author: author!, files: files.filter(Boolean) };
      });
    // Newest first, down to the story's first commit.
    expect(log.at(-1)!.author).toBe('Setup');
    expect(log.slice(0, -1)).toEqual(saves.toReversed().map((s) => ({ author: s.author, files: [s.path] })));
  });
});
