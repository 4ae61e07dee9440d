// Full-page screenshots of the built site at phone and desktop widths, light and dark,
// with and without JavaScript, for a person to look at. Needs Debian's Chromium.
// Usage: node scripts/screenshots.ts [url] [outDir]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath, launchArgs } from './browser.ts';

const url = process.argv[2] ?? 'http://localhost:4321/';
const out = process.argv[3] ?? 'test-output/screenshots';
mkdirSync(out, { recursive: true });
const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium fonts-noto-cjk');
const browser = await chromium.launch({ executablePath, args: launchArgs });
for (const [name, width, height] of [
  ['phone', 390, 844],
  ['desktop', 1280, 800],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const js of [true, false]) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const file = `${out}/${name}-${scheme}${js ? '' : '-nojs'}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
