import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlLocale, type Locale } from './format.ts';

/**
 * The words of a chart or page are ICU MessageFormat templates (the syntax translators'
 * tools know): `{sales.total.2024}` is a figure as prose shows it, `{name}` a value the
 * chart offers, and `{n, plural, =0 {…} other {# …}}` or `{x, select, …}` choose wording
 * by a number or a category. A fact id may be followed by `:label` (its name), `:formula`
 * (a derived figure's formula), `:value` (its bare number) or `:plain` (number and unit,
 * without the "about" of a rounded derived figure).
 */
export type Resolve = (name: string, raw: boolean) => string | number | undefined;

/** Text with its figures kept apart, so a page can link each to its source: plain runs and figures. */
export type Rich = (string | { fact: string; text: string })[];

// A figure inside rendered text is wrapped in private-use characters, which no template or locale produces.
const OPEN = '\uE000';
const MID = '\uE001';
const CLOSE = '\uE002';
/** Marks a figure's text so that `rich()` can find it after the template is rendered. */
export const markFact = (id: string, text: string) => `${OPEN}${id}${MID}${text}${CLOSE}`;

/** Splits rendered text into plain runs and figures. */
export function rich(s: string): Rich {
  const out: Rich = [];
  for (const part of s.split(new RegExp(`(${OPEN}[^${CLOSE}]*${CLOSE})`))) {
    if (!part) continue;
    if (part.startsWith(OPEN)) {
      const [fact, text] = part.slice(1, -1).split(MID) as [string, string];
      out.push({ fact, text });
    } else out.push(part);
  }
  return out;
}

/** The text of rich text, figures and all. */
export const plain = (r: Rich | string): string =>
  typeof r === 'string' ? plain(rich(r)) : r.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/** A template that cannot be rendered, worded for the editor who wrote it. */
export class TemplateError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'TemplateError';
  }
}

// ICU argument names may not contain dots or colons, so dotted ids are renamed before parsing.
const DOTTED = /\{(\s*)([A-Za-z][A-Za-z0-9_]*(?:[.:][A-Za-z0-9_]+)+)(?=\s*[,}])/g;

/** The figure ids a template names, with the offset of each: `{sales.total.2024}`, `{sales.total.2024:year}`. */
export function figureNames(template: string): { id: string; offset: number }[] {
  return [...template.matchAll(DOTTED)].filter((m) => m[2]!.includes('.')).map((m) => ({ id: m[2]!.split(':')[0]!, offset: m.index! }));
}

/** Every argument of a parsed message, with whether it is used raw (by plural or select) or as text. */
function argumentsOf(elements: MessageFormatElement[], out = new Map<string, boolean>()): Map<string, boolean> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number) out.set(e.value, out.get(e.value) ?? e.type === TYPE.number);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.set(e.value, true);
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, out);
  }
  return out;
}

/** Renders a template in a locale; `where` names the file and field for errors ("content/charts/output.yaml: zh.takeaway"). */
export function renderTemplate(template: string, locale: Locale, resolve: Resolve, where: string): string {
  const names = new Map<string, string>();
  // A figure used as text and by plural or select gets two names, so each use gets its own value.
  const source = template.replace(DOTTED, (whole, space: string, name: string, offset: number) => {
    const raw = /^\s*,\s*(plural|select|selectordinal|number)\b/.test(template.slice(offset + whole.length));
    const key = `${name}${raw ? ':raw' : ''}`;
    if (!names.has(key)) names.set(key, `fact_${names.size}${raw ? '_raw' : ''}`);
    return `{${space}${names.get(key)}`;
  });
  const original = new Map([...names].map(([key, alias]) => [alias, key.replace(/:raw$/, '')]));
  let ast: MessageFormatElement[];
  try {
    ast = parse(source, { ignoreTag: true });
  } catch (e) {
    throw new TemplateError(where, `is not a valid template (${(e as Error).message}): "${template}"`);
  }
  const values: Record<string, string | number> = {};
  for (const [alias, raw] of argumentsOf(ast)) {
    const name = original.get(alias) ?? alias;
    const value = resolve(name, raw);
    if (value === undefined) throw new TemplateError(where, `unknown name "{${name}}" in "${template}"`);
    values[alias] = value;
  }
  try {
    return String(new IntlMessageFormat(ast, intlLocale(locale)).format(values));
  } catch (e) {
    throw new TemplateError(where, `cannot be rendered (${(e as Error).message}): "${template}"`);
  }
}
