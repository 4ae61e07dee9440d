import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import workerpool from 'workerpool';

/**
 * SVG to PNG for the build's images (chart images, share cards), with the site's one font.
 *
 * - **Bounded:** at most one image per core is drawn at a time, each in a small child process,
 *   however many images a story has, so a build's memory stays flat as charts are added.
 * - **Small fonts:** the renders get the font cut to the characters of the images (subset-font):
 *   resvg then parses a small font instead of 21 MB per render, and draws the same pixels.
 * - **Cached:** a PNG is kept under the story's `.cache/images/`, named by the hash of everything
 *   that decides its pixels (the SVG, the scale, the libraries' versions, the drawing code), so an unchanged
 *   image is never drawn again and a changed one can never be served from an old entry.
 */

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
/** Noto Sans SC draws quotation marks full-width, as Chinese sets them; English quotes come from its Latin sibling. */
const QUOTES_PACKAGE = '@expo-google-fonts/noto-sans';
/** The font family the images name: the one font the build ships. */
export const FONT = 'Noto Sans SC';
/** The family of the narrow quotation marks and apostrophes of English text in the images. */
export const QUOTES_FONT = 'Noto Sans';
const face = (pkg: string, file: string, weight: 400 | 700) => ({ file: requireFromProject.resolve(`${pkg}/${file}`), weight });
/** The image font's files, regular and bold, from its npm package: the same on any machine. */
export const imageFonts = [
  face(FONT_PACKAGE, '400Regular/NotoSansSC_400Regular.ttf', 400),
  face(FONT_PACKAGE, '700Bold/NotoSansSC_700Bold.ttf', 700),
];
/** The Latin font's, drawing the quotation marks only. */
const quoteFonts = [
  face(QUOTES_PACKAGE, '400Regular/NotoSans_400Regular.ttf', 400),
  face(QUOTES_PACKAGE, '700Bold/NotoSans_700Bold.ttf', 700),
];
/** The marks an image takes from the Latin font. */
const QUOTE_MARKS = '‘’“”';
/** Every font file the images are drawn with. */
export const fontFiles = [...imageFonts, ...quoteFonts].map((f) => f.file);

/**
 * An image's SVG with the quotation marks of its drawn text narrow, as
 * the pages show them: the curly marks of English text, and apostrophes in either language
 * ("Ji’an"); Chinese text keeps its full-width “” as Chinese typesetting has them.
 */
export function narrowQuotes(svgText: string, locale: 'zh' | 'en'): string {
  const marks = new RegExp(`[${locale === 'zh' ? QUOTE_MARKS.slice(0, 2) : QUOTE_MARKS}]+`, 'g');
  const narrow = (text: string) => text.replace(marks, (m) => `<tspan font-family="${QUOTES_FONT}">${m}</tspan>`);
  // Only what is drawn: the text of <text> elements, never a <title>, <desc> or attribute.
  return svgText.replace(
    /(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g,
    (_, open: string, inner: string, close: string) =>
      `${open}${inner.replace(/(^|>)([^<]+)/g, (_m, lead: string, text: string) => lead + narrow(text))}${close}`,
  );
}
const versionOf = (name: string) => (requireFromProject(`${name}/package.json`) as { version: string }).version;
const worker = () => join(process.cwd(), 'src/lib/pngWorker.ts');
/** What decides an image's pixels besides its SVG and scale: the libraries' versions, and the drawing code itself (this module, which hands the worker its fonts, and the worker). */
const renderer = (() => {
  let known: string | undefined;
  return () =>
    (known ??= [
      `resvg ${versionOf('@resvg/resvg-js')}, ${FONT_PACKAGE} ${versionOf(FONT_PACKAGE)}, ${QUOTES_PACKAGE} ${versionOf(QUOTES_PACKAGE)}, subset-font ${versionOf('subset-font')}`,
      createHash('sha256')
        .update(readFileSync(worker()))
        .update(readFileSync(join(process.cwd(), 'src/lib/png.ts')))
        .digest('hex'),
    ].join('\n'));
})();

/** The image cache: beside Astro's own cache in the story's folder (never in dist/), or `IMAGE_CACHE_DIR`. */
const cacheDir = () => process.env['IMAGE_CACHE_DIR'] || join(process.env['STORY_ROOT'] ?? process.cwd(), '.cache', 'images');
/** Entries unused for this long, and temporaries older than an hour (of a build that stopped), are removed when a process first opens the cache. */
const KEEP_DAYS = 14;
const TEMPORARY_HOURS = 1;

/**
 * The pool that draws: a child process per core, each drawing one image at a time. Child
 * processes rather than threads, because resvg's pixels are outside V8's heap and a child can
 * collect them after each image (see pngWorker.ts); started with the first image, ended when idle.
 */
let pool: ReturnType<typeof workerpool.pool> | undefined;
let drawing = 0;
async function inPool(args: unknown[]): Promise<void> {
  pool ??= workerpool.pool(worker(), {
    maxWorkers: Math.max(1, availableParallelism()),
    workerType: 'process',
    forkOpts: { execArgv: ['--expose-gc'] },
  });
  drawing++;
  try {
    await pool.exec('draw', args);
  } finally {
    drawing--;
    if (!drawing) {
      const idle = pool;
      setTimeout(() => {
        if (!drawing && pool === idle) {
          pool = undefined;
          void idle.terminate();
        }
      }, 200).unref();
    }
  }
}
let opened: string | undefined;

function openCache(): string {
  const dir = cacheDir();
  if (opened === dir) return dir;
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const age = now - statSync(path).mtimeMs;
    if (age > (name.startsWith('.') ? TEMPORARY_HOURS * 3_600_000 : KEEP_DAYS * 86_400_000)) rmSync(path, { force: true, recursive: true });
  }
  opened = dir;
  return dir;
}

/** Every character the SVG could draw: its text and markup, with character references decoded. */
function charactersOf(svg: string): string[] {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  const decoded = svg.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, ref: string) => {
    if (ref[0] !== '#') return named[ref] ?? m;
    const hex = ref[1] === 'x' || ref[1] === 'X';
    return String.fromCodePoint(Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
  return [...new Set(svg + decoded)];
}

/**
 * The font, cut to the characters of every image queued so far: one cut serves a whole build
 * (its images are all queued before the first is drawn), and a later image with a character the
 * cut lacks gets a new cut. Requests for a cut wait in one chain, so no two cuts are made at
 * once. The cuts are files in a temporary folder, removed when the process ends, because resvg
 * reads fonts given as files far faster than fonts given as buffers.
 */
const queued = new Set<string>();
type Cut = { has: Set<string>; files: string[] };
let cut: Promise<Cut | undefined> = Promise.resolve(undefined);
let cuts: string | undefined;
let fonts: Buffer[] | undefined;

async function newCut(has: Set<string>): Promise<Cut> {
  const text = [...has].sort().join('');
  fonts ??= imageFonts.map((f) => readFileSync(f.file));
  if (!cuts) {
    cuts = mkdtempSync(join(tmpdir(), 'chart-fonts-'));
    const folder = cuts;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  // The image font is cut to the images' characters. The Latin one is handed over whole (600 KB
  // a face): resvg does not find a cut of it by its name, and draws the marks in the image font.
  const subsets = await Promise.all(
    fonts.map((font) => subsetFont(font, text, { targetFormat: 'truetype', preserveNameIds: [1, 2, 4, 6, 16, 17] })),
  );
  const name = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const files = subsets.map((font, i) => {
    const path = join(cuts!, `${name}.${i}.ttf`);
    writeFileSync(path, font);
    return path;
  });
  return { has, files: [...files, ...quoteFonts.map((f) => f.file)] };
}

function cutFor(characters: readonly string[]): Promise<Cut> {
  const next = cut.then((have) => (have && characters.every((c) => have.has.has(c)) ? have : newCut(new Set([...queued, ...characters]))));
  cut = next.catch(() => undefined);
  return next;
}

/** Images being drawn now, by key: the same SVG asked for twice is drawn once. */
const inFlight = new Map<string, Promise<Buffer>>();

async function drawn(svg: string, scale: number, dir: string, key: string, path: string): Promise<Buffer> {
  const characters = charactersOf(svg);
  for (const c of characters) queued.add(c);
  const { files } = await cutFor(characters);
  // Written whole, then renamed: a build that stops mid-write leaves no entry that could be read.
  await inPool([svg, scale, files, FONT, path, join(dir, `.${key}.${process.pid}.png`)]);
  return readFileSync(path);
}

/** The PNG of an SVG drawn at `scale`, from the cache or drawn now, one image per core at a time. */
export function png(svg: string, scale = 1): Promise<Buffer> {
  const dir = openCache();
  const key = createHash('sha256').update(`${renderer()}\n${scale}\n${svg}`).digest('hex');
  const path = join(dir, `${key}.png`);
  const drawing = inFlight.get(key);
  if (drawing) return drawing;
  try {
    const cached = readFileSync(path);
    const now = new Date();
    utimesSync(path, now, now);
    return Promise.resolve(cached);
  } catch {
    const image = drawn(svg, scale, dir, key, path).finally(() => inFlight.delete(key));
    inFlight.set(key, image);
    return image;
  }
}
