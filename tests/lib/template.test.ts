import { describe, expect, it } from 'vitest';
import { plain, renderTemplate, rich } from '../../src/lib/template.ts';
import { realStory } from '../helpers.ts';

const story = realStory();
const say = (template: string, locale: 'zh' | 'en' = 'en', args: Record<string, string | number> = {}) =>
  story.say('test: words', template, locale, args);

describe('chart and story words as templates', () => {
  it('shows a figure as prose does, and its name, formula, plain value and year', () => {
    expect(say('{output.total.2019}', 'zh')).toBe('208.8亿元');
    expect(say('{cleanup.firms.2019}')).toBe('five firms');
    expect(say('{output.total.2019:label}')).toBe('Gross industrial output of firms above designated size');
    expect(say('{derived.output.2018:formula}')).toBe('2019 output ÷ (1 + growth rate)');
    expect(say('{derived.output.hightechShare.low:plain}')).toBe('40.34%');
    expect(say('{ranking.2018:year}', 'zh')).toBe('2018年');
  });

  it('uses one figure as text and by plural in the same sentence, each as it should', () => {
    expect(say('Cleared {cleanup.firms.2019}; {cleanup.firms.2019, plural, one {it was} other {they were}} sorted.')).toBe(
      'Cleared five firms; they were sorted.',
    );
  });

  it('offers the chart’s own values, with plural and select', () => {
    expect(say('{full, plural, =0 {none} one {one rate} other {# rates}}', 'en', { full: 3 })).toBe('3 rates');
    expect(say('{d, select, up {up} other {same}}', 'en', { d: 'up' })).toBe('up');
  });

  it('marks figures in rich text so pages can link them, and keeps the plain text', () => {
    const r = story.sayRich('test: words', '多出{derived.output.added.2019}产值', 'zh');
    expect(r).toEqual(['多出', { fact: 'derived.output.added.2019', text: '约28.2亿元' }, '产值']);
    expect(plain(r)).toBe('多出约28.2亿元产值');
    expect(rich('no figures')).toEqual(['no figures']);
  });

  it('names the file, field and placeholder of an unknown name or a broken template', () => {
    expect(() => say('{output.totl.2019}')).toThrow('test: words: unknown name "{output.totl.2019}" in "{output.totl.2019}"');
    expect(() => renderTemplate('{a, plural, one {x}', 'en', () => 1, 'f.yaml: en.title')).toThrow(
      /^f\.yaml: en\.title: is not a valid template/,
    );
  });
});
