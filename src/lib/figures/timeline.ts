import { parkTimeline } from '../../charts/parkTimeline.ts';
import { formatDate } from '../format.ts';
import { zh } from '../i18n.ts';
import { data, show } from '../site.ts';
import { renderVariants, sourcesOf, type FigureModel } from './model.ts';

/** The park's dated milestones, 2002–2020, in a vertical timeline. */
export function timelineFigure(): FigureModel {
  const t = zh.charts.timeline;
  const events = [...data['milestones.json'].records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const source = (line: string) => zh.figure.reportLine(line);
  return {
    id: 'timeline',
    title: t.title,
    takeaway: t.takeaway(show('derived.park.yearsToHighTech')),
    sources: sourcesOf(events),
    datasets: ['milestones'],
    notes: [...t.notes],
    table: events.map((e) => ({ label: e.label, value: formatDate(e.date), source: source(e.source), derived: false, fact: e.id })),
    points: events.map((e) => ({ key: e.id, fact: e.id, label: e.label, value: formatDate(e.date), source: source(e.source) })),
    svg: renderVariants('timeline', (document, width, id) =>
      parkTimeline(
        events.map((e) => ({ key: e.id, date: e.date, label: e.label, kind: e.kind })),
        {
          document,
          id,
          width,
          title: t.title,
          description: t.description(events.length),
          kinds: t.kinds,
          dateLabel: formatDate,
          gap: t.gap,
        },
      ),
    ),
  };
}
