import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { colour, marks, toldApart, type Scheme } from '../../src/styles/palette.ts';

/** ΔE2000 at or above which two colours read as different kinds of mark, not shades of one. */
const APART = 10;
/** WCAG 1.4.11: a graphical object against what is next to it. */
const CONTRAST = 3;

/** Colour vision as it is, and full dichromacy of each kind, simulated (Machado et al., 2009, as culori implements it). */
const visions: Record<string, (c: Color) => Color> = {
  typical: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const schemes: Scheme[] = ['light', 'dark'];
const difference = differenceCiede2000();
const seen = (name: string, scheme: Scheme, vision: string) => visions[vision]!(parse(colour(name, scheme))!);

describe('the palette, for every reader’s colour vision', () => {
  it(`keeps every pair of colours that meet apart by ΔE2000 ≥ ${APART}, in light and dark, with typical vision and each dichromacy`, () => {
    const pairs = toldApart.flatMap((group) => group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b] as const)));
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    const rows = schemes.flatMap((scheme) =>
      Object.keys(visions).flatMap((vision) =>
        pairs.map(([a, b]) => ({ scheme, vision, a, b, delta: difference(seen(a, scheme, vision), seen(b, scheme, vision)) })),
      ),
    );
    const worst = rows.reduce((w, r) => (r.delta < w.delta ? r : w));
    console.log(
      `palette: ${rows.length} pairs checked; the closest is ${worst.a} and ${worst.b}, ${worst.scheme}, ${worst.vision}: ΔE2000 ${worst.delta.toFixed(1)}`,
    );
    expect(rows.filter((r) => r.delta < APART).map((r) => `${r.a} / ${r.b} (${r.scheme}, ${r.vision}): ${r.delta.toFixed(1)}`)).toEqual([]);
  });

  it(`stands every mark that carries a value ${CONTRAST}:1 against the page, in light and dark, with each dichromacy`, () => {
    const rows = schemes.flatMap((scheme) =>
      Object.keys(visions).flatMap((vision) =>
        marks.map((m) => ({ scheme, vision, m, ratio: wcagContrast(seen(m, scheme, vision), seen('--bg', scheme, vision)) })),
      ),
    );
    expect(rows).toHaveLength(marks.length * 8);
    const worst = rows.reduce((w, r) => (r.ratio < w.ratio ? r : w));
    console.log(`palette: the faintest mark is ${worst.m}, ${worst.scheme}, ${worst.vision}: ${worst.ratio.toFixed(2)}:1 against the page`);
    expect(rows.filter((r) => r.ratio < CONTRAST).map((r) => `${r.m} (${r.scheme}, ${r.vision}): ${r.ratio.toFixed(2)}:1`)).toEqual([]);
  });
});
