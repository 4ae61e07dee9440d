import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { budgets, checkBudgets, measure } from '../../scripts/budget.ts';
import { checkLinks } from '../../scripts/links.ts';
import { checkNu, htmlPages, javaAvailable } from '../../scripts/nu.ts';
import { realStory, root } from '../helpers.ts';
import { sites, type SiteName } from '../setup/sites.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
/** The story's charts: each has an embed page in each edition. */
const charts = realStory().chartIds;
const embedPages = ['', 'en/'].flatMap((edition) => charts.map((c) => `${edition}embed/${c}/index.html`));
const pages = ['index.html', 'data/index.html', 'en/index.html', 'en/data/index.html', '404.html', ...embedPages];

/**
 * The W3C Nu checker needs Java. Without it the check is skipped with a loud warning on a
 * developer's machine, and fails under CI, where a skip would hide a gap.
 */
function nuAvailable(): boolean {
  if (javaAvailable()) return true;
  const install = 'apt-get update && apt-get install -y --no-install-recommends default-jre-headless';
  if (process.env['CI']) throw new Error(`Java is required under CI for the W3C Nu checker but was not found; install it: ${install}`);
  console.warn(`\n${'!'.repeat(72)}\n  NU CHECKS SKIPPED: no Java found. Install Debian's: ${install}\n${'!'.repeat(72)}\n`);
  return false;
}
const nu = nuAvailable();

/** A copy of a built site with one thing broken on purpose, to see a gate catch it. */
function broken(name: string, site: SiteName, breakIt: (dir: string) => void) {
  const dir = join(root, 'test-output/broken-site', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(sites[site].dir, dir, { recursive: true });
  breakIt(dir);
  return dir;
}
const editIndex = (dir: string, from: string, to: string) => {
  const file = join(dir, 'index.html');
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
};

describe.each(Object.keys(sites) as SiteName[])('the %s build', (site) => {
  const { dir, base } = sites[site];
  // The root build was made for its own address; the sub-path build for none.
  const address = site === 'root' ? inject('rootSite') : undefined;

  it.each(pages)('%s is valid HTML', async (page) => {
    const report = await validator.validateFile(join(dir, page));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it.runIf(nu)('passes the W3C Nu checker on every page', () => {
    expect(htmlPages(dir)).toEqual([...pages].sort());
    expect(checkNu(dir)).toEqual([]);
  });

  it('has no broken link, asset or anchor', () => {
    expect(checkLinks(dir, base, address)).toEqual([]);
  });

  it('keeps every page within the budgets', () => {
    const rows = measure(dir, base);
    expect(rows.map((r) => r.page).sort()).toEqual([...pages].sort());
    expect(checkBudgets(rows)).toEqual([]);
  });
});

describe('each gate catches what it guards', () => {
  it('html-validate reports a duplicate id and an unclosed element', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><p id="a">x</p><p id="a"><span>y</p></body></html>',
    );
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toContain('no-dup-id');
    expect(rules).toContain('close-order');
  });

  it.runIf(nu)('the Nu checker reports a script after </html>, which html-validate misses', async () => {
    const dir = broken('nu', 'sub', (d) => {
      const file = join(d, 'index.html');
      const html = readFileSync(file, 'utf8');
      const script = /<script type="module"[^>]*><\/script>/.exec(html)![0];
      writeFileSync(file, html.replace(script, '').replace('</html>', `</html>${script}`));
    });
    expect(checkNu(dir, ['index.html'])).toEqual([
      expect.stringMatching(/^index\.html:\d+:\d+ Stray start tag “script”\.$/),
      expect.stringMatching(/^index\.html:\d+:\d+ Cannot recover after last error\. Any further errors will be ignored\. \(fatal\)$/),
    ]);
    // The reason the Nu checker is in the gate: html-validate passes this page.
    const report = await validator.validateFile(join(dir, 'index.html'));
    expect(report.valid).toBe(true);
  });

  it('the link check reports a broken anchor and a missing asset, naming the page', () => {
    const dir = broken('links', 'sub', (d) =>
      editIndex(d, '<main id="story"', '<a href="#nowhere">x</a><img src="missing.png" alt="x"><main id="story"'),
    );
    expect(checkLinks(dir, sites.sub.base)).toEqual([
      'index.html: #nowhere → no element with id "nowhere"',
      'index.html: missing.png → /stories/anfu/missing.png does not exist',
    ]);
  });

  it('the link check reports a root-relative link that ignores the base path', () => {
    const dir = broken('base', 'sub', (d) => editIndex(d, '<main id="story"', '<a href="/favicon.svg">x</a><main id="story"'));
    expect(checkLinks(dir, sites.sub.base)).toEqual([
      'index.html: /favicon.svg → /favicon.svg does not exist (outside the base /stories/anfu/)',
    ]);
  });

  it('the link check reports a request to another origin', () => {
    const dir = broken('origin', 'root', (d) =>
      editIndex(d, '</head>', '<link rel="stylesheet" href="https://cdn.example.com/x.css"></head>'),
    );
    expect(checkLinks(dir, sites.root.base, inject('rootSite'))).toEqual([
      'index.html: https://cdn.example.com/x.css points at another origin',
    ]);
  });

  it('the budget check reports a 40 KB script', () => {
    const dir = broken('budget', 'root', (d) => {
      // Random bytes do not compress, so 40 KB of them stays over the 25 KB gzipped budget.
      let seed = 1;
      const noise = Array.from(
        { length: 40 * 1024 },
        () => ((seed = (seed * 16807) % 2147483647), String.fromCharCode(33 + (seed % 90))),
      ).join('');
      writeFileSync(join(d, 'heavy.js'), `window.noise=${JSON.stringify(noise)};`);
      editIndex(d, '</head>', '<script src="/heavy.js" defer></script></head>');
    });
    const breaches = checkBudgets(measure(dir));
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatch(/^index\.html: ships \d+\.\d KB of gzipped JavaScript; the budget is 25\.0 KB$/);
  });

  it('the budget check holds an embed page to its own, smaller first view', () => {
    const dir = broken('budget-embed', 'root', (d) => {
      let seed = 7;
      const noise = Array.from(
        { length: 8 * 1024 },
        () => ((seed = (seed * 16807) % 2147483647), String.fromCharCode(33 + (seed % 90))),
      ).join('');
      const file = join(d, 'embed/output/index.html');
      writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', `<p hidden>${noise}</p></main>`));
    });
    const breaches = checkBudgets(measure(dir));
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatch(
      new RegExp(
        `^embed/output/index\\.html: first view is \\d+\\.\\d KB gzipped; the budget is ${(budgets.embedFirstView / 1024).toFixed(1)} KB$`,
      ),
    );
  });
});
