/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
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
          include: ['tests/{lib,charts,components,content,build,client,engine}/**/*.test.ts'],
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
