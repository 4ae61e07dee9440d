/**
 * fast-check generators of chart input shaped like what the kinds in src/kinds/ pass: figures
 * the data schemas accept (src/lib/schema.ts), worded and formatted by the site's own
 * formatters in either edition, with Chinese and English labels, short and long.
 */
import fc from 'fast-check';
import type { Fact, FactUnit } from '../../src/lib/facts.ts';
import { dict } from '../../src/lib/i18n/index.ts';
import { displayUnit, formatAmount, formatDate, formatFact, formatSigned, withUnit, type Locale } from '../../src/lib/format.ts';

export const locale: fc.Arbitrary<Locale> = fc.constantFrom('zh', 'en');

const HAN = [
  ...'园区产值绿色污水处理能力高新技术企业投资厂房标准建成面积科创新能源产业名次考评文明单位荣誉省级工业民营申报收集率达标覆盖回收利用余热固废水质空气优良天数关停整改搬迁规范',
];
const WORDS = [
  ...'park output high-tech investment sewage treatment capacity phase built planned standard factory floor space green rate water quality recyclable material waste heat reuse province ranking of and the over new-energy science industrial zone approved as a private technology collection'.split(
    ' ',
  ),
  'provincial-level',
  '(derived)',
  '2019',
];

/** A run of Chinese, now and then with a comma, enumeration comma or bracketed remark as the story's labels have. */
const zhText = (min: number, max: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('，', '、', '（推算）', '：')), { maxLength: max > 6 ? 2 : 0 }),
    )
    .map(([chars, marks]) => {
      const out = [...chars];
      // Punctuation goes between characters, never first (a label does not open with a comma).
      for (const [at, mark] of marks) if (out.length > 2) out.splice(1 + (at % (out.length - 1)), 0, mark);
      return out.join('');
    });

const enText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' ').replace(/^./, (c) => c.toUpperCase()));

/** A label in the edition's language: `words` sets how long (in Chinese characters; English takes about half as many words). */
export const text = (lang: Locale, min: number, max: number) =>
  lang === 'zh' ? zhText(min, max) : enText(Math.max(1, Math.ceil(min / 2)), Math.max(1, Math.ceil(max / 2)));

/** A reported figure as the registry holds it: a value the schema accepts for its unit, with the decimals it is written with. */
export const figure = (unit: FactUnit, opts: { max?: number; digits?: number; over?: boolean; derived?: boolean } = {}) =>
  fc
    .tuple(fc.integer({ min: 0, max: opts.digits ?? 2 }), fc.double({ min: 0, max: opts.max ?? 1000, noNaN: true }), fc.boolean())
    .map(([digits, raw, derived]): Fact => {
      const whole = ['家', '名', '类', '位', '年'].includes(unit);
      const d = whole ? 0 : digits;
      const value = Math.max(unit === '名' ? 1 : 0, Number(raw.toFixed(d)));
      return {
        id: 'a.b',
        label: 'x',
        value,
        unit,
        digits: d,
        dataset: 'd',
        ...(opts.over && { qualifier: 'over' as const }),
        ...(opts.derived && derived && { derived: { formula: 'f', inputs: [] } }),
      };
    });

/** A figure by hand, for the examples every property also runs. */
export const fact = (unit: FactUnit, value: number, digits = 0, more: Partial<Fact> = {}): Fact => ({
  id: 'a.b',
  label: 'x',
  value,
  unit,
  digits,
  dataset: 'd',
  ...more,
});

/** What a kind draws for a figure: its value in the edition's unit (ctx.drawn) and how prose shows it (ctx.show). */
export const drawn = (f: Fact, lang: Locale) => displayUnit(f.value, f.unit, f.digits, lang).value;
export const show = (f: Fact, lang: Locale) => formatFact(f, lang);
export { formatAmount, formatDate, formatSigned, withUnit };

/** The axis title a kind gives a figure's unit (ctx.axisUnit): "单位：亿元", "Unit: CNY billion". */
export const axisUnit = (f: Fact, lang: Locale) => dict(lang).figure.unit(displayUnit(f.value, f.unit, f.digits, lang).unit);

/** Distinct keys of the story's mark-key shape. */
export const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
