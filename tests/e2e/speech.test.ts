import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locale } from '../../src/lib/format.ts';
import type { Point } from '../../src/lib/payload.ts';
import { realStory, root } from '../helpers.ts';
import { browserAvailable, drawnKeys, launchBrowser, patience, viewports, watchedContext } from './browser.ts';

/**
 * What a screen reader says, read with Guidepup's virtual screen reader in Chromium: each chart
 * of each edition walked item by item as a reader in browse mode would, then explored with the
 * keyboard (the arrow keys through the marks at every step and in every view, each control
 * pressed). The transcripts are written to test-output/transcripts/ for a reviewer to read; what
 * they must say is read from the story the site was built from.
 */

const story = realStory();
const locales: Locale[] = ['zh', 'en'];
const library = readFileSync(createRequire(import.meta.url).resolve('@guidepup/virtual-screen-reader/browser.js'), 'utf8');
/** Where the page loads the screen reader from: its own origin, so no request leaves it. */
const libraryPath = '/__virtual-screen-reader.js';
const out = join(root, 'test-output/transcripts');

/** What the live region reads for a mark (the engine's readout, src/lib/i18n/). */
const readout: Record<Locale, (p: Point) => string> = {
  zh: (p) => `${p.label}：${p.value}（${p.source}）`,
  en: (p) => `${p.label}: ${p.value} (${p.source})`,
};

interface Transcript {
  /** The figure read from its first item to its end. */
  walk: string[];
  /** The chart explored with the keyboard: per view and step, what was said. */
  keys: { view: string; step: number; said: string[] }[];
  /** Each control focused and pressed, with what was said. */
  controls: string[];
}

declare global {
  interface Window {
    reader: import('@guidepup/virtual-screen-reader').Virtual;
  }
}

/** Reads the figure from its first item until the screen reader leaves it. */
const walk = (page: Page, id: string) =>
  page.evaluate(async (id) => {
    const virtual = window.reader;
    await virtual.start({ container: document.querySelector(`#figure-${id}`)! });
    for (let i = 0; i < 600; i++) {
      await virtual.next();
      if ((await virtual.lastSpokenPhrase()).startsWith('end of figure')) break;
    }
    const log = await virtual.spokenPhraseLog();
    await virtual.clearSpokenPhraseLog();
    return log;
  }, id);

/** Focuses the chart area, presses the right arrow `count` times, then Escape: what was said. */
const explore = (page: Page, id: string, count: number) =>
  page.evaluate(
    async ({ id, count }) => {
      const area = document.querySelector<HTMLElement>(`#figure-${id} .chart-figure__chart[role="group"]`)!;
      area.focus();
      for (let i = 0; i < count; i++) await window.reader.press('ArrowRight');
      await window.reader.press('Escape');
      area.blur();
      // The live region speaks after the change has settled.
      await new Promise((r) => setTimeout(r, 50));
      const log = await window.reader.spokenPhraseLog();
      await window.reader.clearSpokenPhraseLog();
      return log;
    },
    { id, count },
  );

/** Focuses a control and presses it as a screen reader user would (Enter on the button): what was said. */
const press = (page: Page, selector: string) =>
  page.evaluate(async (selector) => {
    document.querySelector<HTMLElement>(selector)!.focus();
    await window.reader.press('Enter');
    const log = await window.reader.spokenPhraseLog();
    await window.reader.clearSpokenPhraseLog();
    return log;
  }, selector);

/** The points a view draws at a step, in reading order, from the build's own drawing of that state. */
function drawnPoints(id: string, locale: Locale, view: string, step: number): Point[] {
  const f = story.figure(id, locale);
  const mode = f.modes?.find((m) => m.key === view);
  const states = mode && mode !== f.modes![0] ? mode.states : f.states;
  const svg = states ? states[step]!.svg.compact : (mode?.svg ?? f.svg).compact;
  const keys = drawnKeys(svg);
  return (mode?.points ?? f.points).filter((p) => keys.includes(p.key));
}

const structural = /^(end of |paragraph$|group$|list$|listitem|rowgroup$|row|cell|caption$)/;

describe.runIf(browserAvailable())('what a screen reader says about each chart', () => {
  let browser: Browser;
  const transcripts = new Map<string, Transcript>();
  beforeAll(async () => {
    browser = await launchBrowser();
    const origin = new URL(inject('siteUrls').root).origin;
    mkdirSync(out, { recursive: true });
    for (const locale of locales) {
      const { context, traffic } = await watchedContext(browser, origin, { viewport: viewports.phone, bypassCSP: true });
      await context.route(`**${libraryPath}`, (r) => r.fulfill({ body: library, contentType: 'text/javascript' }));
      for (const id of story.chartIds) {
        // A page for each chart: the screen reader starts where a reader starts, on a page that has not moved.
        const page = await context.newPage();
        await page.goto(new URL(locale === 'zh' ? '' : 'en/', inject('siteUrls').root).href);
        // (The hook waits with the page's own waits: expect.poll belongs to tests.)
        const host = page.locator(`#figure-${id} :is(story-chart, story-scrolly)`);
        await host.scrollIntoViewIfNeeded();
        await host.and(page.locator('[data-enhanced="true"]')).waitFor(patience);
        const f = story.figure(id, locale);
        // Loaded as the page's own module (the test's code is transformed; the page's is not).
        await page.evaluate(`import('${libraryPath}').then((m) => { window.reader = m.virtual; })`);
        const t: Transcript = { walk: await walk(page, id), keys: [], controls: [] };
        const views = f.modes?.map((m) => m.key) ?? [''];
        for (const [v, view] of views.entries()) {
          if (view && v > 0) t.controls.push(...(await press(page, `#figure-${id} button[data-mode="${view}"]`)));
          for (let step = 0; step < (f.states?.length ?? 1); step++) {
            if (f.states) {
              await page
                .locator(`#figure-${id} .scrolly-step`)
                .nth(step)
                .evaluate((el) => el.scrollIntoView({ block: 'end' }));
              await host.and(page.locator(`[data-step="${step}"]`)).waitFor(patience);
            }
            t.keys.push({ view, step, said: await explore(page, id, drawnPoints(id, locale, view, step).length) });
          }
        }
        for (const g of f.highlight ?? []) t.controls.push(...(await press(page, `#figure-${id} button[data-highlight="${g.key}"]`)));
        if (f.highlight) t.controls.push(...(await press(page, `#figure-${id} button[data-highlight=""]`)));
        transcripts.set(`${locale} ${id}`, t);
        const text = [
          `# ${locale} ${id}: read from the figure's start to its end`,
          ...t.walk,
          ...t.keys.flatMap((k) => [
            `\n# the arrow keys through the marks${k.view ? `, view ${k.view}` : ''}${f.states ? `, step ${k.step + 1}` : ''}`,
            ...k.said,
          ]),
          ...(t.controls.length ? ['\n# each control pressed', ...t.controls] : []),
        ];
        writeFileSync(join(out, `${locale}-${id}.txt`), `${text.join('\n')}\n`);
        await page.close();
      }
      expect(traffic.problems, locale).toEqual([]);
      await context.close();
    }
  });
  afterAll(() => browser?.close());

  const cases = locales.flatMap((locale) => story.chartIds.map((id) => ({ locale, id })));

  it.each(cases)('$locale $id: the figure says its name and its text alternative once', ({ locale, id }) => {
    const f = story.figure(id, locale);
    const { walk } = transcripts.get(`${locale} ${id}`)!;
    expect(walk[0]).toBe(`figure, ${f.title}`);
    expect(walk.filter((s) => s === `image, ${f.title}, ${f.description}`)).toHaveLength(1);
    // Nothing inside the picture is read a second time: its labels are in the text alternative and the table.
    expect(walk.filter((s) => s === f.description)).toEqual([]);
    // The explorable area says what it is and how to use it.
    expect(walk.filter((s) => s.startsWith('group, ') && s.includes(f.title)).length).toBeGreaterThan(0);
    // Every control is a button with its name and its state.
    const controls = [...(f.modes ?? []), ...(f.highlight ?? [])];
    for (const c of controls)
      expect(
        walk.filter((s) => new RegExp(`^button, ${RegExp.escape(c.label)}, (not )?pressed$`).test(s)),
        c.label,
      ).toHaveLength(1);
    expect(walk.filter((s) => s.startsWith('button, ') && !/, (not )?pressed$/.test(s))).toEqual([]);
    // Nothing is said twice in a row: not a line again, nor a control's description read once more as text.
    const doubled = walk.filter(
      (s, i) => i > 0 && !structural.test(s) && (s === walk[i - 1] || walk[i - 1]!.endsWith(`, ${s}`) || walk[i - 1]!.includes(`, ${s}, `)),
    );
    expect(doubled).toEqual([]);
  });

  it.each(cases)('$locale $id: the arrow keys reach each mark, and the live region reads its value and source once', ({ locale, id }) => {
    const { keys } = transcripts.get(`${locale} ${id}`)!;
    const f = story.figure(id, locale);
    expect(keys).toHaveLength((f.modes?.length ?? 1) * (f.states?.length ?? 1));
    for (const k of keys) {
      const expected = drawnPoints(id, locale, k.view, k.step).map((p) => `polite: ${readout[locale](p)}`);
      expect(expected.length, `${k.view} ${k.step}`).toBeGreaterThan(0);
      // Focus names the area; then each mark once, in reading order; Escape says nothing more.
      expect(k.said[0]).toMatch(/^group, /);
      expect(
        k.said.filter((s) => s.startsWith('polite: ')),
        `${k.view} step ${k.step}`,
      ).toEqual(expected);
    }
  });

  it.each(cases.filter(({ id }) => story.figure(id, 'zh').modes || story.figure(id, 'zh').highlight))(
    '$locale $id: a pressed control says its new state',
    ({ locale, id }) => {
      const f = story.figure(id, locale);
      const { controls } = transcripts.get(`${locale} ${id}`)!;
      const pressed = [...(f.modes?.slice(1) ?? []), ...(f.highlight ?? []), ...(f.highlight ? [{ label: '' }] : [])];
      expect(pressed.length).toBeGreaterThan(0);
      for (const c of pressed) {
        if (!c.label) continue;
        expect(controls, c.label).toContain(`button, ${c.label}, pressed`);
      }
    },
  );

  it.each(locales.flatMap((locale) => story.chartIds.filter((id) => story.figure(id, locale).states).map((id) => ({ locale, id }))))(
    '$locale $id: the step the graphic shows is the current step',
    async ({ locale, id }) => {
      const { walk } = transcripts.get(`${locale} ${id}`)!;
      // Of the steps read, one says it is the one the graphic shows.
      expect(walk.filter((s) => /^listitem, .*current step/.test(s))).toHaveLength(1);
    },
  );
});
