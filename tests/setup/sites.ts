import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.ts';
import { buildEnv, freePort } from '../helpers.ts';

const root = join(import.meta.dirname, '../..');

/** The two production builds every site test reads: at the root, and under a sub-path. */
export const sites = {
  // Built for the address it is served at, as a deployment would be: absolute canonical and hreflang links.
  // That address (its port is chosen at setup) reaches tests as inject('rootSite').
  root: { dir: join(root, 'test-output/site'), base: '/' },
  // Built with no site address: links stay relative, under the sub-path.
  sub: { dir: join(root, 'test-output/site-sub'), base: '/stories/anfu/' },
} as const;
export type SiteName = keyof typeof sites;

/**
 * The root site's port: `SITE_TEST_PORT` if set, else a port free now, so checkouts
 * running the suite side by side never collide.
 */
async function rootPort(): Promise<number> {
  const given = process.env['SITE_TEST_PORT'];
  if (!given) return freePort();
  const port = Number(given);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SITE_TEST_PORT=${given}: expected a port number (1–65535)`);
  return port;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrls: Record<SiteName, string>;
    /** The address the root site was built for (SITE_URL) and is served at: "http://127.0.0.1:<port>". */
    rootSite: string;
    /** What each build printed. */
    buildLogs: Record<SiteName, string>;
  }
}

/** Builds a site; returns what the build printed, both streams, for the test of quiet builds. */
function build(dir: string, base: string, site: string | undefined): string {
  rmSync(dir, { recursive: true, force: true });
  const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir, '--base', base], {
    cwd: root,
    env: { ...buildEnv(), ...(site && { SITE_URL: site }) },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the build of the site at ${base} failed:\n${run.stdout}\n${run.stderr}`);
  return `${run.stdout}\n${run.stderr}`;
}

interface Served {
  urls: Record<SiteName, string>;
  rootSite: string;
  logs: Record<SiteName, string>;
  close: () => Promise<void>;
}

/** Builds both sites and serves each over HTTP on loopback, as a static host would. */
async function buildAndServe(): Promise<Served> {
  const port = await rootPort();
  const rootSite = `http://127.0.0.1:${port}`;
  const logs = { root: build(sites.root.dir, sites.root.base, rootSite), sub: build(sites.sub.dir, sites.sub.base, undefined) };
  const servers = await Promise.all([
    startServer({ dir: sites.root.dir, base: sites.root.base, port }),
    startServer({ dir: sites.sub.dir, base: sites.sub.base, port: 0 }),
  ]);
  let closing: Promise<void> | undefined;
  return {
    urls: { root: servers[0]!.url, sub: servers[1]!.url },
    rootSite,
    logs,
    close: () => (closing ??= Promise.all(servers.map((s) => s.close())).then(() => undefined)),
  };
}

/**
 * The global setup of the projects that read the built site (site, and alone, which runs its
 * files one at a time after it): both sites are built once per run and shared, through the Vitest process's
 * global object, since each project loads this file on its own.
 */
const SHARED = Symbol.for('the test sites of this run');
export default async function setup(project: TestProject) {
  const slot = globalThis as { [SHARED]?: Promise<Served> };
  const served = await (slot[SHARED] ??= buildAndServe());
  project.provide('siteUrls', served.urls);
  project.provide('rootSite', served.rootSite);
  project.provide('buildLogs', served.logs);
  return () => served.close();
}
