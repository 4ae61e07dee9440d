import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFacts, fits, isDateFact, lookupFact, type Fact, isFigure } from '../../src/lib/facts.ts';
import { validateData } from '../../src/lib/validate.ts';
import { readDataDir, realFacts, root } from '../helpers.ts';

const facts = realFacts();
const fact = (id: string) => {
  const f = facts.get(id);
  if (!f || isDateFact(f)) throw new Error(`no figure ${id}`);
  return f as Fact;
};

describe('derived figures (facts.md D1–D8)', () => {
  it('D1: implies 2018 output from the 2019 total and growth rate', () => {
    expect(fact('derived.output.2018').value).toBeCloseTo(180.62, 2);
    expect(fact('derived.output.2018').derived?.inputs).toEqual(['output.total.2019', 'output.growth.2019']);
  });
  it('D2: output added in 2019', () => expect(fact('derived.output.added.2019').value).toBeCloseTo(28.18, 2));
  it('D3: high-tech share from the two amounts, and its rounding interval', () => {
    expect(fact('derived.output.hightechShare.2019').value).toBeCloseTo(40.37, 2);
    const lo = fact('derived.output.hightechShare.low').value;
    const hi = fact('derived.output.hightechShare.high').value;
    expect(lo).toBeCloseTo(40.34, 2);
    expect(hi).toBeCloseTo(40.41, 2);
    // The reported 40.3% (40.25–40.35) reaches the interval only at its low edge.
    expect(fits(fact('output.hightechShare.2019').value, lo, hi)).toBe('lowEdge');
    expect(fits(40.37, lo, hi)).toBe('inside');
    expect(fits(40.6, lo, hi)).toBe('outside');
  });
  it('D4: non-high-tech output', () => expect(fact('derived.output.nonHightech.2019').value).toBeCloseTo(124.5, 6));
  it('D5: output per enterprise above designated size', () => expect(fact('derived.output.perEnterprise.2019').value).toBeCloseTo(2.27, 2));
  it('D6: phase 2 doubles sewage capacity', () => expect(fact('derived.sewage.capacityIncrease').value).toBe(100));
  it('D7: the ranking rose two places', () => expect(fact('derived.ranking.change').value).toBe(2));
  it('D8: 17 years from founding to high-tech status', () => expect(fact('derived.park.yearsToHighTech').value).toBe(17));

  it('gives every derived figure a formula and inputs that exist', () => {
    const derived = [...facts.values()].filter((f): f is Fact => isFigure(f) && Boolean(f.derived));
    // D1–D8, with D3's rounding interval as two figures of its own.
    expect(derived.length).toBe(10);
    for (const f of derived) {
      expect(f.derived!.formula.length).toBeGreaterThan(4);
      for (const input of f.derived!.inputs) expect(facts.has(input)).toBe(true);
    }
  });

  it('follows the data: a new total changes the implied 2018 level', () => {
    const files = readDataDir();
    files['output.json'] = files['output.json']!.replace('"value": 208.8', '"value": 208.9');
    const changed = buildFacts(validateData(files)).get('derived.output.2018') as Fact;
    expect(changed.value).toBeCloseTo(208.9 / 1.156, 6);
  });

  it('stops the build when a sentence that depends on the figures no longer holds, naming the sentences', () => {
    const files = readDataDir();
    files['output.json'] = files['output.json']!.replace('"value": 208.8', '"value": 231.2');
    expect(() => buildFacts(validateData(files))).toThrow(
      /^data\/derived.json: checks\[2\]: "equalText\(fits\(reported, low, high\), "lowEdge"\)" does not hold \(reported = output.hightechShare.2019 = 40.3, .*reword those sentences/,
    );
  });
});

describe('figures that must agree', () => {
  const withOutput = (from: string, to: string) => {
    const files = readDataDir();
    files['output.json'] = files['output.json']!.replace(from, to);
    return () => buildFacts(validateData(files));
  };
  it('refuses a high-tech output above the total, naming the file and figure', () => {
    expect(withOutput('"value": 84.3', '"value": 284.3')).toThrow(
      'data/derived.json: checks[0]: "hightech <= total" does not hold (hightech = output.hightech.2019 = 284.3, total = output.total.2019 = 208.8): expected the high-tech output to be at most the total output',
    );
  });
  it('accepts a fall in output: growth is a change, not a share', () => {
    const f = withOutput('"value": 15.6', '"value": -4.5')().get('derived.output.2018') as Fact;
    expect(f.value).toBeCloseTo(208.8 / 0.955, 6);
  });
  it('refuses a fall of 100% or more', () => {
    expect(withOutput('"value": 15.6', '"value": -100')).toThrow(
      'data/output.json: records[2].value: expected a change above -100%, got -100',
    );
  });
});

describe('lookupFact', () => {
  it('suggests ids with the same prefix for an unknown id', () => {
    expect(() => lookupFact(facts, 'output.totl.2019', 'content/zh/01-crackdown.mdx')).toThrow(
      /Unknown fact id "output.totl.2019" in content\/zh\/01-crackdown.mdx\. Known ids starting with "output\.": .*output\.total\.2019/,
    );
  });
});

describe('data/README.md', () => {
  it('documents every id the site can show', () => {
    const doc = readFileSync(join(root, 'data/README.md'), 'utf8');
    const undocumented = [...facts.keys()].filter((id) => !doc.includes(`\`${id}\``));
    expect(undocumented).toEqual([]);
  });
});
