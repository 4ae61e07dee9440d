import { isFigure } from '../lib/facts.ts';
import type { Locale } from '../lib/format.ts';
import type { Story, StoryConfig } from './story.ts';

/** A key figure's label in an edition: a template, so it may name a figure's year ({sales.2024:year}). */
export const keyFigureLabel = (story: Story, k: StoryConfig['keyFigures'][number], locale: Locale, where: string) =>
  story.say(`content/story.yaml: ${where}.${locale}`, k[locale]!, locale);

/** The values of a key figure as the page shows them: one, or two read as "a → b"; `signed` gives a rise its plus sign. */
export function keyFigureValue(story: Story, k: StoryConfig['keyFigures'][number], locale: Locale): string[] {
  return k.facts.map((id) => {
    const text = story.show(id, locale);
    const f = story.entry(id);
    // A rise reads "+15.6%" (or "+约28.2亿元"); a fall already carries its minus sign.
    return k.signed && isFigure(f) && f.value > 0 ? `+${text}` : text;
  });
}
