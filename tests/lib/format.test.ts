import { describe, expect, it } from 'vitest';
import type { AnyFact } from '../../src/lib/facts.ts';
import { formatDate, formatFact, formatNumber, formatSigned, ordinal } from '../../src/lib/format.ts';

/** A figure as the registry holds it, made up for the formatter: no story's value is pinned here. */
const figure = (value: number, unit: string, extra: Record<string, unknown> = {}): AnyFact =>
  ({
    id: 'test.figure',
    label: '测试',
    dataset: 'test',
    value,
    unit,
    digits: (String(value).split('.')[1] ?? '').length,
    ...extra,
  }) as AnyFact;
const dated = (date: string): AnyFact => ({ id: 'test.date', label: '测试', dataset: 'test', date, source: 'L1' }) as AnyFact;
const derived = { derived: { formula: 'a ÷ b', inputs: [] } };

describe('one formatter for both editions', () => {
  it.each([
    [figure(208.8, '亿元'), '208.8亿元', 'CNY 20.88 billion'],
    [figure(15.6, '%', { kind: 'change' }), '15.6%', '15.6%'],
    [figure(92, '家'), '92家', '92 firms'],
    [figure(35, '名'), '第35名', '35th'],
    [figure(91.54, '%'), '91.54%', '91.54%'],
    [figure(0.5, '万吨/天'), '0.5万吨/天', '5,000 t/day'],
    [figure(1, '万吨/天'), '1万吨/天', '10,000 t/day'],
    [figure(50, '万平方米', { qualifier: 'over' }), '超过50万平方米', 'over 500,000 m²'],
    [figure(50, '亿元', { qualifier: 'over' }), '超过50亿元', 'over CNY 5 billion'],
    [figure(180.62, '亿元', { ...derived, digits: 1 }), '约180.6亿元', 'about CNY 18.06 billion'],
    [figure(2.2695, '亿元', { ...derived, digits: 2 }), '约2.27亿元', 'about CNY 227 million'],
    [figure(40.3726, '%', { ...derived, digits: 2 }), '约40.37%', 'about 40.37%'],
    [figure(124.5, '亿元', { ...derived, digits: 1 }), '124.5亿元', 'CNY 12.45 billion'],
    [figure(2, '位', { ...derived, digits: 0 }), '2位', '2 places'],
    [figure(17, '年', { ...derived, digits: 0 }), '17年', '17 years'],
    [dated('2002-04'), '2002年4月', 'April 2002'],
    [dated('2019'), '2019年', '2019'],
  ])('%#: %s / %s', (f, zh, en) => expect([formatFact(f, 'zh'), formatFact(f, 'en')]).toEqual([zh, en]));

  it('writes English ordinals for ranks: 23rd, 1st', () => {
    expect(formatFact(figure(23, '名'), 'en')).toBe('23rd');
    expect(formatFact(figure(1, '名'), 'en')).toBe('1st');
  });

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
