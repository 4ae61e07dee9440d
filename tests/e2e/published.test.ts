import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, root } from '../helpers.ts';
import { publisher } from '../../src/newsroom/publish.ts';
import { sites } from '../setup/sites.ts';
import { hostAvailable, startHost, type Running } from './servers.ts';

const work = join(root, 'test-output/nginx');

/** Where the tests publish, with a stand-in for the build that copies the sub-path build (with a mark, when given). */
const target = join(work, 'site');
let mark = '';
const published = publisher({
  project: root,
  storyRoot: root,
  target,
  build: {
    command: '/bin/sh',
    args: (out) => ['-c', 'cp -R "$0" "$1" && if [ -n "$2" ]; then printf "%s" "$2" >> "$1/index.html"; fi', sites.sub.dir, out, mark],
  },
});

describe.runIf(hostAvailable('nginx'))('the newsroom’s published site behind a real nginx, under a sub-path', () => {
  let nginx: Running;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    // The sub-path build, published as the newsroom's Publish does (a release, and `current` pointing at it),
    // served by the shipped configuration pointed at `current`.
    await published.publish('nginx test')!;
    nginx = await startHost('nginx', {
      work: join(work, 'server'),
      port: await freePort(),
      base: sites.sub.base,
      dir: join(target, 'current'),
    });
  });
  afterAll(() => nginx?.stop());

  it('serves a new publish, and a rollback, from the next request on, with no reload of nginx', async () => {
    const page = () => fetch(`${nginx.origin}${sites.sub.base}`).then((r) => r.text());
    const before = await page();
    mark = '<!-- the second publish -->';
    expect((await published.publish('nginx test')!).action).toBe('publish');
    expect(await page()).toBe(before + mark);
    expect((await published.rollback('nginx test'))?.action).toBe('rollback');
    expect(await page()).toBe(before);
  });
});
