// @ts-check
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { hostHeaders } from './src/deploy/integration.ts';
import { storyEditor } from './src/editor/integration.ts';
import { contentRules } from './src/story/mdx.ts';
import { storyCheck } from './src/story/integration.ts';
import { paletteCss } from './src/styles/palette.ts';

export default defineConfig({
  // The deployed origin, for canonical URLs: `SITE_URL=https://news.example.cn npm run build`.
  // Left unset, pages carry no canonical link rather than a wrong one.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  // The story check stops a build with a problem before anything is built; the editing screen at
  // /keystatic exists in `npm run dev` only, and the build never sees it; the build ends by writing
  // `_headers` for the hosts that read it.
  integrations: [storyCheck(), mdx(), storyEditor(), hostHeaders()],
  // One small stylesheet, inlined, so the first view needs a single request.
  build: { inlineStylesheets: 'always', format: 'directory' },
  // Caches live in the project, not in node_modules, so that copies of the project that
  // share one node_modules (the broken-input build tests) never share a cache; a second story
  // (STORY_ROOT, the engine's test fixture) keeps its own.
  cacheDir: `${process.env.STORY_ROOT ?? '.'}/.cache/astro`,
  vite: {
    // The site's colours, defined once in src/styles/palette.ts, as the stylesheet the layout imports first.
    plugins: [
      {
        name: 'palette',
        resolveId: (id) => (id === 'virtual:palette.css' ? '\0virtual:palette.css' : undefined),
        load: (id) => (id === '\0virtual:palette.css' ? paletteCss() : undefined),
      },
    ],
    cacheDir: `${process.env.STORY_ROOT ?? '.'}/.cache/vite`,
    build: {
      rolldownOptions: {
        // Astro's MDX pages carry its own "use astro:head-inject" marker, which Rolldown reports as a
        // directive it may not keep, once per section (withastro/astro#18087, open). Astro reads the
        // marker before bundling, so the report says nothing about this site: that one is dropped,
        // every other warning is printed.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    syntaxHighlight: false,
    // Sätteri, Astro's own MDX pipeline, with the rules of content as an mdast plugin: a file too
    // large or too deeply nested never reaches the parser, and one that holds more than Markdown
    // and the story's tags (an import, an export, an expression, HTML) fails its compile, with the
    // file, line and column, before any of it could run.
    processor: satteri({ mdastPlugins: [contentRules({ root: fileURLToPath(new URL('.', import.meta.url)) })] }),
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
