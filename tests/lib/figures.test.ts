import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { textExtents } from '../charts/svgTools.ts';
import { realStory } from '../helpers.ts';

const svgOf = (markup: string) =>
  parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg') as unknown as SVGSVGElement;

const story = realStory();

describe.each(story.editions)('every chart of the %s edition', (locale) => {
  const all = story.chartIds.map((id) => story.figure(id, locale));

  it('builds every chart entry of content/charts/, each with points for its marks', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((f) => f.id)).toEqual(story.chartIds);
    for (const f of all) expect(f.points.length, f.id).toBeGreaterThan(0);
  });

  it('keeps every label inside the chart at every width, in every state and view', () => {
    for (const f of all) {
      const sets = [
        f.svg,
        ...(f.states ?? []).map((s) => s.svg),
        ...(f.modes ?? []).flatMap((m) => [m.svg, ...(m.states ?? []).map((s) => s.svg)]),
      ];
      for (const svgs of sets) {
        for (const markup of Object.values(svgs)) {
          const svg = svgOf(markup);
          const width = Number(svg.getAttribute('width'));
          for (const t of textExtents(svg)) {
            expect(t.left, `${f.id}: "${t.text}"`).toBeGreaterThanOrEqual(0);
            expect(t.right, `${f.id}: "${t.text}"`).toBeLessThanOrEqual(width);
          }
        }
      }
    }
  });

  it(locale === 'en' ? 'shows no Chinese in the charts' : 'shows the report’s terms in the charts', () => {
    for (const f of all) {
      const text = Object.values(f.svg)
        .map((m) => svgOf(m).textContent)
        .join(' ');
      if (locale === 'en') expect(text, f.id).not.toMatch(/\p{Script=Han}/u);
      else expect(text, f.id).toMatch(/\p{Script=Han}/u);
    }
  });
});
