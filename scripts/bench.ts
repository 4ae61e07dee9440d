// Build benchmark: times full production builds and prints the size of what they write.
// Usage: node scripts/bench.ts [runs=3]
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);
const out = join(root, 'test-output', 'bench');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  execFileSync(join(root, 'node_modules', '.bin', 'astro'), ['build', '--outDir', out], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  times.push((performance.now() - start) / 1000);
}
const all = files(out);
const bytes = all.reduce((n, f) => n + statSync(f).size, 0);
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `full build, ${runs} runs: min ${sorted[0]!.toFixed(2)} s, median ${sorted[Math.floor(runs / 2)]!.toFixed(2)} s, max ${sorted.at(-1)!.toFixed(2)} s`,
);
console.log(`output: ${all.length} files, ${(bytes / 1024).toFixed(1)} KB`);
