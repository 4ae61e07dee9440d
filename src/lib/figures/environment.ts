import { environmentRates, sortRates } from '../../charts/environmentRates.ts';
import { formatAmount, formatFact, type Locale } from '../format.ts';
import { dict, shortIn } from '../i18n/index.ts';
import { data } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The report's environmental rates, sorted, against a full bar of 100%. */
export function environmentFigure(locale: Locale): FigureModel {
  const t = dict(locale).charts.environment;
  const rates = sortRates(
    data['environment.json'].records.map((r) => {
      const f = figureFact(r.id);
      return {
        key: r.id,
        label: shortIn(locale, r.id, r.short!),
        value: r.value,
        group: r.group!,
        text: `${formatAmount(f, locale)}%`,
        fact: f,
      };
    }),
  );
  const lowest = rates.at(-1)!;
  return {
    id: 'environment',
    title: t.title,
    takeaway: t.takeaway({
      full: rates.filter((r) => r.value === 100).length,
      lowest: lowest.label,
      lowestValue: formatFact(lowest.fact, locale),
    }),
    sources: sourcesOf(rates.map((r) => r.fact)),
    datasets: ['environment'],
    notes: [...t.notes],
    table: rates.map((r) => row(r.fact, locale)),
    points: rates.map((r) => point(r.key, r.fact, locale)),
    highlight: Object.entries(t.groups).map(([key, label]) => ({ key, label })),
    svg: renderVariants('environment', (document, width, id) =>
      environmentRates(rates, {
        document,
        id,
        width,
        title: t.title,
        description: t.description(rates.map((r) => `${r.label} ${r.text}`).join(locale === 'zh' ? '，' : ', ')),
        full: t.full,
        groups: t.groups,
      }),
    ),
  };
}
