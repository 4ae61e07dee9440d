import { sewageCapacity } from '../../charts/sewageCapacity.ts';
import { formatFact } from '../format.ts';
import { zh } from '../i18n.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The sewage plant's capacity now and after phase 2, beside the collection rate. */
export function sewageFigure(): FigureModel {
  const t = zh.charts.sewage;
  const built = figureFact('sewage.capacity.phase1');
  const planned = figureFact('sewage.capacity.phase2');
  const rate = figureFact('env.sewageCollection');
  const increase = figureFact('derived.sewage.capacityIncrease');
  const description = t.description({ built: show(built.id), planned: show(planned.id), rate: show(rate.id) });
  return {
    id: 'sewage',
    title: t.title,
    takeaway: t.takeaway({ increase: show(increase.id), rate: show(rate.id) }),
    sources: sourcesOf([built, planned, rate]),
    datasets: ['sewage', 'environment'],
    notes: [...t.notes],
    table: [row(built), row(planned), row(increase), row(rate)],
    points: [point('built', built), point('planned', planned), point('rate', rate)],
    svg: renderVariants('sewage', (document, width, id) =>
      sewageCapacity(
        {
          stages: [
            { key: 'built', label: t.stages.built, value: built.value, text: formatFact(built) },
            { key: 'planned', label: t.stages.planned, value: planned.value, text: formatFact(planned), planned: true },
          ],
          rate: { label: t.rate, value: rate.value, text: formatFact(rate) },
        },
        { document, id, width, title: t.title, description, unit: t.unit, legend: t.legend },
      ),
    ),
  };
}
