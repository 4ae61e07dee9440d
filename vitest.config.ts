/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  // The editing screen's forms (src/editor/*.tsx) are React; the dev server compiles them
  // with @astrojs/react, which only the dev server loads.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: {
    // Every core (Vitest leaves one free by default: on two cores, one file at a time).
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest-results.json' },
    projects: [
      {
        // In-process tests of the engine (on its fixture story) and of the story (as it is, or a
        // changed copy given as STORY_ROOT): no build, no browser. `npm run test:unit`.
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/{lib,story,charts,components,content,client,engine,editor,newsroom}/**/*.test.ts'],
          // The files share their workers' modules (the engine, the story read once): a third of the
          // time. They hold no state between them; the two component tests mock one module alike.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real builds: of a story with a problem, of the fixture story, of a copy edited through
        // the editing screen's save (which then runs the unit project on it), twice for reproducibility.
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // One at a time, and after the site's tests: builds made from the project's folder share its
          // .astro/, where Astro lists the content modules of the story it builds (another story's, for
          // a build with STORY_ROOT), as the newsroom test's Publish does.
          fileParallelism: false,
          // One worker's modules for every file, as the unit and site files share theirs; none mocks a module.
          isolate: false,
          sequence: { groupOrder: 3 },
        },
      },
      {
        // Checks of the built site, in and out of a real browser, and the editing screen and the
        // newsroom service on their development servers (each run from a folder of links to the
        // project with a .astro/ of its own, so the two run at once: linkedProject in tests/helpers.ts).
        // Both builds are made once by the global setup, and shared with the Lighthouse project.
        extends: true,
        test: {
          name: 'site',
          include: ['tests/{site,e2e}/**/*.test.ts'],
          exclude: ['tests/e2e/lighthouse.test.ts'],
          // The files share their workers' modules (Playwright, the story read once) as the unit files
          // do; none mocks a module or keeps state another reads.
          isolate: false,
          globalSetup: ['tests/setup/sites.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Last and alone: Lighthouse, which measures the machine and needs it idle.
        extends: true,
        test: {
          name: 'alone',
          include: ['tests/e2e/lighthouse.test.ts'],
          globalSetup: ['tests/setup/sites.ts'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
