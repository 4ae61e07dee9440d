import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../../scripts/nu.ts';
import { strayFullWidth } from '../../src/story/english.ts';
import { realStory } from '../helpers.ts';
import { sites } from '../setup/sites.ts';

/** Every string of a JSON value. */
const stringsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(stringsOf) : [];

/** What a reader, a screen reader or a link preview gets from an English page. */
function readerText(html: string): { where: string; text: string }[] {
  const { document } = parseHTML(html);
  const out: { where: string; text: string }[] = [];
  // JSON the page carries: the charts' data (tooltips and the live region read it) and the NewsArticle.
  for (const s of document.querySelectorAll('script[type="application/json"], script[type="application/ld+json"]'))
    for (const text of stringsOf(JSON.parse(s.textContent ?? 'null'))) out.push({ where: 'JSON', text });
  document.querySelectorAll('script, style').forEach((e) => e.remove());
  // Visible text, the chart views kept in <template> for the enhancer included.
  out.push({ where: 'text', text: document.documentElement.textContent ?? '' });
  for (const attr of ['title', 'aria-label', 'aria-description', 'alt', 'placeholder'])
    for (const e of document.querySelectorAll(`[${attr}]`)) out.push({ where: `[${attr}]`, text: e.getAttribute(attr)! });
  for (const e of document.querySelectorAll('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]'))
    out.push({ where: `meta ${e.getAttribute('name') ?? e.getAttribute('property')}`, text: e.getAttribute('content') ?? '' });
  return out;
}

describe('English pages', () => {
  const { dir } = sites.sub;
  const english = htmlPages(dir).filter((p) => p.startsWith('en/'));

  it('are all scanned', () => {
    // The data page, an embed page for each of the story's charts, and the story.
    const charts = realStory().chartIds;
    expect(charts.length).toBeGreaterThan(0);
    expect(english).toEqual(['en/data/index.html', ...charts.map((c) => `en/embed/${c}/index.html`), 'en/index.html'].sort());
  });

  it.each(english)('%s uses English punctuation outside quoted Chinese', (page) => {
    const found = readerText(readFileSync(join(dir, page), 'utf8')).flatMap(({ where, text }) =>
      strayFullWidth(text).map((s) => `${where}: …${s}…`),
    );
    expect(found).toEqual([]);
  });

  it('the scan catches full-width punctuation in English and allows it in quoted Chinese', () => {
    expect(strayFullWidth('Sewage, waste gas、 solid waste')).toEqual(['Sewage, waste gas、 solid waste']);
    expect(strayFullWidth('Output of high-tech products：CNY 8.43 billion（derived）')).toHaveLength(3);
    expect(strayFullWidth('the so-called “scattered, disorderly and polluting” (散乱污) firms')).toEqual([]);
    expect(strayFullWidth('the report (吉安安福高新园区：以绿色发展为基 拥抱产业未来), by')).toEqual([]);
    // Found in attributes and in the charts' data as well as in the text.
    const page =
      '<!doctype html><html lang="en"><head><meta name="description" content="Rates；unstated"></head><body>' +
      '<p title="a，b">ok</p><script type="application/json" class="chart-data">{"live":"2018：none"}</script></body></html>';
    expect(readerText(page).flatMap(({ where, text }) => strayFullWidth(text).map(() => where))).toEqual([
      'JSON',
      '[title]',
      'meta description',
    ]);
  });
});
