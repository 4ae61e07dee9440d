import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editorModel } from '../../src/editor/model.ts';
import { changes, checkStory, prepareSave, readUpdate, updateJson, updateMdx, updateYaml } from '../../src/editor/save.ts';
import { root } from '../helpers.ts';

const files = (dir: string, ext: RegExp) =>
  readdirSync(join(root, dir))
    .filter((n) => ext.test(n))
    .map((n) => ({ path: `${dir}/${n}`, text: readFileSync(join(root, dir, n), 'utf8') }));
const dataFiles = files('data', /\.json$/);
const yamlFiles = [
  ...files('content/charts', /\.yaml$/),
  { path: 'content/story.yaml', text: readFileSync(join(root, 'content/story.yaml'), 'utf8') },
];
const sectionFiles = [...files('content/zh', /\.mdx$/), ...files('content/en', /\.mdx$/)];
const file = (list: { path: string; text: string }[], path: string) => list.find((f) => f.path === path)!;
const environment = () => file(dataFiles, 'data/environment.json');

/** The lines of `after` that differ from `before`'s, by position (both have as many lines). */
const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
};
/** What `after` has that `before` lacks, and the other way round, line by line (as a diff would show). */
const lineDiff = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
};

describe('a save writes only what changed', () => {
  it('finds the files to check', () => {
    expect(dataFiles.length).toBeGreaterThanOrEqual(10);
    expect(yamlFiles.length).toBeGreaterThanOrEqual(9);
    expect(sectionFiles.length).toBeGreaterThanOrEqual(12);
  });

  it('a data file whose values the save leaves as they were stays byte for byte, however the screen laid it out', () => {
    for (const f of dataFiles) {
      const value = JSON.parse(f.text);
      // The screen writes keys in its form's order; reversed here, the values are the same.
      const reordered = Object.fromEntries(Object.entries(value).reverse());
      expect(updateJson(f.text, reordered), f.path).toBe(f.text);
    }
  });

  it('a changed value is replaced on its own line; the rest of the file keeps its layout', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    const last = json.records.at(-1);
    last.value = 32.5;
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const changed = changedLines(f.text, out);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('"value": 32.5');
    expect(changed[0]).toContain(`"id": "${last.id}"`);
  });

  it('a record removed from the middle takes its own line with it, and nothing else', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    const [gone] = json.records.splice(3, 1);
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    expect(added).toEqual([]);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toContain(`"id": "${gone.id}"`);
  });

  it('the last record removed: its line goes, and the line before loses its comma only', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    json.records.pop();
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    expect(removed).toHaveLength(2);
    expect(added).toEqual([removed[0]!.replace(/,$/, '')]);
  });

  it('a new record is one line, laid out as its neighbours are', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    const record = { id: 'env.newRate', label: '新比率', value: 50, unit: '%', group: 'air', source: 'L20', en: { label: 'New rate' } };
    json.records.splice(2, 0, record);
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '    { "id": "env.newRate", "label": "新比率", "value": 50, "unit": "%", "group": "air", "source": "L20", "en": {"label": "New rate"} },',
    ]);
  });

  it('a field added to a one-line record keeps the record on its line; a removed field goes alone', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    json.records[0].note = '注';
    delete json.records[1].short;
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const changed = changedLines(f.text, out);
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatch(/"note": "注"\s*}/);
  });

  it('a file with Windows line endings keeps them', () => {
    const f = environment();
    const crlf = f.text.replace(/\n/g, '\r\n');
    const json = JSON.parse(f.text);
    json.records[0].value = 99;
    const out = updateJson(crlf, json);
    expect(out.split('\r\n')).toHaveLength(f.text.split('\n').length);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('a field the form leaves empty and the file never had stays out', () => {
    expect(changes({ a: 1 }, { a: 1, groups: [], en: {} })).toEqual([]);
    expect(changes({ a: 1, b: [1] }, { a: 2, b: [] })).toEqual([
      { path: ['a'], value: 2 },
      { path: ['b', 0], value: undefined },
    ]);
  });

  it('records are matched by id: removing one is one change, not a change to every record after it', () => {
    const old = { records: [{ id: 'a' }, { id: 'b', v: 1 }, { id: 'c', v: 2 }] };
    expect(changes(old, { records: [{ id: 'a' }, { id: 'c', v: 3 }] })).toEqual([
      { path: ['records', 1], value: undefined },
      { path: ['records', 1, 'v'], value: 3 },
    ]);
  });

  it('YAML whose values are unchanged stays byte for byte; a changed word changes its line only', () => {
    for (const f of yamlFiles) expect(updateYaml(f.text, parse(f.text)), f.path).toBe(f.text);
    const f = file(yamlFiles, 'content/charts/output.yaml');
    const value = parse(f.text);
    value.zh.title = '新标题：{output.total.2019}';
    value.en.notes[0] = "It's a note, with: a colon";
    const out = updateYaml(f.text, value);
    expect(parse(out)).toEqual(value);
    expect(changedLines(f.text, out)).toHaveLength(2);
    expect(out.split('\n')[0]).toMatch(/^# /);
  });

  it('YAML with a note added: one new line; comments and flow lists keep their spelling', () => {
    const f = file(yamlFiles, 'content/charts/output.yaml');
    const value = parse(f.text);
    value.zh.notes.push('新的说明。');
    const out = updateYaml(f.text, value);
    expect(parse(out)).toEqual(value);
    const { added, removed } = lineDiff(f.text, out);
    expect(removed).toEqual([]);
    expect(added).toEqual(['    - 新的说明。']);
  });

  it('YAML with an item removed keeps its comments', () => {
    const f = file(yamlFiles, 'content/story.yaml');
    const value = parse(f.text);
    value.keyFigures.pop();
    const out = updateYaml(f.text, value);
    expect(parse(out)).toEqual(value);
    expect(out).toContain('# The key figures under the headline');
  });

  it('YAML keys that are numbers (2019:) are found, changed and removed as the file has them', () => {
    const text = 'labels: { 2018: a, 2019: b }\n';
    expect(updateYaml(text, { labels: { '2018': 'a', '2019': 'c' } })).toBe('labels: { 2018: a, 2019: c }\n');
    const removed = updateYaml(text, { labels: { '2018': 'a' } });
    expect(parse(removed)).toEqual({ labels: { 2018: 'a' } });
  });

  it('a section keeps its front matter’s layout and the blank line after it; Windows line endings stay', () => {
    for (const f of sectionFiles) {
      const written = f.text.replace('\n---\n\n', '\n---\n').replace(
        /^(covers: )\[(.*)\]$/m,
        (_, k, v) =>
          `${k}\n${v
            .split(', ')
            .map((x: string) => `  - ${x}`)
            .join('\n')}`,
      );
      expect(written, f.path).not.toBe(f.text);
      expect(updateMdx(f.text, written), f.path).toBe(f.text);
    }
    const f = sectionFiles[0]!;
    const crlf = f.text.replace(/\n/g, '\r\n');
    const out = updateMdx(crlf, f.text.replace(/^title: .*$/m, 'title: 新标题'));
    expect(out).toContain('\r\ntitle: 新标题\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('a save the build would refuse is refused, with the build’s message', () => {
  const encode = (text: string) => Buffer.from(text).toString('base64');
  const save = (path: string, text: string, deletions: string[] = []) =>
    prepareSave(root, { additions: [{ path, contents: encode(text) }], deletions: deletions.map((p) => ({ path: p })) });
  const refusal = (result: ReturnType<typeof save>) => {
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.message;
  };

  it('an out-of-range rate, as EDITING.md quotes it', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    const i = json.records.length - 1;
    json.records[i].value = 120;
    const expected = `data/environment.json: records[${i}].value: expected a rate between 0 and 100 (%), got 120 (the record "${json.records[i].id}")`;
    expect(refusal(save(f.path, JSON.stringify(json, null, 2)))).toBe(`Not saved: the build would stop here.\n${expected}`);
    // The guide quotes the notice's first line and the message as the screen shows them.
    const guide = readFileSync(join(root, 'EDITING.md'), 'utf8');
    expect(guide).toContain(`> ${expected}\n`);
    expect(guide.replace(/\s+/g, ' ')).toContain('**Not saved: the build would stop here.**');
  });

  it('a section naming a figure that does not exist, with its line and column', () => {
    const f = file(sectionFiles, 'content/zh/01-crackdown.mdx');
    const message = refusal(save(f.path, f.text.replace('<Fact id="cleanup.categories" />', '<Fact id="cleanup.categorie" />')));
    expect(message).toMatch(/content\/zh\/01-crackdown\.mdx:\d+:\d+: unknown fact id "cleanup\.categorie"/);
  });

  it('a section that is not valid MDX, with its file, line and column', () => {
    const f = file(sectionFiles, 'content/zh/01-crackdown.mdx');
    expect(refusal(save(f.path, f.text.replace('<Chart id="cleanup" />', '<Chart id="cleanup" ')))).toMatch(
      /^Not saved: the build would stop here\.\ncontent\/zh\/01-crackdown\.mdx:\d+:\d+/,
    );
  });

  it('a title too long for a section', () => {
    const f = file(sectionFiles, 'content/en/02-platform.mdx');
    expect(refusal(save(f.path, f.text.replace(/^title: .*$/m, `title: ${'x'.repeat(61)}`)))).toContain(
      'content/en/02-platform.mdx: title',
    );
  });

  it('a new section with the order and anchor of another', () => {
    const f = file(sectionFiles, 'content/en/02-platform.mdx');
    expect(refusal(save('content/en/06-copy.mdx', f.text))).toContain('order: expected a unique value');
  });

  it('the data page’s notes removed', () => {
    expect(refusal(prepareSave(root, { additions: [], deletions: [{ path: 'content/pages/en/method.mdx' }] }))).toContain(
      'content/pages/en/method.mdx is missing',
    );
  });

  it('a chart removed that a section still places', () => {
    expect(refusal(prepareSave(root, { additions: [], deletions: [{ path: 'content/charts/cleanup.yaml' }] }))).toMatch(
      /unknown chart id "cleanup"/,
    );
  });

  it('a chart word, or a word of the story, that names no figure', () => {
    const chart = file(yamlFiles, 'content/charts/output.yaml');
    expect(refusal(save(chart.path, chart.text.replace('{derived.output.added.2019}', '{derived.output.added}')))).toContain(
      'content/charts/output.yaml',
    );
    const story = file(yamlFiles, 'content/story.yaml');
    const value = parse(story.text);
    value.en.dek = `${value.en.dek} {no.suchFigure}`;
    expect(refusal(save(story.path, updateYaml(story.text, value)))).toContain('content/story.yaml: en.dek');
  });

  it('accepts a good change, and writes it in the file’s own layout', () => {
    const f = environment();
    const json = JSON.parse(f.text);
    json.records.at(-1).value = 32.5;
    const result = save(f.path, JSON.stringify(json, null, 2));
    expect(result.ok).toBe(true);
    if (result.ok) expect(changedLines(f.text, Buffer.from(result.body.additions[0]!.contents, 'base64').toString('utf8'))).toHaveLength(1);
    expect(checkStory(root, new Map())).toBeUndefined();
  });

  it('a renamed section keeps the layout its file had', () => {
    const f = file(sectionFiles, 'content/en/05-close.mdx');
    const written = f.text.replace(
      /^covers: \[(.*)\]$/m,
      (_, v: string) =>
        `covers:\n${v
          .split(', ')
          .map((x) => `  - ${x}`)
          .join('\n')}`,
    );
    const result = save('content/en/05-ending.mdx', written, ['content/en/05-close.mdx']);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Buffer.from(result.body.additions[0]!.contents, 'base64').toString('utf8')).toBe(f.text);
  });

  it('writes nowhere but the story’s files', () => {
    for (const path of ['../package.json', 'content/../src/x.ts', '/etc/passwd', 'src/lib/schema.ts', 'content\\zh\\a.mdx', 'data/x.txt'])
      expect(readUpdate({ additions: [{ path, contents: '' }], deletions: [] }), path).toMatch(/^cannot write/);
    expect(readUpdate({ additions: [], deletions: [{ path: '../x.json' }] })).toMatch(/^cannot delete/);
    expect(readUpdate({ additions: 'x', deletions: [] })).toBe('expected additions and deletions');
    expect(readUpdate({ additions: [{ path: 'data/a.json', contents: 'e30=' }], deletions: [] })).toEqual({
      additions: [{ path: 'data/a.json', contents: 'e30=' }],
      deletions: [],
    });
  });
});

describe('what the screen lists', () => {
  it('every figure with its name and value, every chart with its states, every data file with its groups', () => {
    const model = editorModel(root);
    expect(model.problem).toBeUndefined();
    const total = model.facts['zh']!.find((f) => f.value === 'output.total.2019')!;
    expect(total.shown).toBe('208.8亿元');
    expect(total.label).toBe('规模以上工业总产值 · 208.8亿元 (output.total.2019)');
    expect(model.facts['en']!.find((f) => f.value === 'output.total.2019')!.shown).toBe('CNY 20.88 billion');
    expect(model.charts.find((c) => c.id === 'ranking')!.states).toEqual(['2018', '2019']);
    const env = JSON.parse(environment().text) as { groups: { key: string }[] };
    expect(model.data.find((d) => d.name === 'environment')).toMatchObject({
      role: 'dataset',
      records: 'measure',
      groups: env.groups.map((g) => g.key),
    });
    expect(model.data.find((d) => d.name === 'source')!.role).toBe('source');
  });
});

describe('the screen opens on a story that does not build', () => {
  it('lists what the files give, and says why the story does not build', () => {
    const dir = join(root, 'test-output/editor-broken');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const d of ['content', 'data']) cpSync(join(root, d), join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'content/charts/sewage.yaml'), 'kind: [unclosed\n');
    const env = join(dir, 'data/environment.json');
    writeFileSync(env, readFileSync(env, 'utf8').replace('"value": 31.67', '"value": 131.67'));
    const model = editorModel(dir);
    expect(model.problem).toMatch(/content\/charts\/sewage\.yaml|data\/environment\.json/);
    expect(model.editions).toEqual(['zh', 'en']);
    expect(model.facts['zh']!.map((f) => f.value)).toContain('output.total.2019');
    expect(model.charts.find((c) => c.id === 'output')!.states).toEqual(['implied', 'total', 'hightech']);
    expect(model.charts.find((c) => c.id === 'sewage')!.states).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
