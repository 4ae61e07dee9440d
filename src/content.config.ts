import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Front matter of one story section; a missing or wrong field fails the build with the file name. */
export const sectionSchema = z.strictObject({
  order: z.number().int().min(0),
  anchor: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lowercase anchor such as "crackdown"' }),
  kicker: z.string().min(1),
  title: z.string().min(1).max(60),
  summary: z.string().min(1),
  /** facts.md ids (F1–F54) this section retells; tests check that all are covered. */
  covers: z.array(z.string().regex(/^F\d+$/, { error: 'expected a facts.md id such as "F12"' })).min(1),
});

/** Front matter of a page other than the story (the data page's method notes). */
export const pageSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
});

export const collections = {
  zh: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/zh' }),
    schema: sectionSchema,
  }),
  en: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/en' }),
    schema: sectionSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './content/pages' }),
    schema: pageSchema,
  }),
};
