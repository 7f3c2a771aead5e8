import type { Logger } from '@chitieu/logging';
import { describe, expect, it, vi } from 'vitest';
import { createTokenKeys } from './auth/tokens.js';
import { createContextFactory, type GatewayServices } from './context.js';
import { buildSchema, createBuilder } from './graphql/builder.js';
import { createApp } from './http/app.js';
import { serve } from './http/serve.js';
import { createMetrics } from './metrics.js';
import { createGatewayYoga } from './yoga.js';

/** The pieces wired as main.ts will: yoga inside the Hono app, served on a free port. */
async function startGateway() {
  let next: () => void = () => {};
  const builder = createBuilder();
  builder.subscriptionField('ticks', (t) =>
    t.int({
      subscribe: async function* () {
        for (let tick = 1; tick <= 3; tick++) {
          yield tick;
          // Each further tick waits for the test, so it can see the first before the last exists.
          await new Promise<void>((resolve) => {
            next = resolve;
          });
        }
      },
      resolve: (tick: number) => tick,
    }),
  );
  const metrics = createMetrics();
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } as unknown as Logger;
  const yoga = createGatewayYoga({
    schema: buildSchema(builder),
    context: createContextFactory({ keys: createTokenKeys({}), services: {} as GatewayServices }),
    graphiql: { defaultQuery: '{ viewer { id } }' },
    logger,
    metrics,
  });
  const app = createApp({
    yoga: (request, context) => yoga.handleRequest(request, context),
    ready: async () => ({ ok: true, details: {} }),
    metrics,
    logger,
  });
  const server = await serve(app, { port: 0, hostname: '127.0.0.1', drainTimeoutMs: 300 });
  return { server, tick: () => next() };
}

describe('the gateway over HTTP', () => {
  it('streams a subscription as Server-Sent Events, event by event', async () => {
    const { server, tick } = await startGateway();
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { ticks }' }),
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('x-request-id')).toBeTruthy();
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      const until = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}: ${text}`);
          text += decoder.decode(value, { stream: true });
        }
      };
      await until('{"data":{"ticks":1}}');
      expect(text).not.toContain('"ticks":2');
      tick();
      await until('{"data":{"ticks":2}}');
      tick();
      await until('{"data":{"ticks":3}}');
      tick();
      await until('event: complete');
    } finally {
      await server.close();
    }
  });

  it('serves GraphiQL to a browser when enabled', async () => {
    const { server } = await startGateway();
    try {
      const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('viewer');
      // Inlined: this machine, like many a ministry's, cannot reach a CDN.
      expect(page).not.toMatch(/<script[^>]+src=["']https?:/);
      expect(page).not.toMatch(/<link[^>]+stylesheet[^>]+href=["']?https?:/);
    } finally {
      await server.close();
    }
  });
});
