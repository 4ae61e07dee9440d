import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/lib/facts.ts';
import { formatDate, formatFact } from '../../src/lib/format.ts';
import { compareDictionaries, labelIn } from '../../src/lib/i18n/index.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { zh } from '../../src/lib/i18n/zh.ts';
import { validateData } from '../../src/lib/validate.ts';
import { readDataDir, realFacts } from '../helpers.ts';

const facts = realFacts();

describe('the two dictionaries', () => {
  it('have the same keys with the same kinds of value', () => expect(compareDictionaries(zh, en)).toEqual([]));

  it('name a missing or mismatched key by its path', () => {
    const broken = { ...en, charts: { ...en.charts, output: { ...en.charts.output, title: undefined } }, skipLink: () => '' };
    expect(compareDictionaries(zh, broken)).toEqual([
      'skipLink: string in zh, function in en',
      'charts.output.title: string in zh, undefined in en',
    ]);
    const { tocTitle: _, ...missing } = en;
    expect(compareDictionaries(zh, missing)).toEqual(['tocTitle: missing in en']);
  });

  it('give every figure an English name, and fail loudly for one without', () => {
    for (const id of facts.keys()) expect(() => labelIn('en', id, ''), id).not.toThrow();
    expect(() => labelIn('en', 'output.total.2020', '')).toThrow(
      'src/lib/i18n/labels.en.ts: enLabels has no entry for "output.total.2020"',
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
