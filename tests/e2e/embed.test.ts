import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, root } from '../helpers.ts';
import { sites } from '../setup/sites.ts';
import { browserAvailable, launchBrowser, patience, story } from './browser.ts';

/**
 * Every chart embedded in a page of a second origin (another port on loopback), with the very
 * snippets the story offers under its figures: the host script sizes each iframe to its page.
 */
const widths = [320, 600, 1000] as const;
const shots = join(root, 'test-output/screenshots');

/** The snippets of the root build's story (absolute URLs: it knows its address), in chart order. */
function snippets(locale: 'zh' | 'en'): string[] {
  const html = readFileSync(join(sites.root.dir, locale === 'en' ? 'en/index.html' : 'index.html'), 'utf8');
  return [...parseHTML(html).document.querySelectorAll('.chart-figure__embed .embed-code')].map((c) => c.textContent ?? '');
}

function hostPage(locale: 'zh' | 'en'): string {
  // A same-origin frame of the host's own, posting foreign messages on request.
  const foreign = `<iframe id="foreign" title="foreign" srcdoc="<script>addEventListener('message', (e) => parent.postMessage(e.data, '*'))</script>"></iframe>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Host</title>
<style>body{margin:0;font:16px sans-serif}p{margin:0;padding:8px}iframe{display:block}</style></head>
<body><p>A partner’s article.</p>${snippets(locale)
    .map((s) => `<div class="slot">${s}</div><p>Between charts.</p>`)
    .join('\n')}${foreign}</body></html>`;
}

describe.runIf(browserAvailable())('embedded charts, in a page of another origin', () => {
  let browser: Browser;
  let host: Server;
  let hostOrigin = '';
  const site = () => inject('rootSite');

  beforeAll(async () => {
    browser = await launchBrowser();
    const port = await freePort();
    hostOrigin = `http://127.0.0.1:${port}`;
    host = createServer((req, res) => {
      const locale = req.url?.startsWith('/en') ? 'en' : 'zh';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(locale));
    });
    await new Promise<void>((r) => host.listen(port, '127.0.0.1', r));
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => host?.close(r));
  });

  it('offers one snippet per chart, with absolute URLs on a build that knows its address', () => {
    for (const locale of ['zh', 'en'] as const) {
      const list = snippets(locale);
      expect(list).toHaveLength(story.charts.length);
      for (const [i, s] of list.entries()) {
        const chart = story.charts[i];
        const prefix = locale === 'en' ? 'en/' : '';
        expect(s).toContain(`src="${site()}/${prefix}embed/${chart}/?childId=anfu-${chart}"`);
        expect(s).toContain(`<script src="${site()}/embed.js" async></script>`);
        expect(s).toMatch(/loading="lazy"/);
      }
    }
    // Without an address, root-relative under the base path.
    const sub = parseHTML(readFileSync(join(sites.sub.dir, 'index.html'), 'utf8')).document;
    expect(sub.querySelector('.embed-code')?.textContent).toContain('src="/stories/anfu/embed/timeline/?childId=anfu-timeline"');
  });

  /** Each frame's height against its document's, once every frame has reported. */
  async function measure(page: Page) {
    const rows: { chart: string; frame: number; doc: number; scrollX: boolean; scrollY: boolean; sh: number; ih: number }[] = [];
    for (const chart of story.charts) {
      const el = page.locator(`#anfu-${chart}`);
      await el.scrollIntoViewIfNeeded();
      const frame = (await (await el.elementHandle())!.contentFrame()) as Frame;
      await frame.waitForLoadState('load');
      // Enhancement adds controls (a step control, view switches), so the page grows once more.
      await expect.poll(() => frame.locator('[data-enhanced="true"]').count(), patience).toBe(1);
      const inner = () =>
        frame.evaluate(() => ({
          doc: Math.ceil(document.documentElement.getBoundingClientRect().height),
          scrollX: document.documentElement.scrollWidth > innerWidth,
          scrollY: document.documentElement.scrollHeight > innerHeight,
          sh: document.documentElement.scrollHeight,
          ih: innerHeight,
        }));
      // Settled: the frame as tall as its document, and the frame's own viewport as tall as the frame.
      const gap = async () => {
        const [outer, i] = [await el.evaluate((f) => f.getBoundingClientRect().height), await inner()];
        return Math.max(Math.abs(outer - i.doc), Math.abs(outer - i.ih));
      };
      await expect.poll(gap, patience).toBeLessThanOrEqual(2);
      const outer = await el.evaluate((f) => f.getBoundingClientRect().height);
      rows.push({ chart, frame: outer, ...(await inner()) });
    }
    return rows;
  }

  for (const width of widths) {
    it(`sizes every iframe to its page at ${width} px: no inner scrollbar, nothing clipped`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const foreignRequests: string[] = [];
      const scrollChunk: string[] = [];
      page.on('request', (r) => {
        // The budget leaves scrollama's chunk out of an embed page's first view: it must never load.
        if (/\/_astro\/scrolly\./.test(r.url())) scrollChunk.push(r.url());
        const o = new URL(r.url()).origin;
        if (o !== hostOrigin && o !== site() && !r.url().startsWith('about:')) foreignRequests.push(r.url());
      });
      await page.goto(`${hostOrigin}/`);
      const rows = await measure(page);
      console.log(`embed heights at ${width} px: ${rows.map((r) => `${r.chart} ${r.frame}/${r.doc} (${r.sh}/${r.ih})`).join(', ')}`);
      for (const r of rows) {
        expect(r.scrollX, `${r.chart}: sideways scrollbar`).toBe(false);
        expect(r.scrollY, `${r.chart}: inner scrollbar`).toBe(false);
      }
      expect(foreignRequests).toEqual([]);
      expect(scrollChunk).toEqual([]);
      if (width !== 600) {
        await page.locator('#anfu-output').scrollIntoViewIfNeeded();
        await page.locator('#anfu-output').screenshot({ path: join(shots, `embed-output-${width}.png`) });
      }
      await context.close();
    });
  }

  it('resizes a frame as the host narrows, and when a data table opens inside it', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/en/`);
    await measure(page);
    const el = page.locator('#anfu-sewage');
    const frame = (await (await el.elementHandle())!.contentFrame())!;
    const before = await el.evaluate((f) => f.getBoundingClientRect().height);
    await frame.locator('.chart-figure__data summary').click();
    await expect.poll(() => el.evaluate((f) => f.getBoundingClientRect().height), patience).toBeGreaterThan(before + 50);
    await page.setViewportSize({ width: 320, height: 800 });
    await measure(page);
    await context.close();
  });

  it('works from the keyboard inside the frame: a chart’s arrow keys show its tooltip; steps move a sequence', async () => {
    const context = await browser.newContext({ viewport: { width: 600, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/`);
    await measure(page);
    for (const chart of story.charts) {
      const frame = (await (await page.locator(`#anfu-${chart}`).elementHandle())!.contentFrame())!;
      await expect.poll(() => frame.locator('[data-enhanced="true"]').count(), patience).toBe(1);
      const area = frame.locator('.chart-figure__chart[role="group"]');
      expect(await area.count(), chart).toBe(1);
      await area.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => area.locator('.chart-tooltip').isVisible(), patience).toBe(true);
    }
    // A sequence: its step buttons, one per state, the last pressed first.
    const frame = (await (await page.locator('#anfu-output').elementHandle())!.contentFrame())!;
    const steps = frame.locator('.chart-stepper button');
    expect(await steps.count()).toBe(3);
    expect(await steps.nth(2).getAttribute('aria-pressed')).toBe('true');
    const marks = () => frame.locator('.scrolly__graphic .mark').count();
    const last = await marks();
    await steps.nth(0).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => steps.nth(0).getAttribute('aria-pressed'), patience).toBe('true');
    expect(await steps.nth(2).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(marks, patience).not.toBe(last);
    await context.close();
  });

  it('is complete without JavaScript: a sequence shows its last state, with no step control', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site()}/embed/output/`);
    expect(await page.locator('.chart-stepper').isVisible()).toBe(false);
    const shown = page.locator('.scrolly-step:visible');
    expect(await shown.count()).toBe(1);
    expect(await shown.getAttribute('data-state')).toBe(await page.locator('.scrolly-step').last().getAttribute('data-state'));
    expect(await page.locator('.scrolly-step__chart svg:visible').count()).toBe(1);
    for (const sel of [
      '.chart-figure__title',
      '.chart-figure__takeaway',
      '.chart-figure__source',
      '.chart-figure__notes',
      '.embed__back a',
    ])
      expect(await page.locator(sel).isVisible(), sel).toBe(true);
    await page.locator('.chart-figure__data summary').click();
    expect(await page.locator('.data-table').isVisible()).toBe(true);
    await context.close();
  });

  it('ignores malformed and foreign messages: no height changes, nothing added to the page', async () => {
    const context = await browser.newContext({ viewport: { width: 600, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/`);
    await measure(page);
    const heights = () => page.$$eval('iframe[data-story-embed]', (fs) => fs.map((f) => f.getBoundingClientRect().height));
    const count = () => page.evaluate(() => document.querySelectorAll('*').length);
    const [h0, n0] = [await heights(), await count()];
    const bad = [
      'pymxPYMxanfu-outputxPYMxheightxPYMx3000', // right shape, wrong sender (the host itself / another frame)
      'pymxPYMxanfu-outputxPYMxheightxPYMx-5',
      'pymxPYMxanfu-outputxPYMxheightxPYMx99999999',
      'pymxPYMxanfu-outputxPYMxheightxPYMx12.5e3',
      'pymxPYMxanfu-outputxPYMxheightxPYMx300<img src=x onerror=alert(1)>',
      'pymxPYMx<b>xPYMxheightxPYMx300',
      'pymxPYMxforeignxPYMxheightxPYMx300',
      'xpymxPYMxanfu-outputxPYMxheightxPYMx300',
    ];
    await page.evaluate((msgs) => {
      for (const m of msgs) window.postMessage(m, '*');
      window.postMessage({ height: 3000, id: 'anfu-output' }, '*');
      window.postMessage(['pymxPYMxanfu-outputxPYMxheightxPYMx3000'], '*');
      const foreign = document.querySelector<HTMLIFrameElement>('#foreign')!.contentWindow!;
      for (const m of msgs) foreign.postMessage(m, '*');
    }, bad);
    // One embedded frame speaking for another: right shape, right origin, wrong window.
    const ranking = (await (await page.locator('#anfu-ranking').elementHandle())!.contentFrame())!;
    await ranking.evaluate(() => parent.postMessage('pymxPYMxanfu-outputxPYMxheightxPYMx3000', '*'));
    await page.waitForTimeout(500);
    expect(await heights()).toEqual(h0);
    expect(await count()).toBe(n0);
    await context.close();
  });
});
