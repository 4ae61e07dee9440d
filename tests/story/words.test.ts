import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/story/check.ts';
import { withChanges } from '../../src/story/files.ts';
import { formatProblem } from '../../src/story/problem.ts';
import { fixture, storyFiles } from '../helpers.ts';

const base = storyFiles(fixture);
/** Phrases of zod's own messages, which are worded for developers. */
const ZOD =
  /Invalid input|Invalid option|Too (big|small)|Unrecognized key|received|Required|expected (string|number|object|array|boolean)\b|nonoptional|ZodError/;

/** Every path to a value in a parsed file. */
const pathsIn = (v: unknown, path: (string | number)[] = []): (string | number)[][] =>
  v && typeof v === 'object'
    ? [path, ...Object.entries(v).flatMap(([k, x]) => pathsIn(x, [...path, Array.isArray(v) ? Number(k) : k]))]
    : [path];
const setAt = (v: unknown, path: (string | number)[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const copy = structuredClone(v) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
};
/** A value of any shape an editor or a broken tool might leave in a field. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constant(''),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);

describe('messages an editor reads', () => {
  const files = [...base.keys()].filter((p) => /\.(json|ya?ml)$/.test(p));
  it('word every problem of a field set to any value in plain words, naming the file and field, never zod’s phrasing', () => {
    let problems = 0;
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), anyValue, (file, pick, value) => {
        const text = base.get(file)!;
        const json = file.endsWith('.json');
        const parsed = json ? (JSON.parse(text) as unknown) : (parse(text) as unknown);
        const paths = pathsIn(parsed).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const changed = setAt(parsed, path, value);
        const written = json ? JSON.stringify(changed, null, 2) : stringify(changed);
        for (const p of checkStory(withChanges(base, new Map([[file, written]]))).problems) {
          problems++;
          const message = formatProblem(p);
          expect(message, message).not.toMatch(ZOD);
          expect(p.file.length, message).toBeGreaterThan(0);
          // What is wrong and what to do come first; the place comes last.
          expect(message.endsWith(')'), message).toBe(true);
          expect(message.indexOf(p.fix), message).toBeLessThan(message.lastIndexOf(`(${p.file}`));
        }
      }),
      { numRuns: 150, seed: 17 },
    );
    // The property saw problems to word: a run of changes that broke nothing would prove nothing.
    expect(problems).toBeGreaterThan(50);
  });
});
