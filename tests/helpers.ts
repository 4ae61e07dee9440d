import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse } from 'yaml';
import { readStoryFiles } from '../src/story/files.ts';
import { storyFromDisk } from '../src/story/load.ts';
import { readMdx } from '../src/story/mdx.ts';

/** The project. */
export const root = join(import.meta.dirname, '..');

/**
 * The story the tests read: the project's own, or `STORY_ROOT` (a copy an editor has changed,
 * which the whole unit suite must accept: tests/build/editSeries.test.ts).
 */
export const storyRoot = resolve(process.env['STORY_ROOT'] ?? root);

/** The engine's own test story (tests/fixtures/story), in Chinese and English. */
export const fixture = join(root, 'tests/fixtures/story');

/** A story's files as the build reads them, by path. */
export const storyFiles = (dir = storyRoot) => readStoryFiles(dir);

/** A fresh copy of a story's content/ and data/ under test-output/copies/, to change. */
export function copyStory(name: string, from = storyRoot): string {
  const dir = join(root, 'test-output/copies', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['content', 'data']) cpSync(join(from, part), join(dir, part), { recursive: true });
  return dir;
}

/** The raw text of every data file, keyed by file name, as the build reads them. */
export function readDataDir(dir = join(storyRoot, 'data')): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** The story as the site builds it, from its data and content files, checked (built once). */
let cached: ReturnType<typeof storyFromDisk> | undefined;
export const realStory = () => (cached ??= storyFromDisk(storyRoot));

/** Every figure, built from the real data files as the site builds them. */
export const realFacts = () => realStory().facts;

/**
 * The environment for a child `astro build`: Vitest sets BASE_URL, MODE, DEV, PROD and SSR
 * in process.env for its own use, and Vite would read them back as the child's settings.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  // One image cache for every build the tests make, copies of the project and other stories
  // included: an image is drawn once per run (its entry is named by all that decides its pixels,
  // src/lib/png.ts). The reproducibility test gives its builds empty caches of their own.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    IMAGE_CACHE_DIR: process.env['IMAGE_CACHE_DIR'] ?? join(root, '.cache/images'),
  };
  for (const key of [
    'BASE_URL',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'NODE_ENV',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'TEST',
  ])
    delete env[key];
  return env;
}

/** The story's charts in an edition, by id, as the pages build them. */
export const realCharts = (locale: 'zh' | 'en' = 'zh') => new Map(realStory().chartIds.map((id) => [id, realStory().figure(id, locale)]));

/**
 * A TCP port free on loopback now (the newsroom's own helper): a checkout's tests use their own
 * ports, so runs side by side never collide.
 */
export { freePort } from '../src/newsroom/dev.ts';

/**
 * What a story page holds, read from the sections of an edition as the build reads them:
 * the section anchors in order, each section's kicker and title (its front matter), and the
 * charts in page order (placed with <Chart> or <Scrolly>).
 */
export function storyPage(locale: 'zh' | 'en' = 'zh', from = storyRoot) {
  const dir = join(from, 'content', locale);
  const sections = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as { order: number; anchor: string; kicker: string; title: string };
      return { ...front, refs: readMdx(text, `content/${locale}/${f}`).references };
    })
    .sort((a, b) => a.order - b.order);
  return {
    sections: sections.map((s) => s.anchor),
    heads: sections.map(({ anchor, kicker, title }) => ({ anchor, kicker, title })),
    charts: sections.flatMap((s) => s.refs.flatMap((r) => (r.tag === 'Chart' ? [r.id] : r.tag === 'Scrolly' ? [r.chart] : []))),
  };
}

/** Builds the story in `story` with this project's engine (src/) into `out`: its pages, to read as text or as documents. */
export function buildSite(story: string, out: string) {
  rmSync(out, { recursive: true, force: true });
  const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: root,
    env: { ...buildEnv(), STORY_ROOT: story },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`build of ${story} failed:\n${run.stdout}\n${run.stderr}`);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  return { read, doc: (path: string) => parseHTML(read(path)).document as unknown as Document };
}

/**
 * A folder of links to the project, for a development server of its own: Astro keeps a server's
 * content modules in `.astro/` beside the configuration it runs from, so two servers run from the
 * project's folder at once (the editing screen's test and the newsroom's, in parallel files) would
 * each load the other's story. Run from here, each has its own `.astro/` and the same engine,
 * configuration and packages. Removed with `rmSync(dir, { recursive: true })`, which removes the links only.
 */
export function linkedProject(): string {
  // Inside the project: Astro reads a page's path that shares no folder but `/` with its root (as the
  // editing screen's real path would, from a folder under /tmp) as a path inside the root.
  mkdirSync(join(root, 'test-output/projects'), { recursive: true });
  const dir = mkdtempSync(join(root, 'test-output/projects/project-'));
  for (const name of readdirSync(root)) if (!madeAnew.has(name)) symlinkSync(join(root, name), join(dir, name));
  return dir;
}
/** What a linked project makes for itself: its server's modules, its caches and outputs (the test output holds the links). */
const madeAnew = new Set(['.astro', '.cache', 'dist', 'test-output']);
