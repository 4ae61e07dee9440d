import type { Locale } from '../format.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

export type { Locale };
export type { Author } from './zh.ts';

/** The shape both dictionaries share: the Chinese one with every literal widened. */
type Widen<T> = T extends string
  ? string
  : T extends (...a: infer A) => infer R
    ? (...a: A) => Widen<R>
    : { readonly [K in keyof T]: Widen<T[K]> };
export type Dictionary = Widen<typeof zh>;

const dictionaries: Record<Locale, Dictionary> = { zh, en };

/**
 * Every key of one dictionary must be in the other, with the same kind of value (text,
 * function, list of the same length). Returns the differences as paths.
 */
export function compareDictionaries(a: unknown, b: unknown, path = ''): string[] {
  const kind = (v: unknown) => (Array.isArray(v) ? `list of ${v.length}` : typeof v);
  if (kind(a) !== kind(b)) return [`${path || '(root)'}: ${kind(a)} in zh, ${kind(b)} in en`];
  if (typeof a !== 'object' || a === null) return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) => {
    const p = path ? `${path}.${k}` : k;
    if (!(k in (a as object))) return [`${p}: missing in zh`];
    if (!(k in (b as object))) return [`${p}: missing in en`];
    return compareDictionaries((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], p);
  });
}

const differences = compareDictionaries(zh, en);
if (differences.length) throw new Error(`src/lib/i18n: the zh and en dictionaries differ:\n${differences.join('\n')}`);

/** The interface strings of an edition. */
export const dict = (locale: Locale): Dictionary => dictionaries[locale];

/** The locale of a page from Astro's current locale ("zh-CN" or "en"). */
export const localeOf = (astroLocale: string | undefined): Locale => (astroLocale === 'en' ? 'en' : 'zh');
