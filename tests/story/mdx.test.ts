import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/story/limits.ts';
import { readMdx } from '../../src/story/mdx.ts';
import { root } from '../helpers.ts';

/** An MDX file as editors write it: front matter, then the body. */
const file = (body: string) => ['---', 'order: 1', 'anchor: test', 'title: 测试', '---', '', body].join('\n');
const FILE = 'content/zh/01-test.mdx';
const BODY_LINE = 7;
const read = (body: string) => readMdx(file(body), FILE, 'Section “测试”');
/** The problems of a body, as rule and place. */
const problems = (body: string) => read(body).problems.map((p) => `${p.rule} ${p.line}:${p.column}`);

describe('reading a section', () => {
  it('finds every tag with the line and column of the whole file, front matter included', () => {
    const { references, problems } = read(
      [
        '第一段 <Fact id="output.total.2019" />。',
        '',
        '<Chart id="sewage" />',
        '',
        '<Scrolly chart="ranking">',
        '  <Step state="2018">',
        '    排在<Fact id="ranking.2018" />。',
        '  </Step>',
        '  <Step state="2019">一年后升到<Fact id="ranking.2019" />。</Step>',
        '</Scrolly>',
      ].join('\n'),
    );
    const L = BODY_LINE;
    expect(problems).toEqual([]);
    expect(references).toEqual([
      { tag: 'Fact', id: 'output.total.2019', line: L, column: 5 },
      { tag: 'Chart', id: 'sewage', line: L + 2, column: 1 },
      {
        tag: 'Scrolly',
        chart: 'ranking',
        line: L + 4,
        column: 1,
        steps: [
          { tag: 'Step', state: '2018', line: L + 5, column: 3 },
          { tag: 'Step', state: '2019', line: L + 8, column: 3 },
        ],
      },
      { tag: 'Fact', id: 'ranking.2018', line: L + 6, column: 7 },
      { tag: 'Fact', id: 'ranking.2019', line: L + 8, column: 27 },
    ]);
  });

  it('counts columns in characters, so Chinese text before a tag moves it one column each', () => {
    expect(read('园区排在<Fact id="ranking.2018" />').references[0]).toMatchObject({ line: BODY_LINE, column: 5 });
  });

  it('gives each paragraph’s text as a reader reads it, a figure as its id in braces', () => {
    expect(read('园区排在<Fact id="ranking.2018" />，*很好*。\n\n第二段').paragraphs.map((p) => p.text)).toEqual([
      '园区排在{ranking.2018}，很好。',
      '第二段',
    ]);
  });

  it('refuses tags without their attribute, an attribute as code, and tags out of place', () => {
    expect(problems('文字 <Fact /> 文字')).toEqual([`malformed-tag ${BODY_LINE}:4`]);
    expect(problems('<Fact ide="output.total.2019" />')).toEqual([`unknown-attribute ${BODY_LINE}:1`]);
    expect(problems('一 <Fact id={"output.total.2019"} />')).toEqual([`code-in-content ${BODY_LINE}:3`]);
    expect(problems('<Fact {...props} />')).toEqual([`code-in-content ${BODY_LINE}:1`]);
    expect(problems('<Scrolly>\n  <Step state="2018">a</Step>\n</Scrolly>')).toEqual([`malformed-tag ${BODY_LINE}:1`]);
    expect(problems('前文\n\n<Step state="2018">a</Step>')).toEqual([`misplaced-tag ${BODY_LINE + 2}:1`]);
    expect(problems('<Scrolly chart="ranking">\n  <Step state="2018">a</Step>\n\n  一段话\n</Scrolly>')).toEqual([
      `misplaced-tag ${BODY_LINE + 3}:3`,
    ]);
    expect(problems('前文 <Chart id="sewage" /> 后文')).toEqual([`misplaced-tag ${BODY_LINE}:4`]);
    expect(problems('- <Chart id="sewage" />')).toEqual([`misplaced-tag ${BODY_LINE}:3`]);
  });

  it('accepts Markdown: headings, lists, quotes, tables, links, emphasis, the site’s notes', () => {
    const body = [
      '## 小标题',
      '',
      '- 一',
      '- 二',
      '',
      '> 引文',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '[报道](https://example.com/) *强调* **加粗** <Context>注</Context>',
    ].join('\n');
    expect(read(body).problems).toEqual([]);
  });

  it('gives the parser’s place for MDX that does not read', () => {
    expect(problems('<Fact id="a"\n\n后文')).toEqual([expect.stringMatching(/^mdx-syntax \d+:\d+$/)]);
  });
});

describe('nesting that would crash the parser', () => {
  // The parser is native code: nested deep enough, it overflows its stack and takes the process
  // with it (seen: a segmentation fault at 20 000 quotes, 5 000 list levels, 20 000 tags or
  // emphasis marks). Each is refused before it is parsed; run in a child process, so a crash
  // fails this test instead of ending the suite.
  it.each([
    ['quotes', "'> '.repeat(20000) + 'x'"],
    ['lists', "Array.from({ length: 4000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\\n')"],
    ['tags', "'<Step>'.repeat(20000) + 'x' + '</Step>'.repeat(20000)"],
    ['emphasis', "'*'.repeat(20000) + 'x' + '*'.repeat(20000)"],
    ['separated emphasis', "'*a '.repeat(40000)"],
    ['brackets in an expression', "'{' + '['.repeat(50000) + ']'.repeat(50000) + '}'"],
  ])('%s: refused with a message, and the process lives', (_, body) => {
    const script = `import { readMdx } from ${JSON.stringify(join(root, 'src/story/mdx.ts'))};
      const r = readMdx('---\\ntitle: x\\n---\\n\\n' + (${body}), 'content/zh/x.mdx');
      console.log(JSON.stringify(r.problems.map((p) => p.rule)));`;
    const run = spawnSync(join(root, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining([expect.stringMatching(/^too-(deep|large)$/)]));
  });

  it('the limits are far above what the story uses', () => {
    expect(limits.blockDepth).toBeGreaterThanOrEqual(4);
    expect(limits.tagDepth).toBeGreaterThanOrEqual(4);
  });
});
