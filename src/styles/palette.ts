/**
 * Every colour of the site, in one place: the page's, the charts' marks and the series that
 * groups of marks take in order. Each has a light and a dark value (and some a print value).
 * The stylesheets read them as custom properties (`paletteCss`, served to them as
 * `virtual:palette.css`); the chart images and share cards, and the tests, read them here.
 */

export interface Colour {
  light: string;
  dark: string;
  print?: string;
}
export type Scheme = 'light' | 'dark';

const c = (light: string, dark: string, print?: string): Colour => ({ light, dark, ...(print && { print }) });

/** The page: backgrounds, text, rules, the accent, links and the focus ring (`--bg`, `--ink` …). */
export const page = {
  bg: c('#f7f6f1', '#141816', '#fff'),
  'bg-2': c('#eeece4', '#1d2320', '#fff'),
  ink: c('#1b211e', '#e6ebe7', '#000'),
  'ink-2': c('#4b5550', '#aab5af', '#333'),
  rule: c('#d4d6ce', '#39423d'),
  accent: c('#1d6b45', '#7fd1a2'),
  link: c('#145c8c', '#8cc4f0'),
  focus: c('#c2410c', '#fdba74'),
} satisfies Record<string, Colour>;

/** The charts' marks (`--chart-grid` …); a name of a page colour means that colour, wherever the page changes it. */
export const chart = {
  ink: 'ink',
  'ink-2': 'ink-2',
  grid: c('#dfe1da', '#303934'),
  part: c('#1d6b45', '#7fd1a2'),
  'part-ink': c('#ffffff', '#0d1a13'),
  rest: c('#9fc7ae', '#3f6b52'),
  derived: c('#6c7a72', '#9aa8a0'),
  'derived-bg': c('#e4ebe6', '#222a26'),
  track: c('#e6e5dd', '#27302b'),
  line: c('#1d6b45', '#7fd1a2'),
} satisfies Record<string, Colour | keyof typeof page>;

/** The colours groups of marks take in their order (`--chart-series-1` …): a chart draws as many groups as there are. */
export const series: readonly Colour[] = [c('#00405b', '#659dfb'), c('#9a5b17', '#e3a866'), c('#700131', '#d2678c')];

/**
 * In forced colours (Windows' high contrast and the like, where the reader's system sets the
 * colours), each colour as the system colour it stands for. The browser forces the page's
 * colours but not an SVG's paint, so the charts take these; marks told apart by colour alone
 * elsewhere are told apart there by fill, outline and dash (the forced-colors rules of the
 * stylesheets, which also make every tint and fade solid: a system colour is never see-through).
 */
export const forced: Record<keyof typeof page | `chart-${Exclude<keyof typeof chart, 'ink' | 'ink-2'>}` | 'series', string> = {
  bg: 'Canvas',
  'bg-2': 'Canvas',
  ink: 'CanvasText',
  'ink-2': 'CanvasText',
  rule: 'GrayText',
  accent: 'CanvasText',
  link: 'LinkText',
  focus: 'Highlight',
  'chart-grid': 'GrayText',
  'chart-part': 'CanvasText',
  'chart-part-ink': 'Canvas',
  'chart-rest': 'Canvas',
  'chart-derived': 'CanvasText',
  'chart-derived-bg': 'Canvas',
  'chart-track': 'GrayText',
  'chart-line': 'CanvasText',
  series: 'CanvasText',
};

/**
 * Colours a reader must tell apart where they meet, with any colour vision: the series among
 * themselves, a bar's part and its rest, the timeline's three kinds of event (charts-timeline.css
 * paints them part, series 1 and series 2). tests/engine/vision.test.ts holds every pair to a
 * colour difference under simulated protanopia, deuteranopia and tritanopia.
 */
export const toldApart: readonly (readonly string[])[] = [
  ['--chart-series-1', '--chart-series-2', '--chart-series-3'],
  ['--chart-part', '--chart-rest'],
  ['--chart-part', '--chart-series-1', '--chart-series-2'],
];

/**
 * Marks that carry a value on their own and so stand 3:1 against the page (WCAG 1.4.11). A bar's
 * rest is left out: it is the remainder beside its part, which is labelled with its value.
 */
export const marks: readonly string[] = [
  '--chart-part',
  '--chart-line',
  '--chart-derived',
  '--chart-series-1',
  '--chart-series-2',
  '--chart-series-3',
];

/** Every custom property with its colour, or the page colour it stands for. */
function properties(): [name: string, value: Colour | keyof typeof page][] {
  return [
    ...Object.entries(page).map(([k, v]) => [`--${k}`, v] as [string, Colour]),
    ...Object.entries(chart).map(([k, v]) => [`--chart-${k}`, v] as [string, Colour | keyof typeof page]),
    ...series.map((v, i) => [`--chart-series-${i + 1}`, v] as [string, Colour]),
  ];
}

/** A custom property's colour in a scheme: "--chart-part" → "#1d6b45". */
export function colour(name: string, scheme: Scheme = 'light'): string {
  const found = properties().find(([n]) => n === name)?.[1];
  if (found === undefined) throw new Error(`palette: no colour ${name}`);
  return typeof found === 'string' ? page[found][scheme] : found[scheme];
}

/** The custom properties of a scheme, each resolved to its colour: what a standalone image paints with. */
export const schemeColours = (scheme: Scheme = 'light'): Map<string, string> =>
  new Map(properties().map(([name]) => [name, colour(name, scheme)]));

/** Every custom property that has a colour of its own, as its forced colour. */
const forcedBlock = () =>
  properties()
    .filter(([, v]) => typeof v !== 'string')
    .map(([name]) => {
      const key = name.startsWith('--chart-series-') ? 'series' : name.slice(2);
      const value = forced[key as keyof typeof forced];
      if (!value) throw new Error(`palette: no forced colour for ${name}`);
      return `    ${name}: ${value};`;
    })
    .join('\n');

/** The palette as the stylesheets' custom properties: light, then dark by the reader's preference, then print. */
export function paletteCss(): string {
  // A chart colour that stands for a page colour is written once, as var(): it follows the page's in every scheme.
  const block = (pick: (v: Colour) => string | undefined, aliases: boolean) =>
    properties()
      .flatMap(([name, v]) => {
        const value = typeof v === 'string' ? (aliases ? `var(--${v})` : undefined) : pick(v);
        return value === undefined ? [] : [`  ${name}: ${value};`];
      })
      .join('\n');
  return [
    '/* Made from src/styles/palette.ts, the one place the colours are defined. */',
    `:root {\n${block((v) => v.light, true)}\n}`,
    `@media (prefers-color-scheme: dark) {\n  :root {\n${block((v) => v.dark, false)}\n  }\n}`,
    `@media print {\n  :root {\n${block((v) => v.print, false)}\n  }\n}`,
    `@media (forced-colors: active) {\n  :root {\n${forcedBlock()}\n  }\n}`,
    '',
  ].join('\n');
}
