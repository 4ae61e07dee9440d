import { isDateFact, type AnyFact } from './facts.ts';
import { zh } from './i18n.ts';
import { data } from './site.ts';

/** Where a figure comes from, as a reader sees it: its report line, or "推算：" and its formula. */
export function provenance(f: AnyFact): string {
  return !isDateFact(f) && f.derived ? `${zh.figure.derived}：${f.derived.formula}` : zh.figure.reportLine(f.source!);
}

/** The report section a line belongs to ("L12" → the section titled 重拳出击…). */
export function sectionOf(line: string): { key: string; title: string } {
  const n = Number(line.slice(1));
  const section = data['source.json'].report.sections.find((s) => n >= s.from && n <= s.to);
  if (!section) throw new Error(`${line} lies outside every section listed in data/source.json (report.sections)`);
  return section;
}

/** Section and line, for the data page: "重拳出击，优化引领绿色发展 · L12". */
export const sourceLabel = (line: string) => `${sectionOf(line).title} · ${line}`;
