import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetRecords, figureRows, wholeDownloads } from '../../lib/downloads.ts';
import { story } from '../../story/site.ts';

const { data, facts } = story;
const whole = wholeDownloads(story.config.slug);

const source = () => {
  const r = data.source.report;
  return { title: `${r.title}：${r.subtitle}`, authors: r.authors, context: r.context };
};

const dataset = (name: string) => {
  const file = data.datasets[name]!;
  return {
    dataset: name,
    title: file.title,
    description: file.description,
    groups: file.groups,
    records: datasetRecords(file, data.source),
  };
};

/** Each dataset as JSON, and the whole data set (every dataset and every derived figure) as one file. */
export const getStaticPaths = (() => [...story.datasetNames, whole.data].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params['name']!;
  const body =
    name === whole.data
      ? {
          source: source(),
          datasets: Object.fromEntries(story.datasetNames.map((n) => [n, dataset(n)])),
          derived: figureRows(facts, data.source).filter((f) => f.type === 'derived'),
        }
      : { source: source(), ...dataset(name) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
