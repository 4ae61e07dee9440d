import type { Consistency } from './facts.ts';

type Show = (id: string) => string;
interface Report {
  title: string;
  authors: readonly { name: string; role?: string | undefined }[];
}

/** Interface strings of the Chinese edition: every word the page shows outside the MDX. */
export const zh = {
  lang: 'zh-CN',
  siteTitle: '安福高新园区：产值与绿色一起长',
  siteDescription: (f: Show) =>
    `一篇数据新闻：江西安福高新技术产业园区一边清退污染企业、扩建污水处理、整治园区环境，一边让规上工业总产值一年增长${f('output.growth.2019')}。报道里的数字能说明什么，又缺了什么。`,
  heroKicker: '数据新闻 · 江西吉安 · 安福县',
  dek: (f: Show) =>
    `江西吉安安福县的一个省级园区，一边清理“散乱污”、扩建污水厂，一边把规上工业总产值做到${f('output.total.2019')}。报道里的数字，一项项摊开来看。`,
  byline: (r: Report) =>
    `本站数据新闻｜据《${r.title}》报道（${r.authors.map((a) => (a.role ? `${a.role}${a.name}` : a.name)).join('、')}）重新撰写，图表与推算为本站所作`,
  skipLink: '跳到正文',
  tocTitle: '目录',
  tocSeparator: '：',
  keyFigures: {
    title: '关键数字',
    total: '2019年规上工业总产值',
    growth: '总产值同比增长',
    share: '高新技术产品产值占比',
    enterprises: '规模以上工业企业',
    ranking: '全省开发区综合考评名次',
    sewage: '园区污水收集率',
  },
  sourceCredit: '资料来源',
  sourceReport: (r: Report & { subtitle: string; tags: readonly string[] }) =>
    `原报道：《${r.title}：${r.subtitle}》，作者 ${r.authors.map((a) => (a.role ? `${a.role} ${a.name}` : a.name)).join('、')}。报道标签：${r.tags.join('、')}。`,
  sourceNote:
    '本站依据该报道重新撰写，引用的数字、名称和事实均来自原报道；标注“推算”的数字（带虚线下划线）是本站根据报道数字计算所得。出处中的“L12”指原报道的第12个非空行。',
  figure: {
    source: '来源',
    sourceLine: (title: string, lines: string) => `来源：《${title}》，${lines}。`,
    notes: '注',
    table: '查看数据表',
    derived: '推算',
    reportLine: (line: string) => `原报道 ${line}`,
  },
  table: { item: '项目', value: '数值', source: '出处' },
  notFound: { title: '找不到这个页面', text: '链接可能已经改变。故事的全文在首页。', back: '回到首页', pageTitle: '找不到页面' },
  charts: {
    output: {
      title: '2019年规上工业总产值与推算的2018年水平',
      description: (v: { total: string; hightech: string; growth: string; implied: string }) =>
        `柱状图。2019年规模以上工业总产值${v.total}，其中高新技术产品产值${v.hightech}；按同比增长${v.growth}倒推，2018年${v.implied}（推算值，斜线表示）。`,
      takeaway: (v: { added: string; share: string }) => `一年多出${v.added}产值；高新技术产品占总产值的${v.share}。`,
      bars: { implied: '2018年（推算）', reported: '2019年' },
      legend: { part: '高新技术产品产值', rest: '其他规上工业产值', derived: '推算值' },
      unit: '单位：亿元',
      notes: {
        implied: (formula: string) => `2018年的柱子是本站推算：${formula}。报道没有给出2018年的实际产值。`,
        share: (v: { reported: string; computed: string; interval: string; consistency: Consistency }) =>
          `报道称高新产值占比${v.reported}；本站用两项产值直接相除得${v.computed}。两项产值都经过舍入，占比可能落在${v.interval}之间，` +
          {
            inside: '报道的数字与之相符。',
            lowEdge: '报道的数字只在区间下沿附近才对得上，也可能是直接舍去了尾数。',
            highEdge: '报道的数字只在区间上沿附近才对得上。',
            outside: '报道的数字落在区间之外，与两项产值不符。',
          }[v.consistency],
      },
    },
    ranking: {
      title: '全省开发区综合考评名次',
      description: (v: { first: string; last: string; change: string }) =>
        `折线图。安福高新园区在江西省开发区综合考评中，2018年${v.first}，2019年${v.last}，${v.change}。报道未给出参评开发区总数。`,
      change: (places: number) => (places > 0 ? `上升${places}位` : places < 0 ? `下降${-places}位` : '名次不变'),
      takeaway: (v: { first: string; last: string; change: string }) => `两年间名次${v.change}，从${v.first}到${v.last}。`,
      better: '↑ 名次更靠前',
      window: (from: number, to: number) => `纵轴只显示第${from}—${to}名；参评总数未公布`,
      rank: (r: number) => `第${r}名`,
      year: (y: string) => `${y}年`,
      rowLabel: (y: string) => `${y}年名次`,
      notes: ['报道没有给出参评开发区的总数，因此图中只截取名次附近的一段，不画“末位”。', '名次越小越靠前，纵轴上方为更好的名次。'],
    },
    environment: {
      title: '园区环境与资源利用指标',
      description: (items: string) => `条形图，按比率从高到低排列，满格为100%：${items}。`,
      takeaway: (v: { full: number; lowest: string; lowestValue: string }) =>
        v.full > 0
          ? `${v.full}项指标达到100%；数值最低的是${v.lowest}，${v.lowestValue}。`
          : `没有一项达到100%；数值最低的是${v.lowest}，${v.lowestValue}。`,
      full: '满格 100%',
      groups: { water: '水', waste: '固废与资源循环', air: '空气与绿化' },
      notes: [
        '报道未注明这些比率的统计年份（原文为“截至目前”），也没有给出往年数据，无法比较变化。',
        '空气优良天数占比为近三年平均值。',
        '满格是比率的上限，不一定是目标：例如绿化覆盖率本就不以覆盖全部用地为目标。',
      ],
    },
  },
} as const;

export type Dictionary = typeof zh;
