import { industryStructure } from '../../charts/industryStructure.ts';
import { zh } from '../i18n.ts';
import { data } from '../site.ts';
import { renderVariants, sourcesOf, type FigureModel } from './model.ts';

/** The "1+3+N" cluster: one leading industry, three featured ones, and the unnamed rest. */
export function industriesFigure(): FigureModel {
  const t = zh.charts.industries;
  const records = data['industries.json'].records;
  const leading = records.filter((r) => r.tier === 'leading').map((r) => r.label);
  const featured = records.filter((r) => r.tier === 'featured').map((r) => r.label);
  const items = [
    ...records.map((r) => ({ key: r.id, label: r.label, tier: r.tier })),
    { key: 'industry.other', label: t.other, tier: 'other' as const },
  ];
  const source = (line: string) => zh.figure.reportLine(line);
  const rows = records.map((r) => ({ label: r.label, value: t.tiers[r.tier], source: source(r.source), derived: false, fact: r.id }));
  return {
    id: 'industries',
    title: t.title,
    takeaway: t.takeaway(leading.join('、')),
    sources: sourcesOf(records),
    datasets: ['industries'],
    notes: [...t.notes],
    table: rows,
    points: [
      ...records.map((r) => ({ key: r.id, label: r.label, value: t.tiers[r.tier], source: source(r.source) })),
      { key: 'industry.other', label: t.other, value: t.tiers.other, source: source(records[0]!.source) },
    ],
    svg: renderVariants('industries', (document, width, id) =>
      industryStructure(items, {
        document,
        id,
        width,
        title: t.title,
        description: t.description({ leading: leading.join('、'), featured: featured.join('、') }),
        tiers: t.tiers,
      }),
    ),
  };
}
