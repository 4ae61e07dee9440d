import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.ts';
import { z } from 'zod';
import { formFromZod, messageFor } from '../../src/editor/fields.tsx';
import { itemNames, labels, multiline, order } from '../../src/editor/labels.ts';
import { chartEntry } from '../../src/kinds/index.ts';
import { dataset, derivedFile, event, factId, item, measure, pageSchema, sectionSchema, sourceFile, units } from '../../src/lib/schema.ts';
import { storyConfig } from '../../src/story/story.ts';

const ctx = {
  labels,
  multiline,
  order,
  itemLabel: itemNames(() => undefined),
  pickers: { lists: new Map<z.ZodType, { value: string; label: string }[]>([[factId, [{ value: 'a.b', label: 'A' }]]]) },
};
type Form = {
  kind: string;
  fields?: Record<string, Form>;
  element?: Form;
  validate?(v: unknown): unknown;
  parse?(v: unknown): any;
  serialize?(v: any): { value: unknown };
  options?: unknown;
  defaultValue?(): unknown;
};
const form = (schema: z.ZodType) => formFromZod(schema, '', ctx) as unknown as Form;

/** The zod schema with optional, default and preprocess wrappers taken off. */
function bare(s: z.ZodType): z.ZodType {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) return bare(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodPipe) return bare(s.out as z.ZodType);
  return s;
}

/** Every field path of a schema and of its form, side by side: objects by key, lists by "[]". */
function paths(schema: z.ZodType, f: Form, at = ''): { zod: string[]; form: string[] } {
  const s = bare(schema);
  if (s instanceof z.ZodObject) {
    expect(f.kind, at).toBe('object');
    const shape = s.shape as Record<string, z.ZodType>;
    const out = { zod: [] as string[], form: Object.keys(f.fields!).map((k) => `${at}.${k}`) };
    for (const [k, v] of Object.entries(shape)) {
      out.zod.push(`${at}.${k}`);
      const sub = paths(v, f.fields![k]!, `${at}.${k}`);
      out.zod.push(...sub.zod);
      out.form.push(...sub.form);
    }
    return out;
  }
  if (s instanceof z.ZodArray) {
    expect(f.kind, at).toBe('array');
    return paths(s.element as z.ZodType, f.element!, `${at}[]`);
  }
  expect(f.kind, at).toBe('form');
  return { zod: [], form: [] };
}

describe('the editing screen’s forms are the build’s schemas', () => {
  const schemas = {
    measure: dataset(measure),
    event: dataset(event),
    item: dataset(item),
    source: sourceFile,
    derived: derivedFile,
    section: sectionSchema,
    page: pageSchema,
    story: storyConfig,
  };
  it.each(Object.entries(schemas))('%s: one form field for every field of the schema, and no other', (_, schema) => {
    const { zod, form: fields } = paths(schema, form(schema));
    expect(zod.length).toBeGreaterThan(1);
    expect([...fields].sort()).toEqual([...zod].sort());
  });

  it('every chart kind’s words: one form field per field', () => {
    const options = chartEntry.options as unknown as z.ZodObject[];
    expect(options.length).toBeGreaterThanOrEqual(8);
    for (const option of options) {
      const words = bare((option.shape as Record<string, z.ZodType>)['zh']!);
      const { zod, form: fields } = paths(words, form(words));
      expect([...fields].sort()).toEqual([...zod].sort());
    }
  });

  const record = form(measure).fields!;
  it('a field refuses what its schema refuses, with the schema’s own message', () => {
    const cases: [string, unknown, string][] = [
      ['source', '12', 'expected a report line such as "L12"'],
      ['id', 'Output', 'expected a dotted id such as "sales.total.2024"'],
      ['label', '   ', 'expected non-empty text'],
    ];
    for (const [key, value, message] of cases) {
      const f = record[key]!;
      expect(() => f.validate!(f.parse!(value)), key).toThrow(message);
    }
    const year = record['year']!;
    expect(() => year.validate!(year.parse!(1850))).toThrow('expected a year such as 2019');
    expect(year.validate!(year.parse!(2019))).toBe(2019);
    // The schemas give these messages themselves: the form shows theirs, not its own.
    expect(messageFor(measure.shape.source, '12')).toBe('expected a report line such as "L12"');
  });

  it('inside a group the file may leave out (a record’s English), fields may be empty; outside it, not', () => {
    const en = record['en']!.fields!;
    expect(en['label']!.validate!(en['label']!.parse!(undefined))).toBe('');
    expect(en['label']!.serialize!(en['label']!.parse!(undefined)).value).toBeUndefined();
    expect(() => record['label']!.validate!(record['label']!.parse!(undefined))).toThrow('expected non-empty text');
  });

  it('a field the schema may leave out is left out of the file when empty, and kept when given', () => {
    const short = record['short']!;
    expect(short.serialize!(short.parse!(undefined)).value).toBeUndefined();
    expect(short.serialize!(short.parse!('绿化')).value).toBe('绿化');
    const year = record['year']!;
    expect(year.serialize!(year.parse!(undefined)).value).toBeUndefined();
    // A literal keeps its type: "true" in the picker is true in the file.
    const unlisted = form(dataset(item)).fields!['groups']!.element!.fields!['unlisted']!;
    expect(unlisted.serialize!(unlisted.parse!(true)).value).toBe(true);
    expect(unlisted.serialize!(unlisted.parse!(undefined)).value).toBeUndefined();
  });

  it('units are chosen from the schema’s list; figures from the story’s', () => {
    expect((record['unit']!.options as { value: string }[]).map((o) => o.value)).toEqual([...units]);
    expect((record['qualifier']!.options as { value: string }[]).map((o) => o.value)).toEqual(['', 'over']);
    const facts = form(storyConfig).fields!['keyFigures']!.element!.fields!['facts']!.element!;
    expect(() => facts.validate!(facts.parse!('Not an id'))).toThrow('expected a dotted id such as "sales.total.2024"');
    // A new key figure starts with no figure chosen, and says so.
    expect(() => facts.validate!(facts.defaultValue!())).toThrow('expected a dotted id');
  });
});

describe('a list’s rows say what each item is, and what its schema refuses', () => {
  type Field = Form & { itemLabel?(props: unknown): string };
  /** Keystatic's preview props of a value: an object's by its fields, a list's by its elements, a leaf's value as the form holds it. */
  const props = (f: Form, v: any): unknown =>
    f.kind === 'object'
      ? { fields: Object.fromEntries(Object.entries(f.fields!).map(([k, sub]) => [k, props(sub, v?.[k])])) }
      : f.kind === 'array'
        ? { elements: (v ?? []).map((x: unknown) => props(f.element!, x)) }
        : { value: f.parse!(v) };
  const records = form(dataset(measure)).fields!['records'] as Field;
  const row = (record: object) => records.itemLabel!(props(records.element!, record));
  const record = { id: 'env.x', label: '比率', value: 50, unit: '%', source: 'L20', en: { label: 'A rate' } };

  it('a good record reads as its id and name', () => {
    expect(row(record)).toBe('env.x · 比率');
  });

  it('a record its schema refuses shows the rule in its row, with the field, as EDITING.md shows it', () => {
    const f = JSON.parse(readFileSync(join(root, 'data/environment.json'), 'utf8')).records.find(
      (r: { id: string }) => r.id === 'env.greenCoverage',
    );
    const shown = row({ ...f, value: 120 });
    expect(readFileSync(join(root, 'EDITING.md'), 'utf8').replace(/\s+/g, ' ')).toContain(`\`${shown}\``);
    expect(row({ ...record, value: 120 })).toBe('env.x · 比率 — ⚠ value: expected a rate between 0 and 100 (%), got 120');
    expect(row({ ...record, source: '20' })).toBe('env.x · 比率 — ⚠ source: expected a report line such as "L12"');
  });

  it('a key figure’s sign is a checkbox the file writes as true or leaves out', () => {
    const signed = form(storyConfig).fields!['keyFigures']!.element!.fields!['signed']!;
    expect(signed.parse!(true)).toBe(true);
    expect(signed.serialize!(true).value).toBe(true);
    expect(signed.serialize!(false).value).toBeUndefined();
  });
});
