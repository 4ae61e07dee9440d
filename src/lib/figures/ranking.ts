import { rankSlope } from '../../charts/rankSlope.ts';
import { zh } from '../i18n.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The provincial assessment rank, one point a year, better ranks higher. */
export function rankingFigure(): FigureModel {
  const t = zh.charts.ranking;
  const ranks = ['ranking.2018', 'ranking.2019'].map(figureFact);
  const first = ranks[0]!;
  const last = ranks.at(-1)!;
  const change = t.change(first.value - last.value);
  const words = { first: show(first.id), last: show(last.id), change };
  return {
    id: 'ranking',
    title: t.title,
    takeaway: t.takeaway(words),
    sources: sourcesOf(ranks),
    datasets: ['rankings'],
    notes: [...t.notes],
    table: [...ranks.map((r) => row(r, t.rowLabel(String(r.year)))), row(figureFact('derived.ranking.change'))],
    svg: draw(),
    points: ranks.map((r) => point(String(r.year), r, t.rowLabel(String(r.year)))),
    states: ranks.map((r, i) => ({
      key: String(r.year),
      svg: draw(
        ranks.slice(0, i + 1).map((x) => String(x.year)),
        `ranking-${r.year}`,
      ),
    })),
  };

  /** The chart with the given years (all by default), at every width. */
  function draw(visible?: readonly string[], idPrefix = 'ranking') {
    return renderVariants(idPrefix, (document, width, id) =>
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
  }
}
