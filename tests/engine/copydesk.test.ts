import { describe, expect, it } from 'vitest';
import { copydeskFindings } from '../../scripts/copydesk.ts';

const rules = (text: string) => copydeskFindings([{ where: 'page', text }]).map((f) => f.rule);

describe('the copy desk’s scan of built pages', () => {
  it('finds a claim that one report confirms a figure, and "not published" for "not reported"', () => {
    for (const text of [
      'The figures confirm the growth.',
      'Growth is easy to check.',
      '报道的数字能证实产值增长。',
      '增长一侧有据可查。',
      '参评总数未公布。',
    ])
      expect(rules(text), text).toEqual(['overclaim']);
    for (const text of [
      'The report cannot confirm the growth.',
      '报道无从证实这一点。',
      'The report gives a growth rate.',
      '参评总数报道未给出。',
    ])
      expect(rules(text), text).toEqual([]);
  });

  it('finds a present-tense status that no date ties to the report, and lets a dated or quoted one stand', () => {
    for (const text of ['The park is building a second phase.', 'It currently tracks three firms.', '二期仍在建设。', '目前监测3家企业。'])
      expect(rules(text), text).toEqual(['undated status']);
    for (const text of [
      'As of the report, it monitored three firms.',
      '报道发表时，二期正在建设。',
      'The report gives these rates “to date” (截至目前).',
      '报道称“目前监测3家企业”。',
    ])
      expect(rules(text), text).toEqual([]);
  });
});
