import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenKeys, signToken } from '../auth/tokens.js';
import { consoleApp } from './console.js';

const keys = createTokenKeys({ JWT_SECRET: 'console-test-secret-that-is-long-enough-0123456789' });
const fixtures = fileURLToPath(new URL('../../../../packages/domain/src/import/fixtures/', import.meta.url));
const devTokens = { ministry: 'm', province: 'p', auditor: 'a' };
const ENTRY = `console.log(${JSON.stringify('chitieu '.repeat(500))});`;

describe('consoleApp', () => {
  let dist: string;
  let token: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'console-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>chitieu</title>');
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'assets', 'index-abc123.js'), ENTRY);
    await writeFile(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(ENTRY));
    token = await signToken(keys, { sub: 'chuyen-vien@kien-giang', role: 'province', province: 'kien-giang' });
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  const dryRun = async (file: string, bearer: string | undefined = token) => {
    const body = new FormData();
    body.set('file', new File([await readFile(join(fixtures, file))], file));
    const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
    return consoleApp({ keys, devTokens: undefined, distDir: dist }).request('/console/import/dry-run', {
      method: 'POST',
      body,
      headers,
    });
  };

  it('serves the built console at /', async () => {
    const response = await consoleApp({ keys, devTokens: undefined, distDir: dist }).request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>chitieu</title>');
  });

  it('asks browsers to check index.html each time, and to keep the hashed assets', async () => {
    const app = consoleApp({ keys, devTokens: undefined, distDir: dist });
    expect((await app.request('/')).headers.get('cache-control')).toBe('no-cache');
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/index-missing.js')).headers.get('cache-control')).toBeNull();
  });

  it('sends the Brotli file the build wrote to a browser that takes it, the plain one otherwise', async () => {
    const app = consoleApp({ keys, devTokens: undefined, distDir: dist });
    const brotli = await app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript/u);
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await brotli.arrayBuffer());
    expect(body.length).toBeLessThan(ENTRY.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(ENTRY);
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(ENTRY);
  });

  it('offers the development tokens only when it is given them (never in production)', async () => {
    const development = await consoleApp({ keys, devTokens, distDir: dist }).request('/console/dev-tokens');
    expect(await development.json()).toEqual(devTokens);
    const production = await consoleApp({ keys, devTokens: undefined, distDir: dist }).request('/console/dev-tokens');
    expect(production.status).toBe(404);
  });

  it('lists what Kiên Giang’s table would adopt, writing nothing', async () => {
    const response = await dryRun('kien-giang-132.csv');
    expect(response.status).toBe(200);
    const listing = (await response.json()) as {
      faults: unknown[];
      baselines: unknown[];
      targets: unknown[];
      period: unknown;
    };
    expect(listing.faults).toEqual([]);
    expect(listing.baselines).toHaveLength(13);
    expect(listing.targets).toHaveLength(46);
    expect(listing.period).toEqual({ from: 2017, to: 2030 });
    expect(listing.targets[0]).toMatchObject({ target: 't1', indicator: 'life_expectancy', year: 2025, value: 75 });
  });

  it('lists the faulty rows of a faulty table, by line', async () => {
    const listing = (await (await dryRun('kien-giang-132-faulty.xlsx')).json()) as { faults: Array<{ line: number }> };
    expect(listing.faults.length).toBeGreaterThan(0);
    expect(listing.faults.every((fault) => fault.line > 1)).toBe(true);
  });

  it('refuses a caller without a token, and a file it cannot read, at the field "file"', async () => {
    expect((await dryRun('kien-giang-132.csv', '')).status).toBe(401);
    const body = new FormData();
    body.set('file', new File(['x'], 'table.pdf'));
    const response = await consoleApp({ keys, devTokens: undefined, distDir: dist }).request(
      '/console/import/dry-run',
      {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as {
      errors: Array<{ extensions: { code: string; issues: unknown[] } }>;
    };
    expect(errors[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'file' }] });
  });
});
