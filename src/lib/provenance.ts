import type { Locale } from './format.ts';
import type { SourceFile } from './schema.ts';

/** The report section a line belongs to ("L12" → the section titled 重拳出击…). */
export function sectionOf(source: SourceFile, line: string) {
  const n = Number(line.slice(1));
  const section = source.report.sections.find((s) => n >= s.from && n <= s.to);
  if (!section) throw new Error(`${line} lies outside every section listed in data/source.json (report.sections)`);
  return section;
}

/** A section's title in an edition. */
export const sectionTitle = (s: { title: string; en?: string | undefined }, locale: Locale) =>
  locale === 'zh' ? s.title : (s.en ?? s.title);

/** Section and line, for the data page: "重拳出击，优化引领绿色发展 · L12". */
export const sourceLabel = (source: SourceFile, line: string, locale: Locale) =>
  `${sectionTitle(sectionOf(source, line), locale)} · ${line}`;

/** The source report's whole title, as its first lines give it: title and subtitle. */
export const reportName = (report: { title: string; subtitle: string }) => `${report.title}：${report.subtitle}`;
