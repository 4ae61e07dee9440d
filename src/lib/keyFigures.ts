import { isFigure } from './facts.ts';
import { formatSigned, type Locale } from './format.ts';
import type { Story, StoryConfig } from './story.ts';

/** The values of a key figure as the page shows them: one, or two read as "a → b"; a change with its sign. */
/** A key figure's label in an edition: a template, so it may name a figure's year ({sales.2024:year}). */
export const keyFigureLabel = (story: Story, k: StoryConfig['keyFigures'][number], locale: Locale, where: string) =>
  story.say(`content/story.yaml: ${where}.${locale}`, k[locale]!, locale);

export function keyFigureValue(story: Story, k: StoryConfig['keyFigures'][number], locale: Locale): string[] {
  return k.facts.map((id) => {
    const f = story.entry(id);
    if (k.signed && isFigure(f)) return `${formatSigned(f.value, f.digits, locale)}${f.unit === '%' ? '%' : ''}`;
    return story.show(id, locale);
  });
}
