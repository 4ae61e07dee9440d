// Build benchmark: times production builds of the story and of a generated copy with each chart
// repeated 8×, and prints each build's wall time and peak memory (of the build and the processes it
// starts), with an empty image cache and with the cache it left, all in one run so the figures compare.
// Usage: node scripts/bench.ts [runs=1] [copies=8]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 1);
const copies = Number(process.argv[3] ?? 8);
const out = join(root, 'test-output', 'bench');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/**
 * A copy of the story in a temporary folder in which each chart is there `copies` times: the copies
 * of content/charts/<id>.yaml are <id>-copy-<n>.yaml, each placed right after its original in every
 * edition's section (a `<Scrolly>` block copied whole), so the copy passes the story check.
 */
export function repeatedStory(from: string, copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'anfu-bench-'));
  for (const folder of ['content', 'data']) cpSync(join(from, folder), join(dir, folder), { recursive: true });
  const charts = join(dir, 'content/charts');
  const ids = readdirSync(charts)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length));
  for (const id of ids) for (let n = 2; n <= copies; n++) cpSync(join(charts, `${id}.yaml`), join(charts, `${id}-copy-${n}.yaml`));
  const editions = readdirSync(join(dir, 'content'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'charts' && e.name !== 'pages')
    .map((e) => e.name);
  for (const edition of editions)
    for (const name of readdirSync(join(dir, 'content', edition))) {
      const path = join(dir, 'content', edition, name);
      let text = readFileSync(path, 'utf8');
      for (const id of ids) {
        const copiesOf = (block: string) =>
          Array.from({ length: copies - 1 }, (_, i) => block.replaceAll(`"${id}"`, `"${id}-copy-${i + 2}"`)).join('\n\n');
        text = text
          .replace(new RegExp(`<Scrolly chart="${id}">[\\s\\S]*?</Scrolly>`), (block) => `${block}\n\n${copiesOf(block)}`)
          .replace(new RegExp(`<Chart id="${id}" />`), (block) => `${block}\n\n${copiesOf(block)}`);
      }
      writeFileSync(path, text);
    }
  return dir;
}

/** The resident memory of a process and all its descendants now, in MB, from /proc (Linux). */
function treeMB(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while being read.
    }
  }
  let kb = 0;
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop()!;
    kb += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

/**
 * One production build (`astro build`) in its own process: wall time, and peak memory, the largest
 * sum of resident memory of the build and every process it starts (the image pool), sampled every 50 ms.
 */
function build(
  story: string | undefined,
  imageCache: string,
): Promise<{ seconds: number; peakMB: number; charts: number; files: number; kb: number }> {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const child = spawn(join(root, 'node_modules', '.bin', 'astro'), ['build', '--outDir', out], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', IMAGE_CACHE_DIR: imageCache, ...(story && { STORY_ROOT: story }) },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeMB(child.pid!))), 50);
  return new Promise((done, fail) =>
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) return fail(new Error(`build of ${story ?? 'the story'} failed (exit ${code}):\n${output}`));
      const all = files(out);
      done({
        seconds,
        peakMB: peak,
        charts: files(join(out, 'images')).filter((f) => f.endsWith('.png')).length,
        files: all.length,
        kb: all.reduce((n, f) => n + statSync(f).size, 0) / 1024,
      });
    }),
  );
}

if (import.meta.main) {
  const copy = repeatedStory(root, copies);
  try {
    for (const [name, story] of [
      ['the story', undefined],
      [`the story with each chart ${copies}×`, copy],
    ] as const) {
      // Each run: a build with an empty image cache (every image drawn), then one with the cache it left (none drawn).
      const cold: Awaited<ReturnType<typeof build>>[] = [];
      const warm: typeof cold = [];
      for (let i = 0; i < runs; i++) {
        const cache = mkdtempSync(join(tmpdir(), 'anfu-bench-images-'));
        try {
          cold.push(await build(story, cache));
          warm.push(await build(story, cache));
        } finally {
          rmSync(cache, { recursive: true, force: true });
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const line = (results: typeof cold) =>
        `${median(results.map((r) => r.seconds)).toFixed(1)} s, peak memory ${median(results.map((r) => r.peakMB)).toFixed(0)} MB`;
      const { charts, files: count, kb } = cold[0]!;
      console.log(`${name}: ${charts} chart images, ${count} files, ${(kb / 1024).toFixed(1)} MB`);
      console.log(`  images drawn (empty cache): ${line(cold)}`);
      console.log(`  images from the cache:      ${line(warm)}   (median of ${runs})`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
