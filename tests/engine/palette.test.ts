import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { seriesColours } from '../../src/charts/theme.ts';
import { paletteCss, schemeColours, series } from '../../src/styles/palette.ts';
import { root } from '../helpers.ts';

const dir = join(root, 'src/styles');
const sheets = readdirSync(dir)
  .filter((f) => f.endsWith('.css'))
  .map((f) => ({ file: f, css: postcss.parse(readFileSync(join(dir, f), 'utf8')) }));
const declarations = sheets.flatMap(({ file, css }) => {
  const out: { file: string; prop: string; value: string }[] = [];
  css.walkDecls((d) => void out.push({ file, prop: d.prop, value: d.value }));
  return out;
});

describe('the palette, the one place colours are defined', () => {
  it('defines every custom property the stylesheets read, with the few sizes and fonts global.css sets', () => {
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    const read = new Set(declarations.flatMap((d) => [...d.value.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!)));
    const defined = new Set([...schemeColours().keys(), ...declarations.filter((d) => d.prop.startsWith('--')).map((d) => d.prop)]);
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('is the only place a stylesheet gets a colour: no stylesheet writes one of its own', () => {
    const own = declarations.filter((d) => /#[0-9a-f]{3,8}\b/i.test(d.value)).map((d) => `${d.file}: ${d.prop}: ${d.value}`);
    expect(own).toEqual([]);
    // And none sets a palette property: the schemes are the palette's.
    const palette = new Set(schemeColours().keys());
    expect(declarations.filter((d) => palette.has(d.prop)).map((d) => `${d.file}: ${d.prop}`)).toEqual([]);
  });

  it('gives the stylesheets every colour in the light, dark and print schemes, and in forced colours', () => {
    const light = schemeColours('light');
    const dark = schemeColours('dark');
    const css = postcss.parse(paletteCss());
    const blocks = {
      light: new Map<string, string>(),
      dark: new Map<string, string>(),
      print: new Map<string, string>(),
      forced: new Map<string, string>(),
    };
    css.walkDecls((d) => {
      const media = d.parent?.parent?.type === 'atrule' ? (d.parent.parent as postcss.AtRule).params : '';
      const scheme = media.includes('dark') ? 'dark' : media === 'print' ? 'print' : media.includes('forced-colors') ? 'forced' : 'light';
      blocks[scheme].set(d.prop, d.value);
    });
    // In forced colours every colour is one of the system's (CSS Color 4), so the reader's own scheme paints the charts too.
    const system = new Set(['Canvas', 'CanvasText', 'GrayText', 'Highlight', 'HighlightText', 'LinkText']);
    // (A colour written as var() of a page colour follows that one.)
    const forced = (name: string): string | undefined => {
      const page = /^var\((--[\w-]+)\)$/.exec(blocks.light.get(name) ?? '')?.[1];
      return blocks.forced.get(name) ?? (page && forced(page));
    };
    for (const name of light.keys()) expect(system, `${name} in forced colours`).toContain(forced(name));
    expect(blocks.forced.size).toBeGreaterThan(10);
    for (const name of light.keys()) expect(blocks.light.get(name), name).not.toMatch(/^[A-Z]/);
    // A colour that stands for a page colour follows it through var(); every other changes in the dark.
    for (const [name, value] of blocks.dark) expect(value, name).toBe(dark.get(name));
    expect(blocks.dark.size).toBeGreaterThan(10);
    expect(blocks.print.get('--bg')).toBe('#fff');
  });

  it('has as many series colours as the charts allow groups, each apart from the others in both schemes', () => {
    expect(seriesColours).toBe(series.length);
    for (const scheme of ['light', 'dark'] as const) expect(new Set(series.map((c) => c[scheme])).size).toBe(series.length);
  });
});
