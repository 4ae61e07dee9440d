/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  // The editing screen's forms (src/editor/*.tsx) are React; the dev server compiles them
  // with @astrojs/react, which only the dev server loads.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest-results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/{lib,charts,components,content,build,client,engine,editor}/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Checks of the built site, in and out of a real browser. Both builds are made once
        // by the global setup; files run one at a time so Lighthouse measures an idle machine.
        extends: true,
        test: {
          name: 'site',
          include: ['tests/{site,e2e}/**/*.test.ts'],
          globalSetup: ['tests/setup/sites.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
