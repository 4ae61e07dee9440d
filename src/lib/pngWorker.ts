import { renameSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import workerpool from 'workerpool';

/**
 * A child process of the build's image pool (src/lib/png.ts): draws one PNG at a time and writes
 * it whole to `path` (a temporary first, then renamed), so nothing but a file name crosses back.
 */
function draw(svg: string, scale: number, fontFiles: string[], defaultFontFamily: string, path: string, temporary: string): void {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily },
  }).render();
  writeFileSync(temporary, image.asPng());
  renameSync(temporary, path);
  // resvg's pixels live outside V8's heap, which does not count them and so would not collect them
  // soon: collected after every image (the pool starts this process with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
}

workerpool.worker({ draw });
