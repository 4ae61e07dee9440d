import { parkTimeline } from '../../charts/parkTimeline.ts';
import { formatDate, type Locale } from '../format.ts';
import { dict, labelIn } from '../i18n/index.ts';
import { data, show } from '../site.ts';
import { renderVariants, sourcesOf, type FigureModel } from './model.ts';

/** The park's dated milestones, 2002–2020, in a vertical timeline. */
export function timelineFigure(locale: Locale): FigureModel {
  const d = dict(locale);
  const t = d.charts.timeline;
  const events = [...data['milestones.json'].records]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => ({ ...e, name: labelIn(locale, e.id, e.label), when: formatDate(e.date, locale) }));
  return {
    id: 'timeline',
    title: t.title,
    takeaway: t.takeaway(show('derived.park.yearsToHighTech', locale)),
    sources: sourcesOf(events),
    datasets: ['milestones'],
    notes: [...t.notes],
    table: events.map((e) => ({ label: e.name, value: e.when, source: d.figure.reportLine(e.source), derived: false, fact: e.id })),
    points: events.map((e) => ({ key: e.id, fact: e.id, label: e.name, value: e.when, source: d.figure.reportLine(e.source) })),
    svg: renderVariants('timeline', (document, width, id) =>
      parkTimeline(
        events.map((e) => ({ key: e.id, date: e.date, label: e.name, kind: e.kind })),
        {
          document,
          id,
          width,
          title: t.title,
          description: t.description({ count: events.length, first: events[0]!.when, last: events.at(-1)!.when }),
          kinds: t.kinds,
          dateLabel: (date) => formatDate(date, locale),
          gap: t.gap,
        },
      ),
    ),
  };
}
