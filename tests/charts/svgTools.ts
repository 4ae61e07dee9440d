import { parseHTML } from 'linkedom';

export const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/**
 * Normalises an SVG for a file snapshot, as Plot's own tests do: ids become their order of
 * appearance, numbers are rounded to 3 decimals, and each element starts a line.
 */
export function cleanSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `id-${ids.size}`);
  let out = svg.replace(/\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
  for (const [id, alias] of ids) out = out.replaceAll(`"${id}"`, `"${alias}"`).replaceAll(`#${id})`, `#${alias})`);
  return `${out.replace(/></g, '>\n<')}\n`;
}

export { ASCENT, DESCENT, overlappingLabels, textExtents, type TextBox } from '../../src/charts/bounds.ts';
