import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser, patience, viewports, watchedContext, whenEnhanced } from './browser.ts';

let browser: Browser;
const url = () => inject('siteUrls').root;

async function open(options: BrowserContextOptions = {}) {
  const { context, traffic } = await watchedContext(browser, new URL(url()).origin, { viewport: viewports.phone, ...options });
  const page = await context.newPage();
  await page.goto(url());
  return { page, traffic, close: () => context.close() };
}

describe.runIf(browserAvailable())('interactive charts', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('steps through a chart with the arrow keys: highlight, tooltip and live region; Escape closes', async () => {
    const { page, traffic, close } = await open();
    await whenEnhanced(page, 'environment');
    const area = page.locator('#figure-environment .chart-figure__chart');
    await area.focus();
    await page.keyboard.press('ArrowRight');
    const tip = area.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible(), patience).toBe(true);
    expect(await tip.textContent()).toBe('100%主要水源地水质达标率原报道 L20');
    expect(await area.locator('[aria-live]').textContent()).toBe('主要水源地水质达标率：100%（原报道 L20）');
    expect(await area.locator('.chart-variant--compact .mark.is-active').getAttribute('data-key')).toBe('env.drinkingWaterSource');
    await page.keyboard.press('End');
    expect(await area.locator('[aria-live]').textContent()).toBe('绿化覆盖率：31.67%（原报道 L28）');
    // The tooltip stays inside the phone's viewport.
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewports.phone.width);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    expect(await area.locator('.mark.is-active').count()).toBe(0);
    expect(traffic.problems).toEqual([]);
    await close();
  });

  it('shows the same tooltip on hover at desktop width', async () => {
    const { page, close } = await open({ viewport: viewports.desktop });
    await whenEnhanced(page, 'sewage');
    await page.locator('#figure-sewage .chart-variant--wide .mark[data-key="sewage.capacity.phase2"] rect').first().hover();
    const tip = page.locator('#figure-sewage .chart-tooltip');
    await expect.poll(() => tip.isVisible(), patience).toBe(true);
    expect(await tip.textContent()).toContain('1万吨/天');
    await close();
  });

  it('moves the scrolly graphic through its states as the steps scroll past', async () => {
    const { page, close } = await open();
    const host = await whenEnhanced(page, 'output');
    expect(await host.getAttribute('class')).toContain('is-scrolly');
    const live = page.locator('#figure-output .scrolly__graphic svg');
    const keys = () => live.locator('.mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-key')));
    const steps = page.locator('#figure-output .scrolly-step');
    for (const [i, expected] of [
      [0, ['2018']],
      [1, ['2018', '2019']],
      [2, ['2018', '2019', '2019-part']],
    ] as const) {
      await steps.nth(i).evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await expect.poll(() => host.getAttribute('data-step'), patience).toBe(String(i));
      await expect.poll(keys, patience).toEqual(expected);
    }
    // One explorable chart: a single tooltip and live region, none on the hidden step charts.
    expect(await page.locator('#figure-output [aria-live]').count()).toBe(1);
    expect(await page.locator('#figure-output .scrolly__graphic .chart-tooltip').count()).toBe(1);
    // The step charts, the no-JavaScript baseline, are hidden behind the sticky graphic.
    expect(await page.locator('#figure-output .scrolly-step__chart').first().isVisible()).toBe(false);
    await close();
  });

  it('switches the output chart to shares with a pressed button, and highlights a group of rates', async () => {
    const { page, close } = await open();
    await whenEnhanced(page, 'output');
    const share = page.locator('#figure-output button[data-mode="share"]');
    await share.click();
    expect(await share.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#figure-output button[data-mode="amount"]').getAttribute('aria-pressed')).toBe('false');
    const live = page.locator('#figure-output .scrolly__graphic svg');
    await expect.poll(() => live.textContent(), patience).toContain('报道未给出');
    expect(await live.locator('title').textContent()).toBe('2019年规上工业总产值中高新技术产品的占比');

    const env = await whenEnhanced(page, 'environment');
    await page.locator('#figure-environment button[data-highlight="water"]').click();
    expect(await env.getAttribute('data-highlight')).toBe('water');
    const opacity = (key: string) =>
      page.locator(`#figure-environment .chart-variant--compact .mark[data-key="${key}"]`).evaluate((m) => getComputedStyle(m).opacity);
    await expect.poll(() => opacity('env.wasteHeatReuse'), patience).toBe('0.25');
    expect(await opacity('env.sewageCollection')).toBe('1');
    await close();
  });

  it('with reduced motion keeps the static sequence and changes views without a transition', async () => {
    const { page, close } = await open({ reducedMotion: 'reduce' });
    const host = await whenEnhanced(page, 'output');
    expect((await host.getAttribute('class')) ?? '').not.toContain('is-scrolly');
    expect(await page.locator('#figure-output .scrolly-step__chart svg').filter({ visible: true }).count()).toBe(3);
    // Each step's chart is explorable once; the unused sticky graphic is not wired.
    expect(await page.locator('#figure-output .scrolly-step [aria-live]').count()).toBe(3);
    expect(await page.locator('#figure-output .scrolly__graphic [aria-live]').count()).toBe(0);
    await page.locator('#figure-output button[data-mode="share"]').click();
    // No transition: the final geometry is there at once.
    const live = page.locator('#figure-output .scrolly-step:last-child .chart-variant--compact svg');
    const target = page.locator('#figure-output template[data-mode="share"][data-state="hightech"][data-variant="compact"]');
    const height = await target.evaluate((t: HTMLTemplateElement) =>
      t.content.querySelector('[data-morph="2019-rect"]')!.getAttribute('height'),
    );
    expect(await live.locator('[data-morph="2019-rect"]').getAttribute('height')).toBe(height);
    await close();
  });

  it('leaves a chart whose data is broken as its static self and reports it once', async () => {
    const { context, traffic } = await watchedContext(browser, new URL(url()).origin, { viewport: viewports.phone });
    const page = await context.newPage();
    // The served page with two charts' data broken: one not JSON, one JSON of the wrong shape.
    const broken = { sewage: '{"label": ', environment: '{"label":"x","widths":{"compact":320},"points":[{"key":"a"}]}' };
    await page.route(url(), async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      for (const [chart, data] of Object.entries(broken)) {
        const block = new RegExp(`(<story-chart data-chart="${chart}"[^]*?<script type="application/json" class="chart-data">)[^<]*`);
        expect(body).toMatch(block);
        body = body.replace(block, `$1${data}`);
      }
      await route.fulfill({ response, body });
    });
    await page.goto(url());
    for (const chart of Object.keys(broken)) {
      const host = page.locator(`#figure-${chart} story-chart`);
      await host.scrollIntoViewIfNeeded();
      await expect.poll(() => traffic.problems.filter((p) => p.includes(`Chart "${chart}"`)), patience).toHaveLength(1);
      expect(await host.getAttribute('data-enhanced')).toBeNull();
      // Still the prerendered chart: no tab stop, tooltip or live region, controls hidden.
      expect(await host.locator('.chart-figure__chart').getAttribute('tabindex')).toBeNull();
      expect(await host.locator('.chart-tooltip, [aria-live]').count()).toBe(0);
      expect(await host.locator('.chart-controls').filter({ visible: true }).count()).toBe(0);
      expect(await host.locator('.chart-variant--compact svg').isVisible()).toBe(true);
    }
    // The other charts still come alive; the two errors are the only problems (no unhandled rejection).
    await whenEnhanced(page, 'projects');
    expect(traffic.problems).toHaveLength(2);
    expect(traffic.problems.filter((p) => p.startsWith('console error: Error: Chart "'))).toHaveLength(2);
    await context.close();
  });

  it('without JavaScript shows every state as a static sequence and no controls', async () => {
    const { page, close } = await open({ javaScriptEnabled: false });
    for (const [figure, states] of [
      ['output', 3],
      ['ranking', 2],
    ] as const) {
      expect(await page.locator(`#figure-${figure} .scrolly-step__chart svg`).filter({ visible: true }).count()).toBe(states);
      expect(await page.locator(`#figure-${figure} .scrolly__graphic`).isVisible()).toBe(false);
    }
    expect(await page.locator('.chart-controls').filter({ visible: true }).count()).toBe(0);
    await close();
  });

  it('prints every chart in its final state, without controls', async () => {
    const { page, close } = await open({ viewport: viewports.desktop });
    await whenEnhanced(page, 'output');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#figure-output .scrolly__graphic').isVisible()).toBe(false);
    const stepCharts = page.locator('#figure-output .scrolly-step__chart');
    expect(await stepCharts.nth(0).isVisible()).toBe(false);
    expect(await stepCharts.nth(2).isVisible()).toBe(true);
    expect(await page.locator('.chart-controls').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
    await close();
  });
});

/** What each edition's output chart says, as a reader hears it: the live region, in the edition's punctuation. */
const editions = [
  {
    lang: 'zh',
    path: '',
    titles: { amount: '2019年规上工业总产值与推算的2018年水平', share: '2019年规上工业总产值中高新技术产品的占比' },
    read: {
      amount2018: '2018年规模以上工业总产值（按增速推算）：约180.6亿元（推算：2019年总产值 ÷ (1 + 同比增速)）',
      amount2019: '规模以上工业总产值：208.8亿元（原报道 L12）',
      share2018: '2018年高新产值占比：报道未给出（原报道无此数据）',
      share2019: '2019年规上工业总产值（合计）：100%（原报道 L12）',
      sharePart: '高新产值占比（报道值）：40.3%（原报道 L12）',
    },
  },
  {
    lang: 'en',
    path: 'en/',
    titles: {
      amount: 'Industrial output in 2019, and the 2018 level it implies',
      share: 'Share of high-tech products in 2019 industrial output',
    },
    read: {
      amount2018:
        'Industrial output in 2018 (implied by the growth rate): about CNY 18.06 billion (Derived: 2019 output ÷ (1 + growth rate))',
      amount2019: 'Gross industrial output of firms above designated size: CNY 20.88 billion (report L12)',
      share2018: 'High-tech share, 2018: not reported (not in the report)',
      share2019: 'Industrial output of firms above designated size, 2019 (total): 100% (report L12)',
      sharePart: 'High-tech share of output (as reported): 40.3% (report L12)',
    },
  },
] as const;

/** Full-width punctuation (CJK symbols and punctuation, half- and full-width forms), which English never uses. */
const fullWidth = /[\u3000-\u303f\uff00-\uffef]/;

/** The output chart as a reader meets it: its buttons, its sticky graphic, and what the graphic shows and says. */
function outputChart(page: Page) {
  const figure = page.locator('#figure-output');
  const graphic = figure.locator('.scrolly__graphic');
  const svg = graphic.locator('.chart-variant svg');
  return {
    host: figure.locator('story-scrolly'),
    area: graphic.locator('.chart-figure__chart'),
    live: graphic.locator('[aria-live]'),
    svg,
    pressed: () =>
      figure
        .locator('button[data-mode]')
        .evaluateAll((bs) => bs.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset['mode'])),
    button: (mode: string) => figure.locator(`button[data-mode="${mode}"]`),
    title: () => svg.locator('title').textContent(),
    marks: () =>
      svg
        .locator('.mark')
        .evaluateAll((ms) => ms.filter((m) => getComputedStyle(m).opacity !== '0').map((m) => m.getAttribute('data-key'))),
    /** Scrolls step `i` into view and waits for the graphic to show it. */
    async toStep(i: number) {
      await figure
        .locator('.scrolly-step')
        .nth(i)
        .evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await expect.poll(() => this.host.getAttribute('data-step'), patience).toBe(String(i));
    },
    /** Focuses the chart and presses `key`; returns what the live region then reads. */
    async press(key: string) {
      await this.area.focus();
      await page.keyboard.press(key);
      return this.live.textContent();
    },
  };
}

describe.runIf(browserAvailable()).each(editions)('one state per chart ($lang)', ({ path, titles, read, lang }) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  async function openEdition(options: BrowserContextOptions = {}) {
    const address = inject('siteUrls').root + path;
    const { context, traffic } = await watchedContext(browser, new URL(address).origin, { viewport: viewports.phone, ...options });
    const page = await context.newPage();
    await page.goto(address);
    return { page, traffic, close: () => context.close() };
  }

  it('keeps a chosen view as the steps scroll past: SVG, buttons, keys and live region agree', async () => {
    const { page, traffic, close } = await openEdition();
    await whenEnhanced(page, 'output');
    const chart = outputChart(page);
    await chart.toStep(0);
    expect(await chart.pressed()).toEqual(['amount']);
    await chart.button('share').click();
    expect(await chart.pressed()).toEqual(['share']);
    await expect.poll(chart.title, patience).toBe(titles.share);
    await expect.poll(chart.marks, patience).toEqual(['2018']);
    expect(await chart.press('ArrowRight')).toBe(read.share2018);

    // The next steps keep the share view; the mark the reader is on stays, and the keys step through the shares.
    await chart.toStep(1);
    await expect.poll(chart.marks, patience).toEqual(['2018', '2019']);
    expect(await chart.title()).toBe(titles.share);
    expect(await chart.pressed()).toEqual(['share']);
    expect(await chart.live.textContent()).toBe(read.share2018);
    expect(await chart.press('End')).toBe(read.share2019);
    await chart.toStep(2);
    await expect.poll(chart.marks, patience).toEqual(['2018', '2019', '2019-part']);
    expect(await chart.pressed()).toEqual(['share']);
    expect(await chart.press('End')).toBe(read.sharePart);

    // Back to amounts: the buttons, the SVG and what the keys read change together, and stay so on the way back up.
    await chart.button('amount').click();
    expect(await chart.pressed()).toEqual(['amount']);
    await expect.poll(chart.title, patience).toBe(titles.amount);
    expect(await chart.live.textContent()).toBe('');
    expect(await chart.press('Home')).toBe(read.amount2018);
    await chart.toStep(1);
    await expect.poll(chart.marks, patience).toEqual(['2018', '2019']);
    expect(await chart.pressed()).toEqual(['amount']);
    expect(await chart.press('End')).toBe(read.amount2019);
    expect(traffic.problems).toEqual([]);
    await close();
  });

  it('keeps the view through a resize, in the sticky graphic and in a static sequence', async () => {
    const { page, traffic, close } = await openEdition({ viewport: viewports.desktop });
    await whenEnhanced(page, 'output');
    const chart = outputChart(page);
    await chart.toStep(2);
    expect(await chart.svg.getAttribute('width')).toBe('600');
    await chart.button('share').click();
    await expect.poll(chart.title, patience).toBe(titles.share);
    await page.setViewportSize(viewports.phone);
    await chart.toStep(2);
    // A narrower drawing of the same state and view.
    await expect.poll(() => chart.svg.getAttribute('width'), patience).toBe('320');
    expect(await chart.title()).toBe(titles.share);
    expect(await chart.pressed()).toEqual(['share']);
    expect(await chart.press('End')).toBe(read.sharePart);
    expect(traffic.problems).toEqual([]);
    await close();

    // With reduced motion every step shows its own chart, each in the chosen view at whatever width shows.
    const still = await openEdition({ viewport: viewports.desktop, reducedMotion: 'reduce' });
    await whenEnhanced(still.page, 'output');
    await still.page.locator('#figure-output button[data-mode="share"]').click();
    const shown = () =>
      still.page.locator('#figure-output .scrolly-step__chart svg').filter({ visible: true }).locator('title').allTextContents();
    await expect.poll(shown, patience).toEqual([titles.share, titles.share, titles.share]);
    await still.page.setViewportSize(viewports.phone);
    await expect.poll(shown, patience).toEqual([titles.share, titles.share, titles.share]);
    expect(
      await still.page.locator('#figure-output .scrolly-step__chart svg').filter({ visible: true }).first().getAttribute('width'),
    ).toBe('320');
    expect(still.traffic.problems).toEqual([]);
    await still.close();
  });

  it(`reads every mark of every chart in ${lang === 'en' ? 'English punctuation, none full-width' : 'Chinese punctuation'}`, async () => {
    const { page, traffic, close } = await openEdition();
    const ids = await page.locator('figure[data-chart]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-chart')!));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    const said: string[] = [];
    for (const id of ids) {
      await whenEnhanced(page, id);
      // The one explorable area of a sequence is its graphic; of a chart, the chart.
      const area = page.locator(`#figure-${id} .chart-figure__chart[tabindex]`).first();
      const live = area.locator('[aria-live]');
      await area.focus();
      const count = await area.locator('.chart-variant svg').filter({ visible: true }).first().locator('.mark').count();
      expect(count, id).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('ArrowRight');
        said.push((await live.textContent())!);
      }
    }
    expect(said.every(Boolean)).toBe(true);
    if (lang === 'en') expect(said.filter((s) => fullWidth.test(s))).toEqual([]);
    else expect(said.every((s) => /：.*（.*）$/.test(s))).toBe(true);
    expect(traffic.problems).toEqual([]);
    await close();
  });
});

describe.runIf(browserAvailable())('a view a step was not drawn in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('shows the first view there, says so on the button, and comes back where the view exists', async () => {
    const address = inject('siteUrls').root;
    const { context, traffic } = await watchedContext(browser, new URL(address).origin, { viewport: viewports.phone });
    const page = await context.newPage();
    // The served page without the share view of the first step.
    await page.route(address, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<template data-mode="share" data-state="implied"[^]*?<\/template>/g, '');
      await route.fulfill({ response, body });
    });
    await page.goto(address);
    await whenEnhanced(page, 'output');
    expect(await page.locator('template[data-state="implied"]').count()).toBe(0);
    const chart = outputChart(page);
    const { titles, read } = editions[0];
    await chart.toStep(0);
    expect(await chart.button('share').getAttribute('aria-disabled')).toBe('true');
    await chart.button('share').click({ force: true });
    expect(await chart.pressed()).toEqual(['amount']);
    await chart.toStep(1);
    expect(await chart.button('share').getAttribute('aria-disabled')).toBeNull();
    await chart.button('share').click();
    await expect.poll(chart.title, patience).toBe(titles.share);
    // Up to the first step: amounts, with the amount button pressed and the keys reading amounts.
    await chart.toStep(0);
    await expect.poll(chart.title, patience).toBe(titles.amount);
    expect(await chart.pressed()).toEqual(['amount']);
    expect(await chart.button('share').getAttribute('aria-disabled')).toBe('true');
    expect(await chart.press('ArrowRight')).toBe(read.amount2018);
    // The reader's choice holds: the share view is back at the next step.
    await chart.toStep(1);
    await expect.poll(chart.title, patience).toBe(titles.share);
    expect(await chart.pressed()).toEqual(['share']);
    expect(traffic.problems).toEqual([]);
    await context.close();
  });
});

describe.runIf(browserAvailable())('an enhancer that does not load', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  /** A page whose chunks matching `blocked` fail, with every page error, unhandled rejection and console message recorded. */
  async function openBlocked(blocked: string) {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    const errors: string[] = [];
    const messages: string[] = [];
    const aborted: string[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    // Injected by the browser, not the page, so the page's CSP does not apply.
    await page.addInitScript(() =>
      addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`)),
    );
    await page.route(blocked, (r) => {
      aborted.push(r.request().url());
      return r.abort();
    });
    await page.goto(inject('siteUrls').root);
    return { page, errors, messages, aborted, close: () => context.close() };
  }

  it('leaves every chart static and complete, with no unhandled rejection and one message at most', async () => {
    const { page, errors, messages, aborted, close } = await openBlocked('**/enhance*.js');
    const ids = await page.locator('figure[data-chart]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-chart')!));
    for (const id of ids) {
      const host = page.locator(`#figure-${id} :is(story-chart, story-scrolly)`);
      await host.scrollIntoViewIfNeeded();
      // Every chart is still drawn: one width per chart, or per step of a sequence.
      expect(await host.locator('.chart-variant svg').filter({ visible: true }).count(), id).toBeGreaterThan(0);
    }
    await expect.poll(() => aborted.length, patience).toBeGreaterThan(0);
    // Whatever the page makes of the failure shows up: an error or rejection, or the one message.
    const said = () => [...errors, ...messages.filter((m) => !m.includes('Failed to load resource'))];
    await expect.poll(() => said().length, patience).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(messages.filter((m) => m.includes('unhandled rejection'))).toEqual([]);
    expect(said()).toEqual([expect.stringMatching(/^warning: The charts stay static: their enhancer did not load/)]);
    expect(await page.locator('[data-enhanced]').count()).toBe(0);
    expect(await page.locator('.chart-controls').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('.scrolly-step__chart svg').filter({ visible: true }).count()).toBe(5);
    await close();
  });

  it('without the scrolly chunk, keeps a sequence static and still explorable', async () => {
    const { page, errors, messages, aborted, close } = await openBlocked('**/scrolly*.js');
    const host = await whenEnhanced(page, 'output');
    expect(aborted.length).toBeGreaterThan(0);
    expect((await host.getAttribute('class')) ?? '').not.toContain('is-scrolly');
    expect(await host.locator('.scrolly-step__chart svg').filter({ visible: true }).count()).toBe(3);
    await host.locator('.scrolly-step__chart').nth(2).focus();
    await page.keyboard.press('End');
    expect(await host.locator('.scrolly-step__chart').nth(2).locator('[aria-live]').textContent()).toBe(
      editions[0].read.sharePart.replace('高新产值占比（报道值）：40.3%', '高新技术产品产值：84.3亿元'),
    );
    await whenEnhanced(page, 'ranking');
    expect(errors).toEqual([]);
    expect(messages.filter((m) => m.includes('unhandled rejection'))).toEqual([]);
    expect(messages.filter((m) => !m.includes('Failed to load resource')).length).toBeLessThanOrEqual(1);
    await close();
  });
});
