import { cleanupCategories } from '../../charts/cleanupCategories.ts';
import type { Locale } from '../format.ts';
import { dict } from '../i18n/index.ts';
import { provenance } from '../provenance.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The three ways of dealing with 散乱污 firms, and the 2019 count that the report does not split. */
export function cleanupFigure(locale: Locale): FigureModel {
  const t = dict(locale).charts.cleanup;
  const categories = figureFact('cleanup.categories');
  const total = figureFact('cleanup.firms.2019');
  const source = provenance(categories, locale);
  return {
    id: 'cleanup',
    title: t.title,
    takeaway: t.takeaway(show(total.id, locale)),
    sources: sourcesOf([categories, total]),
    datasets: ['cleanup'],
    notes: [...t.notes],
    table: [
      row(categories, locale),
      ...t.categories.map((c) => ({ label: c.label, value: c.description, source, derived: false })),
      row(total, locale),
    ],
    points: [...t.categories.map((c) => ({ key: c.key, label: c.label, value: c.description, source })), point('total', total, locale)],
    svg: renderVariants('cleanup', (document, width, id) =>
      cleanupCategories(
        { categories: t.categories, total: { value: total.value, text: show(total.id, locale), label: t.totalLabel } },
        {
          document,
          id,
          width,
          title: t.title,
          description: t.description({ categories: show(categories.id, locale), total: show(total.id, locale) }),
          note: t.note,
        },
      ),
    ),
  };
}
