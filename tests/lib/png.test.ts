import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartImageSvg } from '../../src/story/chartImage.ts';
import { FONT, fontFiles, narrowQuotes, png, QUOTES_FONT } from '../../src/lib/png.ts';
import { storyFromDisk } from '../../src/story/load.ts';
import { fixture } from '../helpers.ts';

const story = storyFromDisk(fixture);
const [id] = story.chartIds;
const cache = mkdtempSync(join(tmpdir(), 'png-cache-'));
const entries = () => readdirSync(cache).filter((f) => f.endsWith('.png') && !f.startsWith('.'));
/** resvg on the whole font, as the images were drawn before they were cached and cut. */
const direct = (svg: string, scale: number) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT } })
    .render()
    .asPng();

beforeAll(() => {
  process.env['IMAGE_CACHE_DIR'] = cache;
});
afterAll(() => {
  delete process.env['IMAGE_CACHE_DIR'];
  rmSync(cache, { recursive: true, force: true });
});

describe('the build’s PNGs', () => {
  it('draw the same pixels as resvg with the whole font, in both editions, and keep each in the cache', async () => {
    expect(id).toBeDefined();
    const svgs = story.editions.map((locale) => chartImageSvg(story, id!, locale));
    const pngs = await Promise.all(svgs.map((svg) => png(svg, 2)));
    pngs.forEach((p, i) => expect(Buffer.compare(p, direct(svgs[i]!, 2))).toBe(0));
    expect(entries()).toHaveLength(svgs.length);
    // Nothing half-written is left: no temporary beside the entries.
    expect(readdirSync(cache).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('are not drawn again for an SVG already drawn, and are for a changed one', async () => {
    const svg = chartImageSvg(story, id!, story.editions[0]!);
    await png(svg, 2);
    const before = entries().length;
    // An entry changed on disk would be served as it is: that it comes back proves it was not drawn again.
    for (const f of entries()) writeFileSync(join(cache, f), Buffer.from(`cached ${f}`));
    const again = await png(svg, 2);
    expect(again.toString()).toMatch(/^cached [0-9a-f]{64}\.png$/);
    expect(entries()).toHaveLength(before);
    // The same drawing at another scale, or with one more character, is another image; a character
    // no image had before (so not in the font cut so far) is drawn too.
    const changed = svg.replace('</svg>', '<text x="0" y="20">龘</text></svg>');
    const drawn = await Promise.all([png(svg, 1), png(changed, 2)]);
    for (const p of drawn) expect(p.subarray(1, 4).toString()).toBe('PNG');
    expect(Buffer.compare(drawn[1]!, direct(changed, 2))).toBe(0);
    expect(entries()).toHaveLength(before + 2);
  });

  it('draw many at once, each correct, the same SVG asked for twice included', async () => {
    const svgs = Array.from(
      { length: 6 },
      (_, i) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="30"><text x="2" y="20" font-size="16">图${i} n=${i}</text></svg>`,
    );
    // The same SVG asked for twice at once (drawn once: both wait on one drawing) reaches both.
    const twice = [...svgs, svgs[0]!];
    const pngs = await Promise.all(twice.map((svg) => png(svg)));
    pngs.forEach((p, i) => expect(Buffer.compare(p, direct(twice[i]!, 1))).toBe(0));
    expect(readdirSync(cache).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('drops entries unused for two weeks and temporaries of a stopped build, when a process first opens the cache', async () => {
    const old = new Date(Date.now() - 15 * 86_400_000);
    const stale = join(cache, `${'0'.repeat(64)}.png`);
    const temporary = join(cache, `.${'1'.repeat(64)}.99999.png`);
    for (const f of [stale, temporary]) {
      writeFileSync(f, 'x');
      utimesSync(f, old, old);
    }
    const other = mkdtempSync(join(tmpdir(), 'png-cache-'));
    try {
      // Opening another cache and coming back is a first open of this one again.
      process.env['IMAGE_CACHE_DIR'] = other;
      await png('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
      process.env['IMAGE_CACHE_DIR'] = cache;
      await png('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
      expect(readdirSync(cache)).not.toContain(`${'0'.repeat(64)}.png`);
      expect(readdirSync(cache)).not.toContain(`.${'1'.repeat(64)}.99999.png`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('the quotation marks of English images', () => {
  it('are drawn in the Latin font, as resvg draws them with the whole fonts, and not full-width', async () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><rect width="400" height="60" fill="#fff"/><text x="10" y="40" font-size="28">${text}</text></svg>`;
    const narrowed = narrowQuotes(svg('report “Ji’an’s” x'), 'en');
    expect(narrowed).toContain(QUOTES_FONT);
    const drawn = await png(narrowed, 1);
    expect(Buffer.compare(drawn, direct(narrowed, 1))).toBe(0);
    // In the image font alone the marks are full-width: another picture.
    expect(Buffer.compare(drawn, direct(svg('report “Ji’an’s” x'), 1))).not.toBe(0);
  });
});

describe('narrowQuotes', () => {
  const svg = '<svg><title>“a” b’s</title><text x="1" aria-label="“c”">It’s “d” <tspan>‘e’</tspan></text></svg>';
  const narrow = (m: string) => `<tspan font-family="${QUOTES_FONT}">${m}</tspan>`;

  it('draws the quotation marks of English text in the Latin font, and only in drawn text', () => {
    expect(narrowQuotes(svg, 'en')).toBe(
      `<svg><title>“a” b’s</title><text x="1" aria-label="“c”">It${narrow('’')}s ${narrow('“')}d${narrow('”')} <tspan>${narrow('‘')}e${narrow('’')}</tspan></text></svg>`,
    );
  });

  it('keeps Chinese text’s full-width quotation marks, and narrows its apostrophes', () => {
    expect(narrowQuotes('<text>“吉安”的Ji’an</text>', 'zh')).toBe(`<text>“吉安”的Ji${narrow('’')}an</text>`);
  });
});
