import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, knownData, referencesOf } from '../../src/lib/contentCheck.ts';
import type { Reference } from '../../src/lib/mdxReferences.ts';
import { readReferences } from '../../src/lib/mdxReferences.ts';
import { orderSections } from '../../src/lib/sections.ts';
import { realCharts, realFacts, root } from '../helpers.ts';

const FILE = 'content/zh/01-crackdown.mdx';
const known = knownData(realFacts(), realCharts());
const OUTPUT_STATES = 'expected steps for the states implied, total, hightech in this order';

const section = readFileSync(join(root, FILE), 'utf8');
const lineOf = (text: string) => section.split('\n').findIndex((l) => l.includes(text)) + 1;

/** The problems of the real section with its three steps' states set to `states` (undefined drops the step). */
function withSteps(states: (string | undefined)[]): string[] {
  let i = 0;
  const text = section.replace(/ {2}<Step state="[^"]*">[\s\S]*?<\/Step>\n/g, (step) => {
    const state = states[i++];
    return state === undefined ? '' : step.replace(/state="[^"]*"/, `state="${state}"`);
  });
  expect(i).toBe(3);
  return checkReferences(FILE, readReferences(text, FILE), known);
}
const scrollyLine = lineOf('<Scrolly chart="output">');
const stepLine = (n: number) => lineOf(`<Step state="${['implied', 'total', 'hightech'][n - 1]}">`);

describe('checking references against the data', () => {
  const refs: Reference[] = [
    { tag: 'Fact', id: 'output.total.2019', line: 10, column: 5 },
    { tag: 'Chart', id: 'sewage', line: 12, column: 1 },
    { tag: 'Fact', id: 'output.totl.2019', line: 20, column: 15 },
    { tag: 'Chart', id: 'sewer', line: 22, column: 1 },
  ];

  it('names the file, line and column of an unknown fact or chart id', () => {
    expect(checkReferences(FILE, refs, known)).toEqual([
      `${FILE}:20:15: unknown fact id "output.totl.2019"; see data/README.md for the ids`,
      `${FILE}:22:1: unknown chart id "sewer"; see data/README.md for the ids`,
    ]);
  });

  it('accepts the real sections of both editions', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const f of ['00-lede', '01-crackdown', '02-platform', '03-environment', '04-refinement', '05-close']) {
        const file = `content/${lang}/${f}.mdx`;
        const refs = readReferences(readFileSync(join(root, file), 'utf8'), file);
        expect(checkReferences(file, refs, knownData(realFacts(), realCharts(lang))), file).toEqual([]);
      }
    }
  });

  it('rejects a <Scrolly> of a chart without steps, and of an unknown chart', () => {
    const scrolly = (chart: string): Reference => ({ tag: 'Scrolly', chart, line: 5, column: 1, steps: [] });
    expect(checkReferences(FILE, [scrolly('sewage')], known)).toEqual([
      `${FILE}:5:1: <Scrolly chart="sewage">: this chart has no steps; use <Chart id="sewage" /> instead`,
    ]);
    expect(checkReferences(FILE, [scrolly('outptu')], known)).toEqual([
      `${FILE}:5:1: unknown chart id "outptu"; see data/README.md for the ids`,
    ]);
  });

  it('accepts steps that name each state once, in the chart order', () => {
    expect(withSteps(['implied', 'total', 'hightech'])).toEqual([]);
  });

  it('rejects a dropped step, at the <Scrolly>', () => {
    expect(withSteps(['implied', 'total', undefined])).toEqual([
      `${FILE}:${scrollyLine}:1: <Scrolly chart="output"> has no step for "hightech"; ${OUTPUT_STATES}`,
    ]);
  });

  it('rejects steps in another order, at the first step out of place', () => {
    expect(withSteps(['total', 'implied', 'hightech'])).toEqual([
      `${FILE}:${stepLine(2)}:3: <Step state="implied"> is out of order; ${OUTPUT_STATES}`,
    ]);
  });

  it('rejects an unknown state, and says which state then has no step', () => {
    expect(withSteps(['implied', 'totl', 'hightech'])).toEqual([
      `${FILE}:${stepLine(2)}:3: <Step state="totl">: the chart "output" has no such state; ${OUTPUT_STATES}`,
      `${FILE}:${scrollyLine}:1: <Scrolly chart="output"> has no step for "total"; ${OUTPUT_STATES}`,
    ]);
  });

  it('rejects a repeated state', () => {
    expect(withSteps(['implied', 'total', 'total'])).toEqual([
      `${FILE}:${stepLine(3)}:3: <Step state="total"> repeats a state; ${OUTPUT_STATES}`,
      `${FILE}:${scrollyLine}:1: <Scrolly chart="output"> has no step for "hightech"; ${OUTPUT_STATES}`,
    ]);
  });

  it('fails loudly when the MDX plugin did not run', () => {
    expect(() => referencesOf(FILE, { title: 'x' })).toThrow(`${FILE}: no references were collected; register mdxReferences()`);
    expect(referencesOf(FILE, { references: refs })).toBe(refs);
  });
});

describe('sections', () => {
  it('rejects two sections with the same order, naming both files', () => {
    const entry = (id: string, order: number, anchor: string) => ({ id, filePath: `content/zh/${id}.mdx`, data: { order, anchor } });
    expect(() => orderSections([entry('a', 1, 'a'), entry('b', 1, 'b')])).toThrow(
      'content/zh/b.mdx: order: expected a unique value, but 1 is also used in content/zh/a.mdx',
    );
    expect(orderSections([entry('b', 2, 'b'), entry('a', 1, 'a')]).map((s) => s.id)).toEqual(['a', 'b']);
  });
});
