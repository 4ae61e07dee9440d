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
        // Read at rest: no mark is part-way through a transition.
        reducedMotion: 'reduce',
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
      let groupsSeen = 0;
      for (const id of story.chartIds) {
        await whenEnhanced(page, id);
        const figure = page.locator(`#figure-${id}`);
        // Every drawing of the figure (each width, each step shown), read in the page.
        const paints = await figure.locator('svg.chart').evaluateAll((svgs) =>
          svgs.map((svg) => {
            const style = (e: Element) => getComputedStyle(e);
            // How see-through an element is, with every group it sits in up to the drawing.
            const opacity = (e: Element) => {
              let o = 1;
              for (let n: Element | null = e; n && n !== svg; n = n.parentElement) o *= Number(style(n).opacity);
              return o;
            };
            // A pattern's own shapes (derived hatching) are painted like any other, and the stops of a
            // gradient a shape is filled with are checked as colours: a fill that names one is allowed.
            const shapes = [...svg.querySelectorAll('rect, circle, path, line, polygon, polyline')].filter(
              (e) => !e.closest('clipPath, mask'),
            );
            const servers: Element[] = [];
            const paintOf = (value: string) => {
              const ref = /^url\("?#([^")]+)"?\)$/.exec(value)?.[1];
              const server = ref && svg.querySelector(`:is(pattern, linearGradient, radialGradient)#${CSS.escape(ref)}`);
              if (!server) return value;
              servers.push(server);
              return 'paint server';
            };
            const box = (e: Element) => e.getBoundingClientRect();
            const painted = shapes.map((e) => ({
              fill: paintOf(style(e).fill),
              stroke: paintOf(style(e).stroke),
              solid: opacity(e) * Number(style(e).fillOpacity) * Number(style(e).strokeOpacity),
              box: box(e),
            }));
            const texts = [...svg.querySelectorAll('text')].map((e) => ({
              fill: style(e).fill,
              text: e.textContent ?? '',
              solid: opacity(e),
              box: box(e),
            }));
            // The groups of marks the drawing has (series-1 …), and how each one's shapes are painted (fill, outline, dash).
            const present = [
              ...new Set(
                [...svg.querySelectorAll('.mark [class*="series-"], .mark[class*="series-"]')].flatMap((e) =>
                  [...e.classList].filter((c) => /^series-\d$/.test(c)),
                ),
              ),
            ];
            const groups = Object.fromEntries(
              present.flatMap((g) => {
                const e = svg.querySelector(
                  `.mark :is(rect, circle, path).${g}, .mark .${g} :is(rect, circle, path), .mark.${g} :is(rect, circle, path)`,
                );
                return e ? [[g, `${style(e).fill} | ${style(e).stroke} | ${style(e).strokeDasharray}`]] : [];
              }),
            );
            return {
              kind: svg.getAttribute('class') ?? '',
              shown: box(svg).width > 0,
              shapes: painted.map(({ fill, stroke, solid }) => ({ fill, stroke, solid })),
              texts: texts.map(({ fill, text, solid }) => ({ fill, text, solid })),
              // A text in the background's colour and whether a shape of the text's colour is behind it (a label inside a bar).
              onShape: texts
                .filter((t) => t.box.width > 0)
                .map((t) => {
                  const [x, y] = [(t.box.left + t.box.right) / 2, (t.box.top + t.box.bottom) / 2];
                  const behind = painted.filter((p) => p.box.left <= x && x <= p.box.right && p.box.top <= y && y <= p.box.bottom);
                  return { text: t.text, fill: t.fill, behind: behind.map((p) => p.fill) };
                }),
              stops: [...new Set(servers)].flatMap((g) =>
                [...g.querySelectorAll('stop')].map((e) => ({ colour: style(e).stopColor, solid: Number(style(e).stopOpacity) })),
              ),
              present,
              groups,
            };
          }),
        );
        // One width shows (in each step of a sequence, which reduced motion sets out as a list).
        expect(paints.filter((p) => p.shown).length, id).toBeGreaterThan(0);
        for (const paint of paints) {
          kinds.add(paint.kind);
          expect(paint.shapes.length, id).toBeGreaterThan(0);
          for (const s of paint.shapes) {
            expect(allowed, `${id}: a shape's fill`).toContain(s.fill);
            expect(allowed, `${id}: a shape's stroke`).toContain(s.stroke);
            // A system colour is shown as it is: nothing is see-through.
            expect(s.solid, `${id}: a shape's opacity`).toBe(1);
          }
          for (const c of paint.stops) {
            expect(allowed, `${id}: a gradient's stop`).toContain(c.colour);
            expect(c.solid, `${id}: a gradient's stop`).toBe(1);
          }
          expect(paint.texts.length, id).toBeGreaterThan(0);
          for (const t of paint.texts) {
            expect(allowed, `${id}: "${t.text}"`).toContain(t.fill);
            expect(t.solid, `${id}: "${t.text}"`).toBe(1);
          }
          // Text in the background's colour would vanish, unless it sits on a mark of the text's colour.
          for (const t of paint.onShape.filter((t) => t.fill === system['Canvas']))
            expect(t.behind, `${id}: "${t.text}" has a shape of the text's colour behind it`).toContain(system['CanvasText']);
          groupsSeen += paint.present.length;
          // Each group of marks is drawn apart from the others, and is seen: filled, or outlined, in other than the background.
          expect(Object.keys(paint.groups).sort(), `${id}: its groups`).toEqual([...paint.present].sort());
          const groups = Object.values(paint.groups);
          expect(new Set(groups).size, `${id}: its groups' paint ${JSON.stringify(paint.groups)}`).toBe(groups.length);
          for (const [g, p] of Object.entries(paint.groups)) {
            const [fill, stroke] = p.split(' | ');
            expect(fill !== system['Canvas'] || (stroke !== system['Canvas'] && stroke !== 'none'), `${id}: ${g} (${p})`).toBe(true);
          }
        }
        await figure.screenshot({ path: join(out, `${scheme}-${id}.png`) });
      }
      // Groups of marks were among what was looked at, and every kind of chart was.
      expect(groupsSeen).toBeGreaterThan(2);
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
