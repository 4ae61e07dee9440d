import { data } from './data.ts';
import { buildFacts, lookupFact } from './facts.ts';
import { formatFact, type Locale } from './format.ts';

/** Every figure of the site, built once from the validated data. */
export const facts = buildFacts(data);
export { data };

/** A figure as prose shows it ("208.8亿元", "CNY 20.88 billion"); an unknown id fails the build. */
export const show = (id: string, locale: Locale = 'zh') => formatFact(lookupFact(facts, id), locale);
