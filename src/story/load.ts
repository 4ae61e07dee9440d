import { relative } from 'node:path';
import type { Story } from './story.ts';
import { checkStory } from './check.ts';
import { readStoryFiles, withChanges, type StoryFiles } from './files.ts';
import { StoryError } from './problem.ts';

/** The story the files make, after the one check: a story with a problem is not built, and its error lists every problem. */
export function loadStory(files: StoryFiles, folder = ''): Story {
  const { problems, story } = checkStory(files);
  if (problems.length || !story) throw new StoryError(problems, folder);
  return story;
}

/** How messages name the files of a story in `root`: from the working folder, "" for the project itself. */
export const folderOf = (root: string) => {
  const rel = relative(process.cwd(), root);
  return rel ? `${rel}/` : '';
};

/**
 * The story in a folder, read from disk and checked as the build checks it, for tests and
 * scripts that run outside Astro; `changes` replace, add (a text) or remove (null) files by path.
 */
export function storyFromDisk(root: string, changes: Record<string, string | null> = {}): Story {
  return loadStory(withChanges(readStoryFiles(root), new Map(Object.entries(changes))), folderOf(root));
}
