import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierBoxes, type Industry } from '../../src/charts/tierBoxes.ts';
import { theme } from '../../src/charts/theme.ts';
import { root } from '../helpers.ts';
import { checkChartContract } from './contract.ts';
import { newDocument } from './svgTools.ts';

// data/industries.json (L11), plus the "N" the report names but does not itemise.
const data: Industry[] = [
  { key: 'industry.electronics', label: '电子信息', tier: 'leading' },
  { key: 'industry.equipment', label: '先进装备制造业', tier: 'featured' },
  { key: 'industry.greenFood', label: '绿色食品', tier: 'featured' },
  { key: 'industry.newEnergyMaterials', label: '新能源新材料', tier: 'featured' },
  { key: 'industry.other', label: 'N：其他产业（报道未列出）', tier: 'other' },
];
const tiers = { leading: '首位产业（1）', featured: '特色优势产业（3）', other: '其他（N）' };
const industries = (width: number, d: Industry[] = data) =>
  tierBoxes(d, { document: newDocument(), width, title: '“1+3+N”主导产业集群', description: '结构图', tiers });

const box = (svg: SVGSVGElement, key: string) => {
  const r = svg.querySelector(`[data-key="${key}"] rect`)!;
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))) as [number, number, number, number];
  return { x, y, w, h, area: w * h };
};
const lines = (svg: SVGSVGElement, key: string) => [...svg.querySelectorAll(`[data-key="${key}"] .box-label`)].map((t) => t.textContent);

describe('industries chart', () => {
  checkChartContract('tier-boxes', industries);

  it('draws the leading industry larger than each featured one, and above them', () => {
    for (const width of Object.values(theme.widths)) {
      const svg = industries(width);
      const lead = box(svg, 'industry.electronics');
      for (const d of data.filter((d) => d.tier === 'featured')) {
        const b = box(svg, d.key);
        expect(lead.area, `${d.key} at ${width}`).toBeGreaterThan(b.area);
        expect(lead.h).toBeGreaterThan(b.h);
        expect(lead.y + lead.h).toBeLessThan(b.y);
      }
    }
  });

  it('draws exactly three featured industries as equal boxes side by side', () => {
    const svg = industries(theme.widths.compact);
    const featured = [...svg.querySelectorAll('.mark.tier-featured')].map((g) => box(svg, g.getAttribute('data-key')!));
    expect(featured).toHaveLength(3);
    expect(new Set(featured.map((b) => `${b.w}×${b.h}`)).size).toBe(1);
    expect(new Set(featured.map((b) => b.y)).size).toBe(1);
    expect(featured.map((b) => b.x)).toEqual([...featured.map((b) => b.x)].sort((a, b) => a - b));
  });

  it('draws the unspecified "N" last, as a dashed box with no fill', () => {
    const svg = industries(theme.widths.wide);
    const marks = [...svg.querySelectorAll('.mark')];
    expect(marks.at(-1)!.getAttribute('data-key')).toBe('industry.other');
    expect(marks.at(-1)!.classList.contains('tier-other')).toBe(true);
    expect(svg.querySelectorAll('.tier-other')).toHaveLength(1);
    const rule =
      /\.chart \.tier-other rect \{([^}]*)\}/.exec(readFileSync(join(root, 'src/styles/charts-timeline.css'), 'utf8'))?.[1] ?? '';
    expect(rule).toMatch(/fill: none/);
    expect(rule).toMatch(/stroke-dasharray: \d/);
  });

  it('wraps a long name inside its box on phones and keeps every character', () => {
    const svg = industries(theme.widths.compact);
    const equipment = lines(svg, 'industry.equipment');
    expect(equipment.length).toBeGreaterThan(1);
    expect(equipment.join('')).toBe('先进装备制造业');
    const b = box(svg, 'industry.equipment');
    for (const t of svg.querySelectorAll('[data-key="industry.equipment"] .box-label')) {
      const y = Number(t.getAttribute('y'));
      expect(y).toBeGreaterThan(b.y);
      expect(y).toBeLessThan(b.y + b.h);
    }
    expect(lines(industries(theme.widths.wide), 'industry.equipment')).toEqual(['先进装备制造业']);
  });

  it('heads each tier with the given title, in the order 1, 3, N', () => {
    const titles = [...industries(theme.widths.medium).querySelectorAll('.tier-title')].map((t) => t.textContent);
    expect(titles).toEqual(['首位产业（1）', '特色优势产业（3）', '其他（N）']);
  });

  it('leaves out the heading of a tier with no industries', () => {
    const svg = industries(theme.widths.medium, data.slice(0, 4));
    expect([...svg.querySelectorAll('.tier-title')].map((t) => t.textContent)).toEqual(['首位产业（1）', '特色优势产业（3）']);
    expect(svg.querySelector('.tier-other')).toBeNull();
  });
});
