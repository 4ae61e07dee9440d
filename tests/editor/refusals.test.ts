import { describe, expect, it } from 'vitest';
import { saveStory } from '../../src/editor/save.ts';
import { readStoryFiles } from '../../src/story/files.ts';
import { limits } from '../../src/story/limits.ts';
import { copyStory, storyFiles } from '../helpers.ts';

/**
 * The edit series' twin: one invalid edit per rule of the story check, each sent to a copy of
 * the story through the save the screen's API runs. Each is refused with the rule's message,
 * and every file of the copy stays byte for byte as it was. The edits are made of what the
 * story holds now, so that an editor's changes to it change them too.
 */
const copy = copyStory('refusals');
const files = storyFiles(copy);
const text = (path: string) => files.get(path)!;
const encode = (t: string) => Buffer.from(t).toString('base64');
type Rec = { id: string; label: string; value?: number; unit?: string; kind?: string; date?: string; source?: string; en?: unknown };
const dataPaths = [...files.keys()].filter((p) => p.startsWith('data/') && !/\/(source|derived)\.json$/.test(p));
const derived = text('data/derived.json');
/** The first record of the data that passes a test, with its file and index. */
const recordWhere = (test: (r: Rec) => boolean) => {
  for (const path of dataPaths) {
    const records = (JSON.parse(text(path)) as { records: Rec[] }).records;
    const index = records.findIndex(test);
    if (index >= 0) return { path, index, record: records[index]! };
  }
  throw new Error('no such record');
};
const withRecord = (path: string, index: number, change: (r: Record<string, unknown>) => void) => {
  const json = JSON.parse(text(path)) as { records: Record<string, unknown>[] };
  change(json.records[index]!);
  return JSON.stringify(json, null, 2);
};
const zhSections = [...files.keys()].filter((p) => p.startsWith('content/zh/')).sort();
const withFact = zhSections.find((p) => text(p).includes('<Fact id="'))!;
const fact = /<Fact id="([^"]+)" \/>/.exec(text(withFact))![1]!;
const withChart = zhSections.find((p) => /<Chart id="[^"]+" \/>/.test(text(p)))!;
const chartTag = /<Chart id="[^"]+" \/>/.exec(text(withChart))![0];
const withSteps = zhSections.find((p) => /<Step state="[^"]+">[\s\S]*<Step state="/.test(text(p)))!;
const states = [...text(withSteps).matchAll(/<Step state="([^"]+)">/g)].map((m) => m[1]!);
const chartFile = [...files.keys()].find((p) => p.startsWith('content/charts/') && /\n {2}takeaway: .*\{[a-z]+\}/.test(text(p)))!;
const rate = recordWhere((r) => r.unit === '%' && !r.kind && !derived.includes(`"${r.id}"`));
const twin = (path: string) => path.replace('/zh/', '/en/');
// A section that retells two facts or more, without its first: no section covers that fact now.
const coversFile = zhSections.find((p) => /^covers: \[F\d+, F/m.test(text(p)))!;
const firstCover = /^covers: \[(F\d+)/m.exec(text(coversFile))![1]!;
const dropCover = (p: string) => text(p).replace(new RegExp(`^covers: \\[${firstCover}, `, 'm'), 'covers: [');
const check = (JSON.parse(derived) as { checks: { holds: string; inputs: Record<string, string> }[] }).checks.find((c) =>
  /^\w+ <= \w+$/.test(c.holds),
);

const edits: [rule: string, name: string, changes: Record<string, string | null>][] = [
  ['invalid-value', 'a rate above 100%', { [rate.path]: withRecord(rate.path, rate.index, (r) => (r['value'] = 120)) }],
  [
    'too-large',
    'a number too large to store',
    { [rate.path]: withRecord(rate.path, rate.index, (r) => (r['value'] = 12345)).replace('12345', '1e309') },
  ],
  ['missing-field', 'a record without its report line', { [rate.path]: withRecord(rate.path, rate.index, (r) => delete r['source']) }],
  ['unknown-field', 'a field the record does not take', { [rate.path]: withRecord(rate.path, rate.index, (r) => (r['colour'] = 'red')) }],
  ['json-syntax', 'a comma missing', { [rate.path]: text(rate.path).replace(/("value": [\d.]+),/, '$1') }],
  [
    'duplicate-id',
    'an id used twice',
    { [rate.path]: withRecord(rate.path, rate.index, (r) => (r['id'] = recordWhere((x) => x.id !== rate.record.id).record.id)) },
  ],
  [
    'unknown-fact',
    'a record removed that the story still names',
    {
      [recordWhere((r) => r.id === fact).path]: (() => {
        const { path, index } = recordWhere((r) => r.id === fact);
        const json = JSON.parse(text(path)) as { records: unknown[] };
        json.records.splice(index, 1);
        return JSON.stringify(json, null, 2);
      })(),
    },
  ],
  [
    'unknown-fact',
    'a figure misspelt in a section',
    { [withFact]: text(withFact).replace(`<Fact id="${fact}" />`, `<Fact id="${fact}x" />`) },
  ],
  [
    'unknown-chart',
    'a chart misspelt in a section',
    { [withChart]: text(withChart).replace(chartTag, chartTag.replace(/id="([^"]+)"/, 'id="$1x"')) },
  ],
  [
    'steps',
    'steps out of order',
    {
      [withSteps]: text(withSteps)
        .replace(`state="${states[0]}"`, 'state="@"')
        .replace(`state="${states[1]}"`, `state="${states[0]}"`)
        .replace('state="@"', `state="${states[1]}"`),
    },
  ],
  ['typed-number', 'a number typed into the text', { [withFact]: text(withFact).replace(`<Fact id="${fact}" />`, '12.5') }],
  ['code-in-content', 'an import in a section', { [withFact]: text(withFact).replace(/\n---\n/, '\n---\nimport fs from "node:fs";\n') }],
  ['code-in-content', 'an expression in a section', { [withFact]: `${text(withFact)}\n{process.exit(1)}\n` }],
  ['html-in-content', 'HTML in a section', { [withFact]: `${text(withFact)}\n<script>alert(1)</script>\n` }],
  [
    'languages-in-step',
    'a figure dropped from one language',
    { [twin(withFact)]: text(twin(withFact)).replace(/<Fact id="[^"]+" \/>/, '') },
  ],
  ['missing-file', 'the data page’s notes removed', { 'content/pages/en/method.mdx': null }],
  [
    'repeated-order',
    'two sections with one order',
    { [zhSections[1]!]: text(zhSections[1]!).replace(/^order: \d+$/m, /^order: \d+$/m.exec(text(zhSections[0]!))![0]) },
  ],
  [
    'chart-not-placed',
    'a chart placed nowhere',
    { [withChart]: text(withChart).replace(chartTag, ''), [twin(withChart)]: text(twin(withChart)).replace(chartTag, '') },
  ],
  ['english-name', 'a record without its English name', { [rate.path]: withRecord(rate.path, rate.index, (r) => delete r['en']) }],
  [
    'unknown-name',
    'a chart word that names nothing',
    { [chartFile]: text(chartFile).replace(/(\n {2}takeaway: .*?\{)([a-z]+)\}/, '$1$2x}') },
  ],
  ['too-deep', 'quotes nested too deep', { [withFact]: `${text(withFact)}\n${'> '.repeat(limits.blockDepth + 1)}x\n` }],
  [
    'invisible-character',
    'a hidden text-direction mark',
    { [withFact]: text(withFact).replace(`<Fact id="${fact}" />`, `\u202e<Fact id="${fact}" />`) },
  ],
  [
    'too-long',
    'a text too long',
    { [rate.path]: withRecord(rate.path, rate.index, (r) => (r['label'] = '长'.repeat(limits.textLength + 1))) },
  ],
  ['yaml-syntax', 'a chart file that does not read', { [chartFile]: text(chartFile).replace('\nzh:\n', '\nzh:\n  - : [\n') }],
  [
    'unknown-fact',
    'a key figure that names no figure',
    { 'content/story.yaml': text('content/story.yaml').replace(/facts: \[([^\],]+)\]/, 'facts: [$1x]') },
  ],
  [
    'covers',
    'a fact of the source no section covers',
    { [coversFile]: dropCover(coversFile), [twin(coversFile)]: dropCover(twin(coversFile)) },
  ],
  [
    'quoted-official',
    'an official quoted word for word',
    { [withFact]: text(withFact).replace(`<Fact id="${fact}" />`, `<Fact id="${fact}" />。负责人说：“很好。”`) },
  ],
];
if (check) {
  const [small, large] = check.holds.split(' <= ').map((n) => check.inputs[n]!) as [string, string];
  const { path, index } = recordWhere((r) => r.id === small);
  const top = recordWhere((r) => r.id === large).record.value!;
  edits.push([
    'derived-check',
    'figures that break a rule of data/derived.json',
    { [path]: withRecord(path, index, (r) => (r['value'] = top + 100)) },
  ]);
}

describe('an invalid edit of each kind is refused by the save, and every file stays as it was', () => {
  it('covers every rule the story check words for an editor', () => {
    expect(new Set(edits.map(([rule]) => rule)).size).toBeGreaterThanOrEqual(24);
  });

  it.each(edits)('%s: %s', (rule, _name, changes) => {
    const before = readStoryFiles(copy);
    const additions = Object.entries(changes).flatMap(([path, t]) => (t === null ? [] : [{ path, contents: encode(t) }]));
    const deletions = Object.entries(changes).flatMap(([path, t]) => (t === null ? [{ path }] : []));
    for (const [path, t] of Object.entries(changes)) expect(t, path).not.toBe(files.get(path));
    const answer = saveStory(copy, { additions, deletions });
    expect(answer.status).toBe(422);
    expect(answer.message.split('\n')[0]).toMatch(/^Not saved, nothing was written: fix (this|these \d+ problems) first\.$/);
    expect(answer.rules).toContain(rule);
    expect(readStoryFiles(copy)).toEqual(before);
  });
});
