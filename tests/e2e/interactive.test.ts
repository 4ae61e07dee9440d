import { parseHTML } from 'linkedom';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Point } from '../../src/lib/payload.ts';
import type { Locale } from '../../src/lib/format.ts';
import { realStory, storyPage } from '../helpers.ts';
import { browserAvailable, drawnKeys, launchBrowser, patience, viewports, watchedContext, whenEnhanced } from './browser.ts';

/** The story the site was built from: what its charts draw and say is read from it, not written here. */
const story = realStory();
const figure = (id: string, locale: Locale = 'zh') => story.figure(id, locale);
/** The charts told in steps (placed with <Scrolly>), and the one among them with views to switch (amounts and shares). */
const sequences = story.chartIds.filter((id) => figure(id).states);
const sequence = sequences.find((id) => figure(id).modes)!;
/** How many steps each sequence has: one chart per step in its static form. */
const steps = (id: string) => figure(id).states!.length;
/** A chart drawn once, not in steps, whose groups of marks a reader can highlight (the story's rates). */
const grouped = story.chartIds.find((id) => figure(id).highlight?.length && !figure(id).states)!;
/** The charts drawn once. */
const statics = story.chartIds.filter((id) => !figure(id).states);

/** What the tooltip shows for a mark: its value, its name and its source. */
const tooltip = (p: Point) => `${p.value}${p.label}${p.source}`;
/** What the live region reads for a mark, in the edition's punctuation (the engine's readout, src/lib/i18n/). */
const readout: Record<Locale, (p: Point) => string> = {
  zh: (p) => `${p.label}：${p.value}（${p.source}）`,
  en: (p) => `${p.label}: ${p.value} (${p.source})`,
};

const svgDocument = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;

/**
 * A view of the sequence in an edition, as the build drew it: its title, and at each step the
 * marks it draws and what the live region reads for the first and the last of them.
 */
function viewOf(locale: Locale, key: string) {
  const f = figure(sequence, locale);
  const mode = f.modes!.find((m) => m.key === key)!;
  // The first view is the chart itself: its title and states are the figure's.
  const first = mode === f.modes![0];
  const title = first ? f.title : svgDocument(mode.svg.compact).querySelector('title')!.textContent!;
  const states = first ? f.states! : mode.states!;
  return {
    title,
    steps: states.map((s) => {
      const marks = drawnKeys(s.svg.compact);
      const points = mode.points.filter((p) => marks.includes(p.key));
      return { key: s.key, svg: s.svg.compact, marks, first: readout[locale](points[0]!), last: readout[locale](points.at(-1)!) };
    }),
  };
}

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
    await whenEnhanced(page, grouped);
    const { points } = figure(grouped);
    const area = page.locator(`#figure-${grouped} .chart-figure__chart`);
    await area.focus();
    await page.keyboard.press('ArrowRight');
    const tip = area.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible(), patience).toBe(true);
    expect(await tip.textContent()).toBe(tooltip(points[0]!));
    expect(await area.locator('[aria-live]').textContent()).toBe(readout.zh(points[0]!));
    expect(await area.locator('.chart-variant--compact .mark.is-active').getAttribute('data-key')).toBe(points[0]!.key);
    await page.keyboard.press('End');
    expect(await area.locator('[aria-live]').textContent()).toBe(readout.zh(points.at(-1)!));
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
    // The last mark drawn as a bar; the tooltip is the point the build gave it.
    const mark = page.locator('#figure-sewage .chart-variant--wide .mark:has(rect)').last();
    const key = await mark.getAttribute('data-key');
    const point = figure('sewage').points.find((p) => p.key === key);
    expect(point, key ?? 'no mark').toBeDefined();
    await mark.locator('rect').first().hover();
    const tip = page.locator('#figure-sewage .chart-tooltip');
    await expect.poll(() => tip.isVisible(), patience).toBe(true);
    expect(await tip.textContent()).toBe(tooltip(point!));
    await close();
  });

  it('moves the scrolly graphic through its states as the steps scroll past', async () => {
    const { page, close } = await open();
    const host = await whenEnhanced(page, sequence);
    expect(await host.getAttribute('class')).toContain('is-scrolly');
    const live = page.locator(`#figure-${sequence} .scrolly__graphic svg`);
    const keys = () => live.locator('.mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-key')));
    const stepEls = page.locator(`#figure-${sequence} .scrolly-step`);
    // Each step shows the marks the build drew for its state, and the states differ.
    const states = viewOf('zh', 'amount').steps.map((s) => s.marks);
    expect(states.length).toBeGreaterThan(1);
    expect(new Set(states.map((m) => m.join())).size).toBe(states.length);
    for (const [i, expected] of states.entries()) {
      await stepEls.nth(i).evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await expect.poll(() => host.getAttribute('data-step'), patience).toBe(String(i));
      await expect.poll(keys, patience).toEqual(expected);
    }
    // One explorable chart: a single tooltip and live region, none on the hidden step charts.
    expect(await page.locator(`#figure-${sequence} [aria-live]`).count()).toBe(1);
    expect(await page.locator(`#figure-${sequence} .scrolly__graphic .chart-tooltip`).count()).toBe(1);
    // The step charts, the no-JavaScript baseline, are hidden behind the sticky graphic.
    expect(await page.locator(`#figure-${sequence} .scrolly-step__chart`).first().isVisible()).toBe(false);
    await close();
  });

  it('switches the output chart to shares with a pressed button, and highlights a group of rates', async () => {
    const { page, close } = await open();
    await whenEnhanced(page, sequence);
    const share = page.locator(`#figure-${sequence} button[data-mode="share"]`);
    await share.click();
    expect(await share.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`#figure-${sequence} button[data-mode="amount"]`).getAttribute('aria-pressed')).toBe('false');
    const live = page.locator(`#figure-${sequence} .scrolly__graphic svg`);
    // The share view of the first step: its first bar labelled as that view labels it, under the view's title.
    const shares = figure(sequence).modes!.find((m) => m.key === 'share')!;
    await expect.poll(() => live.textContent(), patience).toContain(shares.points[0]!.value);
    expect(await live.locator('title').textContent()).toBe(viewOf('zh', 'share').title);

    // The first group dims the marks of the other groups and leaves its own.
    const group = figure(grouped).highlight![0]!.key;
    const groupOf = (p: Point) => story.entry(p.fact!).group;
    const inGroup = figure(grouped).points.find((p) => groupOf(p) === group)!;
    const outside = figure(grouped).points.find((p) => groupOf(p) !== group)!;
    const host = await whenEnhanced(page, grouped);
    await page.locator(`#figure-${grouped} button[data-highlight="${group}"]`).click();
    expect(await host.getAttribute('data-highlight')).toBe(group);
    const opacity = (key: string) =>
      page.locator(`#figure-${grouped} .chart-variant--compact .mark[data-key="${key}"]`).evaluate((m) => getComputedStyle(m).opacity);
    await expect.poll(() => opacity(outside.key), patience).toBe('0.25');
    expect(await opacity(inGroup.key)).toBe('1');
    // A dimmed mark the arrow keys reach is shown whole while its tooltip is open.
    const points = figure(grouped).points;
    await page.locator(`#figure-${grouped} .chart-variant--compact`).locator('xpath=ancestor::*[@tabindex][1]').focus();
    for (let i = 0; i <= points.findIndex((p) => p.key === outside.key); i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => opacity(outside.key), patience).toBe('1');
    await close();
  });

  it('with reduced motion keeps the static sequence and changes views without a transition', async () => {
    const { page, close } = await open({ reducedMotion: 'reduce' });
    const host = await whenEnhanced(page, sequence);
    expect((await host.getAttribute('class')) ?? '').not.toContain('is-scrolly');
    expect(await page.locator(`#figure-${sequence} .scrolly-step__chart svg`).filter({ visible: true }).count()).toBe(steps(sequence));
    // Each step's chart is explorable once; the unused sticky graphic is not wired.
    expect(await page.locator(`#figure-${sequence} .scrolly-step [aria-live]`).count()).toBe(steps(sequence));
    expect(await page.locator(`#figure-${sequence} .scrolly__graphic [aria-live]`).count()).toBe(0);
    await page.locator(`#figure-${sequence} button[data-mode="share"]`).click();
    // No transition: the final geometry is there at once. A shape of the last step that the two views draw at different heights:
    const [amounts, shares] = [viewOf('zh', 'amount'), viewOf('zh', 'share')].map((v) => v.steps.at(-1)!);
    const heights = (svg: string) =>
      new Map(
        [...svgDocument(svg).querySelectorAll('[data-morph][height]')].map((e) => [
          e.getAttribute('data-morph')!,
          e.getAttribute('height'),
        ]),
      );
    const [before, after] = [heights(amounts!.svg), heights(shares!.svg)];
    const morph = [...after.keys()].find((k) => before.has(k) && before.get(k) !== after.get(k));
    expect(morph).toBeDefined();
    const live = page.locator(`#figure-${sequence} .scrolly-step:last-child .chart-variant--compact svg`);
    const target = page.locator(`#figure-${sequence} template[data-mode="share"][data-state="${shares!.key}"][data-variant="compact"]`);
    const height = await target.evaluate(
      (t: HTMLTemplateElement, key) => t.content.querySelector(`[data-morph="${key}"]`)!.getAttribute('height'),
      morph!,
    );
    expect(height).toBe(after.get(morph!));
    expect(await live.locator(`[data-morph="${morph}"]`).getAttribute('height')).toBe(height);
    await close();
  });

  it('leaves a chart whose data is broken as its static self and reports it once', async () => {
    const { context, traffic } = await watchedContext(browser, new URL(url()).origin, { viewport: viewports.phone });
    const page = await context.newPage();
    // The served page with two charts' data broken: one not JSON, one JSON of the wrong shape.
    const broken = { [statics[0]!]: '{"label": ', [statics[1]!]: '{"label":"x","widths":{"compact":320},"points":[{"key":"a"}]}' };
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
    await whenEnhanced(page, statics.at(-1)!);
    expect(traffic.problems).toHaveLength(2);
    expect(traffic.problems.filter((p) => p.startsWith('console error: Error: Chart "'))).toHaveLength(2);
    await context.close();
  });

  it('without JavaScript shows every state as a static sequence and no controls', async () => {
    const { page, close } = await open({ javaScriptEnabled: false });
    expect(sequences.length).toBeGreaterThan(0);
    for (const id of sequences) {
      expect(await page.locator(`#figure-${id} .scrolly-step__chart svg`).filter({ visible: true }).count(), id).toBe(steps(id));
      expect(await page.locator(`#figure-${id} .scrolly__graphic`).isVisible()).toBe(false);
    }
    expect(await page.locator('.chart-controls').filter({ visible: true }).count()).toBe(0);
    await close();
  });

  it('prints every chart in its final state, without controls', async () => {
    const { page, close } = await open({ viewport: viewports.desktop });
    await whenEnhanced(page, sequence);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(`#figure-${sequence} .scrolly__graphic`).isVisible()).toBe(false);
    const stepCharts = page.locator(`#figure-${sequence} .scrolly-step__chart`);
    expect(await stepCharts.nth(0).isVisible()).toBe(false);
    expect(await stepCharts.nth(steps(sequence) - 1).isVisible()).toBe(true);
    expect(await page.locator('.chart-controls').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
    await close();
  });
});

/**
 * What each edition's output chart says, as a reader hears it: each view's title, and at each step the
 * marks it draws and what the live region reads for them, in the edition's punctuation. The first
 * edition is at the site's root, the others under /<code>/.
 */
const editions = story.editions.map((lang, i) => ({
  lang,
  path: i === 0 ? '' : `${lang}/`,
  amount: viewOf(lang, 'amount'),
  share: viewOf(lang, 'share'),
}));

/** Full-width punctuation (CJK symbols and punctuation, half- and full-width forms), which English never uses. */
const fullWidth = /[\u3000-\u303f\uff00-\uffef]/;

/** The output chart (the sequence with views) as a reader meets it: its buttons, its sticky graphic, and what the graphic shows and says. */
function outputChart(page: Page) {
  const figure = page.locator(`#figure-${sequence}`);
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

describe.runIf(browserAvailable()).each(editions)('one state per chart ($lang)', ({ path, amount, share, lang }) => {
  /** The last step of the sequence. */
  const last = amount.steps.length - 1;
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
    await whenEnhanced(page, sequence);
    const chart = outputChart(page);
    // The views differ in title, so the title tells which one is drawn.
    expect(share.title).not.toBe(amount.title);
    expect(last).toBeGreaterThan(1);
    await chart.toStep(0);
    expect(await chart.pressed()).toEqual(['amount']);
    await chart.button('share').click();
    expect(await chart.pressed()).toEqual(['share']);
    await expect.poll(chart.title, patience).toBe(share.title);
    await expect.poll(chart.marks, patience).toEqual(share.steps[0]!.marks);
    expect(await chart.press('ArrowRight')).toBe(share.steps[0]!.first);

    // The next steps keep the share view; the mark the reader is on stays, and the keys step through the shares.
    await chart.toStep(1);
    await expect.poll(chart.marks, patience).toEqual(share.steps[1]!.marks);
    expect(await chart.title()).toBe(share.title);
    expect(await chart.pressed()).toEqual(['share']);
    expect(await chart.live.textContent()).toBe(share.steps[0]!.first);
    expect(await chart.press('End')).toBe(share.steps[1]!.last);
    await chart.toStep(last);
    await expect.poll(chart.marks, patience).toEqual(share.steps[last]!.marks);
    expect(await chart.pressed()).toEqual(['share']);
    expect(await chart.press('End')).toBe(share.steps[last]!.last);

    // Back to amounts: the buttons, the SVG and what the keys read change together, and stay so on the way back up.
    await chart.button('amount').click();
    expect(await chart.pressed()).toEqual(['amount']);
    await expect.poll(chart.title, patience).toBe(amount.title);
    expect(await chart.live.textContent()).toBe('');
    expect(await chart.press('Home')).toBe(amount.steps[last]!.first);
    await chart.toStep(1);
    await expect.poll(chart.marks, patience).toEqual(amount.steps[1]!.marks);
    expect(await chart.pressed()).toEqual(['amount']);
    expect(await chart.press('End')).toBe(amount.steps[1]!.last);
    expect(traffic.problems).toEqual([]);
    await close();
  });

  it('keeps the view through a resize, in the sticky graphic and in a static sequence', async () => {
    const { page, traffic, close } = await openEdition({ viewport: viewports.desktop });
    await whenEnhanced(page, sequence);
    const chart = outputChart(page);
    await chart.toStep(last);
    expect(await chart.svg.getAttribute('width')).toBe('600');
    await chart.button('share').click();
    await expect.poll(chart.title, patience).toBe(share.title);
    await page.setViewportSize(viewports.phone);
    await chart.toStep(last);
    // A narrower drawing of the same state and view.
    await expect.poll(() => chart.svg.getAttribute('width'), patience).toBe('320');
    expect(await chart.title()).toBe(share.title);
    expect(await chart.pressed()).toEqual(['share']);
    expect(await chart.press('End')).toBe(share.steps[last]!.last);
    expect(traffic.problems).toEqual([]);
    await close();

    // With reduced motion every step shows its own chart, each in the chosen view at whatever width shows.
    const still = await openEdition({ viewport: viewports.desktop, reducedMotion: 'reduce' });
    await whenEnhanced(still.page, sequence);
    await still.page.locator(`#figure-${sequence} button[data-mode="share"]`).click();
    const shown = () =>
      still.page.locator(`#figure-${sequence} .scrolly-step__chart svg`).filter({ visible: true }).locator('title').allTextContents();
    const everyStep = share.steps.map(() => share.title);
    await expect.poll(shown, patience).toEqual(everyStep);
    await still.page.setViewportSize(viewports.phone);
    await expect.poll(shown, patience).toEqual(everyStep);
    expect(
      await still.page.locator(`#figure-${sequence} .scrolly-step__chart svg`).filter({ visible: true }).first().getAttribute('width'),
    ).toBe('320');
    expect(still.traffic.problems).toEqual([]);
    await still.close();
  });

  it(`reads every mark of every chart in ${lang === 'en' ? 'English punctuation, none full-width' : 'Chinese punctuation'}`, async () => {
    const { page, traffic, close } = await openEdition();
    const ids = await page.locator('figure[data-chart]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-chart')!));
    // Every chart the edition's sections place, in page order.
    expect(ids).toEqual(storyPage(lang).charts);
    expect(ids.length).toBeGreaterThan(0);
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
    const { amount, share } = editions[0]!;
    const first = share.steps[0]!.key;
    // The served page without the share view of the first step.
    await page.route(address, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        new RegExp(`<template data-mode="share" data-state="${first}"[^]*?</template>`, 'g'),
        '',
      );
      await route.fulfill({ response, body });
    });
    await page.goto(address);
    await whenEnhanced(page, sequence);
    expect(await page.locator(`template[data-state="${first}"]`).count()).toBe(0);
    const chart = outputChart(page);
    await chart.toStep(0);
    expect(await chart.button('share').getAttribute('aria-disabled')).toBe('true');
    await chart.button('share').click({ force: true });
    expect(await chart.pressed()).toEqual(['amount']);
    await chart.toStep(1);
    expect(await chart.button('share').getAttribute('aria-disabled')).toBeNull();
    await chart.button('share').click();
    await expect.poll(chart.title, patience).toBe(share.title);
    // Up to the first step: amounts, with the amount button pressed and the keys reading amounts.
    await chart.toStep(0);
    await expect.poll(chart.title, patience).toBe(amount.title);
    expect(await chart.pressed()).toEqual(['amount']);
    expect(await chart.button('share').getAttribute('aria-disabled')).toBe('true');
    expect(await chart.press('ArrowRight')).toBe(amount.steps[0]!.first);
    // The reader's choice holds: the share view is back at the next step.
    await chart.toStep(1);
    await expect.poll(chart.title, patience).toBe(share.title);
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
    // Every step of every sequence shows its own chart.
    expect(await page.locator('.scrolly-step__chart svg').filter({ visible: true }).count()).toBe(
      sequences.reduce((n, id) => n + steps(id), 0),
    );
    await close();
  });

  it('without the scrolly chunk, keeps a sequence static and still explorable', async () => {
    const { page, errors, messages, aborted, close } = await openBlocked('**/scrolly*.js');
    const host = await whenEnhanced(page, sequence);
    expect(aborted.length).toBeGreaterThan(0);
    expect((await host.getAttribute('class')) ?? '').not.toContain('is-scrolly');
    expect(await host.locator('.scrolly-step__chart svg').filter({ visible: true }).count()).toBe(steps(sequence));
    // The last step's chart reads its last mark, in amounts (the first view).
    const last = host.locator('.scrolly-step__chart').nth(steps(sequence) - 1);
    await last.focus();
    await page.keyboard.press('End');
    expect(await last.locator('[aria-live]').textContent()).toBe(editions[0]!.amount.steps.at(-1)!.last);
    // Another sequence still comes alive.
    await whenEnhanced(page, sequences.find((id) => id !== sequence) ?? sequence);
    expect(errors).toEqual([]);
    expect(messages.filter((m) => m.includes('unhandled rejection'))).toEqual([]);
    expect(messages.filter((m) => !m.includes('Failed to load resource')).length).toBeLessThanOrEqual(1);
    await close();
  });
});
