import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.ts';
import { buildEnv } from '../helpers.ts';

const root = join(import.meta.dirname, '../..');

/** The root site's port; `SITE_TEST_PORT` moves it, so two checkouts can run the suite side by side. */
const rootPort = Number(process.env['SITE_TEST_PORT'] ?? 47321);

/** The two production builds every site test reads: at the root, and under a sub-path. */
export const sites = {
  // Built for the address it is served at, as a deployment would be: absolute canonical and hreflang links.
  root: { dir: join(root, 'test-output/site'), base: '/', port: rootPort, site: `http://127.0.0.1:${rootPort}` },
  // Built with no site address: links stay relative, under the sub-path.
  sub: { dir: join(root, 'test-output/site-sub'), base: '/stories/anfu/', port: 0, site: undefined },
} as const;
export type SiteName = keyof typeof sites;

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrls: Record<SiteName, string>;
  }
}

function build(dir: string, base: string, site: string | undefined) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir, '--base', base], {
    cwd: root,
    env: { ...buildEnv(), ...(site && { SITE_URL: site }) },
    stdio: 'pipe',
  });
}

/** Builds both sites once and serves each over HTTP on loopback, as a static host would. */
export default async function setup(project: TestProject) {
  for (const { dir, base, site } of Object.values(sites)) build(dir, base, site);
  const servers = await Promise.all(Object.values(sites).map(({ dir, base, port }) => startServer({ dir, base, port })));
  project.provide('siteUrls', { root: servers[0]!.url, sub: servers[1]!.url });
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
