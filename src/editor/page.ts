import { makePage } from '@keystatic/astro/ui';
import config from 'virtual:keystatic-config';

export const Keystatic = makePage(config);
