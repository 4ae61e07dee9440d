import { isDateFact, type AnyFact, type Fact, type FactUnit } from './facts.ts';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number in zh-CN style with a fixed number of decimals and no grouping (5000, 208.8). */
export function formatNumber(value: number, digits: number): string {
  let nf = numberFormats.get(digits);
  if (!nf) {
    nf = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    numberFormats.set(digits, nf);
  }
  return nf.format(value);
}

const signed = new Map<number, Intl.NumberFormat>();

/** A change with its sign, "+15.6" or "-3.2" (no sign for zero). */
export function formatSigned(value: number, digits: number): string {
  let nf = signed.get(digits);
  if (!nf) {
    nf = new Intl.NumberFormat('zh-CN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
      signDisplay: 'exceptZero',
    });
    signed.set(digits, nf);
  }
  return nf.format(value);
}

/** The number of a figure without its unit, for chart labels: "208.8", "约180.6". */
export function formatAmount(fact: Fact): string {
  const n = formatNumber(fact.value, fact.digits);
  return isApprox(fact) ? `约${n}` : n;
}

/** Rounds as it will be shown, so that "约" is added only when rounding changed the value. */
export const roundTo = (value: number, digits: number) => Number(formatNumber(value, digits));

export function withUnit(n: string, unit: FactUnit): string {
  switch (unit) {
    case '名':
      return `第${n}名`;
    default:
      return `${n}${unit}`;
  }
}

/** A figure with its unit for Chinese prose: 208.8亿元, 第35名, 超过50万平方米, 约180.6亿元. */
export function formatFact(fact: AnyFact): string {
  if (isDateFact(fact)) return formatDate(fact.date);
  const text = withUnit(formatNumber(fact.value, fact.digits), fact.unit);
  if (fact.qualifier === 'over') return `超过${text}`;
  return isApprox(fact) ? `约${text}` : text;
}

/** True when the shown value is a rounded derived figure. */
export function isApprox(fact: Fact): boolean {
  return Boolean(fact.derived) && Math.abs(roundTo(fact.value, fact.digits) - fact.value) > 1e-9;
}

/** "2002-04" → "2002年4月", "2019" → "2019年". */
export function formatDate(date: string): string {
  const [y, m] = date.split('-');
  return m ? `${y}年${Number(m)}月` : `${y}年`;
}
