import { describe, expect, it } from 'vitest';
import { copydeskFindings } from '../../scripts/copydesk.ts';
import { builtTexts } from '../../scripts/originality.ts';
import { sites } from '../setup/sites.ts';

describe('the built pages, in both editions, by the stylebook’s rules for one undated source', () => {
  it('claim no confirmation, say "not reported" for what the report leaves out, and date every present-tense status', () => {
    const texts = builtTexts(sites.root.dir);
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.some((t) => t.where.startsWith('en/'))).toBe(true);
    expect(copydeskFindings(texts).map((f) => `${f.where}: ${f.rule}: ${f.sentence.slice(0, 160)}`)).toEqual([]);
  });
});
