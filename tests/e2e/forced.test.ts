import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { realStory, root } from '../helpers.ts';
import { browserAvailable, launchBrowser, viewports, watchedContext, whenEnhanced } from './browser.ts';

/**
 * High contrast: Chromium with `forced-colors: active` (light and dark system colours). Every
 * chart of every kind is painted in system colours only, its text never in the background's,
 * its groups of marks told apart by more than colour, and its focus ring and pressed buttons in
 * the system's highlight. Each chart's screenshot goes to test-output/screenshots/forced/.
 */

const story = realStory();
const out = join(root, 'test-output/screenshots/forced');
const schemes = ['light', 'dark'] as const;

describe.runIf(browserAvailable())('charts in forced colours', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(out, { recursive: true });
  });
  afterAll(() => browser?.close());

  it.each(schemes)(
    '%s system colours: every chart painted in them, legible, its groups apart, focus and state in Highlight',
    async (scheme) => {
      const site = inject('siteUrls').root;
      const { context, traffic } = await watchedContext(browser, new URL(site).origin, {
        viewport: viewports.phone,
        colorScheme: scheme,
        forcedColors: 'active',
      });
      const page = await context.newPage();
      await page.goto(site);
      // The system colours as this browser computes them.
      const system = await page.evaluate(() => {
        const probe = document.createElement('i');
        document.body.append(probe);
        const of = (c: string) => ((probe.style.color = c), getComputedStyle(probe).color);
        const colours = Object.fromEntries(
          ['Canvas', 'CanvasText', 'GrayText', 'Highlight', 'HighlightText', 'LinkText'].map((c) => [c, of(c)]),
        );
        probe.remove();
        return colours;
      });
      expect(new Set(Object.values(system)).size).toBeGreaterThan(3);
      const allowed = new Set([...Object.values(system), 'none', 'paint server']);
      const kinds = new Set<string>();
      for (const id of story.chartIds) {
        await whenEnhanced(page, id);
        const figure = page.locator(`#figure-${id}`);
        const paint = await figure
          .locator('.chart-variant--compact svg, .scrolly__graphic svg')
          .first()
          .evaluate((svg) => {
            // A pattern's own shapes (derived hatching) are painted like any other, and a gradient's stops
            // are checked as colours: a fill that names a pattern or gradient of the chart is allowed.
            const shapes = [...svg.querySelectorAll('rect, circle, path, line, polygon, polyline')].filter(
              (e) => !e.closest('clipPath, mask'),
            );
            const paintOf = (value: string) => {
              const ref = /^url\("?#([^")]+)"?\)$/.exec(value)?.[1];
              return ref && svg.querySelector(`:is(pattern, linearGradient, radialGradient)#${CSS.escape(ref)}`) ? 'paint server' : value;
            };
            const texts = [...svg.querySelectorAll('text')];
            const style = (e: Element) => getComputedStyle(e);
            return {
              kind: svg.getAttribute('class') ?? '',
              shapes: shapes.map((e) => ({ fill: paintOf(style(e).fill), stroke: paintOf(style(e).stroke) })),
              texts: texts.map((e) => ({ fill: style(e).fill, text: e.textContent ?? '' })),
              stops: [...svg.querySelectorAll('stop')].map((e) => style(e).stopColor),
              // Each group of marks: how its shapes are painted (fill, outline, dash).
              groups: Object.fromEntries(
                ['series-1', 'series-2', 'series-3'].flatMap((g) => {
                  const e = svg.querySelector(
                    `.mark :is(rect, circle, path).${g}, .mark .${g} :is(rect, circle, path), .mark.${g} :is(rect, circle, path)`,
                  );
                  return e ? [[g, `${style(e).fill} | ${style(e).stroke} | ${style(e).strokeDasharray}`]] : [];
                }),
              ),
            };
          });
        kinds.add(paint.kind);
        expect(paint.shapes.length, id).toBeGreaterThan(0);
        for (const s of paint.shapes) {
          expect(allowed, `${id}: a shape's fill`).toContain(s.fill);
          expect(allowed, `${id}: a shape's stroke`).toContain(s.stroke);
        }
        for (const c of paint.stops) expect(allowed, `${id}: a gradient's stop`).toContain(c);
        expect(paint.texts.length, id).toBeGreaterThan(0);
        for (const t of paint.texts) {
          expect(allowed, `${id}: "${t.text}"`).toContain(t.fill);
          // Text in the background's colour would vanish, unless it sits on a mark of the text's colour (a label inside a bar).
          if (t.fill === system['Canvas'])
            expect(
              paint.shapes.some((s) => s.fill === system['CanvasText']),
              `${id}: "${t.text}"`,
            ).toBe(true);
        }
        const groups = Object.values(paint.groups);
        expect(new Set(groups).size, `${id}: its groups' paint ${JSON.stringify(paint.groups)}`).toBe(groups.length);
        // And each group is seen: filled, or outlined, in something other than the background.
        for (const [g, p] of Object.entries(paint.groups)) {
          const [fill, stroke] = p.split(' | ');
          expect(fill !== system['Canvas'] || (stroke !== system['Canvas'] && stroke !== 'none'), `${id}: ${g} (${p})`).toBe(true);
        }
        await figure.screenshot({ path: join(out, `${scheme}-${id}.png`) });
      }
      // Every kind of chart was looked at.
      expect(kinds.size).toBe(new Set(story.chartIds.map((id) => story.figure(id, 'zh').kind)).size);

      // The focus ring and a pressed button are in the system's highlight.
      const area = page.locator(`#figure-${story.chartIds[0]} .chart-figure__chart[role="group"]`).first();
      await area.focus();
      await page.keyboard.press('ArrowRight');
      expect(await area.evaluate((e) => getComputedStyle(e).outlineColor)).toBe(system['Highlight']);
      const pressed = page.locator('.chart-controls button[aria-pressed="true"]').first();
      expect(await pressed.evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color])).toEqual([
        system['Highlight'],
        system['HighlightText'],
      ]);
      expect(traffic.problems).toEqual([]);
      await context.close();
    },
  );
});
