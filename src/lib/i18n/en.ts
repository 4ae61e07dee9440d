import type { Author } from './zh.ts';

/** "Li Xianhong (李显洪), Wang Ziyang (王梓洋) and reporter Liu Keqiang (刘科强)": English names, the Chinese in brackets. */
const authorList = (authors: readonly Author[]) => {
  const names = authors.map((a) => `${a.en?.role ? `${a.en.role} ` : ''}${a.en?.name ?? a.name} (${a.name})`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
};

/** Interface strings of the English edition, key for key the same as the Chinese (checked at build). */
export const en = {
  lang: 'en',
  locale: 'en',
  languageName: 'English',
  switchTo: 'English',
  ogLocale: 'en_GB',
  titleSeparator: ' | ',
  skipLink: 'Skip to the story',
  tocTitle: 'Contents',
  tocSeparator: ': ',
  keyFiguresTitle: 'Key figures',
  contextLabel: 'Our note: ',
  authors: authorList,
  sourceCredit: 'Source',
  sourceReport: (r: {
    title: string;
    subtitle: string;
    authors: string;
    tags: readonly { label: string; en?: string | undefined }[];
    en?: { title: string } | undefined;
  }) =>
    `Original report (in Chinese): “${r.en?.title ?? r.title}” (${r.title}：${r.subtitle}), by ${r.authors}. Tags: ${r.tags.map((t) => (t.en ? `${t.en} (${t.label})` : t.label)).join(', ')}.`,
  dataLink: 'Data and method: the source, formula and downloads for every figure',
  reportTitle: (r: { title: string; subtitle: string; en?: { title: string } | undefined }) =>
    `“${r.en?.title ?? r.title}” (${r.title}：${r.subtitle}). `,
  storyLink: 'Back to the story',
  download: { label: 'Download the data: ', csv: 'CSV', json: 'JSON', separator: '; ' },
  dataPage: {
    title: 'Data and method',
    dek: 'Where every figure on this site comes from, and how the derived ones are calculated. All data can be downloaded; the files are built from the same data as the pages.',
    toc: 'On this page',
    whole: 'All the data',
    wholeText:
      'Every dataset in one file (JSON), or every figure, reported and derived, in one table (CSV). Each item carries a Chinese label and an English one.',
    wholeLabels: { data: 'all datasets', figures: 'every figure' },
    report: 'The report and its parts',
    reportColumns: { section: 'Part', lines: 'Lines' },
    columns: { item: 'Figure', value: 'Value', source: 'Source', formula: 'Formula', inputs: 'Uses' },
    reported: 'Reported',
    derived: 'Derived',
    inputWithYear: (label: string, year: number) => `${label} (${year})`,
    inputSeparator: ', ',
  },
  embed: {
    summary: 'Embed',
    intro: 'Paste this code into a web page; the chart adjusts its height to the width it is given:',
    steps: 'Steps',
    step: (n: number) => `Step ${n}`,
    back: 'See this chart in the story',
    copy: 'Copy the code',
    copied: 'Code copied',
  },
  figure: {
    sourceLine: (title: string, lines: readonly string[], english?: string) =>
      `Source: the Chinese report ${english ? `“${english}” (${title})` : `“${title}”`}, ${new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(lines)}.`,
    notes: 'Notes',
    table: 'Show the data table',
    derived: 'Derived',
    reportLine: (line: string) => `report ${line}`,
    explore: (title: string) => `${title}. Use the arrow keys to step through the values; Escape closes the tooltip.`,
    readout: '{label}: {value} ({source})',
    modesLabel: 'Show as',
    highlightLabel: 'Highlight',
    highlightAll: 'All',
    /** The Listen control: its button, and what it does, said beside it. */
    listen: { button: 'Listen', note: 'Plays each value in turn as a tone, higher for more, and reads out its figure.' },
    unit: (unit: string) => `Unit: ${unit}`,
    image: { label: 'Download the image: ', png: 'PNG', svg: 'SVG' },
    link: 'Link to this chart',
    linkCopied: 'Link to this chart copied',
    // The image's source line above names the report; the credit names the site that drew it.
    imageCredit: (site: string) => site,
    labelled: (label: string, value: string) => `${label} ${value}`,
  },
  table: { item: 'Item', value: 'Value', source: 'Source' },
  notFound: {
    title: 'Page not found',
    text: 'The link may have changed. The whole story is on the front page.',
    back: 'Go to the story',
    pageTitle: 'Page not found',
  },
} as const;
