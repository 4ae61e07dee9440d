import type { APIRoute, GetStaticPaths } from 'astro';
import { chartImagePng, chartImageSvg } from '../../lib/chartImage.ts';
import type { Locale } from '../../lib/format.ts';
import { story } from '../../lib/site.ts';

/** Each chart as an image per edition, drawn at build: "images/output.zh.png" and "images/output.zh.svg". */
export const getStaticPaths = (() =>
  story.chartIds.flatMap((id) =>
    story.editions.flatMap((locale) =>
      (['png', 'svg'] as const).map((format) => ({ params: { file: `${id}.${locale}.${format}` }, props: { id, locale, format } })),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { id, locale, format } = props as { id: string; locale: Locale; format: 'png' | 'svg' };
  return format === 'png'
    ? new Response(new Uint8Array(chartImagePng(story, id, locale)), { headers: { 'content-type': 'image/png' } })
    : new Response(chartImageSvg(story, id, locale), { headers: { 'content-type': 'image/svg+xml' } });
};
