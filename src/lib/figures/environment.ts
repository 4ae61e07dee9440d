import { environmentRates, sortRates } from '../../charts/environmentRates.ts';
import { formatAmount, formatFact } from '../format.ts';
import { zh } from '../i18n.ts';
import { data } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The report's environmental rates, sorted, against a full bar of 100%. */
export function environmentFigure(): FigureModel {
  const t = zh.charts.environment;
  const rates = sortRates(
    data['environment.json'].records.map((r) => {
      const f = figureFact(r.id);
      return { key: r.id, label: r.short!, value: r.value, group: r.group!, text: `${formatAmount(f)}%`, fact: f };
    }),
  );
  const lowest = rates.at(-1)!;
  return {
    id: 'environment',
    title: t.title,
    takeaway: t.takeaway({ full: rates.filter((r) => r.value === 100).length, lowest: lowest.label, lowestValue: formatFact(lowest.fact) }),
    sources: sourcesOf(rates.map((r) => r.fact)),
    datasets: ['environment'],
    notes: [...t.notes],
    table: rates.map((r) => row(r.fact)),
    points: rates.map((r) => point(r.key, r.fact)),
    highlight: Object.entries(t.groups).map(([key, label]) => ({ key, label })),
    svg: renderVariants('environment', (document, width, id) =>
      environmentRates(rates, {
        document,
        id,
        width,
        title: t.title,
        description: t.description(rates.map((r) => `${r.label}${r.text}`).join('，')),
        full: t.full,
        groups: t.groups,
      }),
    ),
  };
}
