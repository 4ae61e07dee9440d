import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../helpers.ts';
import { sites } from '../setup/sites.ts';

/**
 * Strings found in the editing screen's code and in what it brings (Keystatic, Keystar UI,
 * React's DOM renderer): none may appear in a production build.
 */
// The preview's edit links and the section marks they read exist in development only, too.
const markers = ['keystatic', 'keystar', 'story-editor', 'hydrateRoot', 'react-dom', 'story-edit-link', 'data-entry'];
/** Where each marker is known to occur, so a marker that no longer marks anything fails here. */
const sources = [
  'node_modules/@keystatic/core/dist/keystatic-core-ui.js',
  'node_modules/@keystatic/astro/dist/keystatic-astro-ui.js',
  'node_modules/@keystar/ui/dist/keystar-ui-button.js',
  'node_modules/react-dom/cjs/react-dom-client.production.js',
  'src/editor/integration.ts',
  'src/editor/saved.ts',
  'src/editor/editLinks.ts',
];

const files = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f));
const found = (text: string) => markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

describe('the production build holds nothing of the editing screen', () => {
  it('each marker is found in the screen’s code or what it brings', () => {
    const all = sources.map((s) => found(readFileSync(join(root, s), 'utf8'))).flat();
    for (const m of markers) expect(all, m).toContain(m);
  });

  for (const [name, site] of Object.entries(sites)) {
    it(`${name} build: no route, no file and no byte of the editor`, () => {
      const paths = files(site.dir);
      expect(paths.length).toBeGreaterThan(50);
      expect(paths.filter((p) => /keystatic|editor/i.test(p.slice(site.dir.length)))).toEqual([]);
      const textual = paths.filter((p) => /\.(html|js|mjs|css|json|svg|xml|txt|webmanifest)$|_headers$/.test(p));
      expect(textual.length).toBeGreaterThan(40);
      const hits = textual.flatMap((p) => found(readFileSync(p, 'utf8')).map((m) => `${p.slice(site.dir.length)}: ${m}`));
      expect(hits).toEqual([]);
    });
  }

  it('the served site answers 404 where the screen lives in development', async () => {
    const base = inject('siteUrls').root;
    for (const path of ['keystatic', 'keystatic/singleton/story', 'api/keystatic/tree']) {
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(404);
    }
  });
});
