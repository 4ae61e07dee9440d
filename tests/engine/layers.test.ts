import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The engine's layers, lowest first. A module imports from its own layer and the layers below
 * it, never from one above: the palette knows nothing else, the drawings nothing of figures, the helpers nothing of chart
 * kinds, the kinds nothing of the story, and nothing below the pages knows a page. The browser's
 * code (client/) and the chart kinds (kinds/) share the layer above the helpers and import
 * nothing of each other: the build and the browser meet only in lib/ (lib/payload.ts).
 */
export const layers: { name: string; path: string }[][] = [
  [{ name: 'styles', path: '^src/styles/' }],
  [{ name: 'charts', path: '^src/charts/' }],
  [{ name: 'lib', path: '^src/lib/' }],
  [
    { name: 'kinds', path: '^src/kinds/' },
    { name: 'client', path: '^src/client/' },
  ],
  [{ name: 'story', path: '^src/story/' }],
  [
    { name: 'pages', path: '^src/(pages|components|layouts)/|^src/content\\.config\\.ts$' },
    { name: 'editor', path: '^src/editor/' },
  ],
  [{ name: 'newsroom', path: '^src/newsroom/' }],
];

/** Every import that runs up a layer, or between the two sides of a shared one. */
export function layerRules(root = ''): IForbiddenRuleType[] {
  const at = (p: string) => p.replace(/\^/g, `^${root}`);
  const rules: IForbiddenRuleType[] = [];
  layers.forEach((layer, i) => {
    const above = layers.slice(i + 1).flat();
    for (const from of layer) {
      if (above.length)
        rules.push({
          name: `${from.name}-imports-upward`,
          severity: 'error',
          from: { path: at(from.path) },
          to: { path: above.map((l) => at(l.path)) },
        });
      for (const peer of layer.filter((l) => l !== from))
        rules.push({
          name: `${from.name}-imports-${peer.name}`,
          severity: 'error',
          from: { path: at(from.path) },
          to: { path: at(peer.path) },
        });
    }
  });
  return rules;
}

async function upwardImports(dir: string, root = ''): Promise<{ violations: string[]; modules: number }> {
  const { output } = await cruise([dir], {
    validate: true,
    ruleSet: { forbidden: layerRules(root) },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return { violations: output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`), modules: output.modules.length };
}

describe('the engine’s layers', () => {
  it('import only downward: styles, charts, lib, kinds and client, story, then the pages and the editor, and the newsroom service on top', async () => {
    const { violations, modules } = await upwardImports('src');
    expect(modules).toBeGreaterThan(60);
    expect(violations).toEqual([]);
  });

  it('catch an import that runs up a layer, and one between kinds and client, made on purpose', async () => {
    const { violations } = await upwardImports('tests/fixtures/layers/src', 'tests/fixtures/layers/');
    expect(violations.sort()).toEqual([
      'charts-imports-upward: tests/fixtures/layers/src/charts/draw.ts → tests/fixtures/layers/src/lib/format.ts',
      'kinds-imports-client: tests/fixtures/layers/src/kinds/kind.ts → tests/fixtures/layers/src/client/payload.ts',
    ]);
  });
});
