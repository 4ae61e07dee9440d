import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spacing } from '../../src/client/listen.ts';
import { announce } from '../../src/client/pure.ts';
import type { Locale } from '../../src/lib/format.ts';
import { dict } from '../../src/lib/i18n/index.ts';
import { realStory } from '../helpers.ts';
import { browserAvailable, launchBrowser, patience, viewports, watchedContext, whenEnhanced } from './browser.ts';

/**
 * The Listen control in Chromium, with its audio made by an offline audio context in place of
 * the speakers: what it loads and when, its keyboard path, and the notes it schedules (rendered,
 * then measured: one per mark, in reading order, higher for a larger number).
 */

const story = realStory();
/** A chart drawn once whose marks all show numbers: the story's first. */
const chart = story.chartIds.find((id) => {
  const f = story.figure(id, 'zh');
  return !f.states && f.points.length > 2 && f.points.every((p) => p.n !== undefined);
})!;
const rate = 44_100;

declare global {
  interface Window {
    /** The offline contexts the page made, and how many tones were started on them. */
    audio: { contexts: OfflineAudioContext[]; tones: number };
  }
}

/** Every AudioContext the page makes is an offline one, rendered on request instead of played. */
function offlineAudio() {
  window.audio = { contexts: [], tones: 0 };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.audio.tones++;
    return start.apply(this, args);
  };
  (window as unknown as { AudioContext: unknown }).AudioContext = function () {
    const context = new OfflineAudioContext(1, 44_100 * 30, 44_100);
    window.audio.contexts.push(context);
    return context;
  };
}

/** The loudest pitch in each window of the rendered sound, by zero crossings; 0 where it is silent. */
const heard = (page: Page, windows: [number, number][]) =>
  page.evaluate(
    async ({ windows, rate }) => {
      // Rendered once (a context renders only once), then measured as often as asked.
      const w = window as unknown as { rendered?: Promise<AudioBuffer> };
      const buffer = await (w.rendered ??= window.audio.contexts[0]!.startRendering());
      const data = buffer.getChannelData(0);
      return windows.map(([from, to]) => {
        const slice = data.subarray(Math.round(from * rate), Math.round(to * rate));
        let crossings = 0;
        let energy = 0;
        for (let i = 1; i < slice.length; i++) {
          if (slice[i - 1]! < 0 !== slice[i]! < 0) crossings++;
          energy += slice[i]! ** 2;
        }
        return energy / slice.length < 1e-5 ? 0 : crossings / 2 / (to - from);
      });
    },
    { windows, rate },
  );

describe.runIf(browserAvailable())('Listen: the chart as sound', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  async function open(locale: Locale) {
    const root = inject('siteUrls').root;
    const { context, traffic } = await watchedContext(browser, new URL(root).origin, { viewport: viewports.phone });
    await context.addInitScript(offlineAudio);
    const page = await context.newPage();
    await page.goto(new URL(locale === 'zh' ? '' : 'en/', root).href);
    await whenEnhanced(page, chart);
    return { page, traffic, close: () => context.close() };
  }

  it.each(['zh', 'en'] as const)(
    '%s: loads its module only when pressed, then plays each mark in order, higher for more, and reads each value',
    async (locale) => {
      const { page, traffic, close } = await open(locale);
      const figure = page.locator(`#figure-${chart}`);
      const button = figure.locator('button[data-listen]');
      const words = dict(locale).figure.listen;
      // The control says what it does, in the edition's language.
      expect(await button.textContent()).toBe(words.button);
      expect(await figure.locator('.chart-listen__note').textContent()).toBe(words.note);
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      const before = traffic.requests.length;
      expect(traffic.requests.filter((u) => /listen/i.test(u))).toEqual([]);
      // By keyboard: the button takes focus and Enter presses it.
      await button.focus();
      const loaded = page.waitForResponse((r) => /\/_astro\/listen\.[^/]+\.js$/.test(r.url()));
      await page.keyboard.press('Enter');
      const response = await loaded;
      const bytes = (await response.body()).length;
      console.log(`Listen (${locale}) loads ${bytes} bytes: ${new URL(response.url()).pathname}`);
      expect(traffic.requests.slice(before)).toEqual([response.url()]);
      expect(bytes).toBeLessThan(4096);
      await expect.poll(() => button.getAttribute('aria-pressed'), patience).toBe('true');

      // As each note sounds, its mark is the active one and the live region reads its value.
      const points = story.figure(chart, locale).points;
      const live = figure.locator('[aria-live]');
      await expect.poll(() => live.textContent(), patience).toBe(announce(points[0]!, dict(locale).figure.readout));
      await expect
        .poll(() => figure.locator('.chart-variant--compact .mark.is-active').getAttribute('data-key'), patience)
        .toBe(points[1]!.key);

      // One note per mark, in reading order: a larger number sounds higher, an equal one the same.
      const at = (i: number): [number, number] => [0.1 + i * spacing + 0.05, 0.1 + i * spacing + 0.25];
      const pitches = await heard(
        page,
        points.map((_, i) => at(i)),
      );
      expect(pitches).toHaveLength(points.length);
      for (const f of pitches) expect(f).toBeGreaterThan(200);
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1]!, points[i]!];
        const step = Math.log2(pitches[i]! / pitches[i - 1]!) * 12;
        if (a.n === b.n) expect(Math.abs(step), `${a.key} → ${b.key}`).toBeLessThan(0.5);
        else expect(Math.sign(step), `${a.key} → ${b.key}`).toBe(Math.sign(b.n! - a.n!));
      }
      // And then silence: nothing after the last note.
      expect(await heard(page, [[0.1 + points.length * spacing + 0.1, 0.1 + points.length * spacing + 0.6]])).toEqual([0]);

      // Pressed again (Enter), it stops: the button is released and no mark stays active.
      await page.keyboard.press('Enter');
      await expect.poll(() => button.getAttribute('aria-pressed'), patience).toBe('false');
      expect(await figure.locator('.mark.is-active').count()).toBe(0);
      expect(traffic.problems).toEqual([]);
      await close();
    },
  );

  it('sounds each mark the arrow keys reach once a reader has listened, and Escape stops the playing', async () => {
    const { page, close } = await open('zh');
    const figure = page.locator(`#figure-${chart}`);
    const button = figure.locator('button[data-listen]');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-pressed'), patience).toBe('true');
    const scheduled = await page.evaluate(() => window.audio.tones);
    expect(scheduled).toBe(story.figure(chart, 'zh').points.length);
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-pressed'), patience).toBe('false');
    // Now the arrow keys: a tone for each mark reached, and the mark's value read out.
    await figure.locator('.chart-figure__chart').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => window.audio.tones)).toBe(scheduled + 2);
    expect(await figure.locator('.chart-variant--compact .mark.is-active').getAttribute('data-key')).toBe(
      story.figure(chart, 'zh').points[1]!.key,
    );
    await close();
  });
});
