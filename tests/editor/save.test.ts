import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import prettier from '@prettier/sync';
import { diffLines } from 'diff';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editorModel } from '../../src/editor/model.ts';
import { changes, prepareSave, readUpdate, unsafePath, updateJson, updateMdx, updateYaml, writeSave } from '../../src/editor/save.ts';
import { readStoryFiles } from '../../src/story/files.ts';
import { copyStory, fixture, root } from '../helpers.ts';

// The engine's test story: the saves below change copies of it.
const files = (dir: string, ext: RegExp) =>
  readdirSync(join(fixture, dir))
    .filter((n) => ext.test(n))
    .map((n) => ({ path: `${dir}/${n}`, text: readFileSync(join(fixture, dir, n), 'utf8') }));
const dataFiles = files('data', /\.json$/);
const yamlFiles = [
  ...files('content/charts', /\.yaml$/),
  { path: 'content/story.yaml', text: readFileSync(join(fixture, 'content/story.yaml'), 'utf8') },
];
const sectionFiles = [...files('content/zh', /\.mdx$/), ...files('content/en', /\.mdx$/)];
const file = (list: { path: string; text: string }[], path: string) => list.find((f) => f.path === path)!;
const wetland = () => file(dataFiles, 'data/wetland.json');

/** The lines of `after` that differ from `before`'s, by position (both have as many lines). */
const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
};
/** The lines a diff of `before` and `after` shows added and removed. */
const lineDiff = (before: string, after: string) => {
  const lines = (added: boolean) =>
    diffLines(before, after)
      .filter((part) => (added ? part.added : part.removed))
      .flatMap((part) => part.value.replace(/\n$/, '').split('\n'));
  return { added: lines(true), removed: lines(false) };
};

describe('a save writes only what changed', () => {
  it('finds the files to check', () => {
    expect(dataFiles.length).toBeGreaterThanOrEqual(4);
    expect(yamlFiles.length).toBeGreaterThanOrEqual(3);
    expect(sectionFiles.length).toBeGreaterThanOrEqual(4);
  });

  it('a data file whose values the save leaves as they were stays byte for byte, however the screen laid it out', () => {
    for (const f of dataFiles) {
      const value = JSON.parse(f.text);
      // The screen writes keys in its form's order; reversed here, the values are the same.
      const reordered = Object.fromEntries(Object.entries(value).reverse());
      expect(updateJson(f.text, reordered), f.path).toBe(f.text);
    }
  });

  it('a changed value changes its own line; the rest of the file keeps its layout', () => {
    const f = wetland();
    const json = JSON.parse(f.text);
    const last = json.records.at(-1);
    last.value = 32.5;
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    expect(changedLines(f.text, out)).toEqual([expect.stringMatching(/^\s+"value": 32\.5,$/)]);
  });

  it('a record removed from the middle takes its own lines with it, and nothing else', () => {
    const f = wetland();
    const json = JSON.parse(f.text);
    const [gone] = json.records.splice(1, 1);
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    expect(added).toEqual([]);
    // The record's lines, its braces among them (where a diff puts the braces is its own choice).
    expect(removed).toContain(`      "id": "${gone.id}",`);
    expect(removed.filter((l) => l === '    {' || l === '    },')).toEqual(expect.arrayContaining(['    {', '    },']));
    expect(removed.filter((l) => l.startsWith('      '))).toHaveLength(removed.length - 2);
  });

  it('the last record removed: its lines go, and the record before loses its comma only', () => {
    const f = wetland();
    const json = JSON.parse(f.text);
    const gone = json.records.pop();
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    expect(removed).toContain(`      "id": "${gone.id}",`);
    expect(added.every((l) => removed.includes(`${l},`) || removed.includes(l))).toBe(true);
    expect(added.length).toBeLessThanOrEqual(1);
  });

  it('a new record is laid out as its neighbours are, by Prettier with the project’s config', () => {
    const f = wetland();
    const json = JSON.parse(f.text);
    const record = {
      id: 'wetland.newRate',
      label: '新比率',
      value: 50,
      unit: '%',
      group: 'water',
      source: 'L3',
      en: { label: 'New rate' },
    };
    json.records.splice(2, 0, record);
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    expect(removed).toEqual([]);
    // Where a diff puts the braces is its own choice: the lines are compared as a set.
    expect([...added].sort()).toEqual(
      [
        '    {',
        '      "id": "wetland.newRate",',
        '      "label": "新比率",',
        '      "value": 50,',
        '      "unit": "%",',
        '      "group": "water",',
        '      "source": "L3",',
        '      "en": { "label": "New rate" }',
        '    },',
      ].sort(),
    );
    // The layout is the one `npm run format` keeps.
    expect(prettier.format(out, { ...prettier.resolveConfig(join(root, 'package.json')), parser: 'json', plugins: [] })).toBe(out);
  });

  it('a field added to a record is one new line; a removed field goes alone', () => {
    const f = wetland();
    const json = JSON.parse(f.text);
    json.records[0].note = '注';
    delete json.records[1].short;
    const out = updateJson(f.text, json);
    expect(JSON.parse(out)).toEqual(json);
    const { added, removed } = lineDiff(f.text, out);
    const en = (r: { en: unknown }) =>
      `      "en": ${JSON.stringify(r.en).replaceAll('":"', '": "').replaceAll('","', '", "').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`;
    // The line before the new field gains its comma.
    expect(added).toEqual([`${en(json.records[0])},`, '      "note": "注"']);
    expect(removed).toEqual([en(json.records[0]), `      "short": "${JSON.parse(f.text).records[1].short}",`]);
  });

  it('a file with Windows line endings keeps them', () => {
    const f = wetland();
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
    const f = file(yamlFiles, 'content/charts/rates.yaml');
    const value = parse(f.text);
    value.zh.title = '新标题：{wetland.cover}';
    value.en.notes[0] = "It's a note, with: a colon";
    const out = updateYaml(f.text, value);
    expect(parse(out)).toEqual(value);
    expect(changedLines(f.text, out)).toHaveLength(2);
    expect(out.split('\n')[0]).toMatch(/^# /);
  });

  it('YAML with a note added: one new line; comments and flow lists keep their spelling', () => {
    const f = file(yamlFiles, 'content/charts/rates.yaml');
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

const encode = (text: string) => Buffer.from(text).toString('base64');
/** Every story file of a folder, to compare before and after a save. */
const snapshot = (dir: string) => readStoryFiles(dir);

describe('a save is the story check’s: refused with every problem, in an editor’s words, and nothing written', () => {
  const save = (dir: string, path: string, text: string, deletions: string[] = []) =>
    prepareSave(dir, { additions: [{ path, contents: encode(text) }], deletions: deletions.map((p) => ({ path: p })) });
  const refused = (result: ReturnType<typeof save>) => {
    expect(result.ok).toBe(false);
    return result.ok ? { message: '', rules: [] as string[] } : { message: result.message, rules: result.problems.map((p) => p.rule) };
  };

  it('an out-of-range rate: the notice says nothing was written, then the problem', () => {
    const dir = copyStory('save-rate', fixture);
    const f = wetland();
    const json = JSON.parse(f.text);
    json.records[0].value = 120;
    const { message, rules } = refused(save(dir, f.path, JSON.stringify(json, null, 2)));
    expect(rules).toEqual(['invalid-value']);
    expect(message.split('\n')[0]).toBe('Not saved, nothing was written: fix this first.');
    expect(message.split('\n')[1]).toMatch(
      /^• Record “水质达标率” \(wetland\.waterQuality\) in data\/wetland\.json: “value” is 120\. It should be a rate between 0 and 100 \(%\)\. \(data\/wetland\.json:\d+:\d+, records\[0\]\.value\)$/,
    );
  });

  it('a record removed that sections still name: every place, in both editions, and that it was removed', () => {
    const dir = copyStory('save-removed', fixture);
    const f = wetland();
    const json = JSON.parse(f.text);
    json.records = json.records.filter((r: { id: string }) => r.id !== 'wetland.cover');
    const { message, rules } = refused(save(dir, f.path, JSON.stringify(json, null, 2)));
    expect(rules).toEqual(['unknown-fact']);
    expect(message).toContain('Figure “wetland.cover”: it was removed from data/, but');
    for (const place of ['content/zh/01-rates.mdx', 'content/en/01-rates.mdx', 'content/story.yaml']) expect(message).toContain(place);
  });

  it('several problems, one a line', () => {
    const dir = copyStory('save-several', fixture);
    const f = file(sectionFiles, 'content/zh/01-rates.mdx');
    const { message, rules } = refused(
      save(dir, f.path, f.text.replace('<Fact id="wetland.cover" />', '72%').replace('<Chart id="rates" />', '{1 + 1}')),
    );
    expect(rules).toEqual(expect.arrayContaining(['typed-number', 'code-in-content']));
    expect(message.split('\n')[0]).toMatch(/^Not saved, nothing was written: fix these \d+ problems first\.$/);
    expect(
      message
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('• ')),
    ).toBe(true);
  });

  it('a chart removed that a section still places, the data page’s notes removed', () => {
    const dir = copyStory('save-deletions', fixture);
    expect(refused(prepareSave(dir, { additions: [], deletions: [{ path: 'content/charts/rates.yaml' }] })).rules).toEqual([
      'unknown-chart',
    ]);
    expect(refused(prepareSave(dir, { additions: [], deletions: [{ path: 'content/pages/en/method.mdx' }] })).rules).toEqual([
      'missing-file',
    ]);
  });

  it('accepts a good change, and writes it in the file’s own layout', () => {
    const dir = copyStory('save-good', fixture);
    const f = wetland();
    const json = JSON.parse(f.text);
    json.records.at(-1).value = 32.5;
    const result = save(dir, f.path, JSON.stringify(json, null, 2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const written = Buffer.from(result.body.additions[0]!.contents, 'base64').toString('utf8');
    expect(changedLines(f.text, written)).toHaveLength(1);
    writeSave(dir, result.body);
    expect(readFileSync(join(dir, f.path), 'utf8')).toBe(written);
  });

  it('a renamed section keeps the layout its file had', () => {
    const dir = copyStory('save-rename', fixture);
    const f = file(sectionFiles, 'content/en/01-rates.mdx');
    const written = f.text.replace(
      /^covers: \[(.*)\]$/m,
      (_, v: string) =>
        `covers:\n${v
          .split(', ')
          .map((x) => `  - ${x}`)
          .join('\n')}`,
    );
    const result = save(dir, 'content/en/01-ratios.mdx', written, ['content/en/01-rates.mdx']);
    // The twin of the Chinese section keeps its file name: a rename of one edition's file alone is refused.
    expect(result.ok).toBe(false);
    const both = prepareSave(dir, {
      additions: [
        { path: 'content/en/01-ratios.mdx', contents: encode(written) },
        { path: 'content/zh/01-ratios.mdx', contents: encode(file(sectionFiles, 'content/zh/01-rates.mdx').text) },
      ],
      deletions: [{ path: 'content/en/01-rates.mdx' }, { path: 'content/zh/01-rates.mdx' }],
    });
    expect(both.ok).toBe(true);
    if (both.ok) expect(Buffer.from(both.body.additions[0]!.contents, 'base64').toString('utf8')).toBe(f.text);
  });
});

describe('every file of the story, opened and saved unchanged, stays byte for byte', () => {
  it('through the screen’s save, however the screen lays out what it sends', () => {
    // What the screen sends for an entry it did not change: the same values, laid out anew.
    const dir = copyStory('save-round-trip');
    const before = snapshot(dir);
    const sent = (path: string, text: string) => {
      if (path.endsWith('.json')) return JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as object).reverse()), null, 2);
      if (/\.ya?ml$/.test(path)) return stringify(parse(text));
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      return `---\n${stringify(parse(front))}---\n${body.replace(/^\n/, '')}`;
    };
    // One save of every file, as a screen that saved them all would send it: each is written back as it was.
    const result = prepareSave(dir, {
      additions: [...before].map(([path, text]) => ({ path, contents: encode(sent(path, text)) })),
      deletions: [],
    });
    expect(result.ok).toBe(true);
    let files = 0;
    for (const a of result.ok ? result.body.additions : []) {
      expect(Buffer.from(a.contents, 'base64').toString('utf8'), a.path).toBe(before.get(a.path));
      files++;
    }
    expect(files).toBeGreaterThanOrEqual(20);
  });

  it('a data file keeps its own layout: a change touches its line only, and its undoing leaves the file byte for byte', () => {
    // Prettier keeps an object spread over lines if the file has it so: a file formatted by hand
    // (here every object spread out) or by the screen (short ones on one line) keeps its layout.
    const dir = copyStory('save-layout');
    const data = [...snapshot(dir)].filter(([path]) => path.endsWith('.json'));
    expect(data.length).toBeGreaterThanOrEqual(5);
    const spread = (text: string) =>
      prettier.format(JSON.stringify(JSON.parse(text), null, 2), {
        ...prettier.resolveConfig(join(root, 'package.json')),
        parser: 'json',
        plugins: [],
      });
    for (const [path, saved] of data)
      for (const text of [saved, spread(saved)]) {
        const value = JSON.parse(text) as Record<string, unknown>;
        const changed = updateJson(text, { ...value, title: `${String(value['title'])}（改）` });
        const before = text.split('\n');
        expect(
          changed.split('\n').filter((line, n) => line !== before[n]),
          path,
        ).toHaveLength(1);
        expect(updateJson(changed, value), path).toBe(text);
      }
  });
});

describe('a save writes the story’s files only, all of them or none', () => {
  it('takes paths of the files the build reads, by a plain relative path', () => {
    for (const path of [
      '../package.json',
      'content/../src/x.ts',
      '/etc/passwd',
      'src/lib/schema.ts',
      'content\\zh\\a.mdx',
      'data/x.txt',
      'data/sub/x.json',
      'content/zh/.hidden.mdx',
      'content/fr/a.mdx',
      'content/charts/a.json',
      'data/README.md',
    ])
      expect(readUpdate({ additions: [{ path, contents: '' }], deletions: [] }), path).toMatch(/^cannot write/);
    expect(readUpdate({ additions: [], deletions: [{ path: '../x.json' }] })).toMatch(/^cannot delete/);
    expect(readUpdate({ additions: 'x', deletions: [] })).toBe('expected additions and deletions');
    expect(
      readUpdate({
        additions: [
          { path: 'data/a.json', contents: 'e30=' },
          { path: 'data/a.json', contents: 'e30=' },
        ],
        deletions: [],
      }),
    ).toBe('a save names a file twice');
    expect(
      readUpdate({ additions: Array.from({ length: 201 }, (_, i) => ({ path: `data/a${i}.json`, contents: '' })), deletions: [] }),
    ).toMatch(/at most 200 files/);
    expect(readUpdate({ additions: [{ path: 'data/a.json', contents: 'e30=' }], deletions: [] })).toEqual({
      additions: [{ path: 'data/a.json', contents: 'e30=' }],
      deletions: [],
    });
  });

  it('refuses a path that a symlinked folder or file leads out of the story, and writes nothing', () => {
    const dir = copyStory('save-symlink', fixture);
    const outside = join(dir, '..', 'save-symlink-outside');
    rmSync(outside, { recursive: true, force: true });
    mkdirSync(outside, { recursive: true });
    // content/en is a link to a folder outside the story; data/events.json a link to a file outside it.
    cpSync(join(dir, 'content/en'), outside, { recursive: true });
    rmSync(join(dir, 'content/en'), { recursive: true });
    symlinkSync(outside, join(dir, 'content/en'));
    writeFileSync(join(outside, 'target.json'), readFileSync(join(dir, 'data/events.json')));
    rmSync(join(dir, 'data/events.json'));
    symlinkSync(join(outside, 'target.json'), join(dir, 'data/events.json'));
    expect(unsafePath(dir, 'content/en/01-rates.mdx')).toMatch(/leads out of the story’s folder/);
    expect(unsafePath(dir, 'content/en/new.mdx')).toMatch(/leads out of the story’s folder/);
    expect(unsafePath(dir, 'data/events.json')).toMatch(/is a link/);
    expect(unsafePath(dir, 'data/wetland.json')).toBeUndefined();
    const before = readFileSync(join(outside, '01-rates.mdx'), 'utf8');
    const result = prepareSave(dir, { additions: [{ path: 'content/en/01-rates.mdx', contents: encode('x') }], deletions: [] });
    expect(result.ok).toBe(false);
    expect(() => writeSave(dir, { additions: [{ path: 'content/en/01-rates.mdx', contents: encode('x') }], deletions: [] })).toThrow(
      /leads out/,
    );
    expect(readFileSync(join(outside, '01-rates.mdx'), 'utf8')).toBe(before);
    rmSync(outside, { recursive: true, force: true });
  });

  it('a save of several files with one bad file is refused whole: the good ones are not written either', () => {
    const dir = copyStory('save-multi', fixture);
    const before = snapshot(dir);
    const f = wetland();
    const good = JSON.parse(f.text);
    good.records[0].value = 90;
    const bad = file(sectionFiles, 'content/zh/00-start.mdx').text.replace('<Chart id="dates" />', '<Chart id="dates" />\n\n{1}');
    const result = prepareSave(dir, {
      additions: [
        { path: f.path, contents: encode(JSON.stringify(good, null, 2)) },
        { path: 'content/zh/00-start.mdx', contents: encode(bad) },
      ],
      deletions: [],
    });
    expect(result.ok).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a write that fails half way puts every file back as it was and leaves no temporary behind', () => {
    const dir = copyStory('save-atomic', fixture);
    const before = snapshot(dir);
    // The second target is a folder where the file should be: its rename fails after the first has landed.
    mkdirSync(join(dir, 'data/blocked.json'));
    const update = {
      additions: [
        { path: 'data/wetland.json', contents: encode(before.get('data/wetland.json')!.replace('96.5', '90')) },
        { path: 'data/blocked.json', contents: encode('{}') },
      ],
      deletions: [{ path: 'content/pages/zh/method.mdx' }],
    };
    expect(() => writeSave(dir, update)).toThrow();
    rmSync(join(dir, 'data/blocked.json'), { recursive: true });
    expect(snapshot(dir)).toEqual(before);
    const leftovers = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? leftovers(join(d, e.name)) : /\.(saving|removed)$/.test(e.name) ? [e.name] : [],
      );
    expect(leftovers(dir)).toEqual([]);
  });

  it('a good save of several files writes them all, and removes what it deletes', () => {
    const dir = copyStory('save-all', fixture);
    const zh = file(sectionFiles, 'content/zh/00-start.mdx').text.replace('title: 一片湿地', 'title: 一片新湿地');
    const en = file(sectionFiles, 'content/en/00-start.mdx').text.replace('title: A wetland', 'title: A new wetland');
    const result = prepareSave(dir, {
      additions: [
        { path: 'content/zh/00-start.mdx', contents: encode(zh) },
        { path: 'content/en/00-start.mdx', contents: encode(en) },
      ],
      deletions: [],
    });
    expect(result.ok).toBe(true);
    if (result.ok) writeSave(dir, result.body);
    expect(readFileSync(join(dir, 'content/zh/00-start.mdx'), 'utf8')).toBe(zh);
    expect(readFileSync(join(dir, 'content/en/00-start.mdx'), 'utf8')).toBe(en);
    expect(existsSync(join(dir, 'content/zh/00-start.mdx'))).toBe(true);
  });
});

describe('what the screen lists', () => {
  it('every figure with its name and value, every chart with its states, every data file with its groups', () => {
    const model = editorModel(fixture);
    expect(model.problem).toBeUndefined();
    const cover = model.facts['zh']!.find((f) => f.value === 'wetland.cover')!;
    expect(cover.shown).toBe('72%');
    expect(cover.label).toBe('植被覆盖率 · 72% (wetland.cover)');
    expect(model.charts.find((c) => c.id === 'rank')!.states).toEqual(['2020', '2021']);
    const groups = (JSON.parse(wetland().text) as { groups: { key: string }[] }).groups.map((g) => g.key);
    expect(model.data.find((d) => d.name === 'wetland')).toMatchObject({ role: 'dataset', records: 'measure', groups });
    expect(model.data.find((d) => d.name === 'source')!.role).toBe('source');
  });
});

describe('the screen opens on a story that does not build', () => {
  it('lists what the files give, the states each chart’s kind declares, and why the story does not build', () => {
    const dir = copyStory('editor-broken', fixture);
    writeFileSync(join(dir, 'content/charts/dates.yaml'), 'kind: [unclosed\n');
    const data = join(dir, 'data/wetland.json');
    writeFileSync(data, readFileSync(data, 'utf8').replace('"value": 96.5', '"value": 196.5'));
    const model = editorModel(dir);
    expect(model.problem).toMatch(/content\/charts\/dates\.yaml|data\/wetland\.json/);
    expect(model.editions).toEqual(['zh', 'en']);
    expect(model.facts['zh']!.map((f) => f.value)).toContain('wetland.cover');
    // A chart told in steps by its ranks lists their years, as the built chart would.
    expect(model.charts.find((c) => c.id === 'rank')!.states).toEqual(['2020', '2021']);
    expect(model.charts.find((c) => c.id === 'dates')!.states).toEqual([]);
  });
});
