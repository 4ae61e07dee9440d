import { describe, expect, it } from 'vitest';
import { lookupFact } from '../../src/lib/facts.ts';
import { formatDate, formatFact, formatNumber, formatSigned, ordinal } from '../../src/lib/format.ts';
import { realFacts } from '../helpers.ts';

const facts = realFacts();
const show = (id: string) => formatFact(lookupFact(facts, id));

describe('zh-CN formatting', () => {
  it.each([
    ['output.total.2019', '208.8亿元'],
    ['output.growth.2019', '15.6%'],
    ['output.enterprises.2019', '92家'],
    ['ranking.2019', '第35名'],
    ['env.industrialWaterReuse', '91.54%'],
    ['env.waterFunctionZone', '100%'],
    ['sewage.capacity.phase1', '0.5万吨/天'],
    ['sewage.capacity.phase2', '1万吨/天'],
    ['projects.standardFactories', '超过50万平方米'],
    ['projects.hainengPark', '超过50亿元'],
    ['cleanup.firms.2019', '5家'],
    ['derived.output.2018', '约180.6亿元'],
    ['derived.output.hightechShare.2019', '约40.37%'],
    ['derived.output.nonHightech.2019', '124.5亿元'],
    ['derived.ranking.change', '2位'],
    ['derived.park.yearsToHighTech', '17年'],
    ['milestone.founded', '2002年4月'],
    ['milestone.highTech', '2019年'],
  ])('%s → %s', (id, text) => expect(show(id)).toBe(text));

  it('keeps the decimals asked for and never groups digits', () => {
    expect(formatNumber(5000, 0)).toBe('5000');
    expect(formatNumber(2.2695, 2)).toBe('2.27');
    expect(formatNumber(1, 1)).toBe('1.0');
  });

  it('writes months without a leading zero', () => expect(formatDate('2020-04')).toBe('2020年4月'));

  it('writes every month and bare years as before Intl did it, in both languages', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    months.forEach((name, i) => {
      const date = `2002-${String(i + 1).padStart(2, '0')}`;
      expect(formatDate(date)).toBe(`2002年${i + 1}月`);
      expect(formatDate(date, 'en')).toBe(`${name} 2002`);
    });
    expect([formatDate('1999'), formatDate('2019', 'en')]).toEqual(['1999年', '2019']);
  });

  it('writes English ordinals, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 35, 101, 111].map(ordinal).join(' ')).toBe(
      '1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 35th 101st 111th',
    );
  });

  it('signs changes both ways, and zero not at all', () => {
    expect(formatSigned(15.6, 1)).toBe('+15.6');
    expect(formatSigned(-3.2, 1)).toBe('-3.2');
    expect(formatSigned(0, 1)).toBe('0.0');
  });
});
