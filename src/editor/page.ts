import { makePage } from '@keystatic/astro/ui';
import config from 'virtual:keystatic-config';

export const Keystatic = makePage(config);

// When a save changes the story's files, Astro reloads every open page so previews show the
// change. The screen that made the save keeps its state instead: it holds a reload back for
// good (Vite awaits these listeners before reloading). Reloading the screen by hand shows new
// figures and charts in its pickers.
if (import.meta.hot) import.meta.hot.on('vite:beforeFullReload', () => new Promise<void>(() => {}));
