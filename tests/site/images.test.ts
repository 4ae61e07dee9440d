import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { dict } from '../../src/lib/i18n/index.ts';
import { colour, schemeColours } from '../../src/styles/palette.ts';
import { realStory } from '../helpers.ts';
import { sites } from '../setup/sites.ts';
import { reportName } from '../../src/lib/provenance.ts';

const story = realStory();
const dir = join(sites.root.dir, 'images');
const cases = story.chartIds.flatMap((id) => story.editions.map((locale) => ({ id, locale, name: `${id}.${locale}` })));
const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the chart images', () => {
  it.each(cases)('$name: the PNG is 2400 px wide and not blank', ({ id, locale }) => {
    const png = PNG.sync.read(readFileSync(join(dir, `${id}.${locale}.png`)));
    expect(png.width).toBe(2400);
    expect(png.height).toBeGreaterThan(600);
    // A blank image has one colour; a chart with antialiased text has hundreds.
    const colours = new Map<number, number>();
    // Below the accent bar at the top, which shares the bars' green.
    for (let i = png.width * 4 * 40; i < png.data.length; i += 4) {
      const c = png.data.readUInt32BE(i) >>> 8;
      colours.set(c, (colours.get(c) ?? 0) + 1);
    }
    expect(colours.size).toBeGreaterThan(100);
    // The chart's paint (its classes, styled by the inlined stylesheet) reached the pixels: resvg
    // would paint unstyled marks black. Every chart fills some area with one of its palette colours.
    const palette = [...schemeColours('light')]
      .filter(([name]) => name.startsWith('--chart-'))
      .map(([, hex]) => Number.parseInt(hex.slice(1), 16));
    expect(palette.reduce((n, c) => n + (colours.get(c) ?? 0), 0)).toBeGreaterThan(1000);
  });

  it('differ per chart and per edition', () => {
    const files = cases.flatMap(({ id, locale }) => ['png', 'svg'].map((f) => readFileSync(join(dir, `${id}.${locale}.${f}`))));
    expect(new Set(files.map(hash)).size).toBe(files.length);
  });

  it.each(cases)('$name: the SVG parses and carries its title, credit and paint', ({ id, locale }) => {
    const svg = readFileSync(join(dir, `${id}.${locale}.svg`), 'utf8');
    // resvg's XML parser is strict: a malformed file throws.
    const size = new Resvg(svg, { font: { loadSystemFonts: false } });
    expect(size.width).toBe(1200);
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    // Lines are wrapped, so text is compared without its spaces.
    const squash = (s: string) => s.replace(/\s+/g, '');
    const texts = squash([...document.querySelectorAll('text')].map((t) => t.textContent ?? '').join(''));
    const figure = story.figure(id, locale);
    // With the page's own quotation marks, and the report's whole title.
    expect(texts).toContain(squash(figure.title));
    const { report } = story.data.source;
    expect(texts).toContain(squash(dict(locale).figure.sourceLine(reportName(report), figure.sources, report.en?.title)));
    expect(texts).toContain(squash(dict(locale).figure.imageCredit(story.words(locale).name)));
    // The page paints charts by class: the file carries that paint, light colours resolved, no variables left.
    const style = document.querySelector('style')?.textContent ?? '';
    expect(style).toContain(`.chart .bar-part{fill: ${colour('--chart-part')}}`);
    expect(style).not.toContain('var(');
  });
});

describe('under each figure', () => {
  it.each(story.editions)('the %s edition links each chart’s images and the figure itself', (locale) => {
    const page = locale === 'zh' ? 'index.html' : `${locale}/index.html`;
    const { document } = parseHTML(readFileSync(join(sites.root.dir, page), 'utf8'));
    for (const id of story.chartIds) {
      const figure = document.getElementById(`figure-${id}`);
      expect(figure, id).toBeTruthy();
      const links = [...figure!.querySelectorAll('figcaption a')].map((a) => a.getAttribute('href'));
      expect(links).toContain(`/images/${id}.${locale}.png`);
      expect(links).toContain(`/images/${id}.${locale}.svg`);
      const self = figure!.querySelector('a[data-copy-link]');
      expect(self?.getAttribute('href')).toBe(`#figure-${id}`);
      expect(self?.textContent).toBe(dict(locale).figure.link);
      expect(figure!.querySelector('[data-copy-status][role="status"]')).toBeTruthy();
    }
  });
});
