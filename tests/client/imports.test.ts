import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * Every import cycle among the modules under `dirs` (type-only imports included), each as
 * "a.ts → b.ts → a.ts". dependency-cruiser reads TypeScript, explicit `.ts` extensions
 * included; it does not parse `.astro` files, so imports made by components are not seen.
 */
async function importCycles(...dirs: string[]): Promise<{ cycles: string[]; modules: string[] }> {
  const { output } = await cruise(dirs, {
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return {
    cycles: output.summary.violations.map((v) => [v.from, ...(v.cycle ?? []).map((step) => step.name)].join(' → ')),
    modules: output.modules.map((m) => m.source),
  };
}

describe('import graph', () => {
  it('has no import cycle in src/', async () => {
    const { cycles, modules } = await importCycles('src');
    // The check saw the client code, not an empty graph.
    expect(modules).toEqual(expect.arrayContaining(['src/client/enhance.ts', 'src/client/scrolly.ts', 'src/client/register.ts']));
    expect(cycles).toEqual([]);
  });

  it('catches a cycle made on purpose', async () => {
    const { cycles } = await importCycles('tests/fixtures/import-cycle');
    expect(cycles).toContain('tests/fixtures/import-cycle/a.ts → tests/fixtures/import-cycle/b.ts → tests/fixtures/import-cycle/a.ts');
  });
});
