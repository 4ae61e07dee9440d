import { readdirSync, readFileSync } from 'node:fs';

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../src/lib/embed.ts';
import { checkReferences, knownData } from '../../src/lib/contentCheck.ts';
import { ContentError, readReferences } from '../../src/lib/mdxReferences.ts';
import { parse } from 'yaml';
import { storyFromDisk } from '../../src/lib/storyFromDisk.ts';
import { plain } from '../../src/lib/template.ts';
import { validateData } from '../../src/lib/validate.ts';
import { readDataDir, realCharts, realFacts, realStory, root } from '../helpers.ts';

const guide = readFileSync(join(root, 'EDITING.md'), 'utf8');
/** The guide's code blocks, with their info strings. */
const blocks = [...guide.matchAll(/```([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ info: m[1]!.trim(), code: m[2]! }));
const facts = realFacts();

/**
 * The guide's blocks that `keep` selects, at least `min` of them: a test that loops over them
 * fails rather than pass without checking when a block's info string is renamed.
 */
function examples(keep: (b: (typeof blocks)[number]) => boolean, min: number) {
  const found = blocks.filter(keep);
  expect(found.length, `EDITING.md: too few blocks of this kind (an info string renamed?)`).toBeGreaterThanOrEqual(min);
  return found;
}

/** Every message the fixture library and the content check give, to compare with the guide. */
function knownMessages(): string[] {
  const fixtures = join(root, 'tests/fixtures/broken-data');
  const messages = readdirSync(fixtures).map((name) => {
    try {
      validateData({ ...readDataDir(), ...readDataDir(join(fixtures, name)) });
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  });
  // The content checks, on the real section with an editor's slip in it.
  const file = 'content/zh/01-crackdown.mdx';
  const section = readFileSync(join(root, file), 'utf8');
  const check = (text: string) => {
    try {
      return checkReferences(file, readReferences(text, file), knownData(facts, realCharts()));
    } catch (e) {
      if (e instanceof ContentError) return [e.message];
      throw e;
    }
  };
  /** The message a story gives when built from these files instead of the real ones. */
  const storyError = (override: Parameters<typeof storyFromDisk>[1], chart?: [string, 'zh' | 'en']) => {
    try {
      const story = storyFromDisk(root, override);
      if (chart) story.figure(...chart);
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  };
  const sewage = readFileSync(join(root, 'content/charts/sewage.yaml'), 'utf8');
  const data = readDataDir();
  return [
    ...messages,
    storyError({ charts: { 'sewage.yaml': sewage.replace('{derived.sewage.capacityIncrease}；', '{derived.sewage.capacityIncreas}；') } }, ['sewage', 'zh']),
    storyError({ charts: { 'sewage.yaml': sewage.replace(/\n {2}title: 污水.*\n/, '\n') } }),
    storyError({ data: { ...data, 'output.json': data['output.json']!.replace(', "en": {"label": "Output of high-tech products"}', '') } }),
    storyError({ data: { ...data, 'output.json': data['output.json']!.replace('"value": 84.3', '"value": 284.3') } }),
    ...check(section.replace('<Fact id="output.total.2019" />', '<Fact id="output.totl.2019" />')),
    // The first two steps swapped.
    ...check(section.replace('<Step state="implied">', '<Step state="@">').replace('<Step state="total">', '<Step state="implied">').replace('<Step state="@">', '<Step state="total">')),
    ...check(section.replace('<Step state="total">', '<Step>')),
  ];
}

describe('EDITING.md', () => {
  it('names only facts and charts that exist', () => {
    for (const b of examples((b) => b.info.startsWith('mdx'), 4)) {
      const refs = readReferences(b.code, 'EDITING.md');
      expect(refs.length, b.code).toBeGreaterThan(0);
      expect(checkReferences('EDITING.md', refs, knownData(facts, realCharts()))).toEqual([]);
    }
  });

  it('shows data records the schemas accept', () => {
    for (const b of examples((b) => b.info.startsWith('json record='), 1)) {
      const file = b.info.slice('json record=data/'.length);
      const record = JSON.parse(b.code) as { id: string };
      const files = readDataDir();
      const data = JSON.parse(files[file]!) as { records: { id: string }[] };
      // The example replaces a real record; a record with an unknown id would go unchecked.
      expect(data.records.map((r) => r.id), b.code).toContain(record.id);
      data.records = data.records.map((r) => (r.id === record.id ? record : r));
      expect(() => validateData({ ...files, [file]: JSON.stringify(data) }), b.code).not.toThrow();
    }
  });

  it('shows a new section whose front matter and figures are valid', () => {
    const example = examples((b) => b.info.startsWith('mdx file='), 1)[0]!;
    const [, front = ''] = /^---\n([\s\S]*?)\n---/.exec(example.code) ?? [];
    for (const key of ['order', 'anchor', 'kicker', 'title', 'summary', 'covers']) expect(front, key).toMatch(new RegExp(`^${key}: .+`, 'm'));
    const orders = readdirSync(join(root, 'content/zh')).map((f) => /^order: (\d+)/m.exec(readFileSync(join(root, 'content/zh', f), 'utf8'))?.[1]);
    expect(orders).not.toContain(/^order: (\d+)/m.exec(front)![1]);
  });

  it('quotes every error message exactly as the build gives it', () => {
    // Lines and columns in content files move as editors write, so they are compared as "any place".
    const anyLine = (m: string) => m.replace(/\.mdx:\d+:\d+:/, '.mdx:N:N:');
    const known = knownMessages().map(anyLine);
    for (const b of examples((b) => b.info === 'text error', 6)) expect(known, b.code).toContain(anyLine(b.code.trim()));
    // The message the guide paraphrases for a chart file with a missing field.
    expect(known).toContain('content/charts/sewage.yaml: zh.title: missing; expected text');
  });

  it('quotes chart words exactly as they stand in the chart files', () => {
    for (const b of examples((b) => b.info.startsWith('yaml excerpt='), 2)) expect(readFileSync(join(root, b.info.slice('yaml excerpt='.length)), 'utf8'), b.code).toContain(b.code);
  });

  it('shows a key figure the story can use, in both editions', () => {
    const block = examples((b) => b.info === 'yaml keyFigure', 1)[0]!;
    const config = readFileSync(join(root, 'content/story.yaml'), 'utf8');
    const entry = block.code.replace(/^/gm, '  ');
    const story = storyFromDisk(root, { story: config.replace(/\nshareCard:/, `\n${entry}\nshareCard:`) });
    const added = story.config.keyFigures.at(-1)!;
    expect(added.facts).toEqual(['env.greenCoverage']);
    expect(story.show('env.greenCoverage', 'zh')).toBe('31.67%');
    expect(added.en).toBeTruthy();
  });

  it('adds a ninth chart that builds in both editions from its one file', () => {
    const block = examples((b) => b.info === 'yaml file=content/charts/investment.yaml', 1)[0]!;
    const story = storyFromDisk(root, { charts: { 'investment.yaml': block.code } });
    expect(story.chartIds).toContain('investment');
    expect(story.chartIds.length).toBe(realStory().chartIds.length + 1);
    for (const locale of story.editions) {
      const figure = story.figure('investment', locale);
      expect(figure.points.map((p) => p.fact)).toEqual(['projects.hainengPark', 'projects.newEnergyPark']);
      expect(plain(figure.takeaway)).toContain(story.show('projects.hainengPark', locale, true));
    }
    // The walkthrough lists the files it touches; the kind it names exists.
    expect(parse(block.code).kind).toBe('boundBars');
    expect(guide).toContain('touches three files');
  });

  it('shows the embed code the story gives for a chart', () => {
    for (const b of examples((b) => b.info.startsWith('html embed chart='), 1)) {
      const chart = b.info.slice('html embed chart='.length);
      const expected = embedSnippet({
        slug: realStory().config.slug,
        chart,
        title: realStory().figure(chart, 'zh').title,
        src: `https://news.example.cn/embed/${chart}/`,
        script: 'https://news.example.cn/embed.js',
      });
      expect(b.code.trim()).toBe(expected);
    }
  });
});
