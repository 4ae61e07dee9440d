import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv, root } from '../helpers.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

describe('builds', () => {
  it('are byte-identical for the same commit, images drawn anew by each', () => {
    const out = ['a', 'b'].map((n) => join(root, 'test-output/reproducible', n));
    // Each with an image cache of its own, empty: both builds draw every image.
    for (const dir of out) {
      rmSync(dir, { recursive: true, force: true });
      const images = `${dir}-images`;
      rmSync(images, { recursive: true, force: true });
      execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir], {
        cwd: root,
        env: { ...buildEnv(), IMAGE_CACHE_DIR: images },
        stdio: 'pipe',
      });
      expect(readdirSync(images).filter((f) => f.endsWith('.png')).length, 'images drawn').toBeGreaterThan(0);
    }
    const [a, b] = out.map((dir) => Object.fromEntries(files(dir).map((f) => [relative(dir, f), readFileSync(f).toString('base64')])));
    expect(Object.keys(a!).length).toBeGreaterThan(20);
    expect(Object.keys(b!).sort()).toEqual(Object.keys(a!).sort());
    for (const name of Object.keys(a!)) expect(b![name], name).toBe(a![name]);
  });
});
