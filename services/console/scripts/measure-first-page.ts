import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../src/e2e/browser.js';
import { watchFirstPage } from './first-page-marks.js';

// `pnpm --filter @chitieu/console measure`: how soon the ministry's first page is usable, in
// Chromium against `pnpm start`'s gateway on a fresh PGlite with the seeds. Each run is a new
// browser context (cold cache), signed in as the ministry, timed from navigation start until
// Thái Nguyên's row of the 2025 ranking is on screen. Figures printed, nothing asserted.
//
// MEASURE_REPO=/path/to/another/checkout measures that checkout's `pnpm start` with this script:
// an A/B against an older commit, run alternately in the same window.

const RUNS = Number(process.env.RUNS ?? 7);
const repo = process.env.MEASURE_REPO
  ? resolve(process.env.MEASURE_REPO)
  : fileURLToPath(new URL('../../..', import.meta.url));
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

interface Figures {
  domContentLoaded: number;
  rankingSent: number;
  rankingAnswered: number;
  usable: number;
  chart: number;
  mainThread: number;
}

try {
  const { url, token } = await started;
  // The projector catches up with the seeds after the gateway prints its URL.
  for (;;) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { details?: { lagEvents?: number } };
    if (ready.details?.lagEvents === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await launchChromium();
  const figures: Figures[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript((stored) => sessionStorage.setItem('chitieu.token', stored), token);
    // The page notes when the row and the chart are painted: Playwright's own waiting polls ever
    // more slowly (up to every 500 ms), which would be measured instead of the page.
    await context.addInitScript(watchFirstPage, {
      usable: 'tr[data-province="thai-nguyen-2025"]',
      chart: '.recharts-dot',
    });
    const page = await context.newPage();
    // The main thread's busy time (Chromium's TaskDuration): what the page itself costs, which the
    // wall-clock figure inflates when other processes hold the machine's two cores.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}/#/ministry?indicator=doctors_per_10000&year=2025`);
    await page.waitForFunction(() => window.firstPageMarks?.usable !== undefined, null, { polling: 'raf' });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const mainThread = (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
    await page.waitForFunction(() => window.firstPageMarks?.chart !== undefined, null, { polling: 'raf' });
    const marks = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const ranking = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
        (entry) => entry.name.includes('operationName=Ranking') && entry.name.includes('%22year%22%3A2025'),
      );
      return {
        domContentLoaded: navigation.domContentLoadedEventEnd,
        rankingSent: ranking?.startTime ?? Number.NaN,
        rankingAnswered: ranking?.responseEnd ?? Number.NaN,
        usable: window.firstPageMarks?.usable ?? Number.NaN,
        chart: window.firstPageMarks?.chart ?? Number.NaN,
      };
    });
    figures.push({ ...marks, mainThread });
    await context.close();
  }
  await browser.close();
  const stat = (key: keyof Figures) => {
    const sorted = figures.map((one) => one[key]).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return `median ${median.toFixed(0).padStart(5)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0).padStart(5)} ms`;
  };
  const load = loadavg()[0]?.toFixed(1);
  process.stdout.write(`first page (ministry ranking, cold cache), ${RUNS} runs, load average ${load}, ${repo}:\n`);
  process.stdout.write(`  DOMContentLoaded          ${stat('domContentLoaded')}\n`);
  process.stdout.write(`  ranking query sent        ${stat('rankingSent')}\n`);
  process.stdout.write(`  ranking query answered    ${stat('rankingAnswered')}\n`);
  process.stdout.write(`  ranking usable            ${stat('usable')}\n`);
  process.stdout.write(`  chart drawn               ${stat('chart')}\n`);
  process.stdout.write(`  main thread busy (usable) ${stat('mainThread')}\n`);
} finally {
  if (gateway.pid) process.kill(-gateway.pid, 'SIGTERM');
  await new Promise((resolve) => gateway.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
