import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartImageCss, chartImageSvg } from '../../src/story/chartImage.ts';
import { realStory } from '../helpers.ts';

describe('the paint of a chart image', () => {
  const css = chartImageCss();

  it('is the charts’ mark rules in light colours, with no variables, media queries or page rules', () => {
    expect(css).not.toMatch(/var\(|@media|@container|chart-figure|chart-variant|transition/);
    // The dark scheme's chart green is not in it; the light one is.
    expect(css).not.toContain('#7fd1a2');
    expect(css).toContain('.chart .bar-part{fill: #1d6b45}');
    expect(css).toContain(".chart text{fill: #1b211e;font-family: 'Noto Sans SC'}");
  });

  it('is applied by resvg: a mark is painted by its classes through a nested chart SVG', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><style>${css}</style><svg class="chart chart--rate-bars" width="20" height="20"><g class="rate series-2"><rect width="20" height="20"/></g></svg></svg>`;
    const pixels = new Resvg(svg).render().pixels;
    expect([...pixels.subarray(0, 3)]).toEqual([0x9a, 0x5b, 0x17]);
  });

  it('lays out every chart of the story in both editions, 1200 units wide', () => {
    const story = realStory();
    for (const id of story.chartIds)
      for (const locale of story.editions) {
        const svg = chartImageSvg(story, id, locale);
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="\d+"/);
        expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBe(1200);
      }
  });
});
