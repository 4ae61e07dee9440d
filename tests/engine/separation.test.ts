import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realStory, root } from '../helpers.ts';

/** Every file of the engine, with its text. */
function engineFiles(dir = join(root, 'src')): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return engineFiles(path);
    return [{ path: relative(root, path), text: readFileSync(path, 'utf8') }];
  });
}

const story = realStory();
const files = engineFiles();

describe('the engine (src/) knows nothing of this story', () => {
  it('names no fact id of the story', () => {
    const ids = [...story.facts.keys()];
    expect(ids.length).toBeGreaterThan(40);
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((f) => ids.filter((id) => f.text.includes(id)).map((id) => `${f.path}: ${id}`));
    expect(found).toEqual([]);
  });

  it('names neither the story’s slug nor its chart ids as its own names', () => {
    const slug = story.config.slug;
    expect(files.filter((f) => f.text.toLowerCase().includes(slug)).map((f) => f.path)).toEqual([]);
    // Chart ids are ordinary words ("output", "timeline"); as quoted strings they would be the story's.
    // A chart id that is also a kind's name (timeline) is the engine's word.
    const kinds = new Set(readdirSync(join(root, 'src/kinds')).map((f) => f.replace(/\.ts$/, '')));
    const quoted = story.chartIds.filter((id) => !kinds.has(id)).flatMap((id) => [`'${id}'`, `"${id}"`]);
    const found = files.flatMap((f) => quoted.filter((q) => f.text.includes(q)).map((q) => `${f.path}: ${q}`));
    expect(found).toEqual([]);
  });

  it('holds none of the story’s words: no label, group, title or sentence of data/ or content/', () => {
    const words = new Set<string>();
    for (const f of story.facts.values()) [f.label, f.short, f.en?.label].forEach((w) => w && words.add(w));
    for (const d of Object.values(story.data.datasets)) {
      [d.title, d.en?.title].forEach((w) => w && words.add(w));
      for (const g of d.groups ?? []) [g.label, g.description, g.en?.label].forEach((w) => w && words.add(w));
    }
    for (const e of story.editions) Object.values(story.words(e)).forEach((w) => words.add(w));
    for (const id of story.chartIds) for (const e of story.editions) words.add(story.figure(id, e).title);
    // Short words ("水", "Water") are ordinary vocabulary; a story's own phrases are longer.
    const phrases = [...words].filter((w) => [...w].length >= 5);
    expect(phrases.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => phrases.filter((w) => f.text.includes(w)).map((w) => `${f.path}: ${w}`));
    expect(found).toEqual([]);
  });
});
