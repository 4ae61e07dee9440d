import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changes, checkStory, prepareSave, updateJson, updateMdx, updateYaml } from '../../src/editor/save.ts';
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

/** The lines of `after` that differ from `before`'s, by position. */
const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
};

describe('a save writes only what changed', () => {
  it('finds the files to check', () => {
    expect(dataFiles.length).toBeGreaterThanOrEqual(10);
    expect(yamlFiles.length).toBeGreaterThanOrEqual(9);
    expect(sectionFiles.length).toBeGreaterThanOrEqual(12);
  });

  it('a data file saved unchanged (as the screen writes JSON) is the same, byte for byte', () => {
    for (const f of dataFiles) expect(updateJson(f.text, JSON.parse(JSON.stringify(JSON.parse(f.text), null, 2))), f.path).toBe(f.text);
  });

  it('a changed value is replaced on its own line; the rest of the file keeps its layout', () => {
    const f = dataFiles.find((d) => d.path === 'data/environment.json')!;
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

  it('added and removed records and fields read back as the screen wrote them', () => {
    const f = dataFiles.find((d) => d.path === 'data/environment.json')!;
    const json = JSON.parse(f.text);
    json.records.splice(1, 1);
    json.records.push({ id: 'env.newRate', label: '新比率', value: 50, unit: '%', source: 'L20', en: { label: 'New rate' } });
    delete json.records[0].short;
    json.records[0].note = '注';
    expect(JSON.parse(updateJson(f.text, json))).toEqual(json);
  });

  it('a field the form leaves empty and the file never had stays out', () => {
    expect(changes({ a: 1 }, { a: 1, groups: [], en: {} })).toEqual([]);
    expect(changes({ a: 1, b: [1] }, { a: 2, b: [] })).toEqual([
      { path: ['a'], value: 2 },
      { path: ['b', 0], value: undefined },
    ]);
  });

  it('YAML saved unchanged is the same, comments and all; a changed word changes its line only', () => {
    for (const f of yamlFiles) expect(updateYaml(f.text, parse(f.text)), f.path).toBe(f.text);
    const f = yamlFiles.find((y) => y.path === 'content/charts/output.yaml')!;
    const value = parse(f.text);
    value.zh.title = '新标题：{output.total.2019}';
    value.en.notes[0] = "It's a note, with: a colon";
    const out = updateYaml(f.text, value);
    expect(parse(out)).toEqual(value);
    expect(changedLines(f.text, out)).toHaveLength(2);
    expect(out.split('\n')[0]).toBe(f.text.split('\n')[0]);
    expect(out.split('\n')[0]).toMatch(/^# /);
  });

  it('YAML with an item removed is rewritten with its comments', () => {
    const f = yamlFiles.find((y) => y.path === 'content/story.yaml')!;
    const value = parse(f.text);
    value.keyFigures.pop();
    const out = updateYaml(f.text, value);
    expect(parse(out)).toEqual(value);
    expect(out).toContain('# The key figures under the headline');
  });

  it('a section keeps its front matter’s layout and the blank line after it', () => {
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
  });
});

describe('a save the build would refuse is refused, with the build’s message', () => {
  const save = (path: string, text: string) =>
    prepareSave(root, { additions: [{ path, contents: Buffer.from(text).toString('base64') }], deletions: [] });

  it('an out-of-range rate, as EDITING.md quotes it', () => {
    const f = dataFiles.find((d) => d.path === 'data/environment.json')!;
    const json = JSON.parse(f.text);
    const i = json.records.length - 1;
    json.records[i].value = 120;
    const result = save(f.path, JSON.stringify(json, null, 2));
    expect(result.ok).toBe(false);
    const expected = `data/environment.json: records[${i}].value: expected a rate between 0 and 100 (%), got 120 (the record "${json.records[i].id}")`;
    if (!result.ok) expect(result.message).toBe(`Not saved: the build would stop here.\n${expected}`);
    // The guide quotes the notice's first line and the message as the screen shows them.
    const guide = readFileSync(join(root, 'EDITING.md'), 'utf8');
    expect(guide).toContain(`> ${expected}\n`);
    expect(guide.replace(/\s+/g, ' ')).toContain('**Not saved: the build would stop here.**');
  });

  it('a section naming a figure that does not exist, with its line and column', () => {
    const f = sectionFiles.find((s) => s.path === 'content/zh/01-crackdown.mdx')!;
    const result = save(f.path, f.text.replace('<Fact id="cleanup.categories" />', '<Fact id="cleanup.categorie" />'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/content\/zh\/01-crackdown\.mdx:\d+:\d+: unknown fact id "cleanup\.categorie"/);
  });

  it('a title too long for a section', () => {
    const f = sectionFiles.find((s) => s.path === 'content/en/02-platform.mdx')!;
    const result = save(f.path, f.text.replace(/^title: .*$/m, `title: ${'x'.repeat(61)}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('content/en/02-platform.mdx: title');
  });

  it('a chart word that names no figure', () => {
    const f = yamlFiles.find((y) => y.path === 'content/charts/output.yaml')!;
    const result = save(f.path, f.text.replace('{derived.output.added.2019}', '{derived.output.added}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('content/charts/output.yaml');
  });

  it('accepts a good change, and writes it in the file’s own layout', () => {
    const f = dataFiles.find((d) => d.path === 'data/environment.json')!;
    const json = JSON.parse(f.text);
    json.records.at(-1).value = 32.5;
    const result = save(f.path, JSON.stringify(json, null, 2));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const written = Buffer.from(result.body.additions[0]!.contents, 'base64').toString('utf8');
      expect(changedLines(f.text, written)).toHaveLength(1);
    }
    expect(checkStory(root, new Map())).toBeUndefined();
  });
});
