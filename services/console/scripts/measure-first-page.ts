import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../src/e2e/browser.js';

// `pnpm --filter @chitieu/console measure`: how soon the ministry's first page is usable, in
// Chromium against `pnpm start`'s gateway on a fresh PGlite with the seeds. Each run is a new
// browser context (cold cache), signed in as the ministry, timed from navigation start until
// Thái Nguyên's row of the 2025 ranking is on screen. Figures printed, nothing asserted.

const RUNS = Number(process.env.RUNS ?? 7);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = await mkdtemp(join(tmpdir(), 'chitieu-measure-'));
const gateway = spawn('pnpm', ['start'], {
  cwd: repo,
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CHITIEU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
let printed = '';
const started = new Promise<{ url: string; token: string }>((resolve, reject) => {
  gateway.stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    const url = /chitieu console: (http:\S+?)\/\s/u.exec(printed)?.[1];
    const token = /ministry\s+(eyJ\S+)/u.exec(printed)?.[1];
    if (url && token) resolve({ url, token });
  });
  gateway.on('exit', (code) => reject(new Error(`pnpm start exited with ${code}`)));
});

try {
  const { url, token } = await started;
  // The projector catches up with the seeds after the gateway prints its URL.
  for (;;) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { details?: { lagEvents?: number } };
    if (ready.details?.lagEvents === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await launchChromium();
  const figures: Array<{ usable: number; domContentLoaded: number; chart: number; mainThread: number }> = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript((stored) => sessionStorage.setItem('chitieu.token', stored), token);
    const page = await context.newPage();
    // The main thread's busy time (Chromium's TaskDuration): what the page itself costs, which the
    // wall-clock figure inflates when other processes hold the machine's two cores.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}/#/ministry?indicator=doctors_per_10000&year=2025`);
    await page.locator('tr[data-province="thai-nguyen-2025"]').waitFor();
    const usable = await page.evaluate(() => performance.now());
    const { metrics } = await cdp.send('Performance.getMetrics');
    const mainThread = (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
    await page.locator('.recharts-dot').first().waitFor();
    const chart = await page.evaluate(() => performance.now());
    const domContentLoaded = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    );
    figures.push({ usable, domContentLoaded, chart, mainThread });
    await context.close();
  }
  await browser.close();
  const stat = (key: keyof (typeof figures)[number]) => {
    const sorted = figures.map((one) => one[key]).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return `median ${median.toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
  };
  const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
  process.stdout.write(`first page (ministry ranking, cold cache), ${RUNS} runs, load average ${load}:\n`);
  process.stdout.write(`  DOMContentLoaded          ${stat('domContentLoaded')}\n`);
  process.stdout.write(`  ranking usable            ${stat('usable')}\n`);
  process.stdout.write(`  chart drawn               ${stat('chart')}\n`);
  process.stdout.write(`  main thread busy (usable) ${stat('mainThread')}\n`);
} finally {
  if (gateway.pid) process.kill(-gateway.pid, 'SIGTERM');
  await new Promise((resolve) => gateway.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
