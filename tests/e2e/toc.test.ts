import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storyPage } from '../helpers.ts';
import { browserAvailable, launchBrowser, viewports, watchedContext } from './browser.ts';

/**
 * Each table-of-contents entry whose kicker does not sit over its title (above it, from the
 * same left edge), as "kicker / title: how". Also the number of entries looked at.
 */
async function tocOffenders(page: Page): Promise<{ entries: number; offenders: string[] }> {
  return page.evaluate(() => {
    const entries = [...document.querySelectorAll('nav.toc li a')];
    const offenders = entries.flatMap((a) => {
      const kicker = a.querySelector('.toc__kicker')!.getBoundingClientRect();
      const title = a.querySelector('.toc__label')!.getBoundingClientRect();
      const name = `${a.querySelector('.toc__kicker')!.textContent} / ${a.querySelector('.toc__label')!.textContent}`;
      const out: string[] = [];
      if (kicker.bottom > title.top + 0.5) out.push(`${name}: kicker bottom ${kicker.bottom} below title top ${title.top}`);
      if (Math.abs(kicker.left - title.left) > 0.5) out.push(`${name}: kicker at x ${kicker.left}, title at x ${title.left}`);
      return out;
    });
    return { entries: entries.length, offenders };
  });
}

const cases = (['', 'en/'] as const).flatMap((edition) =>
  (Object.keys(viewports) as (keyof typeof viewports)[]).map((viewport) => ({ edition, viewport })),
);

describe.runIf(browserAvailable())('the table of contents', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const open = async (edition: string, viewport: keyof typeof viewports) => {
    const url = inject('siteUrls').root + edition;
    const { context, traffic } = await watchedContext(browser, new URL(url).origin, { viewport: viewports[viewport] });
    const page = await context.newPage();
    expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
    return { page, context, traffic };
  };

  it.each(cases)('edition "$edition" at $viewport: every entry sets its kicker over its title', async ({ edition, viewport }) => {
    const { page, context, traffic } = await open(edition, viewport);
    const sections = await page.locator('main section.story-section').count();
    const { entries, offenders } = await tocOffenders(page);
    expect(entries).toBe(sections);
    expect(entries).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
    expect(traffic.problems).toEqual([]);
    await context.close();
  });

  it('the check catches the old layout, where one entry set kicker and title side by side at 390 px', async () => {
    const { page, context } = await open('', 'phone');
    // The rules before the fix: a flex row that wraps, with a kicker 12.5rem wide, however long (set
    // through the CSSOM, which the page's Content Security Policy allows, unlike a <style>).
    await page.evaluate(() => {
      const sheet = document.styleSheets[0]!;
      sheet.insertRule('.toc a { flex-direction: row; flex-wrap: wrap; gap: 0 1rem; align-items: baseline }', sheet.cssRules.length);
      sheet.insertRule('.toc__kicker { flex: 0 0 12.5rem }', sheet.cssRules.length);
    });
    const { offenders } = await tocOffenders(page);
    expect(offenders.length).toBeGreaterThan(0);
    // Each offender is named by its entry: the kicker and title of one of the sections in content/zh/.
    const names = storyPage('zh').heads.map((h) => `${h.kicker} / ${h.title}: `);
    expect(offenders.filter((o) => !names.some((n) => o.startsWith(n)))).toEqual([]);
    await context.close();
  });
});
