import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartImageCss, chartImageSvg } from '../../src/story/chartImage.ts';
import { colour } from '../../src/styles/palette.ts';
import { realStory } from '../helpers.ts';

describe('the paint of a chart image', () => {
  const css = chartImageCss();

  it('is the charts’ mark rules in light colours, with no variables, media queries or page rules', () => {
    expect(css).not.toMatch(/var\(|@media|@container|chart-figure|chart-variant|transition/);
    // The palette's light colours are in it, its dark ones are not.
    expect(colour('--chart-part', 'dark')).not.toBe(colour('--chart-part'));
    expect(css).not.toContain(colour('--chart-part', 'dark'));
    expect(css).toContain(`.chart .bar-part{fill: ${colour('--chart-part')}}`);
    expect(css).toContain(`.chart text{fill: ${colour('--ink')};font-family: 'Noto Sans SC'}`);
  });

  it('is applied by resvg: a mark is painted by its classes through a nested chart SVG', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><style>${css}</style><svg class="chart chart--rate-bars" width="20" height="20"><g class="rate series-2"><rect width="20" height="20"/></g></svg></svg>`;
    const pixels = new Resvg(svg).render().pixels;
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    expect([...pixels.subarray(0, 3)]).toEqual(rgb(colour('--chart-series-2')));
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
