import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetRecords, downloadable, figureRows, type Downloadable } from '../../lib/downloads.ts';
import { data, facts } from '../../lib/site.ts';

const source = () => {
  const r = data['source.json'].report;
  return { title: `${r.title}：${r.subtitle}`, authors: r.authors, context: r.context };
};

const dataset = (name: Downloadable) => {
  const file = data[`${name}.json`];
  return { dataset: name, title: file.title, description: file.description, records: datasetRecords(data, name) };
};

/** Each dataset as JSON, and the whole data set (every dataset and every derived figure) as one file. */
export const getStaticPaths = (() => [...downloadable.map((name) => ({ params: { name } })), { params: { name: 'anfu-data' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params['name']!;
  const body =
    name === 'anfu-data'
      ? {
          source: source(),
          datasets: Object.fromEntries(downloadable.map((n) => [n, dataset(n)])),
          derived: figureRows(facts).filter((f) => f.type === 'derived'),
        }
      : { source: source(), ...dataset(name as Downloadable) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
