import { fields, type ComponentSchema } from '@keystatic/core';
import { ActionButton } from '@keystar/ui/button';
import { Checkbox } from '@keystar/ui/checkbox';
import { Combobox, Item } from '@keystar/ui/combobox';
import { Flex } from '@keystar/ui/layout';
import { NumberField } from '@keystar/ui/number-field';
import { Picker } from '@keystar/ui/picker';
import { TextField, TextArea } from '@keystar/ui/text-field';
import { Text } from '@keystar/ui/typography';
import { useState, type ReactElement } from 'react';
import { z } from 'zod';
import { plainWords } from '../lib/schema.ts';

/**
 * The editing screen's forms, derived from the build's zod schemas: each leaf of a schema
 * becomes a form field that checks its value with that same leaf schema and shows the
 * schema's own message, so the screen and the build cannot disagree on a field's rules.
 * Keystatic's own text and number fields are not used for leaves: they have their own
 * rules and messages, and they write "" or 0 where the schema wants a field left out.
 */

/** A choice for a picker: the value written to the file and what the editor reads. */
export interface Choice {
  value: string;
  label: string;
}

/** Fields the converter gives a picker instead of free text: a fact id picks from the story's figures. */
export interface Pickers {
  /** Schemas (by identity, as exported from src/lib/schema.ts) whose values are picked from a list. */
  lists: Map<z.ZodType, readonly Choice[]>;
}

type FieldOptions = { label: string; description?: string | undefined };

/** The first message the schema gives for a value, or undefined when it passes. */
export function messageFor(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: plainWords });
  return result.success ? undefined : result.error.issues[0]?.message;
}

class FieldError extends Error {}

/** A leaf field: its value in the form, how it is read from and written to the file, its check. */
function leaf<V extends {} | null>(options: {
  label: string;
  defaultValue: V;
  /** From the file's value (undefined when the field is absent). */
  parse(stored: unknown): V;
  /** To the file's value; undefined leaves the field out. */
  serialize(value: V): unknown;
  check: z.ZodType;
  Input(props: { value: V; onChange(v: V): void; error: string | undefined; autoFocus: boolean }): ReactElement;
}) {
  const error = (v: V) => messageFor(options.check, options.serialize(v));
  return {
    kind: 'form' as const,
    label: options.label,
    defaultValue: () => options.defaultValue,
    parse: (stored: unknown) => options.parse(stored),
    serialize: (v: V) => ({ value: options.serialize(v) as never }),
    validate(v: V) {
      const m = error(v);
      if (m) throw new FieldError(`${options.label}: ${m}`);
      return v;
    },
    reader: { parse: (stored: unknown) => options.parse(stored) },
    Input(props: { value: V; onChange(v: V): void; autoFocus: boolean; forceValidation: boolean }) {
      // A message shows once the field was changed, or when a save is attempted.
      const [touched, setTouched] = useState(false);
      const m = touched || props.forceValidation ? error(props.value) : undefined;
      return options.Input({
        value: props.value,
        autoFocus: props.autoFocus,
        error: m,
        onChange: (v) => {
          setTouched(true);
          props.onChange(v);
        },
      });
    },
  };
}

/** Unwraps optional, default and preprocess wrappers: the schema that checks a present value. */
function core(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let s: z.ZodType = schema;
  let optional = false;
  for (;;) {
    if (s instanceof z.ZodOptional) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodDefault) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe && s.in instanceof z.ZodTransform) {
      s = s.out as z.ZodType;
    } else return { inner: s, optional };
  }
}

function textLeaf(check: z.ZodType, o: FieldOptions, optional: boolean, multiline: boolean) {
  return leaf<string>({
    label: o.label,
    defaultValue: '',
    parse: (v) => (v === undefined || v === null ? '' : String(v)),
    serialize: (v) => (optional && v === '' ? undefined : v),
    check,
    Input: ({ value, onChange, error, autoFocus }) => {
      const Field = multiline ? TextArea : TextField;
      return (
        <Field
          label={o.label}
          description={o.description}
          value={value}
          onChange={onChange}
          errorMessage={error}
          isRequired={!optional}
          autoFocus={autoFocus}
        />
      );
    },
  });
}

function numberLeaf(check: z.ZodType, o: FieldOptions, optional: boolean) {
  return leaf<number | null>({
    label: o.label,
    defaultValue: null,
    parse: (v) => (typeof v === 'number' ? v : null),
    serialize: (v) => (v === null ? undefined : v),
    check,
    Input: ({ value, onChange, error, autoFocus }) => (
      <NumberField
        label={o.label}
        description={o.description}
        value={value ?? Number.NaN}
        onChange={(n) => onChange(Number.isNaN(n) ? null : n)}
        errorMessage={error}
        isRequired={!optional}
        autoFocus={autoFocus}
        formatOptions={{ maximumFractionDigits: 6, useGrouping: false }}
      />
    ),
  });
}

const NONE = '';

function pickLeaf(
  check: z.ZodType,
  o: FieldOptions,
  optional: boolean,
  choices: readonly Choice[],
  searchable: boolean,
  /** The value as the file holds it (a literal true, say), from the picker's text. */
  stored: (v: string) => unknown = (v) => v,
) {
  const items = [...(optional ? [{ value: NONE, label: '—' }] : []), ...choices];
  const field = leaf<string>({
    label: o.label,
    // Nothing is chosen for the editor: a required choice shows its rule until one is made.
    defaultValue: NONE,
    parse: (v) => (v === undefined || v === null ? NONE : String(v)),
    serialize: (v) => (optional && v === NONE ? undefined : stored(v)),
    check,
    Input: ({ value, onChange, error }) => {
      // A value the list does not know (a typo in a file) stays visible, with the schema's message.
      const all = items.some((c) => c.value === value) ? items : [...items, { value, label: value }];
      const props = {
        label: o.label,
        description: o.description,
        errorMessage: error,
        isRequired: !optional,
        selectedKey: value,
        onSelectionChange: (k: string | number | null) => onChange(k === null ? NONE : String(k)),
        width: '100%' as const,
        children: (c: Choice) => (
          <Item key={c.value} textValue={c.label}>
            {c.label}
          </Item>
        ),
      };
      return searchable ? <Combobox {...props} defaultItems={all} menuTrigger="focus" /> : <Picker {...props} items={all} />;
    },
  });
  /** The choices, as the picker lists them (none first, where the field may be left out). */
  return { ...field, options: items };
}

/** A map of words by key (a label per bar): rows of key and text, as the schema's record. */
function mapLeaf(check: z.ZodType, o: FieldOptions, optional: boolean) {
  type Row = { key: string; value: string };
  return leaf<Row[]>({
    label: o.label,
    defaultValue: [],
    parse: (v) =>
      v && typeof v === 'object' ? Object.entries(v as Record<string, unknown>).map(([key, x]) => ({ key, value: String(x) })) : [],
    serialize: (rows) => (optional && rows.length === 0 ? undefined : Object.fromEntries(rows.map((r) => [r.key, r.value]))),
    check,
    Input: ({ value, onChange, error }) => {
      const set = (i: number, row: Row) => onChange(value.map((r, j) => (j === i ? row : r)));
      return (
        <Flex direction="column" gap="regular" role="group" aria-label={o.label}>
          <Text weight="semibold">{o.label}</Text>
          {o.description ? <Text size="small">{o.description}</Text> : null}
          {value.map((r, i) => (
            <Flex key={i} gap="regular" alignItems="end">
              <TextField label="Key" width="scale.1600" value={r.key} onChange={(key) => set(i, { ...r, key })} />
              <TextField label="Text" flex value={r.value} onChange={(v) => set(i, { ...r, value: v })} />
              <ActionButton onPress={() => onChange(value.filter((_, j) => j !== i))}>Remove</ActionButton>
            </Flex>
          ))}
          <ActionButton alignSelf="start" onPress={() => onChange([...value, { key: '', value: '' }])}>
            Add
          </ActionButton>
          {error ? (
            <Text color="critical" role="alert">
              {error}
            </Text>
          ) : null}
        </Flex>
      );
    },
  });
}

/** Editor labels of the schemas' fields, by key; a key not listed is shown as it is. */
export type Labels = Record<string, string | { label: string; description?: string }>;

const optionsFor = (key: string, labels: Labels): FieldOptions => {
  const l = labels[key];
  return typeof l === 'string' ? { label: l } : l ? l : { label: key };
};

/**
 * The form for a zod schema: objects become groups, arrays lists, records rows of key and
 * text, and every leaf a field checked by its own schema. `multiline` names the keys that get
 * a text area; `pickers` the leaf schemas whose values come from a list.
 */
export function formFromZod(
  schema: z.ZodType,
  key: string,
  ctx: {
    labels: Labels;
    pickers: Pickers;
    multiline: ReadonlySet<string>;
    /** How an item of the list under `key` reads in its list, given its value. */
    itemLabel?: (key: string) => ((v: any) => string) | undefined;
    /** Keys shown first, in this order (a record's value before its source); the file keeps its own order. */
    order?: readonly string[];
    /** Keys shown last, in this order (the groups of each edition's words). */
    last?: readonly string[];
    /**
     * Inside a group the file may leave out (a record's English): every field may be left
     * empty here, and a save checks the group as a whole, as the build does.
     */
    loose?: boolean;
  },
): ComponentSchema {
  const bare = core(schema);
  const inner = bare.inner;
  const optional = bare.optional || !!ctx.loose;
  if (!bare.optional && ctx.loose) schema = schema.optional();
  const o = optionsFor(key, ctx.labels);
  if (inner instanceof z.ZodObject) {
    const keys = Object.keys(inner.shape as object);
    // The listed keys first, in the list's order; then the others as the schema has them; the editions' groups last.
    const rank = (k: string) => {
      const i = ctx.order?.indexOf(k) ?? -1;
      if (i !== -1) return i;
      const last = ctx.last?.indexOf(k) ?? -1;
      return last !== -1 ? 2000 + last : 1000 + keys.indexOf(k);
    };
    const entries = Object.entries(inner.shape as Record<string, z.ZodType>).sort(([a], [b]) => rank(a) - rank(b));
    const inside = optional ? { ...ctx, loose: true } : ctx;
    return fields.object(Object.fromEntries(entries.map(([k, s]) => [k, formFromZod(s, k, inside)])), {
      label: o.label,
      ...(o.description ? { description: o.description } : {}),
    });
  }
  if (inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    const itemLabel = ctx.itemLabel?.(key) ?? ((v: unknown) => (typeof v === 'string' && v) || 'New item');
    const field = formFromZod(element, `${key}[]`, ctx);
    return fields.array(field, {
      label: o.label,
      // An item reads as what it is, and, when its schema refuses it, why: a list's items are
      // edited in a dialog, and the rule an item breaks (a rate above 100%) shows in its row.
      itemLabel: (props: unknown) => {
        const value = storedValue(props, field);
        const issue = element.safeParse(value, { error: plainWords }).error?.issues[0];
        const name = itemLabel(value);
        return issue ? `${name} — ⚠ ${issue.path.join('.') || 'item'}: ${issue.message}` : name;
      },
    });
  }
  if (inner instanceof z.ZodRecord) return mapLeaf(schema, o, optional);
  const list = ctx.pickers.lists.get(inner);
  if (list) return pickLeaf(schema, o, optional, list, list.length > 12);
  if (inner instanceof z.ZodEnum) {
    const values = (inner.options as readonly (string | number)[]).map(String);
    return pickLeaf(
      schema,
      o,
      optional,
      values.map((v) => ({ value: v, label: v })),
      false,
    );
  }
  if (inner instanceof z.ZodLiteral) {
    const literals = [...(inner.values as Set<string | number | boolean>)];
    if (optional && literals.length === 1 && literals[0] === true) return flagLeaf(schema, o);
    const choices = literals.map((v) => ({ value: String(v), label: String(v) }));
    return pickLeaf(schema, o, optional, choices, false, (v) => literals.find((l) => String(l) === v) ?? v);
  }
  if (inner instanceof z.ZodNumber) return numberLeaf(schema, o, optional);
  if (inner instanceof z.ZodString) return textLeaf(schema, o, optional, ctx.multiline.has(key));
  throw new Error(`formFromZod: no form field for "${key}" (${inner.constructor.name})`);
}

/** A required choice from a list (a chart id, a state), with the message the build gives for another value. */
export function choiceField(label: string, choices: readonly Choice[], what: string) {
  const ids = choices.map((c) => c.value);
  // With nothing to choose from (the story on disk does not build), any name will do here; the save's check decides.
  const check = ids.length
    ? z.string().refine((v) => ids.includes(v), { error: `expected one of the ${what}: ${ids.join(', ')}` })
    : z.string().min(1, { error: `expected the name of one of the ${what}` });
  return pickLeaf(check, { label }, false, choices, choices.length > 12);
}

/**
 * An entry's file name (without its extension): Keystatic's "slug". It is shown, and chosen
 * for a new entry, but not kept inside the file.
 */
export function fileNameField(o: { pattern: RegExp; message: string; description: string }) {
  const text = textLeaf(
    z.string().regex(o.pattern, { error: o.message }),
    { label: 'File name', description: o.description },
    false,
    false,
  );
  return {
    ...text,
    formKind: 'slug' as const,
    parse: (_: unknown, extra?: { slug: string }) => extra?.slug ?? '',
    serialize: () => ({ value: undefined }),
    serializeWithSlug: (v: string) => ({ slug: v, value: undefined }),
    reader: { parse: () => null, parseWithSlug: () => null },
  };
}

/** A list item's value as the file would hold it, from Keystatic's preview props and the item's fields. */
export function storedValue(props: any, field: any): unknown {
  if (field?.kind === 'object')
    return Object.fromEntries(
      Object.entries(field.fields as Record<string, unknown>)
        .map(([k, f]) => [k, storedValue(props?.fields?.[k], f)])
        .filter(([, v]) => v !== undefined),
    );
  if (field?.kind === 'array') return (props?.elements ?? []).map((p: unknown) => storedValue(p, field.element));
  if (field?.kind === 'form') return field.serialize(props?.value).value;
  return undefined;
}

/** A flag the file writes as `true` or leaves out (a key figure's sign): a checkbox. */
function flagLeaf(check: z.ZodType, o: FieldOptions) {
  return leaf<boolean>({
    label: o.label,
    defaultValue: false,
    parse: (v) => v === true,
    serialize: (v) => (v ? true : undefined),
    check,
    Input: ({ value, onChange }) => (
      <Flex direction="column" gap="regular">
        <Checkbox isSelected={value} onChange={onChange}>
          {o.label}
        </Checkbox>
        {o.description ? <Text size="small">{o.description}</Text> : null}
      </Flex>
    ),
  });
}
