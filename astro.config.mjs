// @ts-check
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { storyEditor } from './src/editor/integration.ts';
import { mdxReferences } from './src/lib/mdxReferences.ts';

export default defineConfig({
  // The deployed origin, for canonical URLs: `SITE_URL=https://news.example.cn npm run build`.
  // Left unset, pages carry no canonical link rather than a wrong one.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  // The editing screen at /keystatic exists in `npm run dev` only; the build never sees it.
  integrations: [mdx(), storyEditor()],
  // One small stylesheet, inlined, so the first view needs a single request.
  build: { inlineStylesheets: 'always', format: 'directory' },
  // Caches live in the project, not in node_modules, so that copies of the project that
  // share one node_modules (the broken-input build tests) never share a cache; a second story
  // (STORY_ROOT, the engine's test fixture) keeps its own.
  cacheDir: `${process.env.STORY_ROOT ?? '.'}/.cache/astro`,
  vite: { cacheDir: `${process.env.STORY_ROOT ?? '.'}/.cache/vite` },
  markdown: {
    syntaxHighlight: false,
    // Sätteri, Astro's own MDX pipeline, with one mdast plugin: it collects every <Fact>, <Chart>,
    // <Scrolly> and <Step> with its line and column (the pages check them against the data) and
    // fails the compile on a malformed tag.
    processor: satteri({ mdastPlugins: [mdxReferences({ root: fileURLToPath(new URL('.', import.meta.url)) })] }),
  },
  // Chinese at the root, English under /en/; pages read Astro.currentLocale to pick their dictionary.
  i18n: { locales: ['zh-CN', 'en'], defaultLocale: 'zh-CN', routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  // A Content Security Policy in every page: hashes for the scripts and styles Astro emits,
  // nothing inline beyond them, nothing from another origin.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
});
