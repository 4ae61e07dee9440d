/** An author as the report's byline gives them. */
export interface Author {
  name: string;
  role?: string | undefined;
  en?: { name: string; role?: string | undefined } | undefined;
}

/**
 * Interface strings of the Chinese edition: the words of the page that belong to no story
 * (buttons, table headers, the shape of a source line). The story's own words are content.
 */
export const zh = {
  lang: 'zh-CN',
  locale: 'zh',
  languageName: '中文',
  switchTo: '中文版',
  ogLocale: 'zh_CN',
  /** Joins a page title and the site's short title. */
  titleSeparator: '｜',
  skipLink: '跳到正文',
  tocTitle: '目录',
  tocSeparator: '：',
  keyFiguresTitle: '关键数字',
  /** Marks the site's own context (a gloss), set apart from the report's facts. */
  contextLabel: '本站注：',
  authors: (authors: readonly Author[]) => authors.map((a) => (a.role ? `${a.role}${a.name}` : a.name)).join('、'),
  sourceCredit: '资料来源',
  sourceReport: (r: { title: string; subtitle: string; authors: string; tags: readonly { label: string }[] }) =>
    `原报道：《${r.title}：${r.subtitle}》，作者：${r.authors}。报道标签：${r.tags.map((t) => t.label).join('、')}。`,
  dataLink: '数据与方法：每个数字的出处、算法与下载',
  reportTitle: (r: { title: string; subtitle: string }) => `《${r.title}：${r.subtitle}》。`,
  storyLink: '返回报道正文',
  download: { label: '下载数据：', csv: 'CSV', json: 'JSON', separator: '；' },
  dataPage: {
    title: '数据与方法',
    dek: '本站每个数字的出处与算法。所有数据都可下载；页面与下载文件出自同一套数据。',
    toc: '本页内容',
    whole: '全部数据',
    wholeText: '全部数据集合并成一个JSON文件；全部数字（含推算）列成一张CSV表。',
    wholeLabels: { data: '全部数据集', figures: '全部数字一览' },
    report: '原报道与段落',
    reportColumns: { section: '部分', lines: '行号' },
    columns: { item: '项目', value: '数值', source: '出处', formula: '算法', inputs: '用到的数字' },
    reported: '报道',
    derived: '推算',
    inputWithYear: (label: string, year: number) => `${label}（${year}年）`,
    inputSeparator: '、',
  },
  embed: {
    summary: '嵌入',
    intro: '把下面的代码贴进网页，图表会按宽度自动调整高度：',
    steps: '步骤',
    step: (n: number) => `第${n}步`,
    back: '在报道中查看此图',
    copy: '复制代码',
    copied: '代码已复制',
  },
  figure: {
    // The Chinese names the report by its own title only; the English gives its English title too.
    sourceLine: (title: string, lines: readonly string[], _english?: string) => `来源：《${title}》，原报道 ${lines.join('、')}。`,
    notes: '注',
    table: '查看数据表',
    derived: '推算',
    reportLine: (line: string) => `原报道 ${line}`,
    explore: (title: string) => `${title}。按方向键逐项查看数值，按 Esc 关闭提示。`,
    /** What the live region reads for a mark; the enhancer fills {label}, {value} and {source}. */
    readout: '{label}：{value}（{source}）',
    modesLabel: '显示方式',
    highlightLabel: '突出显示',
    highlightAll: '全部',
    /** The Listen control: its button, and what it does, said beside it. */
    listen: { button: '听图表', note: '按顺序把每项数值播放成音调，音越高数越大，并逐项报出数值。' },
    unit: (unit: string) => `单位：${unit}`,
    /** Under each chart: its image to download, and a link to its place in the page. */
    image: { label: '下载图片：', png: 'PNG', svg: 'SVG' },
    link: '本图链接',
    linkCopied: '已复制本图链接',
    /** The credit under a chart's image: the site's name and the report it retells. */
    imageCredit: (site: string) => site,
    // Chinese runs a name and its figure together, with no space between.
    labelled: (label: string, value: string) => `${label}${value}`,
  },
  table: { item: '项目', value: '数值', source: '出处' },
  notFound: { title: '找不到这个页面', text: '链接可能已经改变。全文请回首页阅读。', back: '回到首页', pageTitle: '找不到页面' },
} as const;
