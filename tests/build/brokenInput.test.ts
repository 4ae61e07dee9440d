import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/links.ts';
import { buildEnv, root } from '../helpers.ts';

/** Copies the project to a scratch folder, applies a change, builds it and returns the output. */
function buildWith(name: string, change: (dir: string) => void) {
  const dir = join(root, 'test-output/broken', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['src', 'content', 'data', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(root, f), join(dir, f), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  change(dir);
  const run = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    env: buildEnv(),
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

const edit = (dir: string, file: string, from: string, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

/** Line and column (1-based) where `text` first occurs in a project file. */
function placeOf(file: string, text: string) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text)) + 1;
  expect(line, text).toBeGreaterThan(0);
  return { line, column: lines[line - 1]!.indexOf(text) + 1 };
}

describe('a build with bad input stops with a message an editor can act on', () => {
  it('names the MDX file, line and column of an unknown <Fact> id', () => {
    const file = 'content/zh/01-crackdown.mdx';
    const { line, column } = placeOf(file, '<Fact id="output.total.2019" />');
    const { status, output } = buildWith('unknown-fact', (dir) =>
      edit(dir, file, '<Fact id="output.total.2019" />', '<Fact id="output.totl.2019" />'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`${file}:${line}:${column}: unknown fact id "output.totl.2019"`);
  });

  it('names the place of a <Step> out of the chart order, with the order expected', () => {
    const file = 'content/en/04-refinement.mdx';
    // The second step, which will name 2018.
    const { line, column } = placeOf(file, '<Step state="2019">');
    const { status, output } = buildWith('step-order', (dir) => {
      edit(dir, file, '<Step state="2018">', '<Step state="@">');
      edit(dir, file, '<Step state="2019">', '<Step state="2018">');
      edit(dir, file, '<Step state="@">', '<Step state="2019">');
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${file}:${line}:${column}: <Step state="2018"> is out of order; expected steps for the states 2018, 2019 in this order`,
    );
  });

  it('stops the MDX compile at a tag whose id is an expression, naming line and column', () => {
    const file = 'content/zh/02-platform.mdx';
    const { line, column } = placeOf(file, '<Chart id="sewage" />');
    const { status, output } = buildWith('expression-id', (dir) => edit(dir, file, '<Chart id="sewage" />', '<Chart id={"sewage"} />'));
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${file}:${line}:${column}: <Chart id={"sewage"}>: write the id in quotes, e.g. <Chart id="my-chart" />; an expression cannot be checked`,
    );
  });

  it('names the data file and field of a rate above 100%', () => {
    const { status, output } = buildWith('rate-over-100', (dir) => edit(dir, 'data/environment.json', '"value": 95,', '"value": 105,'));
    expect(status).not.toBe(0);
    expect(output).toContain('data/environment.json: records[3].value: expected a rate between 0 and 100 (%), got 105');
  });

  it('names the section file of a missing front-matter field', () => {
    const { status, output } = buildWith('missing-title', (dir) =>
      edit(
        dir,
        'content/zh/02-platform.mdx',
        /\ntitle: .*\n/.exec(readFileSync(join(root, 'content/zh/02-platform.mdx'), 'utf8'))![0],
        '\n',
      ),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('02-platform data does not match collection schema');
    expect(output).toMatch(/title: Required/);
    expect(output).toMatch(/content\/zh\/02-platform\.mdx/);
  });
});

describe('more bad input', () => {
  it('names the MDX file, line and column of an unknown chart id', () => {
    const file = 'content/zh/02-platform.mdx';
    const { line, column } = placeOf(file, '<Chart id="sewage" />');
    const { status, output } = buildWith('unknown-chart', (dir) => edit(dir, file, '<Chart id="sewage" />', '<Chart id="sewer" />'));
    expect(status).not.toBe(0);
    expect(output).toContain(`${file}:${line}:${column}: unknown chart id "sewer"`);
  });

  it('names the MDX file of broken MDX syntax', () => {
    const { status, output } = buildWith('broken-mdx', (dir) =>
      edit(dir, 'content/zh/03-environment.mdx', '\n\n', '\n\n<Fact id="env.greenCoverage"\n\n'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/zh\/03-environment\.mdx/);
  });

  it('renders markup typed into a data field as text, never as a script', () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { status } = buildWith('injection', (dir) =>
      edit(dir, 'data/environment.json', '"label": "绿化覆盖率"', `"label": ${JSON.stringify(attack)}`),
    );
    expect(status).toBe(0);
    for (const path of ['data/index.html', 'index.html']) {
      const html = readFileSync(join(root, 'test-output/broken/injection/dist', path), 'utf8');
      const doc = parseHTML(html).document;
      // No element came out of the text: no such script, no image with a handler. (Inside an attribute value it is inert text.)
      const code = [...doc.querySelectorAll('script')].filter((e) => !/json/.test(e.getAttribute('type') ?? ''));
      expect(
        code.some((e) => e.textContent?.includes('alert(1)')),
        path,
      ).toBe(false);
      // In the charts' JSON data it stays data: it parses back to the text typed.
      for (const data of doc.querySelectorAll('script.chart-data')) expect(() => JSON.parse(data.textContent!)).not.toThrow();
      expect(doc.querySelector('img[onerror]'), path).toBeNull();
    }
    const table = readFileSync(join(root, 'test-output/broken/injection/dist/data/index.html'), 'utf8');
    expect(table).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('a failed build', () => {
  it('keeps the last good dist/ in place, and the fixed build that follows replaces it', () => {
    const dir = join(root, 'test-output/broken', 'atomic');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of ['src', 'content', 'data', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
      cpSync(join(root, f), join(dir, f), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const build = () => spawnSync(process.execPath, ['scripts/build.ts'], { cwd: dir, env: buildEnv(), encoding: 'utf8' });
    expect(build().status).toBe(0);
    const good = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    edit(dir, 'data/environment.json', '"value": 95,', '"value": 105,');
    const failed = build();
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('dist/ still holds the last good build');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe(good);
    expect(existsSync(join(dir, '.dist-next'))).toBe(false);

    // The round trip: once the editor fixes the error, the next build replaces dist/ with a
    // complete, working site that shows the fix.
    edit(dir, 'data/environment.json', '"value": 105,', '"value": 96,');
    const fixed = build();
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('dist/ now holds the new build');
    for (const scratch of ['.dist-next', '.dist-old']) expect(existsSync(join(dir, scratch)), scratch).toBe(false);
    const page = parseHTML(readFileSync(join(dir, 'dist/index.html'), 'utf8')).document;
    const shown = [...page.querySelectorAll('[data-fact="env.sewageCollection"]')].map((e) => e.textContent);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['96%']));
    for (const path of ['index.html', 'en/index.html', 'data/index.html', 'en/data/index.html', '404.html'])
      expect(existsSync(join(dir, 'dist', path)), path).toBe(true);
    // Every link, script and asset the pages name is in the new dist/.
    expect(checkLinks(join(dir, 'dist'))).toEqual([]);
  });
});
