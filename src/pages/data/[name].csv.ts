import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetColumns, datasetRecords, downloadable, figureColumns, figureRows, toCsv, type Downloadable } from '../../lib/downloads.ts';
import { data, facts } from '../../lib/site.ts';

/** Each dataset as CSV, and every figure (reported and derived) in one file, built from data/. */
export const getStaticPaths = (() => [...downloadable.map((name) => ({ params: { name } })), { params: { name: 'anfu-figures' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params['name']!;
  const body =
    name === 'anfu-figures'
      ? toCsv(figureColumns, figureRows(facts))
      : (() => {
          const records = datasetRecords(data, name as Downloadable);
          return toCsv(datasetColumns(records), records);
        })();
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
