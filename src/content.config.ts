import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storyFiles, storyRoot } from './lib/loaders.ts';
import { parseChartEntry, parseStoryConfig } from './lib/story.ts';
import { pageSchema, sectionSchema } from './lib/schema.ts';
import { parseYaml, validateFile } from './lib/validate.ts';

export { pageSchema, sectionSchema };

const sections = (locale: string) =>
  defineCollection({ loader: glob({ pattern: '*.mdx', base: `${storyRoot}/content/${locale}` }), schema: sectionSchema });

export const collections = {
  zh: sections('zh'),
  en: sections('en'),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${storyRoot}/content/pages` }),
    schema: pageSchema,
  }),
  /** Every file of data/, validated: the datasets, the report (source.json), the derived figures. */
  data: defineCollection({
    loader: storyFiles({
      dir: 'data',
      match: /\.json$/,
      parse: (file, text, name) => validateFile(name, text, file.slice(0, -name.length - 1)),
    }),
  }),
  /** One entry per chart: content/charts/<id>.yaml, its kind, data and words. */
  charts: defineCollection({
    loader: storyFiles({ dir: 'content/charts', match: /\.ya?ml$/, parse: (file, text) => parseChartEntry(file, parseYaml(file, text)) }),
  }),
  /** content/story.yaml: editions, key figures, share card, the story's words. */
  story: defineCollection({
    loader: storyFiles({ dir: 'content', match: /^story\.ya?ml$/, parse: (file, text) => parseStoryConfig(file, parseYaml(file, text)) }),
  }),
};
