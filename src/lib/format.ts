import { isDateFact, isFigure, type AnyFact, type Fact, type FactUnit } from './facts.ts';

/** The languages an edition can be in: Chinese at the root, English under /en/. */
export const editionCodes = ['zh', 'en'] as const;
export type Locale = (typeof editionCodes)[number];

/** The BCP 47 locale each edition formats with. */
export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'zh-CN');

const formats = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, digits: number, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${digits}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    // Chinese writes 5000 without grouping; English groups thousands (5,000).
    const grouping = locale === 'en';
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: grouping,
      ...options,
    });
    formats.set(key, f);
  }
  return f;
}

/** A number with a fixed number of decimals: 208.8, 5000 (zh) or 5,000 (en). */
export const formatNumber = (value: number, digits: number, locale: Locale = 'zh', trim = false) =>
  nf(locale, digits, trim ? { minimumFractionDigits: 0 } : {}).format(value);

/** A change with its sign, "+15.6" or "-3.2" (no sign for zero). */
export const formatSigned = (value: number, digits: number, locale: Locale = 'zh') =>
  nf(locale, digits, { signDisplay: 'exceptZero' }).format(value);

/** Rounds as it will be shown, so that "约"/"about" is added only when rounding changed the value. */
export const roundTo = (value: number, digits: number) => Number(value.toFixed(digits));

/** True when the shown value is a rounded derived figure. */
export function isApprox(fact: Fact): boolean {
  return Boolean(fact.derived) && Math.abs(roundTo(fact.value, fact.digits) - fact.value) > 1e-9;
}

/**
 * A figure's value in the unit a locale shows it in. Chinese keeps the report's units
 * (亿元, 万吨/天); English converts them: 亿元 (10^8 yuan) to CNY billion, or million below
 * one billion; 万 (10^4) to plain tonnes and square metres. Decimals follow the conversion.
 * `scale` picks the unit: figures that share an axis pass the largest of them, so all are
 * drawn in one unit.
 */
export function displayUnit(
  value: number,
  unit: FactUnit,
  digits: number,
  locale: Locale,
  scale = value,
): { value: number; digits: number; unit: string; trim?: boolean } {
  if (locale === 'zh') return { value, digits, unit };
  const shift = (by: number) => Math.max(0, digits - by);
  switch (unit) {
    case '亿元':
      // One more decimal keeps the report's precision (208.8 → 20.88); trailing zeros go (50 → 5).
      return Math.abs(scale) >= 10
        ? { value: value / 10, digits: digits + 1, unit: 'CNY billion', trim: true }
        : { value: value * 100, digits: shift(2), unit: 'CNY million' };
    case '万吨/天':
      return { value: value * 1e4, digits: shift(4), unit: 't/day' };
    case '万平方米':
      return { value: value * 1e4, digits: shift(4), unit: 'm²' };
    default:
      return { value, digits, unit };
  }
}

const ordinalRules = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const ordinalSuffix: Record<Intl.LDMLPluralRule, string> = { zero: 'th', one: 'st', two: 'nd', few: 'rd', many: 'th', other: 'th' };

const smallNumbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const smallOrdinals = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** A count as prose writes it: English spells out one to nine ("three"); Chinese keeps digits. */
export const countWords = (n: number, locale: Locale) =>
  locale === 'en' && Number.isInteger(n) && n >= 0 && n <= 9 ? smallNumbers[n]! : formatNumber(n, 0, locale);

/** 1st, 2nd, 3rd, 35th. */
export const ordinal = (n: number) => `${n}${ordinalSuffix[ordinalRules.select(n)]}`;

/** A number with its unit, as prose in each language writes it. */
export function withUnit(value: number, unit: FactUnit, digits: number, locale: Locale = 'zh', prose = false): string {
  const d = displayUnit(value, unit, digits, locale);
  const n = formatNumber(d.value, d.digits, locale, d.trim);
  if (locale === 'zh') return unit === '名' ? `第${n}名` : `${n}${unit}`;
  // English prose spells out whole numbers from one to nine; tables and charts keep digits.
  const small = prose && Number.isInteger(d.value) && d.value >= 1 && d.value <= 9;
  const plural = (one: string, many: string) => `${small ? smallNumbers[d.value] : n} ${d.value === 1 ? one : many}`;
  switch (unit) {
    case '亿元':
      return `CNY ${n} ${d.unit.slice(4)}`;
    case '%':
      return `${n}%`;
    case '名':
      return small ? smallOrdinals[d.value]! : ordinal(d.value);
    case '家':
      return plural('firm', 'firms');
    case '类':
      return plural('category', 'categories');
    case '位':
      return plural('place', 'places');
    case '年':
      return plural('year', 'years');
    default:
      return `${n} ${d.unit}`;
  }
}

/** The number of a figure in its display unit, without the unit, for chart labels: "208.8", "约180.6", "about 18.06". */
export function formatAmount(fact: Fact, locale: Locale = 'zh', scale = fact.value): string {
  const d = displayUnit(fact.value, fact.unit, fact.digits, locale, scale);
  const n = formatNumber(d.value, d.digits, locale, d.trim);
  return isApprox(fact) ? (locale === 'zh' ? `约${n}` : `about ${n}`) : n;
}

/** A figure with its unit for prose: 208.8亿元 / CNY 20.88 billion, 第35名 / 35th, 超过50万平方米 / over 500,000 m². */
export function formatFact(fact: AnyFact, locale: Locale = 'zh', { prose = false }: { prose?: boolean } = {}): string {
  if (isDateFact(fact)) return formatDate(fact.date, locale);
  // A named item (an industry) has no number: it shows as its name.
  if (!isFigure(fact)) return locale === 'zh' ? fact.label : (fact.en?.label ?? fact.label);
  const text = withUnit(fact.value, fact.unit, fact.digits, locale, prose);
  if (fact.qualifier === 'over') return locale === 'zh' ? `超过${text}` : `over ${text}`;
  if (!isApprox(fact)) return text;
  return locale === 'zh' ? `约${text}` : `about ${text}`;
}

/** Month and year formatters, one per locale and precision, built once; in UTC, so the date never shifts a day. */
const dateFormats = {
  zh: {
    month: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', timeZone: 'UTC' }),
  },
  en: {
    month: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
  },
} satisfies Record<Locale, Record<'month' | 'year', Intl.DateTimeFormat>>;

/** "2002-04" → "2002年4月" / "April 2002"; "2019" → "2019年" / "2019". */
export function formatDate(date: string, locale: Locale = 'zh'): string {
  const [y, m] = date.split('-').map(Number);
  const format = dateFormats[locale][m ? 'month' : 'year'];
  return format.format(new Date(Date.UTC(y!, (m ?? 1) - 1, 1)));
}
