import { sewageCapacity } from '../../charts/sewageCapacity.ts';
import { displayUnit, formatFact, type Locale } from '../format.ts';
import { dict } from '../i18n/index.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The sewage plant's capacity now and after phase 2, beside the collection rate. */
export function sewageFigure(locale: Locale): FigureModel {
  const t = dict(locale).charts.sewage;
  const s = (id: string) => show(id, locale);
  const built = figureFact('sewage.capacity.phase1');
  const planned = figureFact('sewage.capacity.phase2');
  const rate = figureFact('env.sewageCollection');
  const increase = figureFact('derived.sewage.capacityIncrease');
  const inUnit = (f: typeof built) => displayUnit(f.value, f.unit, f.digits, locale).value;
  const description = t.description({ built: s(built.id), planned: s(planned.id), rate: s(rate.id) });
  return {
    id: 'sewage',
    title: t.title,
    takeaway: t.takeaway({ increase: s(increase.id), rate: s(rate.id) }),
    sources: sourcesOf([built, planned, rate]),
    datasets: ['sewage', 'environment'],
    notes: [...t.notes],
    table: [row(built, locale), row(planned, locale), row(increase, locale), row(rate, locale)],
    points: [point('built', built, locale), point('planned', planned, locale), point('rate', rate, locale)],
    svg: renderVariants('sewage', (document, width, id) =>
      sewageCapacity(
        {
          stages: [
            { key: 'built', label: t.stages.built, value: inUnit(built), text: formatFact(built, locale) },
            { key: 'planned', label: t.stages.planned, value: inUnit(planned), text: formatFact(planned, locale), planned: true },
          ],
          rate: { label: t.rate, value: rate.value, text: formatFact(rate, locale) },
        },
        { document, id, width, title: t.title, description, unit: t.unit, legend: t.legend },
      ),
    ),
  };
}
