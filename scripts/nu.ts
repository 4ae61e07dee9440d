// The W3C Nu HTML checker (vnu.jar from the vnu-jar package, run on Debian's Java) over
// every page of a built site. It parses as browsers do, so it sees what html-validate does
// not, such as a <script> after </html>.
// CLI: node scripts/nu.ts [dir]; prints one line per error and exits 1 if there is any.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checker's jar; the package's main export is its path. */
export const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * Messages the checker gives that are false, each matched by its exact text. Nothing
 * broader: any other message, on any element or property, still fails the gate.
 */
export const knownFalse = new Set([
  // Its CSS parser predates container queries (CSS Containment 3), which show each chart's
  // variant for the width of its column.
  "CSS: “container-type”: Property “container-type” doesn't exist.",
  'CSS: Unrecognized at-rule “@container”',
  // It knows SVG 1.1's font-variant (normal | small-caps) only; SVG 2 takes the CSS values,
  // and the rate bars set tabular-nums on their axis.
  'Bad value “tabular-nums” for attribute “font-variant” on element “g”.',
]);

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/** Whether Java is on this machine (Debian: apt-get install -y default-jre-headless). */
export function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/** Every .html file under `dir`, as paths relative to it. */
export function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Checks `pages` (relative to `dir`) in one run; returns each error not known to be false as "page:line:column message". */
export function checkNu(dir: string, pages = htmlPages(dir)): string[] {
  if (!pages.length) throw new Error(`no HTML pages in ${dir}`);
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...pages.map((p) => join(dir, p))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  // The report goes to stderr; the exit status is 1 when there are errors.
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(run.stderr) as { messages: NuMessage[] };
  } catch {
    throw new Error(`the Nu checker gave no report (status ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return report.messages
    .filter((m) => m.type !== 'info' && !knownFalse.has(m.message))
    .map((m) => {
      const page = m.url ? relative(dir, fileURLToPath(m.url)) : '?';
      const fatal = m.subType === 'fatal' ? ' (fatal)' : '';
      return `${page}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${fatal}`;
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const errors = checkNu(dir);
  for (const e of errors) console.error(e);
  console.log(`Nu checker: ${htmlPages(dir).length} pages in ${dir}, ${errors.length} errors`);
  process.exitCode = errors.length ? 1 : 0;
}
