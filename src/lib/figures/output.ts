import { outputGrowth } from '../../charts/outputGrowth.ts';
import { ratioInterval, shareConsistency, type Fact } from '../facts.ts';
import { displayUnit, formatAmount, formatNumber, formatSigned, type Locale } from '../format.ts';
import { dict, formulaIn } from '../i18n/index.ts';
import { provenance } from '../provenance.ts';
import { show } from '../site.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The scrolly sequence: the implied 2018 level, then 2019 and the change, then the high-tech part. */
const states = [
  { key: 'implied', visible: ['2018'] },
  { key: 'total', visible: ['2018', '2019', 'change'] },
  { key: 'hightech', visible: ['2018', '2019', '2019-part', 'change'] },
];

/** Output growth: 2019 total with its high-tech part, beside the 2018 level the growth rate implies. */
export function outputFigure(locale: Locale): FigureModel {
  const t = dict(locale).charts.output;
  const s = (id: string) => show(id, locale);
  const total = figureFact('output.total.2019');
  const hightech = figureFact('output.hightech.2019');
  const growth = figureFact('output.growth.2019');
  const share = figureFact('output.hightechShare.2019');
  const implied = figureFact('derived.output.2018');
  const interval = ratioInterval(hightech, total);
  // Bars are drawn in the unit the edition shows: 亿元, or CNY billion.
  const v = (f: Fact) => displayUnit(f.value, f.unit, f.digits, locale).value;
  const description = t.description({ total: s(total.id), hightech: s(hightech.id), growth: s(growth.id), implied: s(implied.id) });
  const amountPoints = [point('2018', implied, locale), point('2019', total, locale), point('2019-part', hightech, locale)];
  const draw = (visible?: readonly string[], idPrefix = 'output') =>
    renderVariants(idPrefix, (document, width, id) =>
      outputGrowth(
        [
          { key: '2018', label: t.bars.implied, value: v(implied), derived: true, text: formatAmount(implied, locale) },
          {
            key: '2019',
            label: t.bars.reported,
            value: v(total),
            text: formatAmount(total, locale),
            part: { value: v(hightech), text: formatAmount(hightech, locale) },
          },
        ],
        {
          document,
          id,
          width,
          title: t.title,
          description,
          unit: t.unit,
          change: `${formatSigned(growth.value, growth.digits, locale)}%`,
          legend: t.legend,
          ...(visible && { visible }),
        },
      ),
    );
  return {
    id: 'output',
    title: t.title,
    takeaway: t.takeaway({ added: s('derived.output.added.2019'), share: s(share.id) }),
    sources: sourcesOf([total, hightech, growth, share]),
    datasets: ['output'],
    notes: [
      t.notes.implied(formulaIn(locale, implied.id, implied.derived!.formula)),
      t.notes.share({
        reported: s(share.id),
        computed: s('derived.output.hightechShare.2019'),
        interval: interval.map((x) => `${formatNumber(x, 2, locale)}%`).join('–'),
        consistency: shareConsistency(share, interval),
      }),
    ],
    table: [row(implied, locale), row(total, locale), row(hightech, locale), row(growth, locale), row(share, locale)],
    svg: draw(),
    points: amountPoints,
    states: states.map((state) => ({ key: state.key, svg: draw(state.visible, `output-${state.key}`) })),
    modes: [
      { key: 'amount', label: t.modes.amount, svg: draw(), points: amountPoints },
      {
        key: 'share',
        label: t.modes.share,
        svg: renderVariants('output-share', (document, width, id) =>
          outputGrowth(
            [
              { key: '2018', label: t.bars.reported2018, value: null, text: t.share.missing },
              { key: '2019', label: t.bars.reported, value: 100, text: t.share.whole, part: { value: share.value, text: s(share.id) } },
            ],
            {
              document,
              id,
              width,
              title: t.share.title,
              description: t.share.description(s(share.id)),
              unit: t.share.unit,
              legend: t.legend,
            },
          ),
        ),
        points: [
          { key: '2018', label: t.share.missingLabel, value: t.share.missing, source: t.share.missingSource },
          { key: '2019', label: t.share.wholeLabel, value: t.share.whole, source: provenance(total, locale) },
          point('2019-part', share, locale),
        ],
      },
    ],
  };
}
