import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { roleOf, type FileRole } from './files.ts';

/** The folder that holds the story's content/ and data/: the project, or `STORY_ROOT` (a test's fixture story). */
export const storyRoot = resolve(process.env['STORY_ROOT'] ?? '.');

/**
 * A content-layer loader for the story's JSON and YAML files of one role (data, charts, the
 * story's settings), as the story's layout names them. Each file is kept as it is, with its
 * path in the story's folder: the story check reads and checks it. In development the folder
 * is watched, and a change reloads the files, which rebuilds the story.
 */
export function storyFiles(options: { dir: string; role: FileRole['role'] }): Loader {
  const dir = join(storyRoot, options.dir);
  const ours = (name: string) => roleOf(`${options.dir}/${name}`)?.role === options.role;
  return {
    name: 'story-files',
    async load({ store, watcher, generateDigest }) {
      const sync = () => {
        let names: string[] = [];
        try {
          names = readdirSync(dir).filter(ours);
        } catch {
          names = [];
        }
        const entries = names.sort().map((name) => {
          const text = readFileSync(join(dir, name), 'utf8');
          const path = `${options.dir}/${name}`;
          return { id: path, data: { path, text }, filePath: relative(process.cwd(), join(dir, name)), digest: generateDigest(text) };
        });
        store.clear();
        for (const e of entries) store.set(e);
      };
      sync();
      if (watcher) {
        watcher.add(dir);
        const onChange = (path: string) => {
          const rel = relative(dir, resolve(path));
          if (!rel.startsWith('..') && !rel.includes('/') && ours(rel)) sync();
        };
        // Separate calls, as Astro's own loaders make them: its watcher tracks (and later removes) each listener.
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
