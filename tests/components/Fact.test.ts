import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';

// Outside a build the content layer is not loaded: components get the story read from disk, with the same checks.
vi.mock('../../src/lib/site.ts', async () => {
  const { realStory } = await import('../helpers.ts');
  return { story: realStory() };
});
import Fact from '../../src/components/Fact.astro';

const render = async (id: string) => (await AstroContainer.create()).renderToString(Fact, { props: { id } });

describe('<Fact>', () => {
  it('renders a reported figure with its unit and its report line', async () => {
    const html = await render('output.total.2019');
    expect(html).toContain('>208.8亿元<');
    expect(html).toContain('data-fact="output.total.2019"');
    expect(html).toContain('原报道 L12');
    expect(html).not.toContain('fact--derived');
  });

  it('marks a derived figure and gives its formula', async () => {
    const html = await render('derived.output.2018');
    expect(html).toContain('>约180.6亿元<');
    expect(html).toContain('fact--derived');
    expect(html).toContain('推算：2019年总产值 ÷ (1 + 同比增速)');
  });

  it('renders a date as a Chinese date', async () => {
    expect(await render('milestone.founded')).toContain('>2002年4月<');
  });

  it('fails on an unknown id, suggesting ids with the same prefix', async () => {
    await expect(render('ranking.2017')).rejects.toThrow(/Unknown fact id "ranking.2017".*ranking\.2018, ranking\.2019/);
  });
});
