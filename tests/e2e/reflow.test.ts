/**
 * Reflow (WCAG 1.4.10) and text size (1.4.4): at 320 CSS px, and at 640 px with the text at
 * 200%, no page of either edition scrolls sideways and every chart keeps its labels inside its
 * drawing; with WCAG 1.4.12's text spacing at 320 px, the page still does not scroll sideways.
 * The text is enlarged as a reader's text-size setting does, on the root element: the site sets
 * its sizes in rem and em, so everything that is text grows with it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser, watchedContext } from './browser.ts';

/** WCAG 1.4.12's spacing, as the bookmarklets testers use apply it. */
const textSpacing = [
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }',
  'p { margin-bottom: 2em !important }',
];

const conditions = [
  { name: '320 px', width: 320, rules: [] as string[], labels: true },
  { name: '640 px, text at 200%', width: 640, rules: ['html { font-size: 200% !important }'], labels: true },
  // Chart labels are laid out at build for the site's own spacing; wider letters run past their marks.
  { name: '320 px, WCAG text spacing', width: 320, rules: textSpacing, labels: false },
];
const pages = ['', 'data/', 'en/', 'en/data/'];

/** How far the page scrolls sideways, and what sticks out past the viewport's right edge. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !e.closest('svg') && getComputedStyle(e).position !== 'fixed';
      })
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`);
    return { scroll: document.documentElement.scrollWidth - width, out: [...new Set(out)].slice(0, 5) };
  });

/** Every label of a shown chart drawing that runs past the drawing's left or right edge. */
const labelsOutside = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    let labels = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-chart] svg')) {
      const box = svg.getBoundingClientRect();
      if (!box.width || !box.height) continue;
      for (const t of svg.querySelectorAll('text')) {
        const b = t.getBoundingClientRect();
        if (!b.width) continue;
        labels++;
        if (b.left < box.left - 1 || b.right > box.right + 1)
          out.push(`${svg.closest('figure')!.getAttribute('data-chart')}: “${t.textContent}”`);
      }
    }
    return { labels, out };
  });

describe.runIf(browserAvailable())('reflow, text size and text spacing, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it.each(conditions.flatMap((c) => pages.map((path) => ({ ...c, path }))))(
    '"$path" at $name: nothing scrolls sideways, and the charts keep their labels (but with wider spacing)',
    async ({ path, width, rules, labels }) => {
      const url = inject('siteUrls').root + path;
      const { context, traffic } = await watchedContext(browser, new URL(url).origin, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
      // Through the CSSOM, which the page's Content Security Policy allows (a <style> it would refuse).
      await page.evaluate((rules) => {
        const sheet = document.styleSheets[0]!;
        for (const rule of rules) sheet.insertRule(rule, sheet.cssRules.length);
      }, rules);
      await page.evaluate(() => new Promise(requestAnimationFrame));
      expect(await sideways(page)).toEqual({ scroll: 0, out: [] });
      if (labels && !path.includes('data/')) {
        const { labels: count, out } = await labelsOutside(page);
        expect(count).toBeGreaterThan(20);
        expect(out).toEqual([]);
      }
      expect(traffic.problems).toEqual([]);
      await context.close();
    },
  );
});
