import { describe, expect, it } from 'vitest';
import { categoryCount, type CategoryCountData } from '../../src/charts/categoryCount.ts';
import { theme } from '../../src/charts/theme.ts';
import { checkChartContract } from './contract.ts';
import { newDocument } from './svgTools.ts';

// data/cleanup.json: three categories (L10) and 5 firms cleared in 2019, not split by category.
const data: CategoryCountData = {
  categories: [
    { key: 'shutDown', label: '关停取缔', description: '无法整治达标的企业依法关停' },
    { key: 'fixByDeadline', label: '限期整改', description: '限定期限内整改到位' },
    { key: 'relocate', label: '整体搬迁', description: '企业整体迁出原址' },
  ],
  total: { value: 5, text: '5家', label: '2019年清理“散乱污”企业' },
};
const cleanup = (width: number, d = data) =>
  categoryCount(d, {
    document: newDocument(),
    width,
    title: '散乱污整治',
    description: '示意图',
    note: '报道未按整治类型拆分这5家企业',
  });
const box = (el: Element) => {
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(el.getAttribute(a))) as [number, number, number, number];
  return { left: x, top: y, right: x + w, bottom: y + h };
};
const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('cleanup chart', () => {
  checkChartContract('category-count', cleanup);

  it('draws the three categories as equal boxes', () => {
    for (const width of Object.values(theme.widths)) {
      const boxes = [...cleanup(width).querySelectorAll('.category .category-box')].map(box);
      expect(boxes).toHaveLength(3);
      for (const b of boxes) {
        expect(b.right - b.left).toBeCloseTo(boxes[0]!.right - boxes[0]!.left, 3);
        expect(b.bottom - b.top).toBe(boxes[0]!.bottom - boxes[0]!.top);
      }
    }
  });

  it('draws exactly one square per cleared firm, none of them inside a category', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = cleanup(width);
      const firms = [...svg.querySelectorAll('.firm')];
      expect(firms).toHaveLength(5);
      const boxes = [...svg.querySelectorAll('.category-box')].map(box);
      for (const f of firms) {
        expect(f.closest('.category')).toBeNull();
        for (const b of boxes) expect(overlaps(box(f), b)).toBe(false);
      }
      expect(svg.querySelector('.total')!.textContent).toContain('报道未按整治类型拆分');
    }
  });

  it('puts the strip of firms across all three columns on wider screens and stacks the boxes on phones', () => {
    const wide = cleanup(theme.widths.wide);
    const cols = [...wide.querySelectorAll('.category-box')].map(box);
    const strip = box(wide.querySelector('.firm-strip')!);
    expect(new Set(cols.map((b) => b.top)).size).toBe(1);
    expect(strip.left).toBeLessThanOrEqual(cols[0]!.left);
    expect(strip.right).toBeGreaterThanOrEqual(cols[2]!.right);
    const rows = [...cleanup(theme.widths.compact).querySelectorAll('.category-box')].map(box);
    expect(new Set(rows.map((b) => b.left)).size).toBe(1);
    expect(rows[1]!.top).toBeGreaterThanOrEqual(rows[0]!.bottom);
  });

  it('keeps every line of text inside its box and the chart, also with long English text', () => {
    const en: CategoryCountData = {
      categories: data.categories.map((c) => ({ ...c, description: `A long English explanation of what ${c.key} means for a firm` })),
      total: { ...data.total, label: 'Firms cleared of the "scattered, disorderly, polluting" kind in 2019' },
    };
    for (const width of Object.values(theme.widths)) {
      const svg = cleanup(width, en);
      const height = Number(svg.getAttribute('height'));
      for (const t of svg.querySelectorAll('text')) expect(Number(t.getAttribute('y'))).toBeLessThanOrEqual(height);
      for (const c of svg.querySelectorAll('.category')) {
        const b = box(c.querySelector('.category-box')!);
        for (const t of c.querySelectorAll('text')) expect(Number(t.getAttribute('y'))).toBeLessThan(b.bottom);
      }
    }
  });

  it('refuses a firm count that is not a whole number', () => {
    expect(() => cleanup(640, { ...data, total: { ...data.total, value: 4.5 } })).toThrow(/whole number/);
  });
});
