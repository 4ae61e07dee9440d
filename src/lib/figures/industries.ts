import { industryStructure } from '../../charts/industryStructure.ts';
import type { Locale } from '../format.ts';
import { dict, labelIn } from '../i18n/index.ts';
import { data } from '../site.ts';
import { renderVariants, sourcesOf, type FigureModel } from './model.ts';

/** The "1+3+N" cluster: one leading industry, three featured ones, and the unnamed rest. */
export function industriesFigure(locale: Locale): FigureModel {
  const d = dict(locale);
  const t = d.charts.industries;
  const records = data['industries.json'].records.map((r) => ({ ...r, name: labelIn(locale, r.id, r.label) }));
  const join = (names: string[]) => names.join(locale === 'zh' ? '、' : ', ');
  const leading = join(records.filter((r) => r.tier === 'leading').map((r) => r.name));
  const featured = join(records.filter((r) => r.tier === 'featured').map((r) => r.name));
  const items = [
    ...records.map((r) => ({ key: r.id, label: r.name, tier: r.tier })),
    { key: 'industry.other', label: t.other, tier: 'other' as const },
  ];
  const source = d.figure.reportLine(records[0]!.source);
  return {
    id: 'industries',
    title: t.title,
    takeaway: t.takeaway(leading),
    sources: sourcesOf(records),
    datasets: ['industries'],
    notes: [...t.notes],
    table: records.map((r) => ({
      label: r.name,
      value: t.tiers[r.tier],
      source: d.figure.reportLine(r.source),
      derived: false,
      fact: r.id,
    })),
    points: [
      ...records.map((r) => ({ key: r.id, label: r.name, value: t.tiers[r.tier], source: d.figure.reportLine(r.source) })),
      { key: 'industry.other', label: t.other, value: t.tiers.other, source },
    ],
    svg: renderVariants('industries', (document, width, id) =>
      industryStructure(items, { document, id, width, title: t.title, description: t.description({ leading, featured }), tiers: t.tiers }),
    ),
  };
}
