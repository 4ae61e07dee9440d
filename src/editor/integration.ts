import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storyRoot } from '../lib/loaders.ts';
import { editorModel } from './model.ts';
import { SAVE_RELOAD, savedWithin } from './saved.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const MODEL = 'virtual:story-editor-model';

/** The modules of the screen that run in the browser. */
const browserModules = ['page.ts', 'keystatic.tsx', 'fields.tsx', 'labels.ts', 'saved.ts'];

/** The packages the screen's browser modules import, for Vite to bundle before the screen first opens. */
function editorImports(): string[] {
  const found = browserModules
    .flatMap((f) => [...readFileSync(here(`./${f}`), 'utf8').matchAll(/^import (?!type )[^;]*? from '([^'.][^']*)';$/gm)].map((m) => m[1]!))
    .filter((m) => !m.startsWith('virtual:'));
  return [...new Set(found)].sort();
}
const WEB_FONT = /"https:\/\/fonts\.googleapis\.com\/[^"]*"/g;

/**
 * Keystatic's screen links a web font from Google; no request may leave the site's origin, so
 * the link points at an empty stylesheet and the screen uses the system's fonts.
 */
function noWebFont(code: string, id: string) {
  if (!id.includes('@keystatic') || !code.includes('https://fonts.googleapis.com/')) return null;
  return code.replace(WEB_FONT, '"data:text/css,"');
}

/**
 * The editing screen (Keystatic, local mode) at /keystatic while `npm run dev` runs. It exists
 * only in development: for any other command this integration adds nothing, so no route,
 * script or byte of the editor reaches the static build.
 */
export function storyEditor(): AstroIntegration {
  return {
    name: 'story-editor',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, injectRoute }) => {
        // Vitest loads this config through getViteConfig as a dev server would; the tests build the site instead.
        if (command !== 'dev' || process.env['VITEST']) return;
        const { default: react } = await import('@astrojs/react');
        updateConfig({
          integrations: [react()],
          vite: {
            plugins: [
              {
                name: 'story-editor',
                resolveId(id) {
                  if (id === 'virtual:keystatic-config') return here('./config.tsx');
                  if (id === MODEL) return `\0${MODEL}`;
                  return null;
                },
                load(id) {
                  if (id === `\0${MODEL}`) return `export const model = ${JSON.stringify(editorModel(storyRoot))};`;
                  return null;
                },
                transform: noWebFont,
                configureServer(server) {
                  // Astro reloads every open page when the story's files change. A reload that a
                  // save from the screen set off is marked, so that screen can keep its state.
                  for (const channel of [server.environments.client.hot, server.ws]) {
                    const send = channel.send.bind(channel) as (...args: unknown[]) => void;
                    channel.send = ((...args: unknown[]) => {
                      const [payload] = args;
                      const reload = args.length === 1 && (payload as { type?: unknown } | undefined)?.type === 'full-reload';
                      return reload && savedWithin(5000) ? send({ ...(payload as object), [SAVE_RELOAD]: true }) : send(...args);
                    }) as typeof channel.send;
                  }
                  // The screen's lists (facts, charts, states) follow the files as they change.
                  const refresh = (path: string) => {
                    if (!/\/(data|content)\//.test(path)) return;
                    const mod = server.moduleGraph.getModuleById(`\0${MODEL}`);
                    if (mod) server.moduleGraph.invalidateModule(mod);
                  };
                  server.watcher.on('change', refresh);
                  server.watcher.on('add', refresh);
                  server.watcher.on('unlink', refresh);
                },
              },
            ],
            optimizeDeps: {
              // Everything the screen loads is bundled before it first opens; a dependency found
              // later would make Vite reload the screen while an editor works in it.
              entries: browserModules.map((f) => here(`./${f}`)),
              include: [
                'react',
                'react-dom/client',
                'react/jsx-runtime',
                'react/jsx-dev-runtime',
                '@keystatic/core/ui',
                ...editorImports(),
              ],
              // Keystatic is pre-bundled, so the same rewrite runs in the pre-bundler too.
              rolldownOptions: { plugins: [{ name: 'story-editor-no-web-font', transform: noWebFont }] },
            },
          },
        });
        injectRoute({ pattern: '/keystatic/[...params]', entrypoint: here('./EditorPage.astro'), prerender: false });
        injectRoute({ pattern: '/api/keystatic/[...params]', entrypoint: here('./api.ts'), prerender: false });
      },
    },
  };
}
