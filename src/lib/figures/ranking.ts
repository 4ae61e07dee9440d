import { rankSlope } from '../../charts/rankSlope.ts';
import type { Locale } from '../format.ts';
import { dict } from '../i18n/index.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The provincial assessment rank, one point a year, better ranks higher. */
export function rankingFigure(locale: Locale): FigureModel {
  const t = dict(locale).charts.ranking;
  const ranks = ['ranking.2018', 'ranking.2019'].map(figureFact);
  const first = ranks[0]!;
  const last = ranks.at(-1)!;
  const change = t.change(first.value - last.value);
  const words = { first: show(first.id, locale), last: show(last.id, locale), change };
  const draw = (visible?: readonly string[], idPrefix = 'ranking') =>
    renderVariants(idPrefix, (document, width, id) =>
      rankSlope(
        ranks.map((r) => ({ key: String(r.year), label: t.year(String(r.year)), rank: r.value })),
        {
          document,
          id,
          width,
          title: t.title,
          description: t.description(words),
          format: t.rank,
          change,
          better: t.better,
          window: t.window,
          ...(visible && { visible }),
        },
      ),
    );
  return {
    id: 'ranking',
    title: t.title,
    takeaway: t.takeaway(words),
    sources: sourcesOf(ranks),
    datasets: ['rankings'],
    notes: [...t.notes],
    table: [...ranks.map((r) => row(r, locale, t.rowLabel(String(r.year)))), row(figureFact('derived.ranking.change'), locale)],
    svg: draw(),
    points: ranks.map((r) => point(String(r.year), r, locale, t.rowLabel(String(r.year)))),
    states: ranks.map((r, i) => ({
      key: String(r.year),
      svg: draw(
        ranks.slice(0, i + 1).map((x) => String(x.year)),
        `ranking-${r.year}`,
      ),
    })),
  };
}
