import { isDateFact, type AnyFact } from './facts.ts';
import { zh } from './i18n.ts';

/** Where a figure comes from, as a reader sees it: its report line, or "推算：" and its formula. */
export function provenance(f: AnyFact): string {
  return !isDateFact(f) && f.derived ? `${zh.figure.derived}：${f.derived.formula}` : zh.figure.reportLine(f.source!);
}
