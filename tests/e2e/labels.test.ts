import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { textWidth } from '../../src/charts/text.ts';
import type { FigureModel } from '../../src/kinds/kind.ts';
import { realCharts } from '../helpers.ts';
import { browserAvailable, launchBrowser } from './browser.ts';

/**
 * The charts are laid out by `textWidth`, an estimate made without a browser. Here every label
 * of every chart, at every prerendered width, in every step and view, in both editions, is
 * measured by Chromium in the built page's CSS and fonts and held against that estimate: a
 * label the browser draws wider than the estimate could overflow where the layout checks see room.
 */

/** Every SVG a figure prerenders: its widths, and those of its steps and views. */
const svgsOf = (f: FigureModel): string[] => [
  ...Object.values(f.svg),
  ...(f.states ?? []).flatMap((s) => Object.values(s.svg)),
  ...(f.modes ?? []).flatMap((m) => [...Object.values(m.svg), ...(m.states ?? []).flatMap((s) => Object.values(s.svg))]),
];

interface Measured {
  text: string;
  size: number;
  weight: number;
  /** The advance Chromium lays the label out with, in the SVG's user units. */
  length: number;
}

/** How far the browser's width may exceed the estimate: none, but for rounding in the last place. */
const TOLERANCE = 1.005;

describe.runIf(browserAvailable())('label widths in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it.each(['zh', 'en'] as const)('no label of the %s edition is wider in Chromium than the charts estimate', async (locale) => {
    const figures = [...realCharts(locale).values()];
    const svgs = [...new Set(figures.flatMap(svgsOf))];
    const page = await browser.newPage();
    // The built page, for its CSS, its fonts and its language; the charts go into a container of their own.
    await page.goto(inject('siteUrls').root + (locale === 'en' ? 'en/' : ''), { waitUntil: 'load' });
    const labels: Measured[] = await page.evaluate(async (svgs) => {
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.cssText = 'position:absolute;left:0;top:0;width:2000px';
      probe.innerHTML = svgs.join('');
      await document.fonts.ready;
      return [...probe.querySelectorAll<SVGTextElement>('svg text')].map((t) => {
        const style = getComputedStyle(t);
        return {
          text: t.textContent ?? '',
          size: Number.parseFloat(style.fontSize),
          weight: Number(style.fontWeight),
          length: t.getComputedTextLength(),
        };
      });
    }, svgs);
    await page.close();

    const compared = labels
      .filter((l) => l.text.trim())
      .map((l) => ({ ...l, estimate: textWidth(l.text, l.size, l.weight), ratio: l.length / textWidth(l.text, l.size, l.weight) }));
    const worst = compared.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const widest = compared.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    const mean = compared.reduce((sum, l) => sum + l.ratio, 0) / compared.length;
    console.log(
      `${locale}: ${compared.length} labels in ${svgs.length} SVGs; measured ÷ estimated: worst ${worst.ratio.toFixed(3)} ` +
        `(“${worst.text}”, ${worst.size}px, ${worst.weight}), mean ${mean.toFixed(3)}, lowest ${widest.ratio.toFixed(3)} (“${widest.text}”)`,
    );
    // Every chart of the edition was measured, with labels in each of its SVGs.
    expect(svgs.length).toBeGreaterThanOrEqual(figures.length * 3);
    expect(compared.length).toBeGreaterThan(svgs.length * 2);
    const short = compared.filter((l) => l.ratio > TOLERANCE);
    expect(
      short.map((l) => `“${l.text}” at ${l.size}px, weight ${l.weight}: ${l.length.toFixed(1)} drawn, ${l.estimate.toFixed(1)} estimated`),
    ).toEqual([]);
  });
});
