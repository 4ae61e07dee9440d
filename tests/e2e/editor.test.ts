import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyFromDisk } from '../../src/lib/storyFromDisk.ts';
import { buildEnv, freePort, root } from '../helpers.ts';
import { browserAvailable, launchBrowser, patience, watchedContext, type Traffic } from './browser.ts';

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

/** `npm run dev` on the copy (STORY_ROOT), on a free port; resolves once the screen answers. */
async function startDev(port: number): Promise<{ child: ChildProcess; log: () => string }> {
  let output = '';
  const child = spawn(join(root, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: root,
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

describe.runIf(browserAvailable())('the editing screen (npm run dev)', () => {
  let dev: Awaited<ReturnType<typeof startDev>>;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let traffic: Traffic;
  let page: Page;

  beforeAll(async () => {
    rmSync(story, { recursive: true, force: true });
    for (const dir of ['content', 'data']) cpSync(join(root, dir), join(story, dir), { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = await startDev(port);
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
  });

  /** What went wrong on the screen; a request cut short because the test moved to another page is not a fault. */
  const problems = () => traffic.problems.filter((p) => !p.endsWith('(net::ERR_ABORTED)'));

  afterAll(async () => {
    await browser?.close();
    if (dev?.child.pid) process.kill(-dev.child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(story, { recursive: true, force: true, maxRetries: 3 });
  });

  /**
   * Saves the open entry and returns the answer of the save request. The screen marks an entry
   * "Unsaved" once it has seen a change, and clears the mark once it has read a save back; a
   * change made before that would be overwritten by the read-back, so each save waits for both.
   */
  async function save() {
    const unsaved = page.getByText('Unsaved', { exact: true });
    await expect.poll(() => unsaved.isVisible(), patience).toBe(true);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const response = await answer;
    if (response.ok()) await expect.poll(() => unsaved.isVisible(), patience).toBe(false);
    return response;
  }

  /** Opens a data file's record by its id in the list, and returns its dialog. */
  async function openRecord(file: string, id: string) {
    await page.goto(`${origin}/keystatic/singleton/data-${file}`);
    await page.getByText(new RegExp(`^${id.replaceAll('.', '\\.')} · `)).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

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
    await page.goto(`${origin}/keystatic/collection/sections-zh/item/01-crackdown`);
    await page.getByRole('textbox', { name: 'Title', exact: true }).waitFor({ timeout: 60_000 });
    console.log(`editing screen: a section open for editing ${Date.now() - t0} ms after the request (warm)`);
    // Figures in the text read as the page shows them; an inline picker holds the id.
    expect(
      await page
        .getByText(storyFromDisk(root).show('output.total.2019', 'zh', true), { exact: true })
        .first()
        .isVisible(),
    ).toBe(true);
    expect(traffic.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it('opening and saving every file without changes leaves every file as it was, byte for byte', { timeout: 600_000 }, async () => {
    // The screen saves only a changed entry: each is changed, saved, changed back and saved again,
    // so the second save writes what "open and save" writes.
    const list = entries();
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
  });

  it('a section title and a record value, saved, show in the preview; the files are what the build expects', async () => {
    restore();
    // The preview: the story as `npm run dev` serves it, open in another tab while the editor works.
    const preview = await context.newPage();
    await preview.goto(`${origin}/`);
    const title = '清退与门槛（编辑测试）';
    await page.goto(`${origin}/keystatic/collection/sections-zh/item/01-crackdown`);
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

    const dialog = await openRecord('environment', 'env.greenCoverage');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('32.5');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const reloadedAgain = preview.waitForEvent('load', { timeout: 30_000 });
    expect((await save()).status()).toBe(200);
    await reloadedAgain;
    const shown = async () => (await preview.locator('body').textContent()) ?? '';
    await expect.poll(shown, patience).toContain('32.5%');
    expect(await shown()).toContain(title);
    expect(await shown()).not.toContain('31.67%');
    await preview.close();

    // On disk: one line changed in each file, and the story builds.
    expect(changedFiles().sort()).toEqual(['content/zh/01-crackdown.mdx', 'data/environment.json']);
    for (const file of changedFiles()) {
      const before = readFileSync(join(root, file), 'utf8').split('\n');
      const after = readFileSync(join(story, file), 'utf8').split('\n');
      expect(after.length, file).toBe(before.length);
      expect(after.filter((l, i) => l !== before[i]).length, file).toBe(1);
    }
    const built = storyFromDisk(story);
    expect(built.show('env.greenCoverage', 'zh')).toBe('32.5%');
    expect(readFileSync(join(story, 'content/zh/01-crackdown.mdx'), 'utf8')).toContain(`\ntitle: ${title}\n`);
    expect(problems()).toEqual([]);
    restore();
  });

  it('refuses an out-of-range value with the schema’s message, and writes nothing', async () => {
    restore();
    const dialog = await openRecord('environment', 'env.greenCoverage');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('120');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const answer = await save();
    expect(answer.status()).toBe(422);
    const index = (
      JSON.parse(readFileSync(join(root, 'data/environment.json'), 'utf8')) as { records: { id: string }[] }
    ).records.findIndex((r) => r.id === 'env.greenCoverage');
    const message = `records[${index}].value: expected a rate between 0 and 100 (%), got 120`;
    expect(await answer.text()).toContain(`data/environment.json: ${message}`);
    await expect.poll(() => page.getByText(message, { exact: false }).first().isVisible(), patience).toBe(true);
    expect(changedFiles()).toEqual([]);
    // The refused save is the only error the page saw.
    expect(problems().filter((p) => !p.includes('/api/keystatic/update') && !p.includes('422'))).toEqual([]);
    traffic.problems.length = 0;
  });

  it('shows a field’s own schema message before any save', async () => {
    const dialog = await openRecord('environment', 'env.greenCoverage');
    const line = dialog.getByRole('textbox', { name: 'Report line' });
    await line.fill('28');
    // The group field lists the file's groups.
    const groups = (JSON.parse(readFileSync(join(root, 'data/environment.json'), 'utf8')) as { groups: { key: string }[] }).groups;
    expect(await dialog.getByText(`One of this file’s groups: ${groups.map((g) => g.key).join(', ')}.`).count()).toBe(1);
    const message = dialog.getByText('expected a report line such as "L12"');
    await expect.poll(() => message.count(), patience).toBe(1);
    await line.fill('L28');
    await expect.poll(() => message.count(), patience).toBe(0);
  });
});
