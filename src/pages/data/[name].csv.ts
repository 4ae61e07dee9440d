import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetColumns, datasetRecords, figureColumns, figureRows, toCsv, wholeDownloads } from '../../lib/downloads.ts';
import { story } from '../../story/site.ts';

const { data, facts } = story;
const whole = wholeDownloads(story.config.slug);

/** Each dataset as CSV, and every figure (reported and derived) in one file, built from data/. */
export const getStaticPaths = (() => [...story.datasetNames, whole.figures].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params['name']!;
  if (name === whole.figures) return csv(toCsv(figureColumns, figureRows(facts, data.source)));
  const records = datasetRecords(data.datasets[name]!, data.source);
  return csv(toCsv(datasetColumns(records), records));
};

const csv = (body: string) => new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
