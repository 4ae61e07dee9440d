import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/lib/facts.ts';
import { formatDate, formatFact } from '../../src/lib/format.ts';
import { compareDictionaries } from '../../src/lib/i18n/index.ts';
import { storyFromDisk } from '../../src/lib/storyFromDisk.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { zh } from '../../src/lib/i18n/zh.ts';
import { validateData } from '../../src/lib/validate.ts';
import { readDataDir, realFacts, realStory, root } from '../helpers.ts';

const facts = realFacts();

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

describe('English names of the data', () => {
  it('exist for every figure, and the build stops naming the file and record of one without', () => {
    const story = realStory();
    for (const f of story.facts.values()) expect(story.name(f, 'en').length, f.id).toBeGreaterThan(0);
    const files = readDataDir();
    files['output.json'] = files['output.json']!.replace(', "en": {"label": "Output of high-tech products"}', '');
    expect(() => storyFromDisk(root, { data: files })).toThrow(
      'data/output.json: output.hightech.2019: expected "en": { "label": … }, the English name of "高新技术产品产值"',
    );
  });
});

describe('one formatter for both editions', () => {
  const show = (id: string) => [formatFact(facts.get(id)!, 'zh'), formatFact(facts.get(id)!, 'en')];
  it.each([
    ['output.total.2019', '208.8亿元', 'CNY 20.88 billion'],
    ['derived.output.2018', '约180.6亿元', 'about CNY 18.06 billion'],
    ['derived.output.perEnterprise.2019', '约2.27亿元', 'about CNY 227 million'],
    ['projects.hainengPark', '超过50亿元', 'over CNY 5 billion'],
    ['sewage.capacity.phase2', '1万吨/天', '10,000 t/day'],
    ['sewage.capacity.phase1', '0.5万吨/天', '5,000 t/day'],
    ['projects.standardFactories', '超过50万平方米', 'over 500,000 m²'],
    ['ranking.2019', '第35名', '35th'],
    ['output.enterprises.2019', '92家', '92 firms'],
    ['derived.ranking.change', '2位', '2 places'],
    ['milestone.founded', '2002年4月', 'April 2002'],
  ])('%s → %s / %s', (id, zhText, enText) => expect(show(id)).toEqual([zhText, enText]));

  it('writes ordinals and dates the English way', () => {
    const files = readDataDir();
    files['rankings.json'] = files['rankings.json']!.replace('"value": 37', '"value": 23').replace('"value": 35', '"value": 1');
    const ranks = buildFacts(validateData(files));
    expect(formatFact(ranks.get('ranking.2018')!, 'en')).toBe('23rd');
    expect(formatFact(ranks.get('ranking.2019')!, 'en')).toBe('1st');
    expect(formatDate('2019', 'en')).toBe('2019');
  });
});
