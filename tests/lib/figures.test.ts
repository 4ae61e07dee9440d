import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { figures } from '../../src/lib/figures/index.ts';
import { locales } from '../../src/lib/i18n/index.ts';
import { textExtents } from '../charts/svgTools.ts';
import { expectedCharts } from '../helpers.ts';

const svgOf = (markup: string) =>
  parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg') as unknown as SVGSVGElement;

describe.each(locales)('every chart of the %s edition', (locale) => {
  const all = [...figures(locale).values()];

  it('has all eight charts, each with points for its marks', () => {
    expect(all.map((f) => f.id).sort()).toEqual(expectedCharts);
    for (const f of all) expect(f.points.length, f.id).toBeGreaterThan(0);
  });

  it('keeps every label inside the chart at every width, in every state and view', () => {
    for (const f of all) {
      const sets = [f.svg, ...(f.states ?? []).map((s) => s.svg), ...(f.modes ?? []).map((m) => m.svg)];
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
