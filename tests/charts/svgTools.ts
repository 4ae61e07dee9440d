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

/** Sum of the translate() offsets of an element and its ancestors. */
function offset(el: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const t = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (t) {
      x += Number(t[1]);
      y += Number(t[2]);
    }
  }
  return [x, y];
}

/** Horizontal extent of each text, estimated from its characters (CJK 1 em, others 0.62 em). */
export function textExtents(svg: SVGSVGElement): { text: string; left: number; right: number; size: number }[] {
  return [...svg.querySelectorAll('text')].map((t) => {
    const sizeAttr = (el: Element | null): number => (el ? Number(el.getAttribute('font-size')) || sizeAttr(el.parentElement) : 10);
    const size = sizeAttr(t);
    const text = t.textContent ?? '';
    const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.62), 0) * size;
    const [ox] = offset(t);
    const x = ox + Number(t.getAttribute('x') ?? 0);
    const anchorOf = (el: Element | null): string => (el ? (el.getAttribute('text-anchor') ?? anchorOf(el.parentElement)) : 'start');
    const anchor = anchorOf(t);
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    return { text, left, right: left + width, size };
  });
}
