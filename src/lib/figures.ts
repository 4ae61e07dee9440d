import { environmentRates } from '../charts/environmentRates.ts';
import { outputGrowth } from '../charts/outputGrowth.ts';
import { rankSlope } from '../charts/rankSlope.ts';
import { theme, type Variant } from '../charts/theme.ts';
import { isDateFact, lookupFact, ratioInterval, type AnyFact, type Fact } from './facts.ts';
import { formatFact, formatNumber } from './format.ts';
import { zh } from './i18n.ts';
import { data, facts, show as showFact } from './site.ts';
import { serverDocument } from './dom.ts';

export interface TableRow {
  label: string;
  value: string;
  /** "L12", or the formula of a derived figure. */
  source: string;
  derived: boolean;
}

/** Everything a `<figure>` shows: the chart at both widths, its words and its data table. */
export interface FigureModel {
  id: string;
  title: string;
  takeaway: string;
  /** Report lines the chart draws on. */
  sources: string[];
  notes: string[];
  table: TableRow[];
  svg: Record<Variant, string>;
}

const fact = (id: string): Fact => {
  const f = lookupFact(facts, id);
  if (isDateFact(f)) throw new Error(`Chart data needs a figure, but "${id}" is a date`);
  return f;
};
const show = (id: string) => showFact(id);

function row(f: AnyFact, label = f.label): TableRow {
  const derived = !isDateFact(f) && Boolean(f.derived);
  return {
    label,
    value: formatFact(f),
    source: !isDateFact(f) && f.derived ? `${zh.figure.derived}：${f.derived.formula}` : zh.figure.reportLine(f.source!),
    derived,
  };
}

/** Renders a chart at each prerendered width; ids inside carry the variant so both can share a page. */
function render(figureId: string, draw: (document: Document, width: number, id: string) => SVGSVGElement): Record<Variant, string> {
  const document = serverDocument();
  const out = {} as Record<Variant, string>;
  for (const [variant, width] of Object.entries(theme.widths) as [Variant, number][]) {
    out[variant] = draw(document, width, `${figureId}-${variant}`).outerHTML;
  }
  return out;
}

const uniqueSources = (fs: AnyFact[]) => [...new Set(fs.flatMap((f) => (isDateFact(f) ? [f.source] : f.source ? [f.source] : [])))].sort();

function outputFigure(): FigureModel {
  const total = fact('output.total.2019');
  const hightech = fact('output.hightech.2019');
  const growth = fact('output.growth.2019');
  const implied = fact('derived.output.2018');
  const [lo, hi] = ratioInterval(hightech, total);
  const interval = `${formatNumber(lo, 2)}%—${formatNumber(hi, 2)}%`;
  const title = '2019年规上工业总产值与推算的2018年水平';
  const description = `柱状图。2019年规模以上工业总产值${show(total.id)}，其中高新技术产品产值${show(hightech.id)}；按同比增长${show(growth.id)}倒推，2018年约为${formatNumber(implied.value, implied.digits)}亿元（推算值，斜线表示）。`;
  return {
    id: 'output',
    title,
    takeaway: `一年多出${show('derived.output.added.2019')}产值；高新技术产品占总产值的${show('output.hightechShare.2019')}。`,
    sources: uniqueSources([total, hightech, growth]),
    notes: [
      `2018年的柱子是本站推算：${implied.derived!.formula}。报道没有给出2018年的实际产值。`,
      `报道称高新产值占比${show('output.hightechShare.2019')}；本站用两项产值直接相除得${show('derived.output.hightechShare.2019')}。两项产值都经过舍入，按舍入区间算占比在${interval}之间，报道的数字只落在区间下沿附近，也可能是直接舍去了尾数。`,
    ],
    table: [row(implied), row(total), row(hightech), row(growth), row(fact('output.hightechShare.2019'))],
    svg: render('output', (document, width, id) =>
      outputGrowth(
        [
          { key: '2018', label: '2018年（推算）', value: implied.value, derived: true },
          { key: '2019', label: '2019年', value: total.value, part: hightech.value },
        ],
        {
          document,
          id,
          width,
          title,
          description,
          unit: '亿元',
          change: `+${formatNumber(growth.value, growth.digits)}%`,
          format: (v, bar) => (bar.derived ? `约${formatNumber(v, 1)}` : formatNumber(v, 1)),
          legend: { part: '高新技术产品产值', rest: '其他规上工业产值', derived: '推算值' },
        },
      ),
    ),
  };
}

function rankingFigure(): FigureModel {
  const r2018 = fact('ranking.2018');
  const r2019 = fact('ranking.2019');
  const title = '全省开发区综合考评名次';
  const description = `折线图。安福高新园区在江西省开发区综合考评中，2018年${show(r2018.id)}，2019年${show(r2019.id)}，上升${formatNumber(fact('derived.ranking.change').value, 0)}位。报道未给出参评开发区总数。`;
  return {
    id: 'ranking',
    title,
    takeaway: `两年间名次前移${show('derived.ranking.change')}，从${show(r2018.id)}到${show(r2019.id)}。`,
    sources: uniqueSources([r2018, r2019]),
    notes: ['报道没有给出参评开发区的总数，因此图中只截取名次附近的一段，不画“末位”。', '名次越小越靠前，纵轴上方为更好的名次。'],
    table: [row(r2018, '2018年名次'), row(r2019, '2019年名次'), row(fact('derived.ranking.change'))],
    svg: render('ranking', (document, width, id) =>
      rankSlope(
        [
          { key: '2018', label: '2018年', rank: r2018.value },
          { key: '2019', label: '2019年', rank: r2019.value },
        ],
        {
          document,
          id,
          width,
          title,
          description,
          format: (r) => `第${r}名`,
          change: `上升${show('derived.ranking.change')}`,
          better: '↑ 名次更靠前',
          window: (a, b) => `纵轴只显示第${a}—${b}名；参评总数未公布`,
        },
      ),
    ),
  };
}

function environmentFigure(): FigureModel {
  const records = data['environment.json'].records;
  const title = '园区环境与资源利用指标';
  const sorted = [...records].sort((a, b) => b.value - a.value);
  const description = `条形图，按比率从高到低排列，满格为100%：${sorted.map((r) => `${r.short}${formatFact(fact(r.id))}`).join('，')}。`;
  const lowest = sorted.at(-1)!;
  const full = records.filter((r) => r.value === 100).length;
  return {
    id: 'environment',
    title,
    takeaway: `${full}项水质与污水处理指标达到100%；最低的是${lowest.short}，${formatFact(fact(lowest.id))}。`,
    sources: uniqueSources(records.map((r) => fact(r.id))),
    notes: [
      '报道未注明这些比率的统计年份（原文为“截至目前”），也没有给出往年数据，无法比较变化。',
      '空气优良天数占比为近三年平均值。',
    ],
    table: sorted.map((r) => row(fact(r.id))),
    svg: render('environment', (document, width, id) =>
      environmentRates(
        records.map((r) => ({ key: r.id, label: r.short!, value: r.value, group: r.group! })),
        { document, id, width, title, description, full: '满格 100%', groups: { water: '水', waste: '固废与资源循环', air: '空气与绿化' }, format: (v) => `${formatNumber(v, String(v).split('.')[1]?.length ?? 0)}%` },
      ),
    ),
  };
}

let cache: Map<string, FigureModel> | undefined;

/** The charts the story can place with `<Chart id="…" />`. */
export function figures(): Map<string, FigureModel> {
  cache ??= new Map([outputFigure(), rankingFigure(), environmentFigure()].map((f) => [f.id, f]));
  return cache;
}

/** The figure with this id, or an error that lists the ids that exist. */
export function lookupFigure(id: string, where = ''): FigureModel {
  const f = figures().get(id);
  if (!f) throw new Error(`Unknown chart id "${id}"${where ? ` in ${where}` : ''}. Known chart ids: ${[...figures().keys()].join(', ')}.`);
  return f;
}

