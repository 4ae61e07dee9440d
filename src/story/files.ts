import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editionCodes, type Locale } from '../lib/format.ts';

/** The story's files by path inside the story's folder ("data/wetland.json"), with their text: what the build reads. */
export type StoryFiles = ReadonlyMap<string, string>;

/** An edition of the story, by its language: its sections are in content/<code>/, its data page notes in content/pages/<code>/. */
export type Edition = Locale;

/** A story file's part in the story. */
export type FileRole =
  | { role: 'data'; name: string }
  | { role: 'chart'; name: string }
  | { role: 'story' }
  | { role: 'section'; edition: Edition; name: string }
  | { role: 'page'; edition: Edition; name: string };

/** A file name the build reads: no leading dot (the save's temporaries), no folder, no odd characters. */
const NAME = '[A-Za-z0-9][A-Za-z0-9_-]*';
const codes = editionCodes.join('|');

/** Every folder the build reads, the files it reads there, and what they are. One list, for the build, its check, and the editing screen's save. */
const LAYOUT: { pattern: RegExp; role: (m: RegExpExecArray) => FileRole }[] = [
  { pattern: new RegExp(`^data/(${NAME})\\.json$`), role: (m) => ({ role: 'data', name: m[1]! }) },
  { pattern: new RegExp(`^content/charts/(${NAME})\\.ya?ml$`), role: (m) => ({ role: 'chart', name: m[1]! }) },
  { pattern: /^content\/story\.yaml$/, role: () => ({ role: 'story' }) },
  {
    pattern: new RegExp(`^content/(${codes})/(${NAME})\\.mdx$`),
    role: (m) => ({ role: 'section', edition: m[1] as Edition, name: m[2]! }),
  },
  {
    pattern: new RegExp(`^content/pages/(${codes})/(${NAME})\\.mdx$`),
    role: (m) => ({ role: 'page', edition: m[1] as Edition, name: m[2]! }),
  },
];

/** The folders of the layout, for listing. */
export const storyFolders = [
  'data',
  'content/charts',
  'content',
  ...editionCodes.map((c) => `content/${c}`),
  ...editionCodes.map((c) => `content/pages/${c}`),
];

/** What a path is in the story, or undefined for a file the build does not read. */
export function roleOf(path: string): FileRole | undefined {
  for (const { pattern, role } of LAYOUT) {
    const m = pattern.exec(path);
    if (m) return role(m);
  }
  return undefined;
}

/** Glob patterns for Astro's content layer, from the same layout: the sections of an edition, and the data page notes. */
export const contentGlobs = {
  sections: (edition: Edition) => ({ base: `content/${edition}`, pattern: '[A-Za-z0-9]*.mdx' }),
  pages: { base: 'content/pages', pattern: `{${editionCodes.join(',')}}/[A-Za-z0-9]*.mdx` },
};

/** The paths of the story files in a folder on disk, as the build finds them, in order. */
export function storyPaths(root: string): string[] {
  const paths: string[] = [];
  for (const folder of storyFolders) {
    let names: string[];
    try {
      names = readdirSync(join(root, folder), { withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => e.name);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (roleOf(`${folder}/${name}`)) paths.push(`${folder}/${name}`);
  }
  return paths;
}

/** The story files in a folder on disk, read as the build reads them. */
export function readStoryFiles(root: string): Map<string, string> {
  return new Map(storyPaths(root).map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

/** The story files with some replaced, added (a text) or removed (null): the story as a save would leave it. */
export function withChanges(files: StoryFiles, changes: ReadonlyMap<string, string | null>): Map<string, string> {
  const out = new Map(files);
  for (const [path, text] of changes) {
    if (text === null) out.delete(path);
    else out.set(path, text);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
