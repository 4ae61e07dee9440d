import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.ts';
import { buildEnv } from '../helpers.ts';

const root = join(import.meta.dirname, '../..');

/** The two production builds every site test reads: at the root, and under a sub-path. */
export const sites = {
  root: { dir: join(root, 'test-output/site'), base: '/' },
  sub: { dir: join(root, 'test-output/site-sub'), base: '/stories/anfu/' },
} as const;
export type SiteName = keyof typeof sites;

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrls: Record<SiteName, string>;
  }
}

function build(dir: string, base: string) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir, '--base', base], {
    cwd: root,
    env: buildEnv(),
    stdio: 'pipe',
  });
}

/** Builds both sites once and serves each over HTTP on loopback, as a static host would. */
export default async function setup(project: TestProject) {
  for (const { dir, base } of Object.values(sites)) build(dir, base);
  const servers = await Promise.all(Object.values(sites).map((s) => startServer(s)));
  project.provide('siteUrls', { root: servers[0]!.url, sub: servers[1]!.url });
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
