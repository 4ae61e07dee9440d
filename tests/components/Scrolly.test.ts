import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';

// Outside a build the content layer is not loaded: components get the story read from disk, with the same checks.
vi.mock('../../src/lib/site.ts', async () => {
  const { realStory } = await import('../helpers.ts');
  return { story: realStory() };
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
    const doc = parseHTML(await render('output', ['implied', 'total', 'hightech'])).document;
    const steps = [...doc.querySelectorAll('.scrolly-step')];
    expect(steps.map((s) => s.querySelector('.scrolly-step__text')?.textContent?.trim())).toEqual([
      'text for implied',
      'text for total',
      'text for hightech',
    ]);
    // Each state's SVG carries its key in its ids (`output-<key>`), inside the step that names it.
    const keys = ['implied', 'total', 'hightech'];
    for (const [i, key] of keys.entries()) {
      const chart = steps[i]!.querySelector('.scrolly-step__chart');
      expect(chart, key).not.toBeNull();
      expect(chart!.innerHTML).toContain(`output-${key}`);
      for (const other of keys.filter((k) => k !== key)) expect(chart!.innerHTML).not.toContain(`output-${other}`);
    }
    expect(doc.querySelector('story-step-chart')).toBeNull();
  });

  it('fails on steps that do not name the states in order', async () => {
    await expect(render('ranking', ['2019', '2018'])).rejects.toThrow(
      '<Scrolly chart="ranking"> has steps for the states 2019, 2018; expected steps for the states 2018, 2019 in this order',
    );
  });
});
