import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/links.ts';
import { buildEnv, root, storyFiles } from '../helpers.ts';

// Each rule of the story check is tested in-process (tests/story/); these builds prove the wiring:
// `astro build` stops on the story check with its messages, before anything is compiled, and
// nothing an editor typed runs.

/** Copies the project to a scratch folder, applies a change, builds it and returns the output. */
function copyProject(name: string) {
  const dir = join(root, 'test-output/broken', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['src', 'content', 'data', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(root, f), join(dir, f), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
function buildWith(name: string, change: (dir: string) => void) {
  const dir = copyProject(name);
  change(dir);
  const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: dir, env: buildEnv(), encoding: 'utf8' });
  return { dir, status: run.status, output: `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

/** The first section that places a figure, the first <Fact> tag in it, and its line and column. */
function firstFact() {
  const [file, text] = [...storyFiles()].find(([p, t]) => p.startsWith('content/zh/') && t.includes('<Fact id="'))!;
  const tag = /<Fact id="[^"]+" \/>/.exec(text)![0];
  const before = text.slice(0, text.indexOf(tag));
  return { file, tag, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
const edit = (dir: string, file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, file).not.toBe(before);
  writeFileSync(path, after);
};

describe('a build with bad input stops on the story check', () => {
  it('with the check’s message: what is wrong and what to do, then the file, line and column', () => {
    const { file, tag, line, column } = firstFact();
    const typo = tag.replace(/id="([^"]+)"/, 'id="$1x"');
    const { status, output } = buildWith('unknown-fact', (dir) => edit(dir, file, (t) => t.replace(tag, typo)));
    expect(status).not.toBe(0);
    expect(output).toContain('The story has a problem to fix before it can be built:');
    expect(output).toMatch(
      new RegExp(
        `• Figure “[^”]+x”: it does not exist, but one place uses it: .*\\(${file.replaceAll('.', '\\.')}:${line}:${column}\\)$`,
        'm',
      ),
    );
    // The build stopped before Astro built anything.
    expect(output).not.toMatch(/Building static entrypoints|page\(s\) built/);
  });

  it('on MDX that holds an import, an export or an expression, naming the file and line, and runs none of it', () => {
    const { file } = firstFact();
    const twin = file.replace('/zh/', '/en/');
    const marker = 'CODE-RAN-IN-THE-BUILD';
    const { status, output, dir } = buildWith('code-in-content', (d) => {
      edit(d, file, (t) =>
        t.replace(/\n---\n/, `\n---\nimport { writeFileSync } from 'node:fs';\n\nexport const x = writeFileSync('${marker}', '');\n`),
      );
      edit(d, twin, (t) => `${t}\n{console.log('${marker}')}\n`);
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(new RegExp(`the text imports code \\(import …\\).*\\(${file.replaceAll('.', '\\.')}:\\d+:1\\)`));
    expect(output).toMatch(new RegExp(`the text exports code \\(export …\\).*\\(${file.replaceAll('.', '\\.')}:\\d+:1\\)`));
    expect(output).toMatch(new RegExp(`the text holds code in braces.*\\(${twin.replaceAll('.', '\\.')}:\\d+:1\\)`));
    // The message quotes the code; had it run, the marker file would exist and the log would hold the marker on a line of its own.
    expect(existsSync(join(dir, marker))).toBe(false);
    expect(output).not.toMatch(new RegExp(`^${marker}$`, 'm'));
  });
});

describe('a failed build', () => {
  it('keeps the last good dist/ in place, and the fixed build that follows replaces it; markup typed into data stays text', () => {
    const dir = copyProject('atomic');
    const build = () => spawnSync(process.execPath, ['scripts/build.ts'], { cwd: dir, env: buildEnv(), encoding: 'utf8' });
    // A label holding markup: the page shows it as text, never as an element.
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const [dataFile, dataText] = [...storyFiles()].find(
      ([p, t]) =>
        p.startsWith('data/') && !/\/(source|derived)\.json$/.test(p) && (JSON.parse(t) as { records?: unknown[] }).records?.length,
    )!;
    const attacked = JSON.parse(dataText) as { records: { label: string }[] };
    attacked.records[0]!.label = attack;
    writeFileSync(join(dir, dataFile), JSON.stringify(attacked, null, 2));
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    const good = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    for (const path of ['data/index.html', 'index.html']) {
      const doc = parseHTML(readFileSync(join(dir, 'dist', path), 'utf8')).document;
      const code = [...doc.querySelectorAll('script')].filter((e) => !/json/.test(e.getAttribute('type') ?? ''));
      expect(
        code.some((e) => e.textContent?.includes('alert(1)')),
        path,
      ).toBe(false);
      for (const data of doc.querySelectorAll('script.chart-data')) expect(() => JSON.parse(data.textContent!)).not.toThrow();
      expect(doc.querySelector('img[onerror]'), path).toBeNull();
    }
    expect(readFileSync(join(dir, 'dist/data/index.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    // A rate above 100%: the build fails, and dist/ keeps the last good site. The rate is one no
    // derived figure or rule reads, so that the value that fixes it breaks nothing else.
    const files = storyFiles();
    const derived = files.get('data/derived.json')!;
    type Rec = { id: string; unit?: string; kind?: string; value?: number };
    const [rateFile, rateText] = [...files].find(
      ([p, t]) =>
        p.startsWith('data/') &&
        ((JSON.parse(t) as { records?: Rec[] }).records ?? []).some((r) => r.unit === '%' && !r.kind && !derived.includes(`"${r.id}"`)),
    )!;
    const setRate = (value: number) => {
      const json = JSON.parse(rateText) as { records: Rec[] };
      const record = json.records.find((r) => r.unit === '%' && !r.kind && !derived.includes(`"${r.id}"`))!;
      record.value = value;
      writeFileSync(join(dir, rateFile), JSON.stringify(json, null, 2));
      return record.id;
    };
    setRate(105);
    const failed = build();
    expect(failed.status).not.toBe(0);
    expect(failed.stdout + failed.stderr).toMatch(/“value” is 105\. It should be a rate between 0 and 100 \(%\)/);
    expect(failed.stderr).toContain('dist/ still holds the last good build');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe(good);
    expect(existsSync(join(dir, '.dist-next'))).toBe(false);

    // The round trip: once the editor fixes the error, the next build replaces dist/ with a
    // complete, working site that shows the fix.
    const fixedValue = 96;
    const id = setRate(fixedValue);
    const fixed = build();
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('dist/ now holds the new build');
    for (const scratch of ['.dist-next', '.dist-old']) expect(existsSync(join(dir, scratch)), scratch).toBe(false);
    const data = parseHTML(readFileSync(join(dir, 'dist/data/index.html'), 'utf8')).document;
    expect(data.querySelector(`[id="fact-${id.replaceAll('.', '-')}"] td.num`)?.textContent?.trim()).toBe(`${fixedValue}%`);
    for (const path of ['index.html', 'en/index.html', 'data/index.html', 'en/data/index.html', '404.html'])
      expect(existsSync(join(dir, 'dist', path)), path).toBe(true);
    // Every link, script and asset the pages name is in the new dist/.
    expect(checkLinks(join(dir, 'dist'))).toEqual([]);
  });
});
