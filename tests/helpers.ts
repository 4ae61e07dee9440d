import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readReferences } from '../src/lib/mdxReferences.ts';
import { storyFromDisk } from '../src/lib/storyFromDisk.ts';

export const root = join(import.meta.dirname, '..');

/** The raw text of every data file, keyed by file name, as the build reads them. */
export function readDataDir(dir = join(root, 'data')): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** The story as the site builds it, from the real data and content files (built once). */
let cached: ReturnType<typeof storyFromDisk> | undefined;
export const realStory = () => (cached ??= storyFromDisk(root));

/** Every figure, built from the real data files as the site builds them. */
export const realFacts = () => realStory().facts;

/**
 * The environment for a child `astro build`: Vitest sets BASE_URL, MODE, DEV, PROD and SSR
 * in process.env for its own use, and Vite would read them back as the child's settings.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
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
 * A TCP port free on loopback now: the system picks one for a server on port 0, which is
 * closed again at once. A checkout's tests use their own ports, so runs side by side never collide.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * What a story page holds, read from the sections of an edition as the build reads them:
 * the section anchors in order, and the charts in page order (placed with <Chart> or <Scrolly>).
 */
export function storyPage(locale: 'zh' | 'en' = 'zh') {
  const dir = join(root, 'content', locale);
  const sections = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as { order: number; anchor: string };
      return { ...front, refs: readReferences(text, `content/${locale}/${f}`) };
    })
    .sort((a, b) => a.order - b.order);
  return {
    sections: sections.map((s) => s.anchor),
    charts: sections.flatMap((s) => s.refs.flatMap((r) => (r.tag === 'Chart' ? [r.id] : r.tag === 'Scrolly' ? [r.chart] : []))),
  };
}
