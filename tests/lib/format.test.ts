import { describe, expect, it } from 'vitest';
import { lookupFact } from '../../src/lib/facts.ts';
import { formatDate, formatFact, formatNumber, formatSigned } from '../../src/lib/format.ts';
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

  it('signs changes both ways, and zero not at all', () => {
    expect(formatSigned(15.6, 1)).toBe('+15.6');
    expect(formatSigned(-3.2, 1)).toBe('-3.2');
    expect(formatSigned(0, 1)).toBe('0.0');
  });
});
