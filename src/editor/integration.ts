import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { searchForWorkspaceRoot } from 'vite';
import { storyRoot } from '../story/loaders.ts';
import { editorModel } from './model.ts';
import { SAVED_EVENT, savedWithin } from './saved.ts';
import { tokenGuard } from './token.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const MODEL = 'virtual:story-editor-model';
const testOutput = fileURLToPath(new URL('../../test-output', import.meta.url));
/** The engine's own folder, where the screen's browser modules and the packages they import live. */
const engine = fileURLToPath(new URL('../..', import.meta.url));

/** The modules of the screen that run in the browser. */
const browserModules = ['page.ts', 'preview.ts', 'bases.ts', 'keystatic.tsx', 'fields.tsx', 'labels.ts', 'saved.ts'];

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
      'astro:config:setup': async ({ command, config, updateConfig, injectRoute, injectScript }) => {
        // Vitest loads this config through getViteConfig as a dev server would; the tests build the site instead.
        if (command !== 'dev' || process.env['VITEST']) return;
        const { default: react } = await import('@astrojs/react');
        updateConfig({
          integrations: [react()],
          vite: {
            server: {
              // No page of another origin may read the dev server's answers: Vite's default lets any
              // port of localhost read them (CORS), which would open the screen's file API to them.
              cors: false,
              // The browser may load files of the project (Vite's default) and of the engine, which a
              // project can reach through a link to it (the tests' dev servers, each in a folder of links).
              fs: { allow: [searchForWorkspaceRoot(fileURLToPath(config.root)), engine] },
              // Neither the caches nor the tests' output (npm test beside npm run dev) are anything
              // the screen or a preview needs to reload for.
              watch: { ignored: [`${storyRoot}/.cache/**`, ...(storyRoot.startsWith(testOutput) ? [] : [`${testOutput}/**`])] },
            },
            plugins: [
              {
                name: 'story-editor',
                resolveId(id) {
                  if (id === 'virtual:keystatic-config') return here('./config.tsx');
                  if (id === MODEL) return `\0${MODEL}`;
                  return null;
                },
                load(id) {
                  if (id !== `\0${MODEL}`) return null;
                  const model = editorModel(storyRoot);
                  if (model.problem) this.warn(`the editing screen opens on a story that does not build:\n${model.problem}`);
                  return `export const model = ${JSON.stringify(model)};`;
                },
                transform: noWebFont,
                configureServer(server) {
                  // Behind the newsroom service, nothing is answered that did not pass its login (src/newsroom/).
                  server.middlewares.use(tokenGuard(process.env['NEWSROOM_TOKEN']));
                  // Astro reloads every open page when the story's files change. A reload a save
                  // from the screen set off goes out as an event instead: the story's pages reload
                  // on it (the script below), the screen that saved keeps its state.
                  // A saved file is first seen by Vite's watcher (a reload of the module), and half a
                  // second or more later by the content layer, which reads it again and asks for a
                  // reload of every page (`path: '*'`, measured here 0.5 s after the first). The
                  // pages get one event, 400 ms after the content layer's reload, so that they never
                  // reload before the content has; if it never comes, 3 s after the watcher's.
                  let settle: ReturnType<typeof setTimeout> | undefined;
                  const announce = (content: boolean) => {
                    clearTimeout(settle);
                    const send = () => server.environments.client.hot.send({ type: 'custom', event: SAVED_EVENT, data: {} });
                    settle = setTimeout(send, content ? 400 : 3000);
                  };
                  for (const channel of [server.environments.client.hot, server.ws]) {
                    const send = channel.send.bind(channel) as (...args: unknown[]) => void;
                    channel.send = ((...args: unknown[]) => {
                      const message = args.length === 1 ? (args[0] as { type?: unknown; path?: unknown } | undefined) : undefined;
                      if (message?.type === 'full-reload' && savedWithin(10_000)) return announce(message.path === '*');
                      return send(...args);
                    }) as typeof channel.send;
                  }
                  // The screen's lists (facts, charts, states) are read again when it is next opened.
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
        // Every page but the screen reloads after a save (development only: this integration adds nothing to a build).
        // Each section and chart of a preview page links to its entry in the screen.
        injectScript('page', `import ${JSON.stringify(here('./editLinks.ts'))};`);
        injectScript(
          'page',
          `if (import.meta.hot && !document.body.hasAttribute('data-story-editor')) import.meta.hot.on(${JSON.stringify(SAVED_EVENT)}, () => location.reload());`,
        );
        injectRoute({ pattern: '/keystatic/[...params]', entrypoint: here('./EditorPage.astro'), prerender: false });
        injectRoute({ pattern: '/api/keystatic/[...params]', entrypoint: here('./api.ts'), prerender: false });
      },
    },
  };
}
