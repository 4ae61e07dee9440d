import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wrap } from '../charts/text.ts';
import { theme } from '../charts/theme.ts';
import type { Locale } from '../lib/format.ts';
import { dict } from '../lib/i18n/index.ts';
import postcss from 'postcss';
import { FONT, narrowQuotes, png } from '../lib/png.ts';
import { colour, schemeColours } from '../styles/palette.ts';
import type { Story } from './story.ts';
import { plain } from '../lib/template.ts';
import { reportName } from '../lib/provenance.ts';

/** A chart's image is laid out 1200 units wide and rendered at twice that for the PNG. */
export const CHART_IMAGE = { width: 1200, scale: 2 };
const PAD = 48;

// The charts' stylesheets, read from the project as the share card's font is (Vitest would hand a `?raw` CSS import over empty).
const sheets = () =>
  ['charts.css', 'charts-more.css', 'charts-timeline.css'].map((name) => readFileSync(join(process.cwd(), 'src/styles', name), 'utf8'));

/** The light scheme's colours, from the palette, and the one font the image carries (the one the build ships). */
const lightValues = () => new Map([...schemeColours('light'), ['--font-sans', `'${FONT}'`]]);

/** A declaration's value with its custom properties replaced by their light values. */
function resolve(value: string, vars: Map<string, string>): string {
  return value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
    const v = vars.get(name);
    if (v === undefined) throw new Error(`chart image CSS: unknown custom property ${name}`);
    return v;
  });
}

let css: string | undefined;
/**
 * The charts' paint for a standalone SVG: the rules of the chart stylesheets that style SVG
 * marks (selectors under `.chart`, outside any at-rule), read with PostCSS, with the palette's
 * light colours in place of its custom properties. resvg applies class, descendant and
 * attribute selectors from a `<style>`, so the image keeps the page's classes and needs no
 * second copy of its colours.
 */
export function chartImageCss(): string {
  if (css !== undefined) return css;
  const vars = lightValues();
  const isMark = (selector: string) => selector.split(',').every((part) => /^\.chart(\s|--)/.test(part.trim()));
  css = sheets()
    .flatMap((sheet) => postcss.parse(sheet).nodes)
    .flatMap((node) => (node.type === 'rule' && isMark(node.selector) ? [node] : []))
    .map((rule) => {
      const decls = rule.nodes
        .flatMap((d) =>
          d.type === 'decl' && !['transition', 'pointer-events'].includes(d.prop)
            ? [`${d.prop}: ${resolve(d.value, vars)}${d.important ? ' !important' : ''}`]
            : [],
        )
        .join(';');
      return `${rule.selector.replace(/\s+/g, ' ')}{${decls}}`;
    })
    .join('\n');
  return css;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A chart as a standalone SVG: title and takeaway above, its wide drawing, source line and credit below. */
export function chartImageSvg(story: Story, id: string, locale: Locale): string {
  const figure = story.figure(id, locale);
  const t = dict(locale);
  const words = story.words(locale);
  const report = reportName(story.data.source.report);
  const color = (name: string) => colour(name, 'light');
  const { width } = CHART_IMAGE;
  const inner = width - 2 * PAD;
  const text = (x: number, y: number, size: number, content: string, weight = 400, fill = color('--ink')) =>
    narrowQuotes(`<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(content)}</text>`, locale);
  const parts: string[] = [];
  let y = PAD + 8;
  const block = (lines: string[], size: number, lineHeight: number, weight: number, fill: string) => {
    for (const line of lines) {
      y += lineHeight;
      parts.push(text(PAD, y - (lineHeight - size) / 2 - size * 0.14, size, line, weight, fill));
    }
  };
  block(wrap(figure.title, 40, inner, 700), 40, 56, 700, color('--ink'));
  y += 6;
  block(wrap(plain(figure.takeaway), 26, inner), 26, 40, 400, color('--ink-2'));
  y += 20;

  // The wide drawing, in its final state and first view, scaled to the column.
  // As for the titles, Noto Sans SC draws curly quotes full-width: English text gets straight ones.
  const svg = narrowQuotes(figure.svg.wide, locale);
  const scale = inner / theme.widths.wide;
  const chartHeight = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1] ?? NaN);
  if (!Number.isFinite(chartHeight)) throw new Error(`chart image of "${id}": the drawing has no viewBox`);
  parts.push(`<g transform="translate(${PAD} ${y}) scale(${scale})">${svg.replace(/^<svg\b/, '<svg x="0" y="0"')}</g>`);
  y += chartHeight * scale + 24;

  parts.push(`<rect x="${PAD}" y="${y}" width="${inner}" height="1" fill="${color('--rule')}"/>`);
  y += 8;
  block(wrap(t.figure.sourceLine(report, figure.sources, story.data.source.report.en?.title), 20, inner), 20, 32, 400, color('--ink-2'));
  block(wrap(t.figure.imageCredit(words.name), 20, inner, 700), 20, 32, 700, color('--ink-2'));
  const height = Math.ceil(y + PAD - 8);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<style>${chartImageCss()}</style>`,
    `<rect width="100%" height="100%" fill="${color('--bg')}"/><rect width="100%" height="8" fill="${color('--accent')}"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

/** The chart's image as a PNG, 2400 px wide. */
export const chartImagePng = (story: Story, id: string, locale: Locale): Promise<Buffer> =>
  png(chartImageSvg(story, id, locale), CHART_IMAGE.scale);
