import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { consoleIsStale } from '../../scripts/stale.js';

/** Debian's Chromium (`apt-get install -y chromium`); CI installs it (.ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as root. Without the background-networking flags Chromium keeps dialling
 * Google's hosts, which this machine's closed network refuses, many at a time.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The tests drive the console as the gateway serves it: build it first if its sources changed. */
export function ensureConsoleBuilt(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (consoleIsStale(root) === undefined) return;
  const result = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the console failed:\n${result.stdout}\n${result.stderr}`);
}
