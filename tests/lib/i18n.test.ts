import { describe, expect, it } from 'vitest';
import { compareDictionaries } from '../../src/lib/i18n/index.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { zh } from '../../src/lib/i18n/zh.ts';
import { realStory } from '../helpers.ts';

describe('the two dictionaries', () => {
  it('have the same keys with the same kinds of value', () => expect(compareDictionaries(zh, en)).toEqual([]));

  it('name a missing or mismatched key by its path', () => {
    const broken = { ...en, figure: { ...en.figure, notes: undefined }, skipLink: () => '' };
    expect(compareDictionaries(zh, broken)).toEqual([
      'skipLink: string in zh, function in en',
      'figure.notes: string in zh, undefined in en',
    ]);
    const { tocTitle: _, ...missing } = en;
    expect(compareDictionaries(zh, missing)).toEqual(['tocTitle: missing in en']);
  });

  it('hold no words of the story: those are content', () => {
    const story = realStory();
    const words = Object.values(story.config.zh).filter((w) => w.length > 8);
    const dictionaryText = JSON.stringify(zh);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(dictionaryText, w).not.toContain(w);
  });
});
