import { outputGrowth } from '../../charts/outputGrowth.ts';
import { ratioInterval, shareConsistency } from '../facts.ts';
import { formatAmount, formatNumber, formatSigned } from '../format.ts';
import { zh } from '../i18n.ts';
import { show } from '../site.ts';
import { provenance } from '../provenance.ts';
import { figureFact, point, renderVariants, row, sourcesOf, type FigureModel } from './model.ts';

/** The scrolly sequence: the implied 2018 level, then 2019 and the change, then the high-tech part. */
const states = [
  { key: 'implied', visible: ['2018'] },
  { key: 'total', visible: ['2018', '2019', 'change'] },
  { key: 'hightech', visible: ['2018', '2019', '2019-part', 'change'] },
];

/** Output growth: 2019 total with its high-tech part, beside the 2018 level the growth rate implies. */
export function outputFigure(): FigureModel {
  const t = zh.charts.output;
  const total = figureFact('output.total.2019');
  const hightech = figureFact('output.hightech.2019');
  const growth = figureFact('output.growth.2019');
  const share = figureFact('output.hightechShare.2019');
  const implied = figureFact('derived.output.2018');
  const interval = ratioInterval(hightech, total);
  const description = t.description({
    total: show(total.id),
    hightech: show(hightech.id),
    growth: show(growth.id),
    implied: show(implied.id),
  });
  return {
    id: 'output',
    title: t.title,
    takeaway: t.takeaway({ added: show('derived.output.added.2019'), share: show(share.id) }),
    sources: sourcesOf([total, hightech, growth, share]),
    datasets: ['output'],
    notes: [
      t.notes.implied(implied.derived!.formula),
      t.notes.share({
        reported: show(share.id),
        computed: show('derived.output.hightechShare.2019'),
        interval: interval.map((x) => `${formatNumber(x, 2)}%`).join('—'),
        consistency: shareConsistency(share, interval),
      }),
    ],
    table: [row(implied), row(total), row(hightech), row(growth), row(share)],
    svg: draw(),
    points: [point('2018', implied), point('2019', total), point('2019-part', hightech)],
    states: states.map((state) => ({ key: state.key, svg: draw(state.visible, `output-${state.key}`) })),
    modes: [
      {
        key: 'amount',
        label: t.modes.amount,
        svg: draw(),
        points: [point('2018', implied), point('2019', total), point('2019-part', hightech)],
      },
      {
        key: 'share',
        label: t.modes.share,
        svg: renderVariants('output-share', (document, width, id) =>
          outputGrowth(
            [
              { key: '2018', label: t.bars.reported2018, value: null, text: t.share.missing },
              { key: '2019', label: t.bars.reported, value: 100, text: t.share.whole, part: { value: share.value, text: show(share.id) } },
            ],
            {
              document,
              id,
              width,
              title: t.share.title,
              description: t.share.description(show(share.id)),
              unit: t.share.unit,
              legend: t.legend,
            },
          ),
        ),
        points: [
          { key: '2018', label: t.share.missingLabel, value: t.share.missing, source: t.share.missingSource },
          { key: '2019', label: t.share.wholeLabel, value: t.share.whole, source: provenance(total) },
          point('2019-part', share),
        ],
      },
    ],
  };

  /** The chart with the given marks (all by default), at every width. */
  function draw(visible?: readonly string[], idPrefix = 'output') {
    return renderVariants(idPrefix, (document, width, id) =>
      outputGrowth(
        [
          { key: '2018', label: t.bars.implied, value: implied.value, derived: true, text: formatAmount(implied) },
          {
            key: '2019',
            label: t.bars.reported,
            value: total.value,
            text: formatAmount(total),
            part: { value: hightech.value, text: formatAmount(hightech) },
          },
        ],
        {
          document,
          id,
          width,
          title: t.title,
          description,
          unit: t.unit,
          change: `${formatSigned(growth.value, growth.digits)}%`,
          legend: t.legend,
          ...(visible && { visible }),
        },
      ),
    );
  }
}
