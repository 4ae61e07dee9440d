import { cleanupCategories } from '../../charts/cleanupCategories.ts';
import { zh } from '../i18n.ts';
import { provenance } from '../provenance.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The three ways of dealing with 散乱污 firms, and the 2019 count that the report does not split. */
export function cleanupFigure(): FigureModel {
  const t = zh.charts.cleanup;
  const categories = figureFact('cleanup.categories');
  const total = figureFact('cleanup.firms.2019');
  return {
    id: 'cleanup',
    title: t.title,
    takeaway: t.takeaway(show(total.id)),
    sources: sourcesOf([categories, total]),
    datasets: ['cleanup'],
    notes: [...t.notes],
    table: [
      row(categories),
      ...t.categories.map((c) => ({ label: c.label, value: c.description, source: provenance(categories), derived: false })),
      row(total),
    ],
    points: [
      ...t.categories.map((c) => ({ key: c.key, label: c.label, value: c.description, source: provenance(categories) })),
      point('total', total),
    ],
    svg: renderVariants('cleanup', (document, width, id) =>
      cleanupCategories(
        { categories: t.categories, total: { value: total.value, text: show(total.id), label: t.totalLabel } },
        {
          document,
          id,
          width,
          title: t.title,
          description: t.description({ categories: show(categories.id), total: show(total.id) }),
          note: t.note,
        },
      ),
    ),
  };
}
