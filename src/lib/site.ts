import { getCollection } from 'astro:content';
import type { ChartEntry } from '../kinds/index.ts';
import { storyPath } from './loaders.ts';
import { buildStory, type StoryConfig } from './story.ts';
import { assembleData, type ParsedFile } from './validate.ts';

const values = async <T>(collection: 'data' | 'charts' | 'story') =>
  (await getCollection(collection)).map((e) => ({ id: e.id, value: (e.data as { value: T }).value }));

const dataFiles = await values<ParsedFile>('data');
const config = (await values<StoryConfig>('story'))[0]?.value;
if (!config) throw new Error(`${storyPath('content/story.yaml')}: is missing; the story needs its editions, key figures and words`);

/** The story, built once from the content layer: every figure, chart and word the pages show. */
export const story = buildStory({
  data: assembleData(
    dataFiles.map((f) => ({ name: `${f.id}.json`, parsed: f.value })),
    storyPath('data'),
  ),
  charts: Object.fromEntries((await values<ChartEntry>('charts')).map((c) => [c.id, c.value])),
  config,
});

/** Route parameters of the story's editions: the first at the root, the others under their code. */
export const editionPaths = () => story.editions.map((e, i) => ({ params: { edition: i === 0 ? undefined : e } }));
