import type { Consistency } from '../facts.ts';

export type Show = (id: string) => string;
export interface Report {
  title: string;
  authors: readonly { name: string; role?: string | undefined; latin?: string | undefined }[];
}

/** Interface strings of the Chinese edition: every word the page shows outside the MDX. */
export const zh = {
  lang: 'zh-CN',
  locale: 'zh',
  languageName: '中文',
  switchTo: '中文版',
  siteTitle: '安福高新园区：产值与绿色一起长',
  siteName: '安福高新园区数据新闻',
  ogLocale: 'zh_CN',
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
    '本站依据该报道重新撰写，引用的数字、名称和事实均来自原报道；“推算”的数字（绿色虚线下划线）是本站根据报道数字计算所得。点击任何数字可查看它的出处或算法；出处中的“L12”指原报道的第12个非空行。',
  dataLink: '数据与方法：每个数字的出处、算法与下载',
  reportContext: (zhContext: string) => zhContext,
  reportTitle: (r: { title: string; subtitle: string }) => `《${r.title}：${r.subtitle}》。`,
  storyLink: '返回报道正文',
  download: { label: '下载数据：', csv: 'CSV', json: 'JSON' },
  dataPage: {
    title: '数据与方法',
    description: '安福高新园区数据新闻所用的全部数字：出处、推算方法、原报道未给出的内容，以及CSV与JSON下载。',
    dek: '本站每个数字的出处与算法。所有数据都可下载，由同一批数据文件在构建时生成。',
    toc: '本页内容',
    whole: '全部数据',
    wholeText: '所有数据集合为一个文件（JSON），或所有数字（含推算）列为一张表（CSV）。',
    wholeLabels: { 'anfu-data': '全部数据集', 'anfu-figures': '全部数字一览' },
    report: '原报道与段落',
    reportColumns: { section: '部分', lines: '行号' },
    derivedTitle: '推算数字',
    derivedText: '以下数字由本站根据报道中的数字计算，报道本身没有给出。',
    columns: { item: '项目（报道用语）', value: '数值', source: '出处', formula: '算法', inputs: '用到的数字' },
    reported: '报道',
    derived: '推算',
  },
  figure: {
    sourceLine: (title: string, lines: string) => `来源：《${title}》，${lines}。`,
    notes: '注',
    table: '查看数据表',
    derived: '推算',
    reportLine: (line: string) => `原报道 ${line}`,
    explore: (title: string) => `${title}。按方向键逐项查看数值，按 Esc 关闭提示。`,
    modesLabel: '显示方式',
    highlightLabel: '突出显示',
    highlightAll: '全部',
  },
  table: { item: '项目', value: '数值', source: '出处' },
  notFound: { title: '找不到这个页面', text: '链接可能已经改变。故事的全文在首页。', back: '回到首页', pageTitle: '找不到页面' },
  charts: {
    output: {
      title: '2019年规上工业总产值与推算的2018年水平',
      description: (v: { total: string; hightech: string; growth: string; implied: string }) =>
        `柱状图。2019年规模以上工业总产值${v.total}，其中高新技术产品产值${v.hightech}；按同比增长${v.growth}倒推，2018年${v.implied}（推算值，斜线表示）。`,
      takeaway: (v: { added: string; share: string }) => `一年多出${v.added}产值；高新技术产品占总产值的${v.share}。`,
      bars: { implied: '2018年（推算）', reported: '2019年', reported2018: '2018年' },
      modes: { amount: '亿元', share: '占比' },
      share: {
        title: '2019年规上工业总产值中高新技术产品的占比',
        description: (share: string) =>
          `柱状图。2019年规模以上工业总产值记为100%，其中高新技术产品产值占${share}；报道未给出2018年的占比。`,
        unit: '单位：%',
        whole: '100%',
        wholeLabel: '2019年规上工业总产值（合计）',
        missing: '报道未给出',
        missingLabel: '2018年高新产值占比',
        missingSource: '原报道无此数据',
      },
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
    sewage: {
      title: '污水处理能力：已建成与二期扩建后',
      description: (v: { built: string; planned: string; rate: string }) =>
        `条形图。园区污水处理厂现有处理能力${v.built}，二期工程建成后为${v.planned}（在建，虚线表示）；另以圆环表示污水收集率${v.rate}。`,
      takeaway: (v: { increase: string; rate: string }) => `二期建成后处理能力将增加${v.increase}；现有管网的污水收集率为${v.rate}。`,
      stages: { built: '已建成', planned: '二期建成后' },
      unit: '单位：万吨/天',
      legend: { built: '已建成', planned: '在建（二期）' },
      rate: '污水收集率',
      notes: ['二期工程报道称“正在进行”，图中以虚线表示尚未建成的能力。', '报道没有给出处理厂当前的实际进水量，无法判断现有能力的负荷。'],
    },
    projects: {
      title: '标准厂房与两个投资项目：报道只给出下限',
      description: (items: string) => `条形图，每项都是下限，箭头表示实际数值更大：${items}。`,
      takeaway: '三个数字都带“超过”：真实规模只会更大，报道没有给出确数。',
      groups: { investment: '投资额（亿元）', area: '标准厂房建成面积（万平方米）' },
      note: '箭头表示实际数值更大，报道只给出下限',
      notes: ['面积与投资额单位不同，分开绘制，不可直接比较。', '海能科创园为报道所说“今年”引进，报道未注明具体年份。'],
    },
    cleanup: {
      title: '“散乱污”企业的三种处理方式',
      description: (v: { categories: string; total: string }) =>
        `示意图。“散乱污”企业按实际情况分为${v.categories}：关停取缔、限期整改、整体搬迁；2019年清理${v.total}，报道未按类别拆分。`,
      takeaway: (total: string) => `2019年清理了${total}，但每类各有几家，报道没有说。`,
      categories: [
        { key: 'shutdown', label: '关停取缔', description: '关闭并取缔' },
        { key: 'rectify', label: '限期整改', description: '在期限内整改到位' },
        { key: 'relocate', label: '整体搬迁', description: '整体迁出原址' },
      ],
      totalLabel: '2019年清理',
      note: '报道未按类别拆分',
      notes: ['分类由园区按企业的实际情况确定；图中方块数为2019年清理的企业数，不对应任何一类。'],
    },
    industries: {
      title: '“1+3+N”主导产业集群',
      description: (v: { leading: string; featured: string }) =>
        `结构图：首位产业为${v.leading}；特色优势产业为${v.featured}；N代表报道未列出的其他产业。`,
      takeaway: (leading: string) => `${leading}是首位产业，另有一组特色优势产业；“N”是哪些，报道没有列出。`,
      tiers: { leading: '首位产业（1）', featured: '特色优势产业（3）', other: '其他（N）' },
      other: 'N：其他产业（报道未列出）',
      notes: ['“1+3+N”是园区对主导产业集群的概括，报道没有给出各产业的产值或企业数。'],
    },
    timeline: {
      title: '园区大事记，2002—2020',
      description: (v: { count: number; first: string; last: string }) =>
        `竖向时间线，共${v.count}个节点，从${v.first}到${v.last}；中间报道未提及的年份以折断号压缩。`,
      takeaway: (years: string) => `从始建到更名“高新”用了${years}；荣誉和考评名次都集中在最近两年。`,
      kinds: { status: '园区地位', ranking: '考评名次', honour: '荣誉' },
      gap: (from: number, to: number) => (from === to ? `${from}年：报道未提及` : `${from}—${to}年：报道未提及`),
      notes: ['只收报道中有日期的节点；空白年份不代表没有发生任何事，只是报道未提及。'],
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
