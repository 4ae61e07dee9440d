import { expect, it } from 'vitest';
import { theme } from '../../src/charts/theme.ts';
import { cleanSvg, overlappingLabels, textExtents } from './svgTools.ts';

const widths = Object.entries(theme.widths);

/**
 * What every chart promises, at every prerendered width: a stable SVG snapshot, purity,
 * an accessible name and description, labels inside the chart and legibly sized, ids
 * derived from the chart id, and every interactive mark keyed. Call inside a describe().
 */
export function checkChartContract(name: string, draw: (width: number) => SVGSVGElement) {
  it.each(widths)('matches its SVG snapshot at the %s width', async (variant, width) => {
    await expect(cleanSvg(draw(width).outerHTML)).toMatchFileSnapshot(`__snapshots__/${name}-${variant}.svg`);
  });

  it('is pure: the same input gives the same SVG', () => {
    expect(draw(theme.widths.wide).outerHTML).toBe(draw(theme.widths.wide).outerHTML);
  });

  it.each(widths)('has an accessible name and description at the %s width', (_, width) => {
    const svg = draw(width);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent?.length).toBeGreaterThan(0);
    expect(svg.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent?.length).toBeGreaterThan(0);
  });

  it.each(widths)('keeps every label inside the chart, legibly sized and clear of the others, at the %s width', (_, width) => {
    const svg = draw(width);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${svg.getAttribute('height')}`);
    for (const t of textExtents(svg)) {
      expect(t.left, `"${t.text}" starts inside`).toBeGreaterThanOrEqual(0);
      expect(t.right, `"${t.text}" ends inside`).toBeLessThanOrEqual(width);
      expect(t.top, `"${t.text}" starts below the top`).toBeGreaterThanOrEqual(0);
      expect(t.bottom, `"${t.text}" ends above the bottom`).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
      expect(t.size, `"${t.text}" is legible`).toBeGreaterThanOrEqual(12);
    }
    expect(overlappingLabels(textExtents(svg)).map(([a, b]) => `"${a.text}" / "${b.text}"`)).toEqual([]);
  });

  it('derives every id from the chart id', () => {
    const ids = [...draw(theme.widths.compact).querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(`${name}-`), id).toBe(true);
  });

  it('keys every interactive mark, once per width', () => {
    for (const width of Object.values(theme.widths)) {
      const keys = [...draw(width).querySelectorAll('.mark')].map((m) => m.getAttribute('data-key'));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every(Boolean)).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
}
