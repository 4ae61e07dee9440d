import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fits, isDateFact, isFigure, lookupFact, type Fact } from '../../src/lib/facts.ts';
import { checkStory } from '../../src/story/check.ts';
import { withChanges } from '../../src/story/files.ts';
import { loadStory } from '../../src/story/load.ts';
import { fixture, realFacts, storyFiles, storyRoot } from '../helpers.ts';

const facts = realFacts();
const value = (id: string) => {
  const f = facts.get(id);
  if (!f || !isFigure(f)) throw new Error(`no figure ${id}`);
  return f.value;
};
const year = (id: string) => {
  const f = facts.get(id)!;
  return Number(isDateFact(f) ? f.date.slice(0, 4) : (f as Fact).year);
};

// Each derived figure of facts.md (D1–D8) computes what its formula says, from the figures the
// story holds now: an editor who changes a figure changes these with it.
describe('derived figures compute what their formulas say (facts.md D1–D8)', () => {
  it('D1: the 2018 level implied by the 2019 total and its growth rate', () => {
    expect(value('derived.output.2018')).toBeCloseTo(value('output.total.2019') / (1 + value('output.growth.2019') / 100), 9);
    expect(facts.get('derived.output.2018')).toMatchObject({ derived: { inputs: ['output.total.2019', 'output.growth.2019'] } });
  });
  it('D2: output added in 2019', () =>
    expect(value('derived.output.added.2019')).toBeCloseTo(value('output.total.2019') - value('derived.output.2018'), 9));
  it('D3: the high-tech share from the two amounts, and its rounding interval', () => {
    const share = value('derived.output.hightechShare.2019');
    expect(share).toBeCloseTo((100 * value('output.hightech.2019')) / value('output.total.2019'), 9);
    const lo = value('derived.output.hightechShare.low');
    const hi = value('derived.output.hightechShare.high');
    expect(lo).toBeLessThan(share);
    expect(hi).toBeGreaterThan(share);
    expect(lo).toBeCloseTo((100 * (value('output.hightech.2019') - 0.05)) / (value('output.total.2019') + 0.05), 9);
    expect(hi).toBeCloseTo((100 * (value('output.hightech.2019') + 0.05)) / (value('output.total.2019') - 0.05), 9);
  });
  it('D4: output beyond the high-tech part', () =>
    expect(value('derived.output.nonHightech.2019')).toBeCloseTo(value('output.total.2019') - value('output.hightech.2019'), 9));
  it('D5: output per enterprise above designated size', () =>
    expect(value('derived.output.perEnterprise.2019')).toBeCloseTo(value('output.total.2019') / value('output.enterprises.2019'), 9));
  it('D6: the rise in sewage capacity from phase 2', () =>
    expect(value('derived.sewage.capacityIncrease')).toBeCloseTo(
      (100 * (value('sewage.capacity.phase2') - value('sewage.capacity.phase1'))) / value('sewage.capacity.phase1'),
      9,
    ));
  it('D7: the places the ranking rose', () => expect(value('derived.ranking.change')).toBe(value('ranking.2018') - value('ranking.2019')));
  it('D8: the years from founding to high-tech status', () =>
    expect(value('derived.park.yearsToHighTech')).toBe(year('milestone.highTech') - year('milestone.founded')));

  it('gives every derived figure of data/derived.json a formula and inputs that exist', () => {
    const records = (JSON.parse(readFileSync(join(storyRoot, 'data/derived.json'), 'utf8')) as { records: unknown[] }).records;
    const derived = [...facts.values()].filter((f): f is Fact => isFigure(f) && Boolean(f.derived));
    expect(derived.length).toBe(records.length);
    expect(derived.length).toBeGreaterThan(0);
    for (const f of derived) {
      expect(f.derived!.formula.length).toBeGreaterThan(4);
      for (const input of f.derived!.inputs) expect(facts.has(input)).toBe(true);
    }
  });
});

describe('rounded figures against an interval', () => {
  it('fits a reported figure inside, at an edge, or outside the interval', () => {
    // 40.3 stands for 40.25–40.35.
    expect(fits(40.3, 40.34, 40.41)).toBe('lowEdge');
    expect(fits(40.37, 40.34, 40.41)).toBe('inside');
    expect(fits(40.6, 40.34, 40.41)).toBe('outside');
    expect(fits(40.5, 40.3, 40.46)).toBe('highEdge');
  });
});

/** The fixture story with one data file changed. */
const fixtureWith = (file: string, change: (json: any) => void) => {
  const files = storyFiles(fixture);
  const json = JSON.parse(files.get(file)!);
  change(json);
  return withChanges(files, new Map([[file, JSON.stringify(json, null, 2)]]));
};

describe('derived figures follow the data', () => {
  it('recomputes a derived figure from changed inputs', () => {
    const files = fixtureWith('data/events.json', (d) => (d.records[1].date = '2025'));
    const years = loadStory(files).entry('derived.wetland.years') as Fact;
    expect(years.value).toBe(2025 - 2015);
  });

  it('refuses a change of -100% or less, and accepts a fall: a change is not a share', () => {
    // A dataset of its own: a change is no rate for the fixture's rate chart to draw.
    const drop = (v: number) => {
      const files = new Map(storyFiles(fixture));
      const record = { id: 'wetland.change', label: '变化', value: v, unit: '%', kind: 'change', source: 'L3', en: { label: 'Change' } };
      const dataset = {
        title: '变化',
        description: '示例变化。',
        en: { title: 'Change', description: 'A sample change.' },
        records: [record],
      };
      files.set('data/changes.json', JSON.stringify(dataset));
      return checkStory(files).problems.map((p) => p.rule);
    };
    expect(drop(-4.5)).toEqual([]);
    expect(drop(-100)).toEqual(['invalid-value']);
  });
});

describe('lookupFact', () => {
  it('suggests ids with the same prefix for an unknown id', () => {
    const id = [...facts.keys()].find((k) => k.split('.').length >= 3)!;
    const typo = `${id}x`;
    expect(() => lookupFact(facts, typo, 'a section')).toThrow(
      new RegExp(
        `Unknown fact id "${typo.replaceAll('.', '\\.')}" in a section\\. Known ids starting with "${id.split('.')[0]}\\.": .*${id.replaceAll('.', '\\.')}`,
      ),
    );
  });
});
