import { parseHTML } from 'linkedom';
import { storyPage } from '../helpers.ts';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath, firefoxPath, launchArgs } from '../../scripts/browser.ts';

/**
 * Whether a browser's tests can run here. Without it they are skipped with a loud warning
 * on a developer's machine, and fail under CI, where a skip would hide a gap.
 */
function available(name: string, path: string | null, install: string): boolean {
  if (path) return true;
  if (process.env['CI']) throw new Error(`${name} is required under CI but was not found; install it: ${install}`);
  console.warn(
    `\n${'!'.repeat(72)}\n  ${name.toUpperCase()} TESTS SKIPPED: no ${name} found. Install Debian's: ${install}\n${'!'.repeat(72)}\n`,
  );
  return false;
}

/** Whether the Chromium tests (Playwright) can run. */
export const browserAvailable = () => available('Chromium', chromiumPath(), 'apt-get update && apt-get install -y chromium fonts-noto-cjk');

/** Whether the Firefox tests (puppeteer-core over WebDriver BiDi) can run. */
export const firefoxAvailable = () =>
  available('Firefox', firefoxPath(), 'apt-get update && apt-get install -y --no-install-recommends firefox-esr fonts-noto-cjk');

/** What every story page holds: its sections, and its charts in page order, read from content/. */
export const story = storyPage();

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath()!, args: launchArgs });

export interface Traffic {
  /** Every URL the page asked for. */
  requests: string[];
  /** Console errors, page errors, failed requests and HTTP errors, as sentences. */
  problems: string[];
}

/**
 * A context that records the page's traffic and lets no request leave `origin`: such a
 * request is aborted and recorded, so a test sees it without the machine reaching out.
 */
export async function watchedContext(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; traffic: Traffic }> {
  const context = await browser.newContext(options);
  const traffic: Traffic = { requests: [], problems: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    traffic.requests.push(url);
    if (new URL(url).origin === origin) return route.continue();
    traffic.problems.push(`request to another origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  // Pages under a path containing "does-not-exist" are asked for on purpose, to get the 404 page.
  const expected404 = (url: string) => url.includes('does-not-exist');
  context.on('console', (m) => {
    if (m.type() === 'error' && !expected404(m.location().url)) traffic.problems.push(`console error: ${m.text()}`);
  });
  context.on('weberror', (e) => traffic.problems.push(`page error: ${e.error().message}`));
  context.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) traffic.problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400 && !expected404(r.url())) traffic.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { context, traffic };
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/**
 * How long a poll waits for the page: charts load their enhancer lazily (a chunk fetched
 * when a chart nears the viewport) and move for 600 ms, well past `expect.poll`'s 1 s default
 * on a busy machine.
 */
export const patience = { timeout: 10_000, interval: 50 } as const;

/** Brings a figure into view and waits until its enhancer has finished with it. */
export async function whenEnhanced(page: Page, figure: string) {
  const host = page.locator(`#figure-${figure} :is(story-chart, story-scrolly)`);
  await host.scrollIntoViewIfNeeded();
  await expect.poll(() => host.getAttribute('data-enhanced'), patience).toBe('true');
  return host;
}

/** The marks an SVG of the build draws, by key, in its order. */
export const drawnKeys = (svg: string) =>
  [...parseHTML(`<html><body>${svg}</body></html>`).document.querySelectorAll('.mark')].map((m) => m.getAttribute('data-key')!);
