import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkStoryOnce } from './check.ts';
import { roleOf } from './files.ts';
import { folderOf } from './load.ts';
import { StoryError } from './problem.ts';
import type { Locale } from '../lib/format.ts';
import { storyRoot } from './loaders.ts';

/** A content-layer entry's path inside the story's folder: "content/zh/00-lede.mdx". */
const storyPathOf = (filePath: string | undefined) => relative(storyRoot, resolve(filePath ?? ''));

/**
 * The story's files as the content layer holds them (so that the dev server rebuilds the story
 * when one changes), checked by the one story check. A story with a problem stops here, with
 * every problem, before any page renders; the pages only render what passed.
 */
async function storyFiles() {
  const files = new Map<string, string>();
  for (const collection of ['data', 'charts', 'story'] as const)
    for (const e of await getCollection(collection)) files.set(e.data.path, e.data.text);
  for (const collection of ['zh', 'en', 'pages'] as const)
    for (const e of await getCollection(collection)) {
      const path = storyPathOf(e.filePath);
      if (roleOf(path)) files.set(path, readFileSync(resolve(e.filePath!), 'utf8'));
    }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const checked = checkStoryOnce(await storyFiles());
if (checked.problems.length || !checked.story) throw new StoryError(checked.problems, folderOf(storyRoot));

/** The story, checked and built once: every figure, chart and word the pages show. */
export const story = checked.story;

/** Route parameters of the story's editions: the first at the root, the others under their code. */
export const editionPaths = () => story.editions.map((e, i) => ({ params: { edition: i === 0 ? undefined : e } }));

/** An edition's sections, in their order. */
export async function sectionsOf(locale: Locale) {
  const entries: CollectionEntry<'zh' | 'en'>[] = await getCollection(locale);
  return entries.map((entry) => ({ entry, data: entry.data })).sort((a, b) => a.data.order - b.data.order);
}

/** An edition's notes on method, for its data page. */
export async function methodNotesOf(locale: Locale) {
  const entry = (await getCollection('pages')).find((p) => storyPathOf(p.filePath) === `content/pages/${locale}/method.mdx`);
  if (!entry) throw new Error(`content/pages/${locale}/method.mdx: missing, which the story check reports`);
  return { entry, data: entry.data };
}
