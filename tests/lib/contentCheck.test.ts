import { describe, expect, it } from 'vitest';
import { checkReferences, findReferences } from '../../src/lib/contentCheck.ts';
import { orderSections } from '../../src/lib/sections.ts';

const body = [
  '第一段 <Fact id="output.total.2019" />。',
  '',
  '<Chart id="output" />',
  '',
  '错字 <Fact id="output.totl.2019"/> 和 <Fact />',
].join('\n');
const known = { Fact: (id: string) => id === 'output.total.2019', Chart: (id: string) => id === 'output' };

describe('content references', () => {
  it('finds every Fact and Chart tag with its line', () => {
    expect(findReferences(body).map((r) => [r.tag, r.id, r.line])).toEqual([
      ['Fact', 'output.total.2019', 1],
      ['Chart', 'output', 3],
      ['Fact', 'output.totl.2019', 5],
      ['Fact', undefined, 5],
    ]);
  });

  it('reports unknown and missing ids with file and line', () => {
    expect(checkReferences('content/zh/01-crackdown.mdx', body, known, 8)).toEqual([
      'content/zh/01-crackdown.mdx:13: unknown fact id "output.totl.2019"; see data/README.md for the ids',
      'content/zh/01-crackdown.mdx:13: <Fact> needs an id, e.g. <Fact id="output.total.2019" />',
    ]);
  });

  it('rejects two sections with the same order, naming both files', () => {
    const entry = (id: string, order: number, anchor: string) => ({ id, filePath: `content/zh/${id}.mdx`, data: { order, anchor } });
    expect(() => orderSections([entry('a', 1, 'a'), entry('b', 1, 'b')])).toThrow(
      'content/zh/b.mdx: order: expected a unique value, but 1 is also used in content/zh/a.mdx',
    );
    expect(orderSections([entry('b', 2, 'b'), entry('a', 1, 'a')]).map((s) => s.id)).toEqual(['a', 'b']);
  });
});
