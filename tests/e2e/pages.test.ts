import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root } from '../helpers.ts';
import type { SiteName } from '../setup/sites.ts';
import { browserAvailable, launchBrowser, patience, story, viewports, watchedContext, whenEnhanced } from './browser.ts';

/** The laid-out width of the document, which exceeds the viewport when anything overflows. */
async function contentWidth(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
  return cssContentSize.width;
}

const shots = join(root, 'test-output/screenshots');
// Both builds in Chinese, and the English edition of the root build.
const cases = [
  ...(['root', 'sub'] as SiteName[]).map((site) => ({ site, edition: '' })),
  { site: 'root' as SiteName, edition: 'en/' },
].flatMap(({ site, edition }) =>
  (Object.keys(viewports) as (keyof typeof viewports)[]).flatMap((viewport) =>
    [true, false].map((js) => ({ site, edition, viewport, js })),
  ),
);

describe.runIf(browserAvailable())('the story in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(() => browser?.close());

  it.each(cases)(
    '$site site $edition, $viewport, JavaScript $js: complete, contained and self-sufficient',
    async ({ site, edition, viewport, js }) => {
      const url = inject('siteUrls')[site] + edition;
      const { context, traffic } = await watchedContext(browser, new URL(url).origin, {
        viewport: viewports[viewport],
        javaScriptEnabled: js,
      });
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);

      for (const id of story.sections) {
        const box = await page.locator(`#${id}`).boundingBox();
        expect(box?.height, `section #${id}`).toBeGreaterThan(100);
      }
      for (const id of story.charts) {
        if (js) await whenEnhanced(page, id);
        // One prerendered width shows per chart, readable and on screen. A sequence with JavaScript
        // is one sticky graphic; without, each step shows its own chart.
        const visible = page.locator(`#figure-${id} .chart-variant svg`).filter({ visible: true });
        const steps = await page.locator(`#figure-${id} .scrolly-step`).count();
        expect(await visible.count(), `chart ${id}: charts visible`).toBe(js ? 1 : Math.max(steps, 1));
        if (steps) expect(await page.locator(`#figure-${id} .scrolly__graphic`).isVisible(), `chart ${id}: sticky graphic`).toBe(js);
        for (const svg of await visible.all()) {
          const box = (await svg.boundingBox())!;
          expect(box.width).toBeGreaterThan(250);
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(viewports[viewport].width);
        }
        // The data table opens from the keyboard.
        const summary = page.locator(`#figure-${id} summary`);
        await summary.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator(`#figure-${id} table`).isVisible(), patience).toBe(true);
      }

      expect(await contentWidth(page), 'no horizontal overflow').toBeLessThanOrEqual(viewports[viewport].width);

      expect(traffic.requests.length).toBeGreaterThan(0);
      expect(traffic.requests.every((r) => r.startsWith(new URL(url).origin))).toBe(true);
      expect(traffic.problems).toEqual([]);
      if (site === 'root')
        await page.screenshot({ path: join(shots, `${edition ? 'en-' : ''}${viewport}${js ? '' : '-nojs'}.png`), fullPage: true });
      await context.close();
    },
  );

  it('catches horizontal overflow and a request to another origin', async () => {
    const url = inject('siteUrls').root;
    const { context, traffic } = await watchedContext(browser, new URL(url).origin, { viewport: viewports.phone });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#lede .prose').evaluate((el) => {
      el.insertAdjacentHTML('afterbegin', '<div class="too-wide"></div><img alt="" src="https://cdn.example.com/pixel.png">');
      // Inline style attributes are refused by the page's CSP; the CSSOM is not.
      Object.assign(el.querySelector<HTMLElement>('.too-wide')!.style, { width: '1200px', height: '4px' });
    });
    await expect.poll(() => traffic.problems.length, patience).toBeGreaterThan(0);
    // The page's CSP refuses the image before any request; were it allowed, the watcher would record the request.
    expect(traffic.problems.some((p) => p.includes('cdn.example.com/pixel.png'))).toBe(true);
    expect(await contentWidth(page)).toBeGreaterThan(viewports.phone.width);
    await context.close();
  });

  it('serves the 404 page, styled, under the sub-path', async () => {
    const url = inject('siteUrls').sub;
    const { context, traffic } = await watchedContext(browser, new URL(url).origin, { viewport: viewports.phone });
    const page = await context.newPage();
    const response = await page.goto(`${url}does-not-exist/`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('找不到这个页面');
    await page.locator('main a').click();
    await page.waitForURL(url);
    // A request the link cut short by leaving the page (its icon, still loading) is not a fault.
    expect(traffic.problems.filter((p) => !p.endsWith('(net::ERR_ABORTED)'))).toEqual([]);
    await context.close();
  });
});
