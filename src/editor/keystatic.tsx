import { collection, config, fields, singleton, type ComponentSchema } from '@keystatic/core';
import { block, inline, mark, repeating, wrapper } from '@keystatic/core/content-components';
import { Icon } from '@keystar/ui/icon';
import { Text } from '@keystar/ui/typography';
import type { ReactNode } from 'react';
import { barChartIcon } from '@keystar/ui/icon/icons/barChartIcon';
import { footprintsIcon } from '@keystar/ui/icon/icons/footprintsIcon';
import { hashIcon } from '@keystar/ui/icon/icons/hashIcon';
import { infoIcon } from '@keystar/ui/icon/icons/infoIcon';
import { layersIcon } from '@keystar/ui/icon/icons/layersIcon';
import type { EditorModel } from './model.ts';
import { z } from 'zod';
import { wordsOf } from '../kinds/index.ts';
import { dataset, derivedFile, factId, pageSchema, recordSchemas, sectionSchema, sourceFile } from '../lib/schema.ts';
import { storyConfig } from '../story/story.ts';
import { choiceField, fileNameField, formFromZod, type Choice, type Labels } from './fields.tsx';
import { itemNames, labels, last, multiline, order } from './labels.ts';

/**
 * The editing screen: Keystatic in local mode, over the same files the build reads. Every
 * form is derived from the build's schema for its file; the save goes through api.ts, which
 * runs the build's checks and refuses a file the build would refuse.
 */
export function editorConfig(model: EditorModel) {
  const pickers = (locale: string) => ({ lists: new Map<z.ZodType, readonly Choice[]>([[factId, model.facts[locale] ?? []]]) });
  const form = (schema: z.ZodType, locale: string, extra: Labels = {}) =>
    formFromZod(schema, '', {
      labels: { ...labels, ...extra },
      pickers: pickers(locale),
      multiline,
      itemLabel: itemNames(factName),
      order,
      last,
    });
  const factName = (id: string) => model.facts[model.editions[0]!]?.find((f) => f.value === id)?.name;

  /** The fields of an object schema, one per key, for a collection's or singleton's schema. */
  const shapeOf = (schema: z.ZodType, locale: string, extra: Labels = {}): Record<string, ComponentSchema> => {
    const f = form(schema, locale, extra) as { kind: 'object'; fields: Record<string, ComponentSchema> };
    return f.fields;
  };

  const chartChoices = (locale: string) => model.charts.map((c) => ({ label: `${c.titles[locale] ?? c.id} (${c.id})`, value: c.id }));
  // A step names a state of its chart; a state two charts share is listed once, with both.
  const stateChoices = [...new Set(model.charts.flatMap((c) => c.states))].map((s) => ({
    value: s,
    label: `${s} (${model.charts
      .filter((c) => c.states.includes(s))
      .map((c) => c.id)
      .join(', ')})`,
  }));

  /** The components a section's body may hold, with the ids and states to choose from. */
  function components(locale: string) {
    const facts = model.facts[locale] ?? [];
    const factOf = (id: string) => facts.find((f) => f.value === id);
    return {
      Fact: inline({
        label: 'Figure',
        description: 'A figure from data/, shown as the edition formats it and linked to its source.',
        icon: <Icon src={hashIcon} />,
        schema: { id: form(factId, locale, { '': 'Figure' }) },
        // In the text a figure reads as the page shows it; its name and id are in its tooltip.
        ContentView: ({ value }: { value: { id: string } }) => (
          <span title={factOf(value.id)?.label ?? value.id}>{factOf(value.id)?.shown ?? `⚠ ${value.id}`}</span>
        ),
      }),
      Context: mark({
        label: 'Site’s note',
        icon: <Icon src={infoIcon} />,
        schema: {},
        tag: 'span',
        style: { background: 'rgba(255, 196, 0, 0.18)' },
      }),
      Chart: block({
        label: 'Chart',
        description: 'One of the charts in content/charts/.',
        icon: <Icon src={barChartIcon} />,
        schema: { id: choiceField('Chart', chartChoices(locale), 'charts in content/charts/') },
        ContentView: ({ value }: { value: { id: string } }) => (
          <span>{chartChoices(locale).find((c) => c.value === value.id)?.label ?? '⚠ Choose a chart'}</span>
        ),
      }),
      Scrolly: repeating({
        label: 'Chart told in steps',
        description: 'A chart beside its steps; one step per state of the chart, in order.',
        icon: <Icon src={layersIcon} />,
        children: ['Step'],
        schema: {
          chart: choiceField(
            'Chart',
            chartChoices(locale).filter((c) => model.charts.find((m) => m.id === c.value)?.states.length),
            'charts told in steps',
          ),
        },
        ContentView: ({ value, children }: { value: { chart: string }; children: ReactNode }) => (
          <div>
            <Text size="small" weight="semibold">
              {chartChoices(locale).find((c) => c.value === value.chart)?.label ?? '⚠ Choose a chart'}
            </Text>
            {children}
          </div>
        ),
      }),
      Step: wrapper({
        label: 'Step',
        icon: <Icon src={footprintsIcon} />,
        forSpecificLocations: true,
        schema: { state: choiceField('State', stateChoices, 'chart states') },
        ContentView: ({ value, children }: { value: { state: string }; children: ReactNode }) => (
          <div>
            <Text size="small">{value.state ? `State: ${value.state}` : '⚠ Choose a state'}</Text>
            {children}
          </div>
        ),
      }),
    };
  }

  const home = (locale: string) => (locale === model.editions[0] ? '/' : `/${locale}/`);
  const sectionFile = fileNameField({
    pattern: /^[0-9]{2}-[a-z][a-z0-9-]*$/,
    message: 'expected a file name such as "06-outlook": two digits, a hyphen, lowercase words',
    description: 'Sections are read in the order of their file names; keep the number in step with “order”.',
  });
  const pageFile = fileNameField({
    pattern: /^[a-z][a-z0-9-]*$/,
    message: 'expected a file name of lowercase words and hyphens, such as "method"',
    description: 'The page’s name; the data page shows the page called “method”.',
  });
  const pageComponents = (locale: string) => {
    const { Fact, Context } = components(locale);
    return { Fact, Context };
  };
  /** A folder of MDX files of one edition, as a list of entries: file name, front matter, text. */
  const mdxFiles = (o: {
    label: string;
    path: string;
    preview: string;
    file: ComponentSchema;
    front: z.ZodType;
    locale: string;
    parts: Record<string, any>;
  }) =>
    collection({
      label: o.label,
      path: `${o.path}/*`,
      slugField: 'file',
      format: { contentField: 'body' },
      entryLayout: 'content',
      previewUrl: o.preview,
      schema: {
        file: o.file as never,
        ...shapeOf(o.front, o.locale),
        body: fields.mdx({ label: 'Text', extension: 'mdx', components: o.parts }),
      },
    });
  const sections = Object.fromEntries(
    model.editions.map((locale) => [
      `sections-${locale}`,
      mdxFiles({
        label: `Sections (${locale})`,
        path: `content/${locale}`,
        preview: home(locale),
        file: sectionFile,
        front: sectionSchema,
        locale,
        parts: components(locale),
      }),
    ]),
  );
  // The data page's notes on method: figures and the site's notes, no charts.
  const pages = Object.fromEntries(
    model.editions.map((locale) => [
      `pages-${locale}`,
      mdxFiles({
        label: `Data page notes (${locale})`,
        path: `content/pages/${locale}`,
        preview: `${home(locale)}data/`,
        file: pageFile,
        front: pageSchema,
        locale,
        parts: pageComponents(locale),
      }),
    ]),
  );

  const charts = Object.fromEntries(
    model.charts.map((c) => [
      `chart-${c.id}`,
      singleton({
        label: `Chart: ${c.titles[model.editions[0]!] ?? c.id}`,
        path: `content/charts/${c.id}`,
        format: 'yaml',
        schema: {
          // What the chart draws is the engine's business and stays as it is in the file.
          kind: fields.ignored(),
          data: fields.ignored(),
          ...Object.fromEntries(model.editions.map((locale) => [locale, form(wordsOf(c.kind), locale, { '': labels[locale] ?? locale })])),
        },
      }),
    ]),
  );

  const storyShape = shapeOf(storyConfig, model.editions[0]!);
  const story = singleton({
    label: 'Story: headline, key figures, share card',
    path: 'content/story',
    format: 'yaml',
    schema: { ...storyShape, slug: fields.ignored(), editions: fields.ignored() },
  });

  // A record's group names one of the file's groups: the field lists them.
  const groupsOf = (keys: string[] | undefined): Labels =>
    keys?.length ? { group: { label: 'Group', description: `One of this file’s groups: ${keys.join(', ')}.` } } : {};
  const dataSchema = (d: (typeof model.data)[number]) =>
    d.role === 'source' ? sourceFile : d.role === 'derived' ? derivedFile : dataset(recordSchemas[d.records ?? 'item']);

  const data = Object.fromEntries(
    model.data
      .filter((d) => d.role !== 'dataset' || d.records)
      .map((d) => [
        `data-${d.name}`,
        singleton({
          label: `Data: ${d.file}`,
          path: `data/${d.name}`,
          format: { data: 'json' },
          schema: shapeOf(dataSchema(d), model.editions[0]!, groupsOf(d.groups)),
        }),
      ]),
  );

  return config({
    storage: { kind: 'local' },
    ui: {
      // A story that does not build on disk says so; a save shows the build's message.
      brand: { name: model.problem ? 'Story editor ⚠ the story on disk does not build' : 'Story editor' },
      navigation: {
        Story: ['story', ...Object.keys(sections), ...Object.keys(pages)],
        Charts: Object.keys(charts),
        Data: Object.keys(data),
      },
    },
    collections: { ...sections, ...pages },
    singletons: { story, ...charts, ...data },
  });
}
