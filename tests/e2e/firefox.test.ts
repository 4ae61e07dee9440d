/**
 * The reader checks in a second engine: Debian's Firefox ESR, driven by puppeteer-core over
 * WebDriver BiDi (Playwright cannot drive a stock Firefox). Each story page, in both
 * editions and both builds, at phone and desktop widths: it loads with no console error,
 * failed request or request to another origin, nothing overflows sideways, every chart is
 * enhanced, the keyboard reaches a chart and reads its values, and the scrolly moves.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { firefoxPath } from '../../scripts/browser.ts';
import type { SiteName } from '../setup/sites.ts';
import { firefoxAvailable, patience, story, viewports } from './browser.ts';

type Viewport = keyof typeof viewports;

const cases = (['root', 'sub'] as SiteName[]).flatMap((site) =>
  ['', 'en/'].flatMap((edition) =>
    (Object.keys(viewports) as Viewport[]).map((viewport) => ({ site, edition, lang: edition ? 'en' : 'zh', viewport })),
  ),
);

/** Every URL the page asks for, and its console errors, page errors, failed requests, HTTP errors and requests to another origin, as sentences. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
  page.on('request', (r) => {
    requests.push(r.url());
    if (!r.url().startsWith('data:') && new URL(r.url()).origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { problems, requests };
}

/** How far the document reaches past the viewport sideways (0 when nothing overflows). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.runIf(firefoxAvailable())('the story in Firefox (WebDriver BiDi)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath()!, headless: true });
  });
  afterAll(() => browser?.close());

  /** A fresh profile's page at a width, watched from the start. */
  async function open(url: string, viewport: Viewport) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(viewports[viewport]);
    const { problems, requests } = watch(page, new URL(url).origin);
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, problems, requests, close: () => context.close() };
  }

  it.each(cases)(
    '$site site, $lang, $viewport: loads clean and contained; charts, keys and scrolly work',
    async ({ site, edition, lang, viewport }) => {
      const { page, problems, requests, close } = await open(inject('siteUrls')[site] + edition, viewport);
      expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
      for (const id of story.sections) {
        const height = await page.$eval(`#${id}`, (el) => el.getBoundingClientRect().height);
        expect(height, `section #${id}`).toBeGreaterThan(100);
      }

      // Every chart comes alive as it nears the viewport.
      expect(await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.getAttribute('data-chart')))).toEqual(story.charts);
      for (const id of story.charts) {
        const host = `#figure-${id} :is(story-chart, story-scrolly)`;
        await page.$eval(host, (el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForSelector(`${host}[data-enhanced="true"]`, { timeout: patience.timeout });
      }
      expect(await overflow(page), 'no horizontal overflow').toBeLessThanOrEqual(0);

      // Tab from the chart's last control (Listen) reaches the chart; the arrow keys move the tooltip and the live region reads it.
      await page.focus('#figure-environment button[data-listen]');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('#figure-environment .chart-figure__chart'))).toBe(true);
      const reading = () =>
        page.$eval('#figure-environment .chart-figure__chart', (area) => {
          const tip = area.querySelector<HTMLElement>('.chart-tooltip')!;
          const part = (sel: string) => tip.querySelector(sel)?.textContent ?? '';
          const box = tip.getBoundingClientRect();
          return {
            shown: !tip.hidden,
            tip: { value: part('strong'), label: part('span'), source: part('small') },
            box: { left: box.left, right: box.right },
            live: area.querySelector('[aria-live]')!.textContent,
            active: area.querySelectorAll('.mark.is-active').length,
          };
        });
      const said = (r: Awaited<ReturnType<typeof reading>>) =>
        lang === 'zh' ? `${r.tip.label}：${r.tip.value}（${r.tip.source}）` : `${r.tip.label}: ${r.tip.value} (${r.tip.source})`;
      await page.keyboard.press('ArrowRight');
      const first = await reading();
      expect(first.shown).toBe(true);
      expect(first.tip.value).not.toBe('');
      expect(first.live).toBe(said(first));
      expect(first.active).toBeGreaterThan(0);
      expect(first.box.left).toBeGreaterThanOrEqual(0);
      expect(first.box.right).toBeLessThanOrEqual(viewports[viewport].width);
      await page.keyboard.press('End');
      const last = await reading();
      expect(last.tip.label).not.toBe(first.tip.label);
      expect(last.live).toBe(said(last));
      await page.keyboard.press('Escape');
      expect((await reading()).shown).toBe(false);

      // The scrolly graphic follows the steps.
      const output = '#figure-output story-scrolly';
      expect(await page.$eval(output, (el) => el.classList.contains('is-scrolly'))).toBe(true);
      for (const step of [0, 2, 1]) {
        await page.$eval(`${output} .scrolly-step:nth-child(${step + 1})`, (el) => el.scrollIntoView({ block: 'end' }));
        await page.waitForFunction(
          (sel, s) => document.querySelector(sel)?.getAttribute('data-step') === s,
          { timeout: patience.timeout },
          output,
          String(step),
        );
      }

      // The watch saw the page's traffic (its scripts among it), and none of it went wrong.
      expect(requests.filter((r) => r.endsWith('.js')).length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await close();
    },
  );

  it('catches horizontal overflow and a console error', async () => {
    const { page, problems, close } = await open(inject('siteUrls').root, 'phone');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.$eval('#lede .prose', (el) => {
      el.insertAdjacentHTML('afterbegin', '<div class="too-wide"></div>');
      // Inline style attributes are refused by the page's CSP; the CSSOM is not.
      Object.assign(el.querySelector<HTMLElement>('.too-wide')!.style, { width: '1200px', height: '4px' });
    });
    expect(await overflow(page)).toBeGreaterThan(0);
    await page.evaluate(() => console.error('broken on purpose'));
    await expect.poll(() => problems, patience).toEqual(['console error: broken on purpose']);
    await close();
  });
});
