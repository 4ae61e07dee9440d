import type { Consistency } from '../facts.ts';
import { ordinal } from '../format.ts';
import type { Report, Show } from './zh.ts';

/** "Li Xianhong (李显洪), Wang Ziyang (王梓洋) and reporter Liu Keqiang (刘科强)": English names, the Chinese in brackets. */
const authorList = (r: Report) => {
  const names = r.authors.map((a) => `${a.role ? 'reporter ' : ''}${a.latin ?? a.name} (${a.name})`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
};

/** A chart label in the middle of a sentence: "Green coverage" → "green coverage". */
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Interface strings of the English edition, key for key the same as the Chinese (checked at build). */
export const en = {
  lang: 'en',
  locale: 'en',
  languageName: 'English',
  switchTo: 'English',
  siteTitle: 'Anfu High-Tech Park: output and greenery grow together',
  siteName: 'Anfu High-Tech Park data story',
  ogLocale: 'en_GB',
  siteDescription: (f: Show) =>
    `A data story: how an industrial park in Jiangxi, China, cleared out polluters, expanded sewage treatment and tidied its grounds while its industrial output grew ${f('output.growth.2019')} in a year, and what the figures cannot tell.`,
  heroKicker: 'Data story · Anfu County, Ji’an, Jiangxi, China',
  dek: (f: Show) =>
    `A provincial industrial park in eastern China shut polluting workshops and expanded its sewage plant while output from its larger firms reached ${f('output.total.2019')}. We lay the report's figures out one by one.`,
  byline: (r: Report) => `A data story retold from a Chinese news report by ${authorList(r)}; charts and calculations are our own`,
  skipLink: 'Skip to the story',
  tocTitle: 'Contents',
  tocSeparator: ': ',
  keyFigures: {
    title: 'Key figures',
    total: 'Industrial output of firms above designated size, 2019',
    growth: 'Output growth on the year',
    share: 'Share of high-tech products in output',
    enterprises: 'Firms above designated size',
    ranking: 'Rank among Jiangxi development zones',
    sewage: 'Sewage collection rate in the park',
  },
  sourceCredit: 'Source',
  sourceReport: (r: Report & { subtitle: string; tags: readonly string[] }) =>
    `Original report (in Chinese): “Ji’an’s Anfu High-Tech Park: green development as the foundation, embracing the industries of the future” (${r.title}：${r.subtitle}), by ${authorList(r)}. Tags: energy saving and emission reduction (${r.tags[0]}), green travel (${r.tags[1]}).`,
  sourceNote:
    'This site retells the report in its own words; every figure, name and fact comes from it. Figures marked as derived (dashed green underline) are our own arithmetic on the report’s figures. Select any figure to see its source or formula; “L12” means the 12th non-empty line of the report.',
  dataLink: 'Data and method: the source, formula and downloads for every figure',
  reportContext: (_zhContext: string) =>
    'The source is a signed news report ending with the tags energy saving and green travel; it names neither its publisher nor its date. It mentions an application made in April 2020, so it was written no earlier than that (our inference).',
  reportTitle: (r: { title: string; subtitle: string }) =>
    `“Ji’an’s Anfu High-Tech Park: green development as the foundation, embracing the industries of the future” (${r.title}：${r.subtitle}). `,
  storyLink: 'Back to the story',
  download: { label: 'Download the data: ', csv: 'CSV', json: 'JSON' },
  dataPage: {
    title: 'Data and method',
    description:
      'Every figure in the Anfu High-Tech Park data story: sources, calculations, what the report leaves out, and CSV and JSON downloads.',
    dek: 'Where every figure on this site comes from, and how the derived ones are calculated. All data can be downloaded; the files are built from the same data as the pages.',
    toc: 'On this page',
    whole: 'All the data',
    wholeText:
      'Every dataset in one file (JSON), or every figure, reported and derived, in one table (CSV). Labels in the files are the report’s Chinese terms; the CSV adds English labels.',
    wholeLabels: { 'anfu-data': 'all datasets', 'anfu-figures': 'every figure' },
    report: 'The report and its parts',
    reportColumns: { section: 'Part', lines: 'Lines' },
    derivedTitle: 'Derived figures',
    derivedText: 'We calculated these figures from the report’s own; the report does not give them.',
    columns: { item: 'Figure', value: 'Value', source: 'Source', formula: 'Formula', inputs: 'Uses' },
    reported: 'Reported',
    derived: 'Derived',
  },
  figure: {
    sourceLine: (title: string, lines: string) => `Source: the original Chinese report (${title}), ${lines}.`,
    notes: 'Notes',
    table: 'Show the data table',
    derived: 'Derived',
    reportLine: (line: string) => `report ${line}`,
    explore: (title: string) => `${title}. Use the arrow keys to step through the values; Escape closes the tooltip.`,
    modesLabel: 'Show as',
    highlightLabel: 'Highlight',
    highlightAll: 'All',
  },
  table: { item: 'Item', value: 'Value', source: 'Source' },
  notFound: {
    title: 'Page not found',
    text: 'The link may have changed. The whole story is on the front page.',
    back: 'Go to the story',
    pageTitle: 'Page not found',
  },
  charts: {
    output: {
      title: 'Industrial output in 2019, and the 2018 level it implies',
      description: (v: { total: string; hightech: string; growth: string; implied: string }) =>
        `Bar chart. In 2019, firms above designated size produced ${v.total}, of which high-tech products ${v.hightech}; growth of ${v.growth} implies ${v.implied} in 2018 (derived, drawn hatched).`,
      takeaway: (v: { added: string; share: string }) =>
        `Output grew by ${v.added} in a year; high-tech products made up ${v.share} of it.`,
      bars: { implied: '2018 (derived)', reported: '2019', reported2018: '2018' },
      modes: { amount: 'CNY', share: 'Share' },
      share: {
        title: 'Share of high-tech products in 2019 industrial output',
        description: (share: string) =>
          `Bar chart. With 2019 output as 100%, high-tech products made up ${share}; the report gives no share for 2018.`,
        unit: 'Unit: %',
        whole: '100%',
        wholeLabel: 'Industrial output of firms above designated size, 2019 (total)',
        missing: 'not reported',
        missingLabel: 'High-tech share, 2018',
        missingSource: 'not in the report',
      },
      legend: { part: 'High-tech products', rest: 'Other output', derived: 'Derived' },
      unit: 'Unit: CNY billion',
      notes: {
        implied: (formula: string) => `The 2018 bar is our calculation: ${formula}. The report does not give the 2018 output.`,
        share: (v: { reported: string; computed: string; interval: string; consistency: Consistency }) =>
          `The report gives a high-tech share of ${v.reported}; dividing its two amounts gives ${v.computed}. Both amounts are rounded, so the share lies between ${v.interval}; ` +
          {
            inside: 'the reported figure is consistent with that.',
            lowEdge: 'the reported figure fits only at the very bottom of that range, or the report simply dropped the last digit.',
            highEdge: 'the reported figure fits only at the very top of that range.',
            outside: 'the reported figure lies outside that range and does not match the two amounts.',
          }[v.consistency],
      },
    },
    ranking: {
      title: 'Rank in the Jiangxi development-zone assessment',
      description: (v: { first: string; last: string; change: string }) =>
        `Line chart. In Jiangxi's assessment of development zones the park ranked ${v.first} in 2018 and ${v.last} in 2019, ${v.change}. The report does not say how many zones were ranked.`,
      change: (places: number) => (places > 0 ? `up ${places} places` : places < 0 ? `down ${-places} places` : 'no change'),
      takeaway: (v: { first: string; last: string; change: string }) =>
        `In two years the park moved ${v.change}, from ${v.first} to ${v.last}.`,
      better: '↑ better rank',
      window: (from: number, to: number) => `Axis shows ranks ${from}–${to} only; field size not reported`,
      rank: (r: number) => ordinal(r),
      year: (y: string) => y,
      rowLabel: (y: string) => `Rank, ${y}`,
      notes: [
        'The report does not say how many development zones were assessed, so the chart shows only the ranks around the park’s and no “last place”.',
        'A smaller number is a better rank; better ranks are higher up.',
      ],
    },
    sewage: {
      title: 'Sewage treatment capacity, now and after phase 2',
      description: (v: { built: string; planned: string; rate: string }) =>
        `Bar chart. The park's sewage plant treats ${v.built}; after phase 2 it will treat ${v.planned} (under construction, drawn dashed). A ring shows the sewage collection rate, ${v.rate}.`,
      takeaway: (v: { increase: string; rate: string }) =>
        `Phase 2 will add ${v.increase} to capacity; the sewer network already collects ${v.rate} of the park's sewage.`,
      stages: { built: 'Built', planned: 'After phase 2' },
      unit: 'Unit: tonnes per day',
      legend: { built: 'Built', planned: 'Under construction (phase 2)' },
      rate: 'Sewage collection rate',
      notes: [
        'The report describes phase 2 as under way; capacity not yet built is drawn dashed.',
        'The report does not give the plant’s actual daily inflow, so how busy it is cannot be told.',
      ],
    },
    projects: {
      title: 'Factory space and two investments: lower bounds only',
      description: (items: string) => `Bar chart; each figure is a lower bound, the arrows mean “more than this”: ${items}.`,
      takeaway: 'All three figures come with “over”: the real sizes are larger, and the report gives no exact numbers.',
      groups: { investment: 'Investment (CNY billion)', area: 'Standard factory floor space (m²)' },
      note: 'Arrows: the real value is higher; the report gives a lower bound',
      notes: [
        'Floor space and money are different units, drawn apart and not to be compared.',
        'The Haineng science park was brought in “this year”, as the report puts it, without naming the year.',
      ],
    },
    cleanup: {
      title: 'Three ways of dealing with “scattered, disorderly, polluting” firms',
      description: (v: { categories: string; total: string }) =>
        `Diagram. The park sorts such firms into ${v.categories}: shut down, fix by a deadline, relocate whole. In 2019 it cleared ${v.total}; the report does not split them by category.`,
      takeaway: (total: string) => `${total} were cleared in 2019, but the report does not say how many fell in each category.`,
      categories: [
        { key: 'shutdown', label: 'Shut down', description: 'closed and banned' },
        { key: 'rectify', label: 'Fix by deadline', description: 'brought up to standard in time' },
        { key: 'relocate', label: 'Relocate', description: 'moved out whole' },
      ],
      totalLabel: 'Cleared in 2019',
      note: 'Not split by category in the report',
      notes: [
        'The park assigns each firm a category by its circumstances; the squares count the firms cleared in 2019 and belong to no category.',
      ],
    },
    industries: {
      title: 'The “1+3+N” industry cluster',
      description: (v: { leading: string; featured: string }) =>
        `Diagram: the leading industry is ${v.leading}; the featured industries are ${v.featured}; N stands for other industries the report does not list.`,
      takeaway: (leading: string) =>
        `${leading} is the leading industry, with a group of featured ones; the report does not say what the “N” are.`,
      tiers: { leading: 'Leading industry (1)', featured: 'Featured industries (3)', other: 'Others (N)' },
      other: 'N: other industries (not listed)',
      notes: ['“1+3+N” is the park’s shorthand for its main industries; the report gives no output or firm counts per industry.'],
    },
    timeline: {
      title: 'The park’s milestones, 2002–2020',
      description: (v: { count: number; first: string; last: string }) =>
        `Vertical timeline of ${v.count} dated events, from ${v.first} to ${v.last}; years the report does not mention are compressed behind break marks.`,
      takeaway: (years: string) =>
        `It took ${years} from founding to high-tech status; the honours and ranks all fall in the last two years.`,
      kinds: { status: 'Status', ranking: 'Rank', honour: 'Honour' },
      gap: (from: number, to: number) =>
        from === to ? `${from}: not mentioned in the report` : `${from}–${to}: not mentioned in the report`,
      notes: ['Only events the report dates are shown; an empty year means the report does not mention it, not that nothing happened.'],
    },
    environment: {
      title: 'Environmental and resource-use rates in the park',
      description: (items: string) => `Bar chart, highest rate first, full bar = 100%: ${items}.`,
      takeaway: (v: { full: number; lowest: string; lowestValue: string }) =>
        v.full > 0
          ? `${v.full} of the rates reach 100%; the lowest is ${lower(v.lowest)}, at ${v.lowestValue}.`
          : `None of the rates reaches 100%; the lowest is ${lower(v.lowest)}, at ${v.lowestValue}.`,
      full: 'full bar = 100%',
      groups: { water: 'Water', waste: 'Waste and recycling', air: 'Air and greenery' },
      notes: [
        'The report gives no year for these rates (“as of now”) and no earlier values, so no change can be shown.',
        'The share of good air-quality days is an average of the last three years.',
        'A full bar is the ceiling of a rate, not necessarily its target: green coverage, for one, is not meant to cover all land.',
      ],
    },
  },
} as const;
