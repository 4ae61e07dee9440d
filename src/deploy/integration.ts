import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from './configs.ts';

/** Every file of a built site, by its path under the site's folder with forward slashes. */
export const siteFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'));

/**
 * Writes `_headers` (Netlify, Cloudflare Pages) into the build, for the base it was built with
 * and the pages it holds, from the one policy (src/deploy/policy.ts).
 */
export function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, '_headers'), headersFile(base, siteFiles(out)));
      },
    },
  };
}
