import type { Logger } from '@chitieu/logging';
import { describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../metrics.js';
import { type AppOptions, createApp, type ServerContext } from './app.js';

function testApp(overrides: Partial<AppOptions> = {}) {
  const metrics = createMetrics();
  const seen: ServerContext[] = [];
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  const app = createApp({
    yoga: async (request, context) => {
      seen.push(context);
      return Response.json({ data: { method: request.method, size: (await request.text()).length } });
    },
    ready: async () => ({ ok: true, details: { database: 'ok' } }),
    metrics,
    logger: logger as unknown as Logger,
    ...overrides,
  });
  return { app, metrics, seen, logger };
}

describe('createApp', () => {
  it('answers /healthz while the process runs', async () => {
    const { app } = testApp();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200, or 503 with the details of what is not ready', async () => {
    expect((await testApp().app.request('/readyz')).status).toBe(200);
    const notReady = testApp({ ready: async () => ({ ok: false, details: { projector: { lagEvents: 1200 } } }) });
    const response = await notReady.app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', details: { projector: { lagEvents: 1200 } } });
    const failing = testApp({
      ready: async () => {
        throw new Error('connection refused');
      },
    });
    const failed = await failing.app.request('/readyz');
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ status: 'unavailable', details: { error: 'connection refused' } });
  });

  it('serves the metrics as Prometheus text, with each request timed by route and status', async () => {
    const { app } = testApp();
    await app.request('/healthz');
    await app.request('/nowhere');
    const response = await app.request('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const name of [
      'http_request_duration_seconds',
      'chitieu_projector_lag_events',
      'chitieu_projector_lag_seconds',
      'chitieu_events_appended_total',
      'graphql_operations_total',
      'process_cpu_seconds_total',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
  });

  it('hands /graphql to yoga with the request id', async () => {
    const { app, seen } = testApp();
    const response = await app.request('/graphql', {
      method: 'POST',
      headers: { 'x-request-id': 'req-42', 'content-type': 'application/json' },
      body: '{"query":"{ viewer { id } }"}',
    });
    expect(await response.json()).toEqual({ data: { method: 'POST', size: 29 } });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(seen).toEqual([{ requestId: 'req-42' }]);
  });

  it('generates a request id when the caller sends none, or a malformed one', async () => {
    const { app } = testApp();
    const generated = (await app.request('/healthz')).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit with 413 and a GraphQL-style error', async () => {
    const { app, seen } = testApp({ maxBodyBytes: 1024 });
    const body = JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(2000)}` });
    const response = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Request body is larger than 1024 bytes.', extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it('counts a streamed body without Content-Length too', async () => {
    const { app, seen } = testApp({ maxBodyBytes: 1024 });
    const chunks = [new Uint8Array(800), new Uint8Array(800)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request('http://localhost/graphql', {
      method: 'POST',
      body: stream,
      headers: { 'transfer-encoding': 'chunked' },
      duplex: 'half',
    } as RequestInit);
    expect((await app.request(request)).status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('allows a body under the limit (100 kB by default)', async () => {
    const { app } = testApp();
    const body = JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(90_000)}` });
    const response = await app.request('/graphql', { method: 'POST', body });
    expect(response.status).toBe(200);
  });

  it('writes one access log line per request', async () => {
    const { app, logger } = testApp();
    await app.request('/graphql', { method: 'POST', headers: { 'x-request-id': 'r-1' }, body: '{}' });
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: 'r-1', method: 'POST', route: '/graphql', status: 200 }),
      'request',
    );
  });
});
