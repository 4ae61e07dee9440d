import { makePage } from '@keystatic/astro/ui';
import config from 'virtual:keystatic-config';
import { SAVE_RELOAD } from './saved.ts';

export const Keystatic = makePage(config);

// When a save changes the story's files, Astro reloads every open page so that previews show
// the change. The screen that saved holds back the reload its save set off and keeps its state
// (Vite awaits these listeners before it reloads). Any other reload goes ahead.
if (import.meta.hot)
  import.meta.hot.on('vite:beforeFullReload', (payload) =>
    (payload as unknown as Record<string, unknown>)[SAVE_RELOAD] ? new Promise<void>(() => {}) : undefined,
  );
