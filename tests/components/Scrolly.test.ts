import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';

// Outside a build the content layer is not loaded: components get the engine's test story, read from disk and checked.
vi.mock('../../src/story/site.ts', async () => {
  const { fixture } = await import('../helpers.ts');
  const { storyFromDisk } = await import('../../src/story/load.ts');
  return { story: storyFromDisk(fixture) };
});
import Scrolly from '../../src/components/Scrolly.astro';
import Step from '../../src/components/Step.astro';

/** A <Step> as MDX renders it: its text, then the marker naming its state. */
const step = async (state: string) =>
  (await AstroContainer.create()).renderToString(Step, { props: { state }, slots: { default: `text for ${state}` } });
const render = async (chart: string, states: string[]) =>
  (await AstroContainer.create()).renderToString(Scrolly, {
    props: { chart },
    slots: { default: (await Promise.all(states.map(step))).join('\n') },
  });

describe('<Scrolly>', () => {
  it('draws, after each step, the chart state the step names', async () => {
    const { fixture } = await import('../helpers.ts');
    const { storyFromDisk } = await import('../../src/story/load.ts');
    const story = storyFromDisk(fixture);
    // A chart of the story told in steps: its states, in order, as the story check holds the steps to them.
    const id = story.chartIds.find((c) => story.figure(c, 'zh').states?.length)!;
    const keys = story.figure(id, 'zh').states!.map((s) => s.key);
    expect(keys.length).toBeGreaterThan(1);
    const doc = parseHTML(await render(id, keys)).document;
    const steps = [...doc.querySelectorAll('.scrolly-step')];
    expect(steps.map((s) => s.querySelector('.scrolly-step__text')?.textContent?.trim())).toEqual(keys.map((k) => `text for ${k}`));
    // Each state's SVG carries its key in its ids (`<chart>-<key>`), inside the step that names it.
    for (const [i, key] of keys.entries()) {
      const chart = steps[i]!.querySelector('.scrolly-step__chart');
      expect(chart, key).not.toBeNull();
      expect(chart!.innerHTML).toContain(`${id}-${key}`);
      for (const other of keys.filter((k) => k !== key)) expect(chart!.innerHTML).not.toContain(`${id}-${other}"`);
    }
    expect(doc.querySelector('story-step-chart')).toBeNull();
  });
});
