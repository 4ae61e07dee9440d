// Lighthouse (mobile preset, simulated throttling) against a served page, with Debian's
// Chromium. Prints the four category scores and LCP, CLS, TBT and transferred bytes.
// CLI: node scripts/audit.ts [url ...]; with no URL it serves dist/ itself. Exits 1 below the thresholds.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchArgs } from './browser.ts';
import { startServer } from './serve.ts';

/** The floor for each category score (0–100) and the ceiling for layout shift. */
export const thresholds = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100, cls: 0 };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Runs Lighthouse once on `url`; resolves to scores (0–100), metrics and failing audits. */
export interface AuditResult {
  url: string;
  /** Category scores, 0–100. */
  scores: Record<string, number>;
  metrics: { lcpMs: number; cls: number; tbtMs: number; bytes: number };
  /** Weighted audits that did not fully pass. */
  failing: string[];
}

export async function audit(url: string): Promise<AuditResult> {
  const chromePath = chromiumPath();
  if (!chromePath) throw new Error("Chromium not found: apt-get install -y chromium (Lighthouse uses Debian's Chromium, never a download)");
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...launchArgs] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const weighted = new Set(categories.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)));
    const failing = Object.values(lhr.audits)
      .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
      .map((a) => `${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
    return {
      url,
      scores,
      metrics: {
        lcpMs: metric('largest-contentful-paint'),
        cls: metric('cumulative-layout-shift'),
        tbtMs: metric('total-blocking-time'),
        bytes: metric('total-byte-weight'),
      },
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/** Every way a result misses the thresholds, as sentences. */
export function belowThresholds(result: AuditResult, limits = thresholds): string[] {
  const out = categories.filter((c) => (result.scores[c] ?? 0) < limits[c]).map((c) => `${c} ${result.scores[c]} < ${limits[c]}`);
  if (!(result.metrics.cls <= limits.cls)) out.push(`CLS ${result.metrics.cls} > ${limits.cls}`);
  return out;
}

export function describe(result: AuditResult): string {
  const { scores: s, metrics: m } = result;
  return [
    `Lighthouse ${result.url}`,
    `  performance ${s.performance} · accessibility ${s.accessibility} · best practices ${s['best-practices']} · SEO ${s.seo}`,
    `  LCP ${Math.round(m.lcpMs)} ms · CLS ${m.cls} · TBT ${Math.round(m.tbtMs)} ms · transferred ${(m.bytes / 1024).toFixed(1)} KB`,
    ...result.failing.map((f) => `  not passed: ${f}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const urls = process.argv.slice(2);
  const server = urls.length ? null : await startServer({ dir: 'dist' });
  let failed = false;
  for (const url of urls.length ? urls : [server!.url]) {
    const result = await audit(url);
    console.log(describe(result));
    const below = belowThresholds(result);
    for (const b of below) console.error(`BELOW THRESHOLD: ${b}`);
    failed ||= below.length > 0;
  }
  await server?.close();
  process.exitCode = failed ? 1 : 0;
}
