import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';

// Outside a build the content layer is not loaded: components get the engine's test story, read from disk and checked.
vi.mock('../../src/story/site.ts', async () => {
  const { fixture } = await import('../helpers.ts');
  const { storyFromDisk } = await import('../../src/story/load.ts');
  return { story: storyFromDisk(fixture) };
});
import Fact from '../../src/components/Fact.astro';

const render = async (id: string) => (await AstroContainer.create()).renderToString(Fact, { props: { id } });

describe('<Fact>', () => {
  it('renders a reported figure with its unit and its report line', async () => {
    const html = await render('wetland.waterQuality');
    expect(html).toContain('>96.5%<');
    expect(html).toContain('data-fact="wetland.waterQuality"');
    expect(html).toContain('原报道 L3');
    expect(html).not.toContain('fact--derived');
  });

  it('marks a derived figure and gives its formula', async () => {
    const html = await render('derived.wetland.years');
    expect(html).toContain('>6年<');
    expect(html).toContain('fact--derived');
    expect(html).toContain('推算：开放年份 − 规划年份');
  });

  it('renders a date as a Chinese date', async () => {
    expect(await render('event.planned')).toContain('>2015年3月<');
  });

  it('fails on an unknown id, suggesting ids with the same prefix', async () => {
    await expect(render('wetland.rank.2019')).rejects.toThrow(/Unknown fact id "wetland.rank.2019".*wetland\.waterQuality/);
  });
});
