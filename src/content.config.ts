import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { editionCodes, type Locale } from './lib/format.ts';
import { storyFiles, storyRoot } from './story/loaders.ts';
import type { PageFront, SectionFront } from './lib/schema.ts';
import { contentGlobs } from './story/files.ts';

/**
 * The story's files in Astro's content layer, so that the dev server rebuilds the story when
 * one changes. The layer holds them as they are: the one story check (src/story/check.ts), run
 * on them before any page renders, says what is wrong in an editor's words. So the front
 * matter is taken as it is here (`z.custom`), typed by the schema the check holds it to.
 */
const asChecked = <T>() => z.custom<T>(() => true);

const sections = (locale: Locale) =>
  defineCollection({
    loader: glob({ ...contentGlobs.sections(locale), base: `${storyRoot}/${contentGlobs.sections(locale).base}` }),
    schema: asChecked<SectionFront>(),
  });

export const collections = {
  ...(Object.fromEntries(editionCodes.map((c) => [c, sections(c)])) as Record<Locale, ReturnType<typeof sections>>),
  pages: defineCollection({
    loader: glob({ ...contentGlobs.pages, base: `${storyRoot}/${contentGlobs.pages.base}` }),
    schema: asChecked<PageFront>(),
  }),
  /** Every file of data/: the datasets, the report (source.json), the derived figures. */
  data: defineCollection({ loader: storyFiles({ dir: 'data', role: 'data' }) }),
  /** One entry per chart: content/charts/<id>.yaml. */
  charts: defineCollection({ loader: storyFiles({ dir: 'content/charts', role: 'chart' }) }),
  /** content/story.yaml: editions, key figures, share card, the story's words. */
  story: defineCollection({ loader: storyFiles({ dir: 'content', role: 'story' }) }),
};
