import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFacts } from '../src/lib/facts.ts';
import { validateData } from '../src/lib/validate.ts';

export const root = join(import.meta.dirname, '..');

/** The raw text of every data file, keyed by file name, as the build reads them. */
export function readDataDir(dir = join(root, 'data')): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** Every figure, built from the real data files as the site builds them. */
export const realFacts = () => buildFacts(validateData(readDataDir()));

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

/** The charts the story must have, in both editions. */
export const expectedCharts = ['cleanup', 'environment', 'industries', 'output', 'projects', 'ranking', 'sewage', 'timeline'];
