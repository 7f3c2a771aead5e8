import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the CLI as a user would, on a PGlite data directory of its own. */
function start(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, DATABASE_URL: '', CHITIEU_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('the chitieu process', () => {
  it('runs the demo, then follows the log and stops cleanly on SIGINT and SIGTERM', async () => {
    const demo = start(['demo']);
    expect(await demo.exited).toBe(0);
    expect(demo.output().stdout).toContain('Loaded the provinces, the indicator catalogue and the seed documents');

    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const follow = start(['follow', '--tenant', 'kien-giang']);
      await expect.poll(() => follow.output().stdout.split('\n').length, { timeout: 20_000 }).toBeGreaterThan(6);
      follow.child.kill(signal);
      expect(await follow.exited).toBe(0);
      const { stdout, stderr } = follow.output();
      expect(stdout).toContain('"value":74.3');
      expect(stdout).toContain('132/KH-UBND');
      const logs = stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; signal?: string });
      expect(logs.map((log) => log.msg)).toEqual(
        expect.arrayContaining(['shutting down after the current step', 'stopped following']),
      );
      expect(logs.find((log) => log.signal)?.signal).toBe(signal);
    }
    // Three processes start in turn, each loading tsx and PGlite: on two busy cores that outlasts 30 s.
  }, 90_000);

  it('prints usage and exits 2 on an unknown command', async () => {
    const run = start(['frobnicate']);
    expect(await run.exited).toBe(2);
    expect(run.output().stdout).toContain('chitieu <command>');
  });
});
