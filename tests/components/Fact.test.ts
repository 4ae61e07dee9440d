import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Fact from '../../src/components/Fact.astro';

describe('<Fact>', () => {
  it('renders a reported figure with its unit and its report line', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Fact, { props: { id: 'output.total.2019' } });
    expect(html).toContain('>208.8亿元<');
    expect(html).toContain('data-fact="output.total.2019"');
    expect(html).toContain('原报道 L12');
  });
});
