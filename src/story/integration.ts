import type { AstroIntegration } from 'astro';
import { checkStory, handOver } from './check.ts';
import { readStoryFiles } from './files.ts';
import { folderOf } from './load.ts';
import { storyRoot } from './loaders.ts';
import { StoryError } from './problem.ts';

/**
 * Runs the one story check before a build starts: a story with a problem stops the build
 * with every problem listed, before any file is compiled or any page rendered (the last good
 * `dist/` stays, see scripts/build.ts). The development server checks the same way when the
 * pages load (src/story/site.ts), so it still opens on a broken story and shows the problems.
 */
export function storyCheck(): AstroIntegration {
  return {
    name: 'story-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const files = readStoryFiles(storyRoot);
        const result = checkStory(files);
        const { problems } = result;
        if (problems.length) {
          // The problems are the editor's to read: printed once, without a stack trace, and the build stops.
          logger.error(new StoryError(problems, folderOf(storyRoot)).message);
          process.exit(1);
        }
        handOver(files, result);
        logger.info(`the story passed its check in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
