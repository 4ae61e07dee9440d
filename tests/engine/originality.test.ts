import { describe, expect, it } from 'vitest';
import { copiedRuns } from '../../scripts/originality.ts';

const report = '园区今年新建了三座污水处理厂，日处理能力合计达到五万吨。获得的荣誉有省级文明单位、绿色工厂示范园区、节水型园区。';
const names = ['省级文明单位', '绿色工厂示范园区', '节水型园区'];
const runs = (text: string) => copiedRuns(report, [{ where: 'page', text }], names).map((r) => r.run);

describe('the originality check of built pages', () => {
  it('finds a run of 16 characters or more as the report has it, punctuation and spaces aside', () => {
    expect(runs('据报道，园区今年新建了 三座污水处理厂：日处理能力合计。')).toEqual(['园区今年新建了三座污水处理厂日处理能力合计']);
    expect(runs('园区今年新建了三座污水处理厂')).toEqual([]);
  });

  it('lets a list of the story’s short names stand, with their years, but not a sentence around one name', () => {
    expect(runs('荣誉：2018年省级文明单位、2019年绿色工厂示范园区、节水型园区')).toEqual([]);
    expect(runs('日处理能力合计达到五万吨。获得的荣誉有省级文明单位')).toHaveLength(1);
  });

  it('counts punctuation when asked to, as a reader sees a copied phrase', () => {
    const text = [{ where: 'page', text: '日处理能力合计达到五万吨。获得的' }];
    expect(copiedRuns(report, text, names, 'letters')).toEqual([]);
    expect(copiedRuns(report, text, names, 'punctuated').map((r) => r.run)).toEqual(['日处理能力合计达到五万吨。获得的']);
  });

  it('reads a title in 《》 as a title, and the text either side of it apart', () => {
    const withTitle = copiedRuns(
      '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉',
      [{ where: 'p', text: '见《甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未》一文' }],
      [],
    );
    expect(withTitle).toEqual([]);
  });
});
