import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { editorModel } from '../../src/editor/model.ts';
import { previewOf } from '../../src/editor/preview.ts';
import { storyRoot } from '../helpers.ts';
import { sites } from '../setup/sites.ts';

/**
 * The preview pane beside the screen's form shows each entry on its page: for every chart,
 * data file and the story, the page exists in each edition and holds the element the pane
 * scrolls to. (Sections are marked for the pane in development only: the newsroom's browser
 * test shows them.)
 */
const model = editorModel(storyRoot);
const roles = Object.fromEntries(model.data.map((d) => [d.name, d.role]));
const page = (path: string) => parseHTML(readFileSync(join(sites.root.dir, path, 'index.html'), 'utf8')).document as unknown as Document;

describe('the preview beside the form', () => {
  const entries = [
    '/keystatic/singleton/story',
    ...model.charts.map((c) => `/keystatic/singleton/chart-${c.id}`),
    ...model.data.filter((d) => d.role !== 'dataset' || d.records).map((d) => `/keystatic/singleton/data-${d.name}`),
  ];

  it('finds every chart, data file and the story on its page, in every edition', () => {
    let checked = 0;
    for (const entry of entries) {
      const target = previewOf(entry, model.editions, roles);
      expect(target, entry).toBeDefined();
      expect(target!.editions).toEqual(model.editions);
      for (const edition of target!.editions) {
        const doc = page(target!.page(edition));
        expect(doc.documentElement.getAttribute('lang')?.slice(0, 2), `${entry} in ${edition}`).toBe(edition.slice(0, 2));
        if (target!.element) expect(doc.querySelector(target!.element), `${entry} in ${edition}: ${target!.element}`).not.toBeNull();
        checked++;
      }
    }
    expect(checked).toBe(entries.length * model.editions.length);
    expect(model.charts.length).toBeGreaterThan(0);
  });

  it('shows a section and a data-page note in their own edition only, and nothing for a list or an unknown entry', () => {
    for (const edition of model.editions) {
      const section = previewOf(`/keystatic/collection/sections-${edition}/item/01-a`, model.editions, roles);
      expect(section?.editions).toEqual([edition]);
      expect(section?.element).toBe(`section[data-entry="/keystatic/collection/sections-${edition}/item/01-a"]`);
      expect(previewOf(`/keystatic/collection/pages-${edition}/item/method`, model.editions, roles)?.page(edition)).toMatch(/data\/$/);
    }
    for (const none of [
      '/keystatic',
      '/keystatic/collection/sections-zh',
      '/keystatic/collection/sections-xx/item/a',
      '/keystatic/singleton/other',
    ])
      expect(previewOf(none, model.editions, roles), none).toBeUndefined();
  });

  it('quotes what it puts in a selector', () => {
    const target = previewOf('/keystatic/collection/sections-zh/item/a%22%5D%2Cbody%5Bx', ['zh'], {});
    expect(target?.element).toBe('section[data-entry="/keystatic/collection/sections-zh/item/a\\"],body[x"]');
  });
});
