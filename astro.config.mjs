// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The deployed origin; pages use it for canonical URLs. A sub-path goes in `base` (`astro build --base /stories/anfu/`).
  site: process.env.SITE_URL ?? 'https://example.org',
  integrations: [mdx()],
  // One small stylesheet, inlined, so the first view needs a single request.
  build: { inlineStylesheets: 'always', format: 'directory' },
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
