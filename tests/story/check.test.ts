import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/story/check.ts';
import { withChanges } from '../../src/story/files.ts';
import { limits } from '../../src/story/limits.ts';
import { formatProblem, type Problem } from '../../src/story/problem.ts';
import { fixture, storyFiles } from '../helpers.ts';

/** The engine's test story, whose files every case below changes. */
const base = storyFiles(fixture);
const text = (path: string) => {
  const t = base.get(path);
  expect(t, path).toBeDefined();
  return t!;
};

type Change = string | null | ((text: string) => string);
/** The problems of the fixture with some files changed (a new text, a function of the old one, or null to remove it). */
function check(changes: Record<string, Change>, before?: ReadonlySet<string>): Problem[] {
  const resolved = new Map(
    Object.entries(changes).map(([path, c]) => {
      if (typeof c !== 'function') return [path, c] as const;
      const after = c(text(path));
      expect(after, `${path}: the change changes nothing`).not.toBe(text(path));
      return [path, after] as const;
    }),
  );
  return checkStory(withChanges(base, resolved), before ? { before } : {}).problems;
}
/** Replaces the first `from` in a file's text; the text must hold it. */
const swap = (from: string | RegExp, to: string) => (t: string) => {
  expect(typeof from === 'string' ? t.includes(from) : from.test(t), String(from)).toBe(true);
  return t.replace(from, to);
};
/** Line and column where `needle` starts in a text. */
function placeOf(t: string, needle: string) {
  const at = t.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = t.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
/** The one problem of a rule, after checking that the message reads as an editor's: what is wrong and what to do, then where. */
function only(problems: Problem[], rule: string): Problem {
  const found = problems.filter((p) => p.rule === rule);
  expect(found, `${rule} in ${JSON.stringify(problems.map((p) => [p.rule, formatProblem(p)]))}`).toHaveLength(1);
  const p = found[0]!;
  const message = formatProblem(p);
  // The place comes last, after the words; the words hold no schema library's phrasing.
  expect(message.lastIndexOf(`(${p.file}`)).toBeGreaterThan(message.indexOf(p.fix));
  expect(message).not.toMatch(/Invalid input|Too (big|small)|Unrecognized key|Invalid option|received|Required|ZodError/);
  expect(p.problem.length).toBeGreaterThan(8);
  expect(p.fix.length).toBeGreaterThan(8);
  return p;
}

describe('the story check', () => {
  it('accepts the fixture story, in both its editions, and builds it', () => {
    const { problems, story } = checkStory(base);
    expect(problems).toEqual([]);
    expect(story?.editions).toEqual(['zh', 'en']);
    expect(story?.chartIds.length).toBeGreaterThanOrEqual(3);
  });

  it('accepts the fixture cut to its Chinese edition', () => {
    const cut = new Map([...base].filter(([p]) => !/^content\/(pages\/)?en\//.test(p)));
    cut.set('content/story.yaml', text('content/story.yaml').replace('editions: [zh, en]', 'editions: [zh]'));
    expect(checkStory(cut).problems).toEqual([]);
  });
});

describe('data', () => {
  const wetland = 'data/wetland.json';
  it('a rate above 100%: the record by name, the field, the line and column of its value', () => {
    const p = only(check({ [wetland]: swap('"value": 96.5', '"value": 120') }), 'invalid-value');
    expect(p).toMatchObject({ file: wetland, field: 'records[0].value', ...placeOf(text(wetland), '"value": 96.5') });
    expect(p.subject).toContain('水质达标率');
    expect(p.subject).toContain('wetland.waterQuality');
    expect(p.problem).toContain('120');
    expect(p.fix).toContain('a rate between 0 and 100');
  });

  it('a number too large to store is named as such, not as null', () => {
    const p = only(check({ [wetland]: swap('"value": 96.5', '"value": 1e309') }), 'too-large');
    expect(p.problem).toMatch(/too large/);
    expect(formatProblem(p)).not.toContain('null');
  });

  it('a number in quotes, a unit the engine cannot format, a misspelt field', () => {
    expect(only(check({ [wetland]: swap('"value": 96.5', '"value": "96.5"') }), 'invalid-value').fix).toContain('a number');
    expect(only(check({ [wetland]: swap('"unit": "%"', '"unit": "吨"') }), 'invalid-value').fix).toMatch(/one of the units 亿元, %/);
    const p = only(check({ 'data/events.json': swap('"date": "2021"', '"data": "2021"') }), 'unknown-field');
    expect(p.problem).toContain('“data”');
    expect(p.fix).toContain('misspelling of “date”');
  });

  it('a typing slip in JSON, with its line and column', () => {
    const p = only(check({ [wetland]: swap('"value": 96.5,', '"value": 96.5') }), 'json-syntax');
    // The parser stops where the comma was due: on the value's line, or where the next field starts.
    const line = placeOf(text(wetland), '"value": 96.5').line;
    expect([line, line + 1]).toContain(p.line);
    expect(p.fix).toContain('just before this place');
  });

  it('an id used twice, in two files', () => {
    const p = only(check({ 'data/events.json': swap('"event.opened"', '"wetland.cover"') }), 'duplicate-id');
    const other = p.file === 'data/events.json' ? 'data/wetland.json' : 'data/events.json';
    expect(p.problem).toBe(`the id “wetland.cover” is already used in ${other}`);
  });

  it('a record removed that the text, a chart and the key figures use: one problem naming every place, in both editions', () => {
    const gone = 'wetland.waterQuality';
    const remove = (t: string) => {
      const json = JSON.parse(t) as { records: { id: string }[] };
      json.records = json.records.filter((r) => r.id !== gone);
      return JSON.stringify(json, null, 2);
    };
    const problems = check({ [wetland]: remove });
    const p = only(problems, 'unknown-fact');
    for (const place of ['content/zh/01-rates.mdx', 'content/en/01-rates.mdx', 'content/story.yaml']) expect(p.problem).toContain(place);
    expect(p.problem).toMatch(/\d+ places use it/);
    // Told that the record was there before the change, the message says it was removed.
    expect(only(check({ [wetland]: remove }, new Set([gone])), 'unknown-fact').problem).toMatch(/^it was removed/);
  });

  it('figures that break a rule of derived.json', () => {
    const p = only(check({ 'data/derived.json': swap('"holds": "water >= 0"', '"holds": "water > 100"') }), 'derived-check');
    expect(p.problem).toContain('water > 100');
  });

  it('a record without its English name, in a story with an English edition', () => {
    const p = only(check({ [wetland]: swap(/,\s*"en": \{\s*"label": "Plant cover",\s*"short": "Plant cover"\s*\}/, '') }), 'english-name');
    expect(p.subject).toContain('植被覆盖率');
    expect(p.field).toBe('records[1].en');
  });
});

describe('charts and the story’s settings', () => {
  const rates = 'content/charts/rates.yaml';
  it('a word that names neither a figure nor a value of the chart, with its field and line', () => {
    const p = only(check({ [rates]: swap('最低的是{lowest}', '最低的是{lowst}') }), 'unknown-name');
    expect(p).toMatchObject({ file: rates, field: 'zh.takeaway', line: placeOf(text(rates), 'takeaway: 最低').line });
  });

  it('a figure a chart names that does not exist', () => {
    const p = only(check({ [rates]: swap('最低的是{lowest}', '最低的是{wetland.waterQualty}') }), 'unknown-fact');
    expect(p.problem).toContain('Chart “rates”');
  });

  it('YAML that does not read, with its line', () => {
    const p = only(check({ [rates]: swap('zh:\n', 'zh:\n  - : [\n') }), 'yaml-syntax');
    expect(p.line).toBeGreaterThan(1);
  });

  it('a chart without the words of an edition, or without a title', () => {
    expect(only(check({ [rates]: swap(/\nen:[\s\S]*$/, '\n') }), 'languages-in-step').problem).toContain('English');
    const p = only(check({ [rates]: swap(/\n {2}title: 湿地.*\n/, '\n') }), 'missing-field');
    expect(p).toMatchObject({ field: 'zh.title' });
  });

  it('a key figure that names no figure, at its line in content/story.yaml', () => {
    const story = 'content/story.yaml';
    const p = only(check({ [story]: swap('facts: [wetland.cover]', 'facts: [wetland.covr]') }), 'unknown-fact');
    expect(p).toMatchObject({ file: story, field: 'shareCard[0].facts[0]', line: placeOf(text(story), 'facts: [wetland.cover]').line });
  });

  it('the story’s words missing for an edition it has', () => {
    const p = only(check({ 'content/story.yaml': swap(/\nen:[\s\S]*$/, '\n') }), 'invalid-value');
    expect(p.field).toBe('en');
  });
});

describe('what a reader sees', () => {
  it('a label that runs out of its chart, at the width where it does', () => {
    // The charts wrap words to fit; a figure can still draw a label no width holds: a rank of 999 gives a tick "1000".
    const problems = check({ 'data/ranks.json': swap('"value": 9,', '"value": 999,') }).filter((x) => x.rule === 'label-overflow');
    expect(problems.length, JSON.stringify(problems.map((x) => formatProblem(x)))).toBeGreaterThan(0);
    expect(problems[0]!.subject).toBe('Chart “rank”, Chinese words');
    expect(problems[0]!.problem).toMatch(/^the label “1000” runs past the left edge of the chart \d+ px wide$/);
    expect(problems[0]!.file).toBe('content/charts/rank.yaml');
  });

  it('English with Chinese outside brackets, Chinese punctuation, or a chart’s sentence in lower case', () => {
    const rates = 'content/charts/rates.yaml';
    expect(only(check({ [rates]: swap("takeaway: 'The lowest is", "takeaway: '最低的是 The lowest is") }), 'english-chinese').field).toBe(
      'en.takeaway',
    );
    expect(check({ [rates]: swap("takeaway: 'The lowest is", "takeaway: 'The lowest (最低) is") })).toEqual([]);
    expect(
      only(
        check({
          [rates]: swap("takeaway: 'The lowest is {lowest}, {lowestValue}.'", "takeaway: 'The lowest is {lowest}，{lowestValue}.'"),
        }),
        'english-punctuation',
      ).field,
    ).toBe('en.takeaway');
    expect(only(check({ [rates]: swap("takeaway: 'The lowest is", "takeaway: 'the lowest is") }), 'english-capital').field).toBe(
      'en.takeaway',
    );
    only(
      check({ 'content/en/01-rates.mdx': swap('Water quality is up to standard', 'Water quality，up to standard') }),
      'english-punctuation',
    );
    only(check({ 'data/wetland.json': swap('"label": "Plant cover"', '"label": "植被 cover"') }), 'english-chinese');
  });
});

describe('sections', () => {
  const zh = 'content/zh/01-rates.mdx';
  const en = 'content/en/01-rates.mdx';
  it('a figure that does not exist: the section by its title, the file, line and column of the tag', () => {
    const p = only(check({ [zh]: swap('<Fact id="wetland.cover" />', '<Fact id="wetland.covr" />') }), 'unknown-fact');
    expect(p).toMatchObject({ file: zh, ...placeOf(text(zh), '<Fact id="wetland.cover" />') });
    expect(p.problem).toContain('Section “几项比率”');
  });

  it('a chart that does not exist, one placed twice, one not placed', () => {
    expect(only(check({ [zh]: swap('<Chart id="rates" />', '<Chart id="rate" />') }), 'unknown-chart').problem).toContain(
      'Section “几项比率”',
    );
    expect(only(check({ [zh]: (t) => `${t}\n<Chart id="dates" />\n` }), 'chart-placed-twice').problem).toContain('dates');
    const dropped = check({ [zh]: swap('<Chart id="rates" />', ''), [en]: swap('<Chart id="rates" />', '') });
    expect(dropped.filter((p) => p.rule === 'chart-not-placed').map((p) => p.subject)).toEqual(['Chart “rates”', 'Chart “rates”']);
  });

  it('steps out of order, repeated, unknown or missing, each at its place, with the states expected', () => {
    const order = check({ [zh]: swap('<Step state="2020">', '<Step state="@">') }).filter((p) => p.rule === 'steps');
    expect(order.map((p) => p.problem)).toEqual([
      '<Step state="@">: the chart “rank” has no such state',
      '<Scrolly chart="rank"> has no step for “2020”',
    ]);
    expect(order[0]!.fix).toBe('Give the chart one <Step> for each of 2020, 2021, in this order');
    expect(order[0]).toMatchObject(placeOf(text(zh), '<Step state="2020">'));
    const swapped = check({
      [zh]: (t) => t.replace('state="2020"', 'state="@"').replace('state="2021"', 'state="2020"').replace('state="@"', 'state="2021"'),
    });
    expect(only(swapped, 'steps').problem).toBe('<Step state="2020"> is out of order');
    expect(only(check({ [zh]: swap('<Scrolly chart="rank">', '<Scrolly chart="rates">') }), 'steps').problem).toContain('has no steps');
  });

  it('a malformed tag, and a step outside its sequence', () => {
    expect(only(check({ [zh]: swap('<Step state="2020">', '<Step>') }), 'malformed-tag').fix).toContain('<Step state="2018">');
    const outside = check({ [zh]: (t) => `${t}\n<Step state="2020">x</Step>\n` });
    expect(outside.some((p) => p.rule === 'misplaced-tag')).toBe(true);
  });

  it('MDX that does not read, with its line and column', () => {
    const p = only(check({ [zh]: swap('<Chart id="rates" />', '<Chart id="rates"') }), 'mdx-syntax');
    expect(p.line).toBeGreaterThan(1);
  });

  it('front matter: a missing title, one too long, a field it does not take, the line in the file', () => {
    const missing = only(check({ [zh]: swap('\ntitle: 几项比率\n', '\n') }), 'missing-field');
    expect(missing).toMatchObject({ field: 'title', file: zh });
    const long = only(check({ [zh]: swap('title: 几项比率', `title: ${'长'.repeat(61)}`) }), 'invalid-value');
    expect(long).toMatchObject({ field: 'title', line: placeOf(text(zh), 'title:').line });
    expect(long.fix).toContain('at most 60 characters');
    expect(only(check({ [zh]: swap('title: 几项比率', 'title: 几项比率\nauthor: 某人') }), 'unknown-field').problem).toContain('“author”');
  });

  it('two sections with one order, or one anchor', () => {
    expect(
      only(
        check({ 'content/zh/00-start.mdx': swap('order: 0', 'order: 1'), 'content/en/00-start.mdx': swap('order: 0', 'order: 1') }).filter(
          (p) => p.file.includes('/zh/'),
        ),
        'repeated-order',
      ).field,
    ).toBe('order');
    const anchors = check({ 'content/zh/00-start.mdx': swap('anchor: start', 'anchor: rates') });
    expect(anchors.some((p) => p.rule === 'repeated-anchor')).toBe(true);
  });

  it('the data page without its notes, in an edition', () => {
    expect(only(check({ 'content/pages/en/method.mdx': null }), 'missing-file').file).toBe('content/pages/en/method.mdx');
  });

  it('a fact of the source’s list that no section covers, or one beyond the list', () => {
    expect(
      only(
        check({
          'content/zh/00-start.mdx': swap('covers: [F1]', 'covers: [F2]'),
          'content/en/00-start.mdx': swap('covers: [F1]', 'covers: [F2]'),
        }),
        'covers',
      ).problem,
    ).toContain('F1');
    const beyond = check({
      'content/zh/00-start.mdx': swap('covers: [F1]', 'covers: [F1, F3]'),
      'content/en/00-start.mdx': swap('covers: [F1]', 'covers: [F1, F3]'),
    });
    expect(only(beyond, 'covers').problem).toContain('F3');
  });
});

describe('the text', () => {
  const zh = 'content/zh/01-rates.mdx';
  const en = 'content/en/01-rates.mdx';
  it('a typed number, in either edition; a year may be typed, and the names the story lists', () => {
    const p = only(check({ [zh]: swap('<Fact id="wetland.cover" />', '72%') }), 'typed-number');
    expect(p.problem).toContain('“72”');
    expect(p.fix).toContain('<Fact id="…" />');
    only(check({ [en]: swap('<Fact id="wetland.cover" />', '72%') }), 'typed-number');
    expect(check({ [zh]: swap('植被覆盖率为', '2021年植被覆盖率为') })).toEqual([]);
    expect(check({ [en]: swap('plants cover', 'in 2021 plants cover') })).toEqual([]);
    expect(check({ [zh]: swap('植被覆盖率为', '3A区植被覆盖率为') }).map((p) => p.rule)).toEqual(['typed-number']);
    const named = { 'content/story.yaml': swap('editions: [zh, en]', "editions: [zh, en]\nnamesWithDigits: ['3A']") };
    expect(check({ ...named, [zh]: swap('植被覆盖率为', '3A区植被覆盖率为') })).toEqual([]);
  });

  it('an official quoted word for word, in Chinese', () => {
    only(check({ [zh]: swap('水质达标率为', '负责人说：“水质很好。”水质达标率为') }), 'quoted-official');
    expect(check({ [zh]: swap('水质达标率为', '负责人表示，水质很好。水质达标率为') })).toEqual([]);
  });

  it('the two editions in step: the same sections, orders, anchors, covers, figures and charts', () => {
    expect(only(check({ en: null, [en]: null }), 'languages-in-step').problem).toContain('content/en/01-rates.mdx is missing');
    expect(only(check({ [en]: swap('order: 1', 'order: 2') }), 'languages-in-step').field).toBe('order');
    expect(only(check({ [en]: swap('anchor: rates', 'anchor: ratios') }), 'languages-in-step').field).toBe('anchor');
    const figure = check({ [en]: swap('<Fact id="wetland.cover" />', '<Fact id="wetland.birds" />') }).filter(
      (p) => p.rule === 'languages-in-step',
    );
    expect(figure.map((p) => p.problem).sort()).toEqual([
      'it names the figure “wetland.birds”, the Chinese section does not',
      'the Chinese section names the figure “wetland.cover”, this one does not',
    ]);
  });
});

describe('content is words and the story’s tags, never code', () => {
  const zh = 'content/zh/01-rates.mdx';
  const cases: [string, string, string][] = [
    ['an import', '\n---\n', '\n---\nimport fs from "node:fs"\n'],
    ['an export', '\n---\n', '\n---\nexport const x = 1\n'],
    ['an expression', '<Chart id="rates" />', '<Chart id="rates" />\n\n{process.exit(1)}'],
    ['an inline expression', '植被覆盖率为', '植被覆盖率{1 + 1}为'],
    ['an expression attribute', '<Chart id="rates" />', '<Chart id="rates" {...props} />'],
    ['an attribute as code', '<Chart id="rates" />', '<Chart id={"rates"} />'],
  ];
  it.each(cases)('refuses %s, at its line and column', (_, from, to) => {
    const p = only(check({ [zh]: swap(from, to) }), 'code-in-content');
    const changed = text(zh).replace(from, to);
    expect(p.line).toBe(placeOf(changed, to.trim().split('\n').at(-1)!.slice(0, 6)).line);
  });

  it('refuses raw HTML, an unknown component, an image, a link that runs code, an attribute a tag does not take', () => {
    expect(only(check({ [zh]: swap('植被覆盖率为', '<script>alert(1)</script>植被覆盖率为') }), 'html-in-content').problem).toContain(
      '<script>',
    );
    expect(only(check({ [zh]: swap('植被覆盖率为', '<Widget />植被覆盖率为') }), 'unknown-component').problem).toContain('<Widget>');
    only(check({ [zh]: swap('植被覆盖率为', '![x](https://example.com/x.png)植被覆盖率为') }), 'image-in-content');
    only(check({ [zh]: swap('植被覆盖率为', '[点此](javascript:alert(1))植被覆盖率为') }), 'unsafe-link');
    expect(check({ [zh]: swap('植被覆盖率为', '[报道](https://example.com/report)植被覆盖率为') })).toEqual([]);
    // The site's own addresses depend on where it is published: a page links by anchor only, to a place that exists.
    only(check({ [zh]: swap('植被覆盖率为', '[数据](/data/)植被覆盖率为') }), 'unsafe-link');
    expect(check({ [zh]: swap('植被覆盖率为', '[图](#figure-rates)、[上一节](#start)植被覆盖率为') })).toEqual([]);
    expect(only(check({ [zh]: swap('植被覆盖率为', '[图](#figure-rate)植被覆盖率为') }), 'broken-link').problem).toBe(
      'a link goes to #figure-rate, which is no place on the story',
    );
    expect(check({ 'content/pages/zh/method.mdx': (t) => `${t}\n见[植被](#fact-wetland-cover)。\n` })).toEqual([]);
    only(check({ 'content/pages/zh/method.mdx': (t) => `${t}\n见[植被](#fact-wetland-covr)。\n` }), 'broken-link');
    only(check({ [zh]: swap('<Chart id="rates" />', '<Chart id="rates" onClick="x" />') }), 'unknown-attribute');
    // A data page's notes place figures and the site's notes only.
    only(check({ 'content/pages/zh/method.mdx': (t) => `${t}\n<Chart id="rates" />\n` }), 'unknown-component');
  });
});

describe('limits and invisible characters', () => {
  const zh = 'content/zh/01-rates.mdx';
  it('refuses a file too large, a text too long, a paragraph too long', () => {
    only(check({ [zh]: (t) => `${t}\n${'字'.repeat(limits.fileBytes / 3 + 10)}\n` }), 'too-large');
    const long = only(
      check({ 'content/charts/rates.yaml': swap('最低的是{lowest}', `${'长'.repeat(limits.textLength + 1)}{lowest}`) }),
      'too-long',
    );
    expect(long.field).toBe('zh.takeaway');
    only(check({ [zh]: swap('植被覆盖率为', `${'长'.repeat(limits.paragraphLength + 1)}植被覆盖率为`) }), 'too-deep');
  });

  it.each([
    ['quotes', `${'> '.repeat(limits.blockDepth + 1)}x`],
    ['lists', Array.from({ length: limits.blockDepth + 1 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['tags', `${'<Context>'.repeat(limits.tagDepth + 1)}x${'</Context>'.repeat(limits.tagDepth + 1)}`],
    ['brackets', `${'['.repeat(limits.bracketDepth + 1)}x${']'.repeat(limits.bracketDepth + 1)}`],
    ['emphasis', `${'*a '.repeat(limits.emphasisMarks + 1)}`],
  ])('refuses %s nested beyond the limit, before the parser sees them', (_, nest) => {
    const p = only(check({ [zh]: swap('<Chart id="rates" />', `<Chart id="rates" />\n\n${nest}`) }), 'too-deep');
    expect(p.line).toBeGreaterThan(1);
  });

  it('refuses data and YAML nested beyond the limit', () => {
    const deep = `${'['.repeat(limits.dataDepth + 1)}1${']'.repeat(limits.dataDepth + 1)}`;
    only(check({ 'data/wetland.json': swap('"value": 96.5', `"value": ${deep}`) }), 'too-deep');
    only(check({ 'content/charts/rates.yaml': swap(/notes:\n {4}- 数字为虚构。/, `notes: ${deep}`) }), 'too-deep');
  });

  it.each([
    ['a right-to-left override', '\u202e'],
    ['a zero-width space', '\u200b'],
    ['a control character', '\u0007'],
    ['a private-use character', '\ue000'],
  ])('refuses %s in the text, the data and the words, raw or escaped', (_, c) => {
    const escaped = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    const where = (ps: Problem[]) => only(ps, 'invisible-character');
    expect(where(check({ [zh]: swap('植被覆盖率为', `植被${c}覆盖率为`) })).line).toBe(placeOf(text(zh), '植被覆盖率为').line);
    where(check({ 'data/wetland.json': swap('"label": "水质达标率"', `"label": "水质${c}达标率"`) }));
    expect(where(check({ 'data/wetland.json': swap('"label": "水质达标率"', `"label": "水质${escaped}达标率"`) })).field).toBe(
      'records[0].label',
    );
    where(check({ 'content/charts/rates.yaml': swap('最低的是', `最低${c}的是`) }));
  });

  it('refuses half of a broken character, escaped in JSON', () => {
    only(check({ 'data/wetland.json': swap('"label": "水质达标率"', '"label": "水质\\ud800达标率"') }), 'invisible-character');
  });
});
