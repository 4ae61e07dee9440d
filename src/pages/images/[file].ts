import type { APIRoute, GetStaticPaths } from 'astro';
import { chartImagePng, chartImageSvg } from '../../story/chartImage.ts';
import type { Locale } from '../../lib/format.ts';
import { story } from '../../story/site.ts';

/** Each chart as an image per edition, drawn at build: "images/output.zh.png" and "images/output.zh.svg". */
export const getStaticPaths = (() =>
  story.chartIds.flatMap((id) =>
    story.editions.flatMap((locale) =>
      (['png', 'svg'] as const).map((format) => ({ params: { file: `${id}.${locale}.${format}` }, props: { id, locale, format } })),
    ),
  )) satisfies GetStaticPaths;

// Astro builds one file at a time; the PNGs are all queued at the first, in the order Astro asks for them, and drawn
// one per core meanwhile (src/lib/png.ts). Each is let go once written.
let pngs: Map<string, Promise<Buffer>> | undefined;
const png = (id: string, locale: Locale) => {
  pngs ??= new Map(story.chartIds.flatMap((c) => story.editions.map((l) => [`${c}.${l}`, chartImagePng(story, c, l)] as const)));
  const image = pngs.get(`${id}.${locale}`) ?? chartImagePng(story, id, locale);
  pngs.delete(`${id}.${locale}`);
  return image;
};

export const GET: APIRoute = async ({ props }) => {
  const { id, locale, format } = props as { id: string; locale: Locale; format: 'png' | 'svg' };
  return format === 'png'
    ? new Response(new Uint8Array(await png(id, locale)), { headers: { 'content-type': 'image/png' } })
    : new Response(chartImageSvg(story, id, locale), { headers: { 'content-type': 'image/svg+xml' } });
};
