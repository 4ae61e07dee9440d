import { z } from 'zod';
import { chartEntry, kinds, type ChartEntry } from '../kinds/index.ts';
import type { Args, FigureModel, KindContext } from '../kinds/kind.ts';
import { buildFacts, isDateFact, isFigure, lookupFact, type AnyFact, type Fact } from '../lib/facts.ts';
import { displayUnit, editionCodes, formatDate, formatFact, intlLocale, withUnit, type Locale } from '../lib/format.ts';
import { dict } from '../lib/i18n/index.ts';
import { factId, key, text, type Group } from '../lib/schema.ts';
import { markFact, plain, renderTemplate, rich, type Rich } from '../lib/template.ts';
import { DataError, type DataFiles } from '../lib/validate.ts';

const listFormats = new Map<Locale, Intl.ListFormat>();
/** "甲、乙、丙" / "a, b, c". */
const listFormat = (locale: Locale) => {
  let f = listFormats.get(locale);
  if (!f)
    listFormats.set(
      locale,
      (f = new Intl.ListFormat(
        intlLocale(locale),
        locale === 'zh' ? { type: 'conjunction', style: 'narrow' } : { type: 'unit', style: 'short' },
      )),
    );
  return f;
};

export { editionCodes };

/** A figure the page opens with, or puts on its share card: one figure, or two as "a → b". */
const keyFigure = z.strictObject({
  facts: z.array(factId).min(1).max(2),
  /** Shows a change with its sign: "+15.6%". */
  signed: z.literal(true).optional(),
  zh: text,
  en: text.optional(),
});

/**
 * Words of the story as a whole, in one edition. The dek, description, byline, source note and
 * data description are templates that may name figures; the title, name and kicker are plain text.
 */
const storyWords = z.strictObject({
  /** The headline; a colon splits it into two lines. */
  title: text,
  /** The site's name, for link previews. */
  name: text,
  kicker: text,
  dek: text,
  /** The description search engines and link previews show. */
  description: text,
  /** Who wrote what: offers {report} (the source's title) and {authors}. */
  byline: text,
  /** How to read the site's figures, at the foot of each page. */
  sourceNote: text,
  /** The data page's description for search engines. */
  dataDescription: text,
});

/** content/story.yaml: the story's editions, its publication date, its key figures and share card, its words. */
export const storyConfig = z
  .strictObject({
    /** Names the whole-data downloads ("<slug>-data.json"). */
    slug: key,
    /** The editions, the first at the site's root. */
    editions: z.array(z.enum(editionCodes)).min(1),
    /** When the site first published the story (the report gives no date of its own). */
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date such as "2026-11-29"' }),
    /** Names written with digits that are not figures (an industry plan called "1+3+N"): the text may type them as they are. */
    namesWithDigits: z.array(text).optional(),
    keyFigures: z.array(keyFigure).min(1),
    shareCard: z.array(keyFigure).min(1).max(4),
    zh: storyWords,
    en: storyWords.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.editions[0] !== 'zh')
      ctx.addIssue({
        code: 'custom',
        path: ['editions', 0],
        message: `expected "zh" first: the Chinese edition is served at the root and English under /en/, got "${c.editions[0]}"`,
      });
    for (const e of c.editions) {
      if (!c[e]) ctx.addIssue({ code: 'custom', path: [e], message: `missing; the story has an "${e}" edition, so it needs its words` });
      for (const [list, items] of [
        ['keyFigures', c.keyFigures],
        ['shareCard', c.shareCard],
      ] as const)
        items.forEach((k, i) => {
          if (!k[e]) ctx.addIssue({ code: 'custom', path: [list, i, e], message: `missing; the "${e}" edition needs this figure's label` });
        });
    }
  });
export type StoryConfig = z.infer<typeof storyConfig>;

export { chartEntry };

export interface StoryInput {
  data: DataFiles;
  /** Chart entries by id, as validated from content/charts/<id>.yaml. */
  charts: Record<string, ChartEntry>;
  config: StoryConfig;
}

export type Story = ReturnType<typeof buildStory>;

/** The whole story as the engine sees it: one registry of figures, the charts, the words; built once per build. */
export function buildStory({ data, charts, config }: StoryInput) {
  const facts = buildFacts(data);
  const editions = config.editions;
  const defaultLocale = editions[0]!;
  const fileOf = (f: AnyFact) => `data/${f.dataset}.json`;

  /** A figure's name in an edition: the data's own term, or its translation under the edition's code. */
  const name = (f: AnyFact, locale: Locale): string => {
    if (locale === 'zh') return f.label;
    const v = f.en?.label;
    if (!v) throw new DataError(fileOf(f), f.id, `expected "en": { "label": … }, the English name of "${f.label}"`);
    return v;
  };
  const short = (f: AnyFact, locale: Locale) => (locale === 'zh' ? (f.short ?? f.label) : (f.en?.short ?? name(f, locale)));
  const groupName = (g: Group, locale: Locale) => (locale === 'zh' ? g.label : (g.en?.label ?? missing(`group "${g.key}"`, g.label)));
  const groupDescription = (g: Group, locale: Locale) => (locale === 'zh' ? g.description : g.en?.description);
  const missing = (what: string, zh: string): never => {
    throw new Error(`data/: ${what} has no English name (add "en": { "label": … } for "${zh}")`);
  };
  const formula = (f: Fact, locale: Locale) =>
    locale === 'zh' ? f.derived!.formula : (f.derived!.en?.formula ?? missing(`formula of ${f.id}`, f.derived!.formula));
  /** Where a figure comes from, as a reader sees it: its report line, or its formula. */
  const provenance = (f: AnyFact, locale: Locale): string => {
    const t = dict(locale).figure;
    if (isFigure(f) && f.derived) return `${t.derived}${locale === 'zh' ? '：' : ': '}${formula(f, locale)}`;
    return t.reportLine(f.source!);
  };
  /** A figure as the page shows it; `prose` spells out small English counts, as sentences do. */
  const show = (f: AnyFact, locale: Locale, prose = false) =>
    isDateFact(f) || isFigure(f) ? formatFact(f, locale, { prose }) : name(f, locale);

  /** Resolves a template name: a chart's own value, or a fact id with an optional ":label", ":formula" or ":value". */
  const resolver =
    (locale: Locale, args: Args, marked = false) =>
    (n: string, raw: boolean) => {
      if (n in args) {
        const v = args[n]!;
        if (typeof v !== 'object') return v;
        // A figure the chart offers reads, and links, like a figure named by id.
        if (raw) return isFigure(v) ? v.value : undefined;
        return marked ? markFact(v.id, show(v, locale, true)) : show(v, locale, true);
      }
      const [id, field] = n.split(':') as [string, string | undefined];
      const f = facts.get(id);
      if (!f) return undefined;
      if (field === 'label') return name(f, locale);
      if (field === 'formula') return isFigure(f) && f.derived ? formula(f, locale) : undefined;
      if (field === 'value' || raw) return isFigure(f) ? f.value : undefined;
      if (field === 'plain') return isFigure(f) ? withUnit(f.value, f.unit, f.digits, locale) : undefined;
      if (field === 'year')
        return isFigure(f) && f.year !== undefined
          ? formatDate(String(f.year), locale)
          : isDateFact(f)
            ? formatDate(f.date.slice(0, 4), locale)
            : undefined;
      if (field) return undefined;
      return marked ? markFact(f.id, show(f, locale, true)) : show(f, locale, true);
    };
  /** A template rendered as plain text (titles, descriptions, labels inside a chart). */
  const say = (where: string, template: string, locale: Locale, args: Args = {}) =>
    plain(renderTemplate(template, locale, resolver(locale, args), where));
  /** A template rendered with its figures marked, to be passed on as a value to another template (a chart's phrase inside its takeaway). */
  const sayMarked = (where: string, template: string, locale: Locale, args: Args = {}) =>
    renderTemplate(template, locale, resolver(locale, args, true), where);
  /** A template rendered as text whose figures link to their sources, as in the prose (takeaways, notes, the dek). */
  const sayRich = (where: string, template: string, locale: Locale, args: Args = {}): Rich =>
    rich(renderTemplate(template, locale, resolver(locale, args, true), where));

  const cache = new Map<string, FigureModel>();
  /** A chart worded and rendered for an edition, from its content entry; built once. */
  function figure(id: string, locale: Locale): FigureModel {
    const hit = cache.get(`${locale}|${id}`);
    if (hit) return hit;
    const entry = charts[id];
    if (!entry) throw new Error(`Unknown chart id "${id}". Known chart ids: ${Object.keys(charts).join(', ')}.`);
    const file = `content/charts/${id}.yaml`;
    const words = entry[locale];
    if (!words) throw new Error(`${file}: ${locale}: missing; the "${locale}" edition needs this chart's words`);
    const kind = kinds.get(entry.kind)!;
    const where = (field: string) => `${file}: ${locale}.${field}`;
    const lookup = (fid: string, field: string) => {
      const f = facts.get(fid);
      if (!f) throw new Error(`${file}: ${field}: unknown fact id "${fid}"; the data page lists the ids`);
      return f;
    };
    const ctx: KindContext<unknown, Record<string, unknown>> = {
      id,
      file,
      locale,
      data: entry.data,
      words: words as KindContext<unknown, Record<string, unknown>>['words'],
      entry: lookup,
      figure: (fid, field) => {
        const f = lookup(fid, field);
        if (!isFigure(f)) throw new Error(`${file}: ${field}: expected a figure with a value, but "${fid}" is a date or a name`);
        return f;
      },
      dataset: (n, field) => {
        const d = data.datasets[n];
        if (!d) throw new Error(`${file}: ${field}: unknown dataset "${n}"; expected one of ${Object.keys(data.datasets).join(', ')}`);
        return { ...d, name: n };
      },
      records: (n, field) => ctx.dataset(n, field).records.map((r) => facts.get(r.id)!),
      name: (f) => name(f, locale),
      short: (f) => short(f, locale),
      groupName: (g) => groupName(g, locale),
      groupDescription: (g) => groupDescription(g, locale),
      show: (f) => show(f, locale),
      drawn: (f, scale) => displayUnit(f.value, f.unit, f.digits, locale, scale).value,
      provenance: (f) => provenance(f, locale),
      axisUnit: (f, scale) => dict(locale).figure.unit(displayUnit(f.value, f.unit, f.digits, locale, scale).unit),
      pick: (map, k, field) => {
        const v = map[k];
        if (v === undefined) throw new Error(`${where(field)}: missing the word for "${k}"`);
        return v;
      },
      say: (field, template, args) => say(where(field), template, locale, args),
      sayMarked: (field, template, args) => sayMarked(where(field), template, locale, args),
      texts: (args) => ({
        title: say(where('title'), words['title'] as string, locale, args),
        description: say(where('description'), words['description'] as string, locale, args),
        takeaway: sayRich(where('takeaway'), words['takeaway'] as string, locale, args),
        notes: (words['notes'] as string[]).map((n, i) => sayRich(where(`notes[${i}]`), n, locale, args)),
      }),
      list: (items) => listFormat(locale).format(items),
      labelled: (label, value) => dict(locale).figure.labelled(label, value),
    };
    const model = { id, kind: entry.kind, ...kind.build(ctx) };
    // A kind's states are the steps it declares: the story check and the editing screen read them from there.
    const steps =
      kind.steps?.(entry.data, (fid) => {
        const f = facts.get(fid);
        return f && isFigure(f) ? f.year : undefined;
      }) ?? [];
    if ((model.states ?? []).map((s) => s.key).join() !== steps.join())
      throw new Error(
        `src/kinds: the kind ${entry.kind} draws the states ${(model.states ?? []).map((s) => s.key).join(', ')} of ${file}, but declares ${steps.join(', ')}`,
      );
    cache.set(`${locale}|${id}`, model);
    return model;
  }

  const words = (locale: Locale) => {
    const w = config[locale];
    if (!w) throw new Error(`content/story.yaml: ${locale}: missing`);
    return w;
  };

  /** The datasets, in the order the report first mentions them (by their earliest report line). */
  const line = (r: { source: string }) => Number(r.source.slice(1));
  const datasetNames = Object.entries(data.datasets)
    .map(([n, d]) => ({ n, first: Math.min(...d.records.map(line)) }))
    .sort((a, b) => a.first - b.first || (a.n < b.n ? -1 : 1))
    .map((d) => d.n);

  return {
    facts,
    datasetNames,
    data,
    config,
    editions,
    defaultLocale,
    chartIds: Object.keys(charts),
    charts,
    figure,
    name,
    short,
    groupName,
    formula,
    provenance,
    /** A figure by id as the page shows it (`prose` for a sentence); an unknown id fails with the nearest known ids. */
    show: (id: string, locale: Locale, prose = false) => show(lookupFact(facts, id), locale, prose),
    entry: (id: string) => lookupFact(facts, id),
    say,
    sayRich,
    /** The story's words in an edition, each rendered with its figures. */
    words: (locale: Locale) => words(locale),
    /**
     * The story's own words in an edition, rendered as the pages show them: a template that
     * names no figure fails here, naming the field. The pages and the editing screen's check
     * both read them from here.
     */
    rendered: (locale: Locale) => {
      const w = words(locale);
      const at = (field: string) => `content/story.yaml: ${locale}.${field}`;
      const report = data.source.report;
      return {
        title: w.title,
        name: w.name,
        kicker: w.kicker,
        description: say(at('description'), w.description, locale),
        dek: sayRich(at('dek'), w.dek, locale),
        byline: say(at('byline'), w.byline, locale, { report: report.title, authors: dict(locale).authors(report.authors) }),
        sourceNote: say(at('sourceNote'), w.sourceNote, locale),
        dataDescription: say(at('dataDescription'), w.dataDescription, locale),
      };
    },
  };
}
