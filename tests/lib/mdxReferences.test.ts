import { describe, expect, it } from 'vitest';
import { ContentError, readReferences } from '../../src/lib/mdxReferences.ts';

/** An MDX file as editors write it: front matter, then the body. */
const file = (body: string) => ['---', 'order: 1', 'anchor: test', 'title: 测试', '---', '', body].join('\n');
const FILE = 'content/zh/01-test.mdx';
const BODY_LINE = 7;

/** The ContentError a malformed body gives, as `line:column: message`. */
function failure(body: string): string {
  try {
    readReferences(file(body), FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    const err = e as ContentError;
    expect(err.message.startsWith(`${FILE}:${err.line}:${err.column}: `)).toBe(true);
    return err.message.slice(FILE.length + 1);
  }
  throw new Error(`no error for ${body}`);
}

describe('the MDX references plugin', () => {
  it('finds every tag with the line and column of the whole file, front matter included', () => {
    const refs = readReferences(
      file(
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
      ),
      FILE,
    );
    const L = BODY_LINE;
    expect(refs).toEqual([
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
    const [fact] = readReferences(file('园区排在<Fact id="ranking.2018" />'), FILE);
    expect(fact).toMatchObject({ line: BODY_LINE, column: 5 });
  });

  it('leaves other components and HTML alone', () => {
    expect(readReferences(file('<Note>text</Note>\n\n<abbr title="x">A</abbr>'), FILE)).toEqual([]);
  });

  it('fails on a <Fact> or <Chart> without an id, naming line and column', () => {
    expect(failure('文字 <Fact /> 文字')).toBe(`${BODY_LINE}:4: <Fact> needs an id, e.g. <Fact id="sales.total.2024" />`);
    expect(failure('<Fact id="" />')).toBe(`${BODY_LINE}:1: <Fact> needs an id, e.g. <Fact id="sales.total.2024" />`);
    expect(failure('\n<Chart />')).toBe(`${BODY_LINE + 1}:1: <Chart> needs an id, e.g. <Chart id="my-chart" />`);
    // A misspelt attribute is a missing one.
    expect(failure('<Fact ide="output.total.2019" />')).toBe(`${BODY_LINE}:1: <Fact> needs an id, e.g. <Fact id="sales.total.2024" />`);
  });

  it('fails on an id, chart or state written as an expression', () => {
    expect(failure('一 <Fact id={"output.total.2019"} />')).toBe(
      `${BODY_LINE}:3: <Fact id={"output.total.2019"}>: write the id in quotes, e.g. <Fact id="sales.total.2024" />; an expression cannot be checked`,
    );
    expect(failure('<Chart id={name} />')).toMatch(/^7:1: <Chart id=\{name\}>: write the id in quotes/);
    expect(failure('<Fact {...props} />')).toMatch(/^7:1: <Fact \{\.\.\.props\}>: write the id as id="…"/);
    expect(failure('<Scrolly chart={c}>\n  <Step state="2018">a</Step>\n</Scrolly>')).toMatch(
      /^7:1: <Scrolly chart=\{c\}>: write the chart in quotes/,
    );
    expect(failure('<Scrolly chart="ranking">\n  <Step state={`2018`}>a</Step>\n</Scrolly>')).toMatch(
      /^8:3: <Step state=\{`2018`\}>: write the state in quotes, e.g. <Step state="2018">/,
    );
  });

  it('fails on a <Scrolly> without a chart and a <Step> without a state', () => {
    expect(failure('<Scrolly>\n  <Step state="2018">a</Step>\n</Scrolly>')).toBe(
      `${BODY_LINE}:1: <Scrolly> needs a chart, e.g. <Scrolly chart="my-chart">`,
    );
    expect(failure('<Scrolly chart="ranking">\n  <Step state="2018">a</Step>\n  <Step>b</Step>\n</Scrolly>')).toBe(
      `${BODY_LINE + 2}:3: <Step> needs a state, e.g. <Step state="2018">`,
    );
  });

  it('fails on a <Step> outside a <Scrolly>, and on text between the steps', () => {
    expect(failure('前文\n\n<Step state="2018">a</Step>')).toBe(
      `${BODY_LINE + 2}:1: <Step state="2018"> must be inside a <Scrolly chart="…">, one <Step> per state of the chart`,
    );
    expect(failure('前文 <Step state="2018">a</Step>')).toMatch(/^7:4: <Step state="2018"> must be inside a <Scrolly/);
    expect(failure('<Scrolly chart="ranking">\n  <Step state="2018">a</Step>\n\n  一段话\n</Scrolly>')).toBe(
      `${BODY_LINE + 3}:3: <Scrolly chart="ranking"> holds only <Step>s, each on its own lines; put this text inside a <Step> or after </Scrolly>`,
    );
  });
});
