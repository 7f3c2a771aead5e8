import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@chitieu/database';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-gateway-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `pnpm start` as a user runs it: PGlite in a directory of its own, a free port. */
function start() {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, DATABASE_URL: '', CHITIEU_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: '' },
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
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const look = () => {
        const match = stdout.match(pattern);
        if (match) return resolve(match);
        if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode}: ${stderr.slice(-2000)}`));
        setTimeout(look, 100);
      };
      look();
    });
  return { child, exited, printed, output: () => ({ stdout, stderr }) };
}

describe('pnpm start (the gateway process)', () => {
  it('serves GraphQL with the seeds, prints a token per role, and finishes an accepted write on SIGTERM', async () => {
    const gateway = start();
    const [, url] = await gateway.printed(/chitieu gateway: (http:\/\/\S+)\/graphql/);
    const [, token] = await gateway.printed(/province thai-nguyen-2025\s+(\S+)/);
    expect(gateway.output().stdout).toMatch(/ministry\s+eyJ/);
    expect(gateway.output().stdout).toMatch(/auditor\s+eyJ/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);

    const write = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { reportIndicator(input: {
          province: "thai-nguyen-2025", indicator: "doctors_per_10000", period: { kind: "year", year: 2027 },
          value: 18.4, unit: per_10000, written: "18,4", status: estimate, source: "test: sent just before SIGTERM"
        }) { position projected } }`,
      }),
    });
    // The signal arrives while the write is in flight: it must still be answered and kept.
    await new Promise((resolve) => setTimeout(resolve, 20));
    gateway.child.kill('SIGTERM');
    const response = await write;
    const body = (await response.json()) as { data?: { reportIndicator?: { position: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.reportIndicator?.position).toMatch(/^\d+:\d+$/);
    expect(await gateway.exited).toBe(0);
    expect(gateway.output().stderr).toContain('"signal":"SIGTERM"');

    const handle = await connect({ dataDir });
    try {
      const kept = await handle.db
        .selectFrom('events')
        .select('event_id')
        .where('type', '=', 'IndicatorReported')
        .where('stream_id', '=', 'thai-nguyen-2025/report/doctors_per_10000/2027')
        .execute();
      expect(kept).toHaveLength(1);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
