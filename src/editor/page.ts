import { makePage } from '@keystatic/astro/ui';
import config from 'virtual:keystatic-config';
import { installBases } from './bases.ts';

// In the browser, before the screen asks for anything: every save says which versions it was made from.
if (typeof window !== 'undefined') installBases();

export const Keystatic = makePage(config);
