// Measures, in Chromium, how wide each non-CJK character is in the fonts a chart's text meets,
// and writes the table `src/charts/widths.ts` that the charts lay their labels out by.
//
//   npm run widths
//
// Charts are drawn at build on a server DOM, which has no layout, so label widths come from
// this table. Each width is the widest of the fonts measured: the page's own font stack
// (`--font-sans` in src/styles/global.css, as this machine's Chromium resolves it; with
// Debian's fonts that is DejaVu Sans, wider than the system fonts of macOS and Windows) and
// the font the chart images are drawn in (Noto Sans SC, from its npm package). Run it again
// after changing either; `tests/e2e/labels.test.ts` fails when a real label outgrows the table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { chromiumPath, launchArgs } from './browser.ts';
import { FONT, imageFonts } from '../src/lib/png.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src/charts/widths.ts');

/** Every character a label may hold outside the CJK ranges (which take one em): ASCII, Latin-1, and the punctuation and signs of figures. */
const ranges: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2264, 0x2265],
];
const chars = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));

const css = readFileSync(join(root, 'src/styles/global.css'), 'utf8');
const stack = /--font-sans:\s*([^;]+);/.exec(css)?.[1]?.replace(/\s+/g, ' ').trim();
if (!stack) throw new Error('src/styles/global.css: no --font-sans found; the widths are measured in the page font stack');

const executablePath = chromiumPath();
if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium fonts-noto-cjk');
const browser = await chromium.launch({ executablePath, args: launchArgs });
try {
  const page = await browser.newPage();
  const fonts = imageFonts.map((f) => ({ weight: f.weight, data: readFileSync(f.file).toString('base64') }));
  const widths = await page.evaluate(
    async ({ chars, stack, image, fonts }) => {
      for (const f of fonts) {
        const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
        const face = new FontFace(image, bytes, { weight: String(f.weight) });
        document.fonts.add(await face.load());
      }
      const ctx = document.createElement('canvas').getContext('2d')!;
      const SIZE = 100;
      const measure = (weight: number, family: string, ch: string) => {
        ctx.font = `${weight} ${SIZE}px ${family}`;
        return ctx.measureText(ch).width / SIZE;
      };
      return Object.fromEntries(
        [400, 700].map((weight) => [weight, chars.map((ch) => Math.max(measure(weight, stack, ch), measure(weight, `'${image}'`, ch)))]),
      );
    },
    { chars, stack, image: FONT, fonts },
  );
  // Rounded up to 1/100 em, so the table is never narrower than what was measured.
  const up = (w: number) => Math.ceil(w * 100 - 1e-9) / 100;
  const table = (weight: number) => chars.map((ch, i) => `  ${JSON.stringify(ch)}: ${up(widths[weight]![i]!)},`).join('\n');
  const source = `// Written by scripts/widths.ts (npm run widths) from Chromium's measure of ${JSON.stringify(stack.split(',')[0])} (the page's
// font stack) and ${FONT} (the images' font): each character's width in em, the wider of the two.
// Do not edit by hand; run the script again.

/** Widths in em of regular (400) text. */
export const regular: Readonly<Record<string, number>> = {
${table(400)}
};

/** Widths in em of bold (700) text. */
export const bold: Readonly<Record<string, number>> = {
${table(700)}
};
`;
  writeFileSync(out, await format(source, { ...(await resolveConfig(out)), filepath: out }));
  console.log(`${out}: ${chars.length} characters, regular and bold`);
} finally {
  await browser.close();
}
