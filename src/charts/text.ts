import type { Selection } from 'd3';
import { px } from './svg.ts';
import { bold, regular } from './widths.ts';

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;

/** A font weight as SVG writes it: 400 regular, 700 bold (anything from 600 up counts as bold). */
export type Weight = number;

/**
 * Width of a label in user units: one em per CJK character, and for every other character its
 * width in `widths.ts`, measured in Chromium in the page's fonts and the images' font (the wider
 * of the two), regular or bold. A character the table lacks counts as one em.
 * `tests/e2e/labels.test.ts` holds every label of every chart to it in a real browser.
 */
export const textWidth = (s: string, size: number, weight: Weight = 400) => {
  const table = weight >= 600 ? bold : regular;
  return [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 1 : (table[ch] ?? 1)), 0) * size;
};

/**
 * Width of a label with WCAG 1.4.12's text spacing, which a reader's style sheet may set: 0.12 em
 * more per character and 0.16 em more per space. A label placed against the drawing's edge is
 * given this room, so wider spacing does not push it off the screen.
 */
export const spacedWidth = (s: string, size: number, weight?: Weight) =>
  textWidth(s, size, weight) + ([...s].length * 0.12 + (s.match(/ /g)?.length ?? 0) * 0.16) * size;

/**
 * What `wrap` breaks between: a currency's code with its amount ("CNY 2.82"), a CJK character
 * with the closing punctuation after it, a run of spaces, or a word of spaced text.
 */
const TOKENS =
  /\b[A-Z]{3} \d[^\s\u3000-\u9fff\uff00-\uffef]*|[\u3000-\u9fff\uff00-\uffef][，。、；：！？）》」』”]*|\s+|[^\s\u3000-\u9fff\uff00-\uffef]+/g;

/** Width of the widest run `wrap` cannot break: a word of spaced text, or a currency with its amount (Chinese breaks between any two characters). */
export const widestWord = (s: string, size: number, weight?: Weight) =>
  Math.max(
    0,
    ...(s.match(TOKENS) ?? []).filter((w) => !/^\s|^[\u3000-\u9fff\uff00-\uffef]/.test(w)).map((w) => textWidth(w, size, weight)),
  );

/**
 * Greedy lines no wider than `max`, breaking between CJK characters (closing punctuation stays on
 * its line) or at spaces, but never between a currency's code and its amount ("CNY 2.82").
 */
function greedy(text: string, size: number, max: number, weight?: Weight): string[] {
  const lines = [''];
  for (const token of text.match(TOKENS) ?? []) {
    const line = lines.at(-1)!;
    if (line.trim() && textWidth((line + token).trimEnd(), size, weight) > max) lines.push(token.trimStart());
    else lines[lines.length - 1] = line + token;
  }
  return lines.map((l) => l.trim()).filter(Boolean);
}

/**
 * A label broken into lines no wider than `max`: after Chinese punctuation where the phrases
 * fit, else as few lines as fit and as even as they can be (先进装备 / 制造业 rather than
 * 先进装备制造 / 业). Works for Chinese and for spaced text.
 */
export function wrap(text: string, size: number, max: number, weight?: Weight): string[] {
  // Chinese reads best broken after its punctuation, where every phrase fits a line.
  const phrases = text.split(/(?<=[，、：；。）])|(?=（)/);
  if (phrases.length > 1 && textWidth(text, size, weight) > max && phrases.every((p) => textWidth(p, size, weight) <= max)) {
    const lines = [''];
    for (const p of phrases) {
      if (lines.at(-1) && textWidth(lines.at(-1)! + p, size, weight) > max) lines.push(p);
      else lines[lines.length - 1] += p;
    }
    return lines;
  }
  const lines = greedy(text, size, max, weight);
  if (lines.length < 2) return lines;
  // The narrowest width that still needs no more lines gives the most even lines.
  let lo = 0;
  let hi = max;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (greedy(text, size, mid, weight).length === lines.length) hi = mid;
    else lo = mid;
  }
  return greedy(text, size, hi, weight);
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

/** Lines as `wrap` breaks them, each no wider than `max` even with WCAG 1.4.12's text spacing (`spacedWidth`). */
export function wrapSpaced(text: string, size: number, max: number, weight?: Weight): string[] {
  let lines = wrap(text, size, max, weight);
  // A line too wide with the spacing is broken, by wrapping again a little narrower than it, until
  // every line fits or is one run that cannot break (a word, a character, a currency with its amount).
  for (let i = 0; i < 32; i++) {
    const over = lines.filter((l) => spacedWidth(l, size, weight) > max && (l.match(TOKENS) ?? []).filter((t) => t.trim()).length > 1);
    if (over.length === 0) break;
    lines = wrap(text, size, Math.min(...over.map((l) => textWidth(l, size, weight))) - 0.5, weight);
  }
  return lines;
}
