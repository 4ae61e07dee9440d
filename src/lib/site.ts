import { data } from './data.ts';
import { buildFacts, lookupFact } from './facts.ts';
import { formatFact } from './format.ts';

/** Every figure of the site, built once from the validated data. */
export const facts = buildFacts(data);
export { data };

/** A figure as prose shows it ("208.8亿元"); an unknown id fails the build. */
export const show = (id: string, where = '') => formatFact(lookupFact(facts, id, where));
