/**
 * Reflow (WCAG 1.4.10), text size (1.4.4) and text spacing (1.4.12), in Chromium and in Firefox:
 * at 320 CSS px, at 640 px with the text at 200%, and at 320 px with 1.4.12's spacing, no page of
 * either edition scrolls sideways, no text is clipped by a box too small for it, and every chart
 * label stays on the screen and clear of every other label. The text is enlarged as a reader's
 * text-size setting does, on the root element: the site sets its sizes in rem and em, so
 * everything that is text grows with it.
 */
import puppeteer from 'puppeteer-core';
import type { Browser as Chromium } from 'playwright-core';
import type { Browser as Firefox } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { firefoxPath } from '../../scripts/browser.ts';
import { browserAvailable, firefoxAvailable, launchBrowser, watchedContext } from './browser.ts';

/** WCAG 1.4.12's spacing, as the bookmarklets testers use apply it. */
const textSpacing = [
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }',
  'p { margin-bottom: 2em !important }',
];

const conditions = [
  { name: '320 px', width: 320, rules: [] as string[] },
  { name: '640 px, text at 200%', width: 640, rules: ['html { font-size: 200% !important }'] },
  { name: '320 px, WCAG text spacing', width: 320, rules: textSpacing },
];
const pages = ['', 'data/', 'en/', 'en/data/'];
const cases = conditions.flatMap((c) => pages.map((path) => ({ ...c, path })));

interface Reading {
  /** How far the page scrolls sideways. */
  scroll: number;
  /** Elements that stick out past the viewport's right edge. */
  out: string[];
  /** Boxes that cut off their own text (an overflow that hides). */
  clipped: string[];
  /** Chart labels, and those off the screen or over another label. */
  labels: number;
  offscreen: string[];
  overlapping: string[];
}

/**
 * Applies `rules` through the CSSOM (which the page's Content Security Policy allows, where it
 * would refuse a <style>), waits a frame, and reads the page. Runs in the page, in either engine.
 */
async function read(rules: string[]): Promise<Reading> {
  const sheet = document.styleSheets[0]!;
  for (const rule of rules) sheet.insertRule(rule, sheet.cssRules.length);
  await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const width = document.documentElement.clientWidth;
  const name = (e: Element) =>
    `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : ''}`;
  const html = [...document.querySelectorAll('body *')].filter((e) => !e.closest('svg'));
  const out = html.filter((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== 'fixed';
  });
  // A box that hides its overflow and holds more text than it shows; the visually hidden text
  // for screen readers (a 1 px box by design) and scrolling boxes are not clipping.
  const clipped = html.filter((e) => {
    const style = getComputedStyle(e);
    if (!/hidden|clip/.test(style.overflowX + style.overflowY) || !e.textContent?.trim()) return false;
    const box = e.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2) return false;
    return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
  });
  const offscreen: string[] = [];
  const overlapping: string[] = [];
  let labels = 0;
  for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-chart] svg')) {
    const frame = svg.getBoundingClientRect();
    if (!frame.width || !frame.height) continue;
    const chart = svg.closest('figure')!.getAttribute('data-chart');
    const scale = frame.width / svg.viewBox.baseVal.width;
    // Each label as the band its letters fill: its box's width, and its font size about the box's middle
    // (a box's height is the font's ascent and descent, which lines set close together overlap by design).
    const texts = [...svg.querySelectorAll('text')].flatMap((t) => {
      const b = t.getBoundingClientRect();
      if (!b.width || getComputedStyle(t).visibility === 'hidden' || Number(getComputedStyle(t).opacity) === 0) return [];
      const half = (parseFloat(getComputedStyle(t).fontSize) * scale) / 2;
      const middle = (b.top + b.bottom) / 2;
      return [{ text: t.textContent ?? '', left: b.left, right: b.right, top: middle - half * 0.8, bottom: middle + half * 0.8 }];
    });
    labels += texts.length;
    for (const t of texts) if (t.left < -1 || t.right > width + 1) offscreen.push(`${chart}: “${t.text}”`);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = [texts[i]!, texts[j]!];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
          overlapping.push(`${chart}: “${a.text}” over “${b.text}”`);
      }
  }
  return {
    scroll: document.documentElement.scrollWidth - width,
    out: [...new Set(out.map(name))].slice(0, 5),
    clipped: [...new Set(clipped.map(name))].slice(0, 5),
    labels,
    offscreen,
    overlapping,
  };
}

function expectReflows(reading: Reading, path: string) {
  expect({ scroll: reading.scroll, out: reading.out, clipped: reading.clipped }).toEqual({ scroll: 0, out: [], clipped: [] });
  if (path.includes('data/')) return;
  expect(reading.labels).toBeGreaterThan(20);
  expect(reading.offscreen).toEqual([]);
  expect(reading.overlapping).toEqual([]);
}

describe.runIf(browserAvailable())('reflow, text size and text spacing, in Chromium', () => {
  let browser: Chromium;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it.each(cases)(
    '"$path" at $name: nothing scrolls sideways or is cut off, and chart labels stay on screen and apart',
    async ({ path, width, rules }) => {
      const url = inject('siteUrls').root + path;
      const { context, traffic } = await watchedContext(browser, new URL(url).origin, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
      expectReflows(await page.evaluate(read, rules), path);
      expect(traffic.problems).toEqual([]);
      await context.close();
    },
  );

  it('sees a label pushed off the screen, two labels on one another, and text cut off', async () => {
    const url = inject('siteUrls').root;
    const { context } = await watchedContext(browser, new URL(url).origin, { viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('figure[data-chart] .chart-variant--compact svg')!;
      const [a, b] = [...svg.querySelectorAll('text')];
      a!.setAttribute('x', String(svg.viewBox.baseVal.width + 40));
      b!.setAttribute('x', svg.querySelectorAll('text')[2]!.getAttribute('x')!);
      b!.setAttribute('y', svg.querySelectorAll('text')[2]!.getAttribute('y')!);
      document.querySelector<HTMLElement>('main p')!.style.cssText = 'height: 1em; overflow: hidden';
    });
    const reading = await page.evaluate(read, []);
    expect(reading.offscreen).toHaveLength(1);
    expect(reading.overlapping.length).toBeGreaterThan(0);
    expect(reading.clipped).toHaveLength(1);
    expect(reading.clipped[0]).toMatch(/^p\b/);
    await context.close();
  });
});

describe.runIf(firefoxAvailable())('reflow, text size and text spacing, in Firefox', () => {
  let browser: Firefox;
  beforeAll(async () => {
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath()!, headless: true });
  });
  afterAll(() => browser?.close());

  it.each(cases)(
    '"$path" at $name: nothing scrolls sideways or is cut off, and chart labels stay on screen and apart',
    async ({ path, width, rules }) => {
      const url = inject('siteUrls').root + path;
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height: 900 });
      expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
      expectReflows(await page.evaluate(read, rules), path);
      await context.close();
    },
  );
});
