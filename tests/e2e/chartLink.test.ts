import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser, patience, viewports, watchedContext } from './browser.ts';

let browser: Browser;

describe.runIf(browserAvailable())('the link to a chart', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it.each([
    ['zh', ''],
    ['en', 'en/'],
  ])('copies the absolute address of the figure and says so (%s)', async (_, edition) => {
    const url = `${inject('siteUrls').root}${edition}`;
    const { origin, pathname } = new URL(url);
    const { context, traffic } = await watchedContext(browser, origin, {
      viewport: viewports.desktop,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const link = page.locator('#figure-sewage a[data-copy-link]');
    await link.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), patience).toBe(`${origin}${pathname}#figure-sewage`);
    const status = page.locator('#figure-sewage [data-copy-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe(await link.getAttribute('data-copied'));
    // The link still does what a link does: the address names the figure.
    expect(new URL(page.url()).hash).toBe('#figure-sewage');
    expect(traffic.problems).toEqual([]);
    await context.close();
  });

  it('is a plain link to the figure without JavaScript', async () => {
    const url = inject('siteUrls').sub;
    const { context, traffic } = await watchedContext(browser, new URL(url).origin, {
      viewport: viewports.phone,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#figure-ranking a[data-copy-link]').click();
    expect(new URL(page.url()).hash).toBe('#figure-ranking');
    // The figure is scrolled to: its top is near the top of the viewport.
    const box = (await page.locator('#figure-ranking').boundingBox())!;
    expect(Math.abs(box.y)).toBeLessThan(viewports.phone.height / 2);
    expect(await page.locator('#figure-ranking [data-copy-status]').textContent()).toBe('');
    expect(traffic.problems).toEqual([]);
    await context.close();
  });

  it('copies the embed code with a button that shows only where the clipboard works', async () => {
    const url = inject('siteUrls').root;
    const { context, traffic } = await watchedContext(browser, new URL(url).origin, {
      viewport: viewports.desktop,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const embed = page.locator('#figure-sewage + details.chart-figure__embed');
    await embed.locator('summary').click();
    const button = embed.locator('button[data-copy-code]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    const code = (await embed.locator('pre').textContent())!;
    expect(code).toContain('<iframe');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), patience).toBe(code);
    expect(await embed.locator('[data-copy-status]').textContent()).toBe(await button.getAttribute('data-copied'));
    expect(traffic.problems).toEqual([]);
    await context.close();

    const still = await watchedContext(browser, new URL(url).origin, { viewport: viewports.phone, javaScriptEnabled: false });
    const plain = await still.context.newPage();
    await plain.goto(url);
    expect(await plain.locator('button[data-copy-code]').first().isHidden()).toBe(true);
    await still.context.close();
  });
});
