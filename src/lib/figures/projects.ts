import { projectBounds } from '../../charts/projectBounds.ts';
import { displayUnit, formatFact, type Locale } from '../format.ts';
import { dict } from '../i18n/index.ts';
import { data } from '../site.ts';
import { figureFact, labelOf, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** Standard factory space and the two investment projects, each drawn as "at least". */
export function projectsFigure(locale: Locale): FigureModel {
  const t = dict(locale).charts.projects;
  const bounds = data['projects.json'].records
    .filter((r) => r.qualifier === 'over')
    .map((r) => {
      const f = figureFact(r.id);
      const value = displayUnit(f.value, f.unit, f.digits, locale).value;
      return {
        key: r.id,
        label: labelOf(f, locale),
        value,
        text: formatFact(f, locale),
        group: r.unit === '亿元' ? 'investment' : 'area',
        fact: f,
      };
    });
  const description = t.description(bounds.map((b) => `${b.label} ${b.text}`).join(locale === 'zh' ? '，' : '; '));
  return {
    id: 'projects',
    title: t.title,
    takeaway: t.takeaway,
    sources: sourcesOf(bounds.map((b) => b.fact)),
    datasets: ['projects'],
    notes: [...t.notes],
    table: bounds.map((b) => row(b.fact, locale)),
    points: bounds.map((b) => point(b.key, b.fact, locale)),
    svg: renderVariants('projects', (document, width, id) =>
      projectBounds(bounds, { document, id, width, title: t.title, description, groups: t.groups, note: t.note }),
    ),
  };
}
