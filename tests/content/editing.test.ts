import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { prepareSave } from '../../src/editor/save.ts';
import { embedSnippet } from '../../src/lib/embed.ts';
import { isFigure } from '../../src/lib/facts.ts';
import { plain } from '../../src/lib/template.ts';
import { checkStory } from '../../src/story/check.ts';
import { withChanges } from '../../src/story/files.ts';
import { readMdx } from '../../src/story/mdx.ts';
import { formatProblem } from '../../src/story/problem.ts';
import { copyStory, realStory, root, storyFiles } from '../helpers.ts';

const guide = readFileSync(join(root, 'EDITING.md'), 'utf8');
/** The guide's code blocks, with their info strings. */
const blocks = [...guide.matchAll(/```([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ info: m[1]!.trim(), code: m[2]! }));

/**
 * The guide's blocks that `keep` selects, at least `min` of them: a test that loops over them
 * fails rather than pass without checking when a block's info string is renamed.
 */
function examples(keep: (b: (typeof blocks)[number]) => boolean, min: number) {
  const found = blocks.filter(keep);
  expect(found.length, `EDITING.md: too few blocks of this kind (an info string renamed?)`).toBeGreaterThanOrEqual(min);
  return found;
}

/** The story's files, as the guide's walkthroughs start from them: whatever the story holds now. */
const files = storyFiles();
const story = realStory();
const messages = (changes: Map<string, string | null>, before?: Set<string>) =>
  checkStory(withChanges(files, changes), before ? { before } : {}).problems.map((p) => formatProblem(p));
/** The first file of a role whose text passes a test. */
const first = (prefix: string, test: (text: string, path: string) => boolean = () => true) => {
  const found = [...files].find(([p, t]) => p.startsWith(prefix) && test(t, p));
  expect(found, prefix).toBeDefined();
  return found!;
};
/** A data file with a change made to its parsed JSON, written back as JSON. */
const json = (path: string, change: (d: any) => void) => {
  const d = JSON.parse(files.get(path)!);
  change(d);
  return JSON.stringify(d, null, 2);
};
type Rec = { id: string; value?: unknown; unit?: string; kind?: string; date?: string; source?: string; en?: unknown };
/** The first data file with a record that passes a test, and that record's index. */
const recordWhere = (test: (r: Rec) => boolean) => {
  const [path, text] = first('data/', (t) => ((JSON.parse(t) as { records?: Rec[] }).records ?? []).some(test));
  const index = (JSON.parse(text) as { records: Rec[] }).records.findIndex(test);
  return { path, index, record: (JSON.parse(text) as { records: Rec[] }).records[index]! };
};

/**
 * The slips an editor makes, each applied to the story as it is now: the guide quotes the
 * message of each, which must be the check's own, in shape (its numbers and quoted names
 * are the story's, and may change as the story does).
 */
function slips(): Record<string, string[]> {
  const rate = recordWhere((r) => r.unit === '%' && !r.kind && typeof r.value === 'number');
  const measure = recordWhere((r) => typeof r.value === 'number');
  const sourced = recordWhere((r) => typeof r.source === 'string' && typeof r.value === 'number');
  const dated = recordWhere((r) => typeof r.date === 'string');
  const named = recordWhere((r) => Boolean(r.en) && typeof r.value === 'number');
  const [section, sectionText] = first('content/zh/', (t) => t.includes('<Fact id="'));
  const factId = /<Fact id="([^"]+)" \/>/.exec(sectionText)![1]!;
  // The figure named in the fewest places, so that the message listing them stays short.
  const uses = (id: string) => [...files.values()].reduce((n, t) => n + t.split(id).length - 1, 0);
  const rare = [...story.facts.values()]
    .filter((f) => f.dataset !== 'derived' && uses(f.id) > 1)
    .sort((a, b) => uses(a.id) - uses(b.id) || (a.id < b.id ? -1 : 1))[0]!.id;
  const owner = recordWhere((r) => r.id === rare);
  const [scrolly, scrollyText] = first('content/zh/', (t) => /<Step state="[^"]+">[\s\S]*<Step state="/.test(t));
  const states = [...scrollyText.matchAll(/<Step state="([^"]+)">/g)].map((m) => m[1]!);
  const [chart, chartText] = first('content/charts/', (t) => /\n {2}takeaway: .*\{[a-z]+\}/.test(t));
  const offered = /\n {2}takeaway: .*?\{([a-z]+)\}/.exec(chartText)![1]!;
  const twin = section.replace('/zh/', '/en/');
  const dataFiles = [...files.keys()].filter((p) => p.startsWith('data/') && !/source|derived/.test(p));
  const otherFile = dataFiles.find((p) => p !== measure.path)!;
  const derived = JSON.parse(files.get('data/derived.json')!) as { checks: { holds: string; inputs: Record<string, string> }[] };
  const bound = derived.checks.find((c) => /^\w+ <= \w+$/.test(c.holds))!;
  const [small, large] = bound.holds.split(' <= ').map((n) => bound.inputs[n]!) as [string, string];
  const smallRecord = recordWhere((r) => r.id === small);
  const largeValue = story.entry(large) as { value: number };
  const change = (path: string, text: string) => new Map([[path, text]]);
  return {
    rate: messages(
      change(
        rate.path,
        json(rate.path, (d) => (d.records[rate.index].value = 120)),
      ),
    ),
    quoted: messages(
      change(
        measure.path,
        json(measure.path, (d) => (d.records[measure.index].value = String(d.records[measure.index].value))),
      ),
    ),
    missing: messages(
      change(
        sourced.path,
        json(sourced.path, (d) => delete d.records[sourced.index].source),
      ),
    ),
    misspelt: messages(
      change(
        dated.path,
        json(dated.path, (d) => {
          d.records[dated.index].data = d.records[dated.index].date;
          delete d.records[dated.index].date;
        }),
      ),
    ),
    syntax: messages(change(measure.path, files.get(measure.path)!.replace(/("value": [\d.]+),/, '$1'))),
    duplicate: messages(
      change(
        otherFile,
        json(otherFile, (d) => (d.records[0].id = JSON.parse(files.get(measure.path)!).records[0].id)),
      ),
    ),
    unit: messages(
      change(
        measure.path,
        json(measure.path, (d) => (d.records[measure.index].unit = '吨')),
      ),
    ),
    unknownFact: messages(change(section, sectionText.replace(`<Fact id="${factId}" />`, `<Fact id="${factId}x" />`))),
    removed: messages(
      change(
        owner.path,
        json(owner.path, (d) => d.records.splice(owner.index, 1)),
      ),
      new Set([rare]),
    ),
    steps: messages(
      change(
        scrolly,
        scrollyText
          .replace(`state="${states[0]}"`, 'state="@"')
          .replace(`state="${states[1]}"`, `state="${states[0]}"`)
          .replace('state="@"', `state="${states[1]}"`),
      ),
    ),
    noState: messages(change(scrolly, scrollyText.replace(`<Step state="${states[0]}">`, '<Step>'))),
    word: messages(change(chart, chartText.replace(`{${offered}}`, `{${offered}x}`))),
    english: messages(
      change(
        named.path,
        json(named.path, (d) => delete d.records[named.index].en),
      ),
    ),
    rule: messages(
      change(
        smallRecord.path,
        json(smallRecord.path, (d) => (d.records[smallRecord.index].value = largeValue.value + 100)),
      ),
    ),
    code: messages(change(section, `${sectionText}\n{new Date().getFullYear()}\n`)),
    typed: messages(
      change(section, sectionText.replace(`<Fact id="${factId}" />`, `${(story.entry(factId) as { value?: number }).value ?? 12}`)),
    ),
    inStep: messages(new Map([[twin, files.get(twin)!.replace(/<Fact id="[^"]+" \/>/, '')]])),
  };
}

/**
 * A message in shape: the records, files, names, numbers and places it quotes are the story's
 * and change as the story does; the words around them are the check's.
 */
const shape = (m: string) =>
  m
    .replace(/“[^”]*”/g, '“…”')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\{[^{}]*\}/g, '{…}')
    .replace(/\((?:[a-z][A-Za-z0-9]*\.)+[A-Za-z0-9.]+\)/g, '(ID)')
    .replace(/data\/[\w-]+\.json/g, 'data/FILE.json')
    .replace(/content\/charts\/[\w-]+\.yaml/g, 'content/charts/FILE.yaml')
    .replace(/content\/(zh|en)\/[\w-]+\.mdx/g, 'content/$1/FILE.mdx')
    .replace(/for each of [^.]*?, in this order/g, 'for each of …, in this order')
    .replace(/\d+(\.\d+)?/g, 'N');

describe('EDITING.md', () => {
  it('quotes every message the guide explains as the story check gives it', () => {
    const produced = slips();
    for (const [slip, list] of Object.entries(produced)) expect(list.length, `the slip "${slip}" gives no message`).toBeGreaterThan(0);
    const known = Object.values(produced).flat().map(shape);
    for (const b of examples((b) => b.info === 'text error', 12)) expect(known, b.code).toContain(shape(b.code.trim()));
  });

  it('shows the refusal of the editing screen as a save of a copy gives it', () => {
    const block = examples((b) => b.info === 'text refusal', 1)[0]!;
    const copy = copyStory('editing-refusal');
    const rate = recordWhere((r) => r.unit === '%' && !r.kind && typeof r.value === 'number');
    const text = json(rate.path, (d) => (d.records[rate.index].value = 120));
    const result = prepareSave(copy, { additions: [{ path: rate.path, contents: Buffer.from(text).toString('base64') }], deletions: [] });
    expect(result.ok).toBe(false);
    expect(shape(block.code.replace(/^ +/gm, '').trim())).toBe(shape(result.ok ? '' : result.message));
  });

  it('names only facts and charts that exist', () => {
    for (const b of examples((b) => b.info.startsWith('mdx'), 4)) {
      const refs = readMdx(b.code, 'EDITING.md').references;
      expect(refs.length, b.code).toBeGreaterThan(0);
      for (const r of refs) {
        if (r.tag === 'Fact') expect(story.facts.has(r.id), r.id).toBe(true);
        else expect(story.chartIds, b.code).toContain(r.tag === 'Chart' ? r.id : r.chart);
      }
    }
  });

  it('shows a data record whose fields the story check accepts', () => {
    for (const b of examples((b) => b.info.startsWith('json record='), 1)) {
      const path = b.info.slice('json record='.length);
      const record = JSON.parse(b.code) as Rec;
      const index = (JSON.parse(files.get(path)!) as { records: Rec[] }).records.findIndex((r) => r.id === record.id);
      // The example replaces a record that exists, keeping the value the story holds now.
      expect(index, b.code).toBeGreaterThanOrEqual(0);
      const live = (JSON.parse(files.get(path)!) as { records: Rec[] }).records[index]!;
      const text = json(path, (d) => (d.records[index] = { ...record, value: live.value }));
      expect(messages(new Map([[path, text]]))).toEqual([]);
    }
  });

  it('shows a new section that the check accepts, with its twin in the other language', () => {
    const added = examples((b) => b.info.startsWith('mdx file='), 2).map(
      (b) => [b.info.slice('mdx file='.length), b.code] as [string, string],
    );
    expect(added.map(([path]) => path.split('/')[1]).sort()).toEqual([...story.editions].sort());
    expect(new Set(added.map(([path]) => path.split('/').pop())).size).toBe(1);
    expect(messages(new Map(added))).toEqual([]);
  });

  it('walks through a chart’s title and takeaway in both languages, on a copy of the story', () => {
    for (const b of examples((b) => b.info.startsWith('yaml excerpt='), 2)) {
      const path = b.info.slice('yaml excerpt='.length);
      const excerpt = parse(b.code) as Record<string, Record<string, string>>;
      const entry = parse(files.get(path)!) as Record<string, Record<string, string>>;
      // The excerpt shows fields the file has, in the place it has them.
      for (const [edition, words] of Object.entries(excerpt))
        for (const key of Object.keys(words)) expect(entry[edition]?.[key], `${path} ${edition}.${key}`).toBeDefined();
    }
    const path = examples((b) => b.info.startsWith('yaml excerpt='), 1)[0]!.info.slice('yaml excerpt='.length);
    const id = path.replace(/^content\/charts\/|\.yaml$/g, '');
    const entry = parse(files.get(path)!) as Record<string, Record<string, unknown>>;
    const figure = (entry['zh']!['takeaway'] as string).match(/\{([a-z][\w.]*)\}/)?.[1];
    for (const edition of story.editions) {
      entry[edition]!['title'] = edition === 'zh' ? '一个新的标题' : 'A new title';
      entry[edition]!['takeaway'] = figure ? `${edition === 'zh' ? '新的要点：' : 'A new takeaway: '}{${figure}}` : 'x';
    }
    const { problems, story: changed } = checkStory(withChanges(files, new Map([[path, JSON.stringify(entry)]])));
    expect(problems).toEqual([]);
    expect(changed!.figure(id, 'zh').title).toBe('一个新的标题');
    if (changed!.editions.includes('en')) expect(changed!.figure(id, 'en').title).toBe('A new title');
    if (figure) expect(plain(changed!.figure(id, 'zh').takeaway)).toContain(changed!.show(figure, 'zh', true));
  });

  it('shows a key figure the story can use, in both editions', () => {
    const block = examples((b) => b.info === 'yaml keyFigure', 1)[0]!;
    const entry = (parse(block.code) as { facts: string[]; zh: string; en?: string }[])[0]!;
    const config = files.get('content/story.yaml')!;
    const changed = config.replace(/\nshareCard:/, `\n${block.code.replace(/^/gm, '  ').trimEnd()}\nshareCard:`);
    const { problems, story: s } = checkStory(withChanges(files, new Map([['content/story.yaml', changed]])));
    expect(problems).toEqual([]);
    expect(s!.config.keyFigures.at(-1)!.facts).toEqual(entry.facts);
    expect(isFigure(s!.entry(entry.facts[0]!))).toBe(true);
    expect(entry.en).toBeTruthy();
  });

  it('adds a ninth chart that builds in both editions from the three files the walkthrough names', () => {
    const block = examples((b) => b.info === 'yaml file=content/charts/investment.yaml', 1)[0]!;
    const places = [...guide.matchAll(/^\d\. `(content\/(?:zh|en)\/[^`]+\.mdx)`, where it stands/gm)].map((m) => m[1]!);
    expect(places).toHaveLength(2);
    const changes = new Map<string, string>([['content/charts/investment.yaml', block.code]]);
    for (const p of places) changes.set(p, `${files.get(p)!.trimEnd()}\n\n<Chart id="investment" />\n`);
    const { problems, story: s } = checkStory(withChanges(files, changes));
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    const bounds = (parse(block.code) as { kind: string; data: { bounds: string[] } }).data.bounds;
    expect(parse(block.code).kind).toBe('boundBars');
    for (const locale of s!.editions) {
      const figure = s!.figure('investment', locale);
      expect(figure.points.map((p) => p.fact)).toEqual(bounds);
      expect(plain(figure.takeaway)).toContain(s!.show(bounds[0]!, locale, true));
    }
    expect(guide).toContain('touches three files');
  });

  it('shows the embed code the story gives for a chart', () => {
    for (const b of examples((b) => b.info.startsWith('html embed chart='), 1)) {
      const chart = b.info.slice('html embed chart='.length);
      const expected = embedSnippet({
        slug: story.config.slug,
        chart,
        title: story.figure(chart, 'zh').title,
        src: `https://news.example.cn/embed/${chart}/`,
        script: 'https://news.example.cn/embed.js',
      });
      // The chart's title is the story's to change; the code around it is the engine's.
      const untitled = (s: string) => s.replace(/title="[^"]*"/, 'title="…"');
      expect(untitled(b.code.trim())).toBe(untitled(expected));
    }
  });
});
