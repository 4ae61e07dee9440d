import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser, story, viewports, whenEnhanced } from './browser.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pages = {
  story: '',
  data: 'data/',
  english: 'en/',
  englishData: 'en/data/',
  notFound: '404.html',
  embedSteps: 'embed/output/',
  embed: 'embed/environment/',
  englishEmbedSteps: 'en/embed/ranking/',
  englishEmbed: 'en/embed/timeline/',
};

/**
 * The rules whose result can change with the colour scheme alone: the page's structure, names
 * and roles are the same in light and dark, its colours are not.
 */
const colourRules = ['color-contrast', 'link-in-text-block'];

/** axe's findings as sentences: rule, what it asks, and the elements that break it. Every rule of `tags`, or only `rules`. */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  // Open every <details> so the data tables are checked too.
  await page.locator('details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
  const builder = new AxeBuilder({ page }).withTags(tags);
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.runIf(browserAvailable())('accessibility (axe, WCAG 2.2 A and AA)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const cases = Object.entries(pages).map(([name, path]) => ({ name, path }));
  /**
   * Each page is loaded once and checked in both schemes at each viewport, as a reader leaves it:
   * every rule in light, and in dark the rules that colours decide (the rest give the same answer).
   */
  const looks = (Object.keys(viewports) as (keyof typeof viewports)[]).flatMap((viewport) =>
    (['light', 'dark'] as const).map((scheme) => ({ viewport, scheme })),
  );
  it.each(cases)('$name page: no violations, light and dark, on a phone and a desktop', async ({ path }) => {
    const context = await browser.newContext({ colorScheme: looks[0]!.scheme, viewport: viewports[looks[0]!.viewport] });
    const page = await context.newPage();
    await page.goto(inject('siteUrls').root + path);
    const found: string[] = [];
    for (const { viewport, scheme } of looks) {
      await page.setViewportSize(viewports[viewport]);
      await page.emulateMedia({ colorScheme: scheme });
      // Check the page as a reader leaves it: every chart enhanced, one tooltip open.
      for (const figure of await page.locator('figure[data-chart]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-chart')!))) {
        await whenEnhanced(page, figure);
      }
      if (path.includes('embed/')) {
        await page.locator('.chart-figure__chart[role="group"]').focus();
        await page.keyboard.press('ArrowRight');
      }
      if (path === '' || path === 'en/') {
        await page.locator(`#figure-${story.charts[0]} .chart-figure__chart`).focus();
        await page.keyboard.press('ArrowRight');
      }
      found.push(...(await violations(page, scheme === 'dark' ? colourRules : undefined)).map((v) => `${scheme}, ${viewport}: ${v}`));
    }
    expect(found).toEqual([]);
    await context.close();
  });

  it('catches an image without a text alternative and a low-contrast text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(inject('siteUrls').root);
    // Inline style attributes are refused by the page's CSP, so the faint text is styled through the CSSOM.
    await page.locator('#lede .prose').evaluate((el) => {
      el.insertAdjacentHTML('afterbegin', '<img src="favicon.svg" width="20" height="20"><p class="faint">浅色文字</p>');
      const faint = el.querySelector<HTMLElement>('.faint')!;
      faint.style.color = '#ccc';
      faint.style.background = '#fff';
    });
    const found = await violations(page);
    expect(found.some((v) => v.startsWith('image-alt:'))).toBe(true);
    expect(found.some((v) => v.startsWith('color-contrast:'))).toBe(true);
    // The colour rules alone, as the dark looks run them, catch it too.
    expect((await violations(page, colourRules)).filter((v) => v.startsWith('color-contrast:'))).toHaveLength(1);
    await context.close();
  });
});
