import { validateData } from './validate.ts';

// Read as raw text so that malformed JSON gets an error naming the file and line,
// instead of a bundler stack trace.
const files = import.meta.glob('/data/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Every data file, validated at build time. */
export const data = validateData(Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, ''), text])));
