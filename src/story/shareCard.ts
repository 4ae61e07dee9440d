import { textWidth, wrap } from '../charts/text.ts';
import type { Locale } from '../lib/format.ts';
import { FONT, narrowQuotes, png } from '../lib/png.ts';
import { colour } from '../styles/palette.ts';
import { keyFigureLabel, keyFigureValue } from './keyFigures.ts';
import type { Story } from './story.ts';

export const CARD = { width: 1200, height: 630 };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The share card of an edition as SVG: title, three key figures, and where they come from. */
export function shareCardSvg(story: Story, locale: Locale): string {
  const words = story.words(locale);
  const figures = story.config.shareCard.map((k, i) => ({
    value: keyFigureValue(story, k, locale).join(' → '),
    label: keyFigureLabel(story, k, locale, `shareCard[${i}]`),
  }));
  const title = wrap(words.title, 56, 1040, 700);
  const text = (x: number, y: number, size: number, content: string, weight = 400, fill = colour('--ink')) =>
    narrowQuotes(`<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(content)}</text>`, locale);
  const column = 1040 / figures.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="${colour('--bg')}"/><rect width="100%" height="12" fill="${colour('--accent')}"/>`,
    text(80, 96, 26, words.kicker, 700, colour('--accent')),
    ...title.map((line, i) => text(80, 178 + i * 70, 56, line, 700)),
    ...figures.flatMap((f, i) => [
      `<rect x="${80 + i * column}" y="372" width="${column - 24}" height="4" fill="${colour('--accent')}"/>`,
      // Each figure gets the size (up to 40) at which it fits its column, measured bold.
      text(80 + i * column, 432, Math.min(40, Math.floor((column - 24) / textWidth(f.value, 1, 700))), f.value, 700),
      ...wrap(f.label, 22, column - 30).map((line, j) => text(80 + i * column, 472 + j * 30, 22, line, 400, colour('--ink-2'))),
    ]),
    text(80, 604, 20, words.name, 400, colour('--ink-2')),
    '</svg>',
  ].join('');
}

/** The share card as a 1200×630 PNG, in the font the build ships (so the same on any machine, with or without CJK fonts installed). */
export const shareCardPng = (story: Story, locale: Locale): Promise<Buffer> => png(shareCardSvg(story, locale));
