import type { Selection } from 'd3';
import { px } from './svg.ts';

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;

/** Estimated width of a label: one em per CJK character, 0.62 em for others (as the chart tests measure). */
export const textWidth = (s: string, size: number) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 1 : 0.62), 0) * size;

/** Width of the widest run `wrap` cannot break: a word of spaced text (Chinese breaks between any two characters). */
export const widestWord = (s: string, size: number) =>
  Math.max(0, ...(s.match(/[^\s\u3000-\u9fff\uff00-\uffef]+/g) ?? []).map((w) => textWidth(w, size)));

/** Greedy lines no wider than `max`, breaking between CJK characters (closing punctuation stays on its line) or at spaces. */
function greedy(text: string, size: number, max: number): string[] {
  const lines = [''];
  for (const token of text.match(/[\u3000-\u9fff\uff00-\uffef][，。、；：！？）》」』”]*|\s+|[^\s\u3000-\u9fff\uff00-\uffef]+/g) ?? []) {
    const line = lines.at(-1)!;
    if (line.trim() && textWidth((line + token).trimEnd(), size) > max) lines.push(token.trimStart());
    else lines[lines.length - 1] = line + token;
  }
  return lines.map((l) => l.trim()).filter(Boolean);
}

/**
 * A label broken into lines no wider than `max`: after Chinese punctuation where the phrases
 * fit, else as few lines as fit and as even as they can be (先进装备 / 制造业 rather than
 * 先进装备制造 / 业). Works for Chinese and for spaced text.
 */
export function wrap(text: string, size: number, max: number): string[] {
  // Chinese reads best broken after its punctuation, where every phrase fits a line.
  const phrases = text.split(/(?<=[，、：；。）])|(?=（)/);
  if (phrases.length > 1 && textWidth(text, size) > max && phrases.every((p) => textWidth(p, size) <= max)) {
    const lines = [''];
    for (const p of phrases) {
      if (lines.at(-1) && textWidth(lines.at(-1)! + p, size) > max) lines.push(p);
      else lines[lines.length - 1] += p;
    }
    return lines;
  }
  const lines = greedy(text, size, max);
  if (lines.length < 2) return lines;
  // The narrowest width that still needs no more lines gives the most even lines.
  let lo = 0;
  let hi = max;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (greedy(text, size, mid).length === lines.length) hi = mid;
    else lo = mid;
  }
  return greedy(text, size, hi);
}

/** A text label at one of the theme's sizes. */
export const label = <E extends SVGElement>(
  parent: Selection<E, unknown, null, undefined>,
  cls: string,
  x: number,
  y: number,
  size: number,
  s: string,
) => parent.append('text').attr('class', cls).attr('x', px(x)).attr('y', px(y)).attr('font-size', size).text(s);
