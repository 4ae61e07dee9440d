import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';

/** The folder that holds the story's content/ and data/: the project, or `STORY_ROOT` (a test's fixture story). */
export const storyRoot = resolve(process.env['STORY_ROOT'] ?? '.');

/** A path inside the story folder, as errors name it: "data/output.json", or the fixture's path. */
export const storyPath = (...parts: string[]) => relative(process.cwd(), join(storyRoot, ...parts)) || '.';

/**
 * A content-layer loader for the story's JSON and YAML files. Each file is parsed and
 * validated by `parse`, which throws an error naming the file and field (our schemas'
 * messages, worded for editors); in development the files are watched and reloaded.
 */
export function storyFiles(options: { dir: string; match: RegExp; parse: (file: string, text: string, name: string) => unknown }): Loader {
  const dir = join(storyRoot, options.dir);
  return {
    name: 'story-files',
    async load({ store, watcher, generateDigest }) {
      const sync = () => {
        let names: string[] = [];
        try {
          names = readdirSync(dir).filter((n) => options.match.test(n));
        } catch {
          names = [];
        }
        const entries = names.sort().map((name) => {
          const text = readFileSync(join(dir, name), 'utf8');
          const file = storyPath(options.dir, name);
          return {
            id: name.replace(/\.(json|ya?ml)$/, ''),
            data: { value: options.parse(file, text, name) },
            filePath: file,
            digest: generateDigest(text),
          };
        });
        store.clear();
        for (const e of entries) store.set(e);
      };
      sync();
      if (watcher) {
        watcher.add(dir);
        const onChange = (path: string) => {
          const rel = relative(dir, resolve(path));
          if (!rel.startsWith('..') && !rel.includes('/') && options.match.test(rel)) sync();
        };
        // Separate calls, as Astro's own loaders make them: its watcher tracks (and later removes) each listener.
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
