import { isDateFact, type AnyFact } from './facts.ts';
import type { Locale } from './format.ts';
import { dict, formulaIn, sectionIn } from './i18n/index.ts';
import { data } from './site.ts';

/** Where a figure comes from, as a reader sees it: its report line, or "推算："/"Derived:" and its formula. */
export function provenance(f: AnyFact, locale: Locale = 'zh'): string {
  const t = dict(locale).figure;
  if (!isDateFact(f) && f.derived) return `${t.derived}${locale === 'zh' ? '：' : ': '}${formulaIn(locale, f.id, f.derived.formula)}`;
  return t.reportLine(f.source!);
}

/** The report section a line belongs to ("L12" → the section titled 重拳出击…). */
export function sectionOf(line: string): { key: string; title: string } {
  const n = Number(line.slice(1));
  const section = data['source.json'].report.sections.find((s) => n >= s.from && n <= s.to);
  if (!section) throw new Error(`${line} lies outside every section listed in data/source.json (report.sections)`);
  return section;
}

/** Section and line, for the data page: "重拳出击，优化引领绿色发展 · L12". */
export function sourceLabel(line: string, locale: Locale = 'zh'): string {
  const s = sectionOf(line);
  return `${sectionIn(locale, s.key, s.title)} · ${line}`;
}
