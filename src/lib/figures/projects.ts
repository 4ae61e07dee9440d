import { projectBounds } from '../../charts/projectBounds.ts';
import { formatFact } from '../format.ts';
import { zh } from '../i18n.ts';
import { data } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** Standard factory space and the two investment projects, each drawn as "at least". */
export function projectsFigure(): FigureModel {
  const t = zh.charts.projects;
  const records = data['projects.json'].records.filter((r) => r.qualifier === 'over');
  const bounds = records.map((r) => {
    const f = figureFact(r.id);
    return { key: r.id, label: r.label, value: r.value, text: formatFact(f), group: r.unit === '亿元' ? 'investment' : 'area', fact: f };
  });
  const description = t.description(bounds.map((b) => `${b.label}${b.text}`).join('，'));
  return {
    id: 'projects',
    title: t.title,
    takeaway: t.takeaway,
    sources: sourcesOf(bounds.map((b) => b.fact)),
    datasets: ['projects'],
    notes: [...t.notes],
    table: bounds.map((b) => row(b.fact)),
    points: bounds.map((b) => point(b.key, b.fact)),
    svg: renderVariants('projects', (document, width, id) =>
      projectBounds(bounds, { document, id, width, title: t.title, description, groups: t.groups, note: t.note }),
    ),
  };
}
