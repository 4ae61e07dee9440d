import { z } from 'zod';

/** Report line, as numbered in facts.md: "L12" is the 12th non-empty line of the report. */
const source = z
  .string({ error: 'expected a report line such as "L12"' })
  .regex(/^L\d{1,3}$/, { error: 'expected a report line such as "L12"' });

const id = z
  .string({ error: 'expected a dotted id such as "output.total.2019"' })
  .regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, {
    error: 'expected a dotted id such as "output.total.2019" (letters and digits, parts joined by dots)',
  })
  .refine((v) => !v.startsWith('derived.'), {
    error: 'expected an id not starting with "derived." (reserved for figures computed in src/lib/facts.ts)',
  });

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });

export const units = ['亿元', '%', '家', '名', '万吨/天', '万平方米', '类'] as const;
export type Unit = (typeof units)[number];

/** A reported figure: one number with its unit and the report line it comes from. */
export const measure = z
  .strictObject({
    id,
    label: text,
    short: text.optional(),
    value: z.number({ error: 'expected a number' }),
    unit: z.enum(units, { error: `expected one of the units ${units.join(', ')}` }),
    year: z.number({ error: 'expected a year such as 2019' }).int().min(2000).max(2030).optional(),
    qualifier: z.literal('over', { error: 'expected "over" (the report gives a lower bound)' }).optional(),
    group: z.enum(['water', 'waste', 'air'], { error: 'expected one of water, waste, air' }).optional(),
    stage: z.enum(['built', 'planned'], { error: 'expected built or planned' }).optional(),
    /** "change": a growth rate, which may be negative or above 100%. */
    kind: z.literal('change', { error: 'expected "change" (a growth rate) or no kind' }).optional(),
    source,
    note: text.optional(),
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
    if (['家', '名', '类'].includes(r.unit) && !Number.isInteger(r.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a whole number for unit ${r.unit}, got ${r.value}` });
    }
    if (r.unit === '名' && r.value < 1) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a rank of 1 or more, got ${r.value}` });
    }
  });

/** A dated event of the park's history. */
export const milestone = z.strictObject({
  id,
  label: text,
  date: z
    .string({ error: 'expected a date "YYYY" or "YYYY-MM"' })
    .regex(/^(19|20)\d\d(-(0[1-9]|1[0-2]))?$/, { error: 'expected a date "YYYY" or "YYYY-MM"' }),
  kind: z.enum(['status', 'ranking', 'honour'], { error: 'expected one of status, ranking, honour' }),
  source,
  note: text.optional(),
});

/** One industry of the "1+3+N" structure. */
export const industry = z.strictObject({
  id,
  label: text,
  tier: z.enum(['leading', 'featured'], { error: 'expected leading or featured' }),
  source,
});

const dataset = <T extends z.ZodType>(record: T) =>
  z.strictObject({
    title: text,
    description: text,
    records: z.array(record, { error: 'expected a list of records' }).min(1, { error: 'expected at least one record' }),
  });

const rate = measure.superRefine((r, ctx) => {
  if (r.unit !== '%')
    ctx.addIssue({ code: 'custom', path: ['unit'], message: `expected "%" (every environmental figure is a rate), got "${r.unit}"` });
  if (!r.group) ctx.addIssue({ code: 'custom', path: ['group'], message: 'expected one of water, waste, air' });
  if (!r.short) ctx.addIssue({ code: 'custom', path: ['short'], message: 'expected a short label for the chart' });
});

/** The report the site retells, with its byline (F54). */
const sourceFile = z.strictObject({
  title: text,
  description: text,
  report: z.strictObject({
    title: text,
    subtitle: text,
    authors: z
      .array(z.strictObject({ name: text, role: text.optional(), latin: text.optional() }))
      .min(1, { error: 'expected at least one author' }),
    tags: z.array(text),
    source,
    /** Where and when the report appeared, as far as it says. */
    context: text,
    /** The report's parts by line range, so a figure's line names its section. */
    sections: z
      .array(z.strictObject({ key: text, title: text, from: z.number().int().min(1), to: z.number().int().min(1) }))
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

/** One schema per data file; a file without a schema fails the build. */
export const schemas = {
  'output.json': dataset(measure),
  'rankings.json': dataset(measure),
  'environment.json': dataset(rate),
  'sewage.json': dataset(measure),
  'cleanup.json': dataset(measure),
  'projects.json': dataset(measure),
  'milestones.json': dataset(milestone),
  'industries.json': dataset(industry),
  'source.json': sourceFile,
};

export type DataFile = keyof typeof schemas;
export type Measure = z.infer<typeof measure>;
export type Milestone = z.infer<typeof milestone>;
export type Industry = z.infer<typeof industry>;
export type Datasets = { [K in DataFile]: z.infer<(typeof schemas)[K]> };
