/**
 * When the editing screen last saved, shared between its API route (which runs in Astro's
 * server runtime) and its Vite plugin (which runs beside it in the same process).
 */
const KEY = Symbol.for('story-editor.lastSave');
type Store = { [KEY]?: number };

/** Records that the screen has just written the story's files. */
export function markSaved() {
  (globalThis as Store)[KEY] = Date.now();
}

/** Whether the screen wrote the story's files within the last `ms` milliseconds. */
export function savedWithin(ms: number): boolean {
  const at = (globalThis as Store)[KEY];
  return at !== undefined && Date.now() - at < ms;
}

/** The event the dev server sends, in place of a reload, when a save from the screen changed the story's files. */
export const SAVED_EVENT = 'story-editor:saved';
