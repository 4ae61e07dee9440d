/** Interface strings of the Chinese edition; every label the page shows outside the MDX. */
export const zh = {
  lang: 'zh-CN',
  siteTitle: '安福高新园区：产值与绿色一起长',
  siteDescription: (f: (id: string) => string) =>
    `一篇数据新闻：江西安福高新技术产业园区一边清退污染企业、扩建污水处理、整治园区环境，一边让规上工业总产值一年增长${f('output.growth.2019')}。报道里的数字能说明什么，又缺了什么。`,
  dek: (f: (id: string) => string) =>
    `江西吉安安福县的一个省级园区，一边清理“散乱污”、扩建污水厂，一边把规上工业总产值做到${f('output.total.2019')}。报道里的数字，一项项摊开来看。`,
  skipLink: '跳到正文',
  tocTitle: '目录',
  keyFigures: '关键数字',
  byline: (r: { title: string; authors: readonly { name: string; role?: string | undefined }[] }) =>
    `本站数据新闻｜据《${r.title}》报道（${r.authors.map((a) => (a.role ? `${a.role}${a.name}` : a.name)).join('、')}）重新撰写，图表与推算为本站所作`,
  sourceCredit: '资料来源',
  sourceNote:
    '本站依据该报道重新撰写，引用的数字、名称和事实均来自原报道；标注“推算”的数字（带虚线下划线）是本站根据报道数字计算所得。出处中的“L12”指原报道的第12个非空行。',
  figure: {
    source: '来源',
    notes: '注',
    table: '查看数据表',
    derived: '推算',
    reportLine: (line: string) => `原报道 ${line}`,
  },
  table: { item: '项目', value: '数值', source: '出处' },
  notFound: { title: '找不到这个页面', text: '链接可能已经改变。故事的全文在首页。', back: '回到首页' },
} as const;

export type Dictionary = typeof zh;
