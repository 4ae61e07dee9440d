import { z } from 'zod';

/** Report line, as numbered in facts.md: "L12" is the 12th non-empty line of the report. */
export const source = z
  .string({ error: 'expected a report line such as "L12"' })
  .regex(/^L\d{1,3}$/, { error: 'expected a report line such as "L12"' });

/** A figure's id: dotted, as prose names it in `<Fact id="…" />`. */
export const factId = z.string({ error: 'expected a dotted id such as "sales.total.2024"' }).regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, {
  error: 'expected a dotted id such as "sales.total.2024" (letters and digits, parts joined by dots)',
});

const reportedId = factId.refine((v) => !v.startsWith('derived.'), {
  error: 'expected an id not starting with "derived." (reserved for figures computed in data/derived.json)',
});

/** A key that also names CSS classes and anchors: lowercase letters, digits and hyphens. */
export const key = z
  .string({ error: 'expected a key of lowercase letters, digits and hyphens' })
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a key of lowercase letters, digits and hyphens, such as "group-a"' });

/** The key of a mark in a chart (a bar, a state): letters, digits, hyphens; a year will do. */
export const markKey = z.preprocess(
  // YAML reads a bare 2019 as a number; a key is text either way.
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string({ error: 'expected a key such as "2019" or "total"' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'expected a key of letters, digits and hyphens, such as "2019" or "total"' }),
);

export const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });

/**
 * Units the engine can format in both editions. 位 (places) and 年 (years) are for
 * differences of ranks and dates, which derived figures produce.
 */
export const units = ['亿元', '%', '家', '名', '万吨/天', '万平方米', '类', '位', '年'] as const;
export type Unit = (typeof units)[number];
const unit = z.enum(units, { error: `expected one of the units ${units.join(', ')}` });

/** The English of a record or group: its name (and short name and note) for the English edition. */
const english = z.strictObject({ label: text, short: text.optional(), note: text.optional(), description: text.optional() });

/** A named group of a dataset's records (a colour, a tier, a category), in the order charts and legends show them. */
export const group = z.strictObject({
  key,
  label: text,
  /** What the group means, where a chart shows it (a category box). */
  description: text.optional(),
  /** The report names the group but lists none of its members (the "N" of "1+3+N"). */
  unlisted: z.literal(true, { error: 'expected true or no "unlisted"' }).optional(),
  en: english.optional(),
});

const common = {
  label: text,
  /** A short name for charts, where the report's term is long. */
  short: text.optional(),
  group: key.optional(),
  source,
  note: text.optional(),
  en: english.optional(),
};

/** A reported figure: one number with its unit and the report line it comes from. */
export const measure = z
  .strictObject({
    id: reportedId,
    ...common,
    value: z.number({ error: 'expected a number' }),
    unit,
    year: z.number({ error: 'expected a year such as 2019' }).int().min(1900).max(2100).optional(),
    qualifier: z.literal('over', { error: 'expected "over" (the report gives a lower bound)' }).optional(),
    stage: z.enum(['built', 'planned'], { error: 'expected built or planned' }).optional(),
    /** "change": a growth rate, which may be negative or above 100%. */
    kind: z.literal('change', { error: 'expected "change" (a growth rate) or no kind' }).optional(),
    /** "groups": the figure is the number of groups this file lists; the build checks that they agree. */
    counts: z.literal('groups', { error: 'expected "groups" or no "counts"' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'change') {
      if (r.unit !== '%') ctx.addIssue({ code: 'custom', path: ['unit'], message: `expected "%" for a change, got "${r.unit}"` });
      if (r.value <= -100) ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a change above -100%, got ${r.value}` });
      return;
    }
    if (r.unit === '%' && (r.value < 0 || r.value > 100)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a rate between 0 and 100 (%), got ${r.value}` });
    }
    if (r.value < 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a value of 0 or more, got ${r.value}` });
    }
    if (['家', '名', '类', '位', '年'].includes(r.unit) && !Number.isInteger(r.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a whole number for unit ${r.unit}, got ${r.value}` });
    }
    if (r.unit === '名' && r.value < 1) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a rank of 1 or more, got ${r.value}` });
    }
  });

/** A dated event. */
export const event = z.strictObject({
  id: reportedId,
  ...common,
  date: z
    .string({ error: 'expected a date "YYYY" or "YYYY-MM"' })
    .regex(/^(19|20)\d\d(-(0[1-9]|1[0-2]))?$/, { error: 'expected a date "YYYY" or "YYYY-MM"' }),
});

/** A named thing without a number or date (an industry of a cluster). */
export const item = z.strictObject({ id: reportedId, ...common });

export type Measure = z.infer<typeof measure>;
export type Event = z.infer<typeof event>;
export type Item = z.infer<typeof item>;
export type DataRecord = Measure | Event | Item;
export type Group = z.infer<typeof group>;

/** The shapes a dataset's records take, by name: figures, dated events, named items. */
export const recordSchemas = { measure, event, item } as const;
export type RecordKind = keyof typeof recordSchemas;

/** The shape a file's records take: events if any record has a date, measures if any has a value, else items. */
export function recordKindFor(records: unknown): RecordKind {
  const list = Array.isArray(records) ? records.filter((r): r is object => Boolean(r) && typeof r === 'object') : [];
  if (list.some((r) => 'date' in r)) return 'event';
  if (list.some((r) => 'value' in r)) return 'measure';
  return 'item';
}

/** The schema a file's records take (see recordKindFor). */
export const recordSchemaFor = (records: unknown) => recordSchemas[recordKindFor(records)];

/** A dataset file of data/: its title and description, its groups, its records. */
export const dataset = <R extends z.ZodType<DataRecord>>(record: R) =>
  z
    .strictObject({
      title: text,
      description: text,
      en: z.strictObject({ title: text, description: text }).optional(),
      groups: z.array(group).optional(),
      records: z.array(record, { error: 'expected a list of records' }).min(1, { error: 'expected at least one record' }),
    })
    .superRefine((d, ctx) => {
      const keys = (d.groups ?? []).map((g) => g.key);
      keys.forEach((k, i) => {
        if (keys.indexOf(k) !== i)
          ctx.addIssue({ code: 'custom', path: ['groups', i, 'key'], message: `expected a unique key, got "${k}" twice` });
      });
      d.records.forEach((r, i) => {
        if (r.group !== undefined && !keys.includes(r.group)) {
          ctx.addIssue({
            code: 'custom',
            path: ['records', i, 'group'],
            message: keys.length
              ? `expected one of the groups listed in this file (${keys.join(', ')}), got "${r.group}"`
              : `expected no group: this file lists no "groups", got "${r.group}"`,
          });
        }
        if ('counts' in r && r.counts === 'groups' && r.value !== keys.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['records', i, 'value'],
            message: `expected ${keys.length}, the number of groups this file lists (the record says "counts": "groups"), got ${r.value}`,
          });
        }
      });
    });

export type Dataset = {
  title: string;
  description: string;
  en?: { title: string; description: string } | undefined;
  groups?: Group[] | undefined;
  records: DataRecord[];
};

/** A figure the site computes from reported ones (data/derived.json). */
export const derivedRecord = z.strictObject({
  id: factId.refine((v) => v.startsWith('derived.'), { error: 'expected an id starting with "derived."' }),
  label: text,
  /** The formula as readers see it, in words. */
  formula: text,
  /** The formula as the build computes it (math.js syntax), over the names in `inputs`. */
  compute: text,
  /** Names used in `compute`, each the id of a figure or date. */
  inputs: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'expected a name such as "total"' }), factId),
  unit,
  /** Decimal places to show. */
  digits: z.number().int().min(0).max(6),
  en: z.strictObject({ label: text, formula: text }).optional(),
});

/** A rule the figures must obey, or the build stops (a high-tech part within its total, say). */
export const check = z.strictObject({
  /** A math.js expression over the names in `inputs` that must be true. */
  holds: text,
  inputs: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), factId),
  /** Why the rule matters, for the editor who breaks it. */
  message: text,
});

export const derivedFile = z.strictObject({
  title: text,
  description: text,
  en: z.strictObject({ title: text, description: text }).optional(),
  records: z.array(derivedRecord),
  checks: z.array(check).default([]),
});
export type DerivedRecord = z.infer<typeof derivedRecord>;
export type DerivedFile = z.infer<typeof derivedFile>;

/** The report the site retells, with its byline. */
export const sourceFile = z.strictObject({
  title: text,
  description: text,
  report: z.strictObject({
    title: text,
    subtitle: text,
    authors: z
      .array(
        z.strictObject({
          name: text,
          role: text.optional(),
          en: z.strictObject({ name: text, role: text.optional() }).optional(),
        }),
      )
      .min(1, { error: 'expected at least one author' }),
    tags: z.array(z.strictObject({ label: text, en: text.optional() })),
    source,
    /** Where and when the report appeared, as far as it says. */
    context: text,
    en: z.strictObject({ title: text, context: text }).optional(),
    /** How many numbered facts the source's fact list holds (F1 … Fn): each must be retold by a section that `covers` it. */
    facts: z.number({ error: "expected the number of facts in the source's fact list, such as 54" }).int().min(1).optional(),
    /** The report's parts by line range, so a figure's line names its section. */
    sections: z
      .array(z.strictObject({ key, title: text, from: z.number().int().min(1), to: z.number().int().min(1), en: text.optional() }))
      .min(1, { error: 'expected the report sections' })
      .superRefine((sections, ctx) => {
        sections.forEach((s, i) => {
          const prev = sections[i - 1];
          if (s.to < s.from)
            ctx.addIssue({ code: 'custom', path: [i, 'to'], message: `expected "to" (${s.to}) not before "from" (${s.from})` });
          if (prev && s.from !== prev.to + 1) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'from'],
              message: `expected ${prev.to + 1}, right after the previous section, got ${s.from}`,
            });
          }
        });
      }),
  }),
});
export type SourceFile = z.infer<typeof sourceFile>;

/** File names in data/ that are not datasets. */
export const reservedFiles = { source: 'source.json', derived: 'derived.json' } as const;

/** Front matter of one story section; a missing or wrong field fails the build with the file name. */
export const sectionSchema = z.strictObject({
  order: z.number().int().min(0),
  anchor: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lowercase anchor such as "background"' }),
  kicker: z.string().min(1),
  title: z.string().min(1).max(60),
  summary: z.string().min(1),
  /** Ids of the source's numbered facts (facts.md: F1, F2, …) this section retells; tests check that all are covered. */
  covers: z.array(z.string().regex(/^F\d+$/, { error: 'expected a facts.md id such as "F12"' })).min(1),
});

/** Front matter of a page other than the story (the data page's method notes). */
export const pageSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
});

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;
const TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a set of fields',
  array: 'a list',
  literal: 'a fixed value',
};

/**
 * Zod's issues in the words of this project's own messages ("expected …"), for the rules
 * whose schema gives no message of its own: no message of zod's reaches an editor. Pass it
 * to every parse (`safeParse(value, { error: plainWords })`).
 */
export const plainWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string')
        return Number(n) <= 1 ? 'expected non-empty text' : `expected at least ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `expected at least ${plural(n, 'item', 'items')}`;
      return `expected ${issue.inclusive === false ? `more than ${n}` : `${n} or more`}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string') return `expected at most ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `expected at most ${plural(n, 'item', 'items')}`;
      return `expected ${issue.inclusive === false ? `less than ${n}` : `${n} or less`}`;
    }
    case 'invalid_format':
      return 'expected text in the form this field takes';
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unexpected field(s) ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'expected a name this list takes';
    case 'invalid_union':
      return 'expected one of the forms this field takes';
    case 'invalid_element':
      return 'expected entries this list takes';
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return 'expected a value this field takes';
  }
};

export type SectionFront = z.infer<typeof sectionSchema>;
export type PageFront = z.infer<typeof pageSchema>;
