import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { plain } from '../../src/lib/template.ts';
import { overlappingLabels, textExtents } from '../charts/svgTools.ts';
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

  it('keeps every label inside the chart and clear of every other, at every width, in every state and view', () => {
    for (const f of all) {
      const sets = [
        f.svg,
        ...(f.states ?? []).map((s) => s.svg),
        ...(f.modes ?? []).flatMap((m) => [m.svg, ...(m.states ?? []).map((s) => s.svg)]),
      ];
      for (const svgs of sets) {
        for (const [variant, markup] of Object.entries(svgs)) {
          const svg = svgOf(markup);
          const width = Number(svg.getAttribute('width'));
          const height = Number(svg.getAttribute('height'));
          const labels = textExtents(svg);
          for (const t of labels) {
            expect(t.left, `${f.id}: "${t.text}"`).toBeGreaterThanOrEqual(0);
            expect(t.right, `${f.id}: "${t.text}"`).toBeLessThanOrEqual(width);
            expect(t.top, `${f.id}: "${t.text}"`).toBeGreaterThanOrEqual(0);
            expect(t.bottom, `${f.id}: "${t.text}"`).toBeLessThanOrEqual(height);
          }
          const overlaps = overlappingLabels(labels).map(([a, b]) => `"${a.text}" / "${b.text}"`);
          expect(overlaps, `${f.id} ${variant}`).toEqual([]);
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

  if (locale === 'en')
    it('starts every English title, takeaway, note and description with a capital, wherever a figure opens it', () => {
      const sentences = all.flatMap((f) => [f.title, plain(f.takeaway), f.description, ...f.notes.map((n) => plain(n))]);
      expect(sentences.length).toBeGreaterThan(all.length * 3);
      for (const s of sentences) expect(s, s).toMatch(/^[^a-z]/);
    });
});
