// Where Debian's Chromium and Firefox live, and how to start Chromium on a machine with no outside network.
import { existsSync } from 'node:fs';

const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** The Chromium executable, or null when none is installed. */
export function chromiumPath(): string | null {
  return candidates.find((p) => existsSync(p)) ?? null;
}

const firefoxCandidates = [process.env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => Boolean(p));

/** Debian's Firefox (ESR) executable, driven over WebDriver BiDi by puppeteer-core, or null when none is installed. */
export function firefoxPath(): string | null {
  return firefoxCandidates.find((p) => existsSync(p)) ?? null;
}

export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Without this Chromium still tries to reach Google's hosts at start.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
