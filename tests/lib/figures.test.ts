import { describe, expect, it } from 'vitest';
import { realStory } from '../helpers.ts';

const story = realStory();

// The labels of every chart, inside it and clear of each other, and its English, are the story check's rules (tests/story/check.test.ts).
describe.each(story.editions)('every chart of the %s edition', (locale) => {
  const all = story.chartIds.map((id) => story.figure(id, locale));

  it('builds every chart entry of content/charts/, each with points for its marks', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((f) => f.id)).toEqual(story.chartIds);
    for (const f of all) expect(f.points.length, f.id).toBeGreaterThan(0);
  });
});
