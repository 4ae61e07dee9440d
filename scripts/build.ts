// The production build, made safe: Astro builds into a fresh folder beside dist/, and only a
// build that succeeds replaces dist/. A failed build leaves the last good site in place.
// Usage: node scripts/build.ts [astro build flags, e.g. --base /stories/anfu/]
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const next = join(root, '.dist-next');
const old = join(root, '.dist-old');
rmSync(next, { recursive: true, force: true });
const astro = join(root, 'node_modules', '.bin', 'astro');
const run = spawnSync(astro, ['build', '--outDir', next, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (run.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(
    `\nBuild failed; ${existsSync(dist) ? 'dist/ still holds the last good build' : 'dist/ was not created'}. Fix the error above and build again.`,
  );
  process.exit(run.status ?? 1);
}
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
console.log('dist/ now holds the new build.');
