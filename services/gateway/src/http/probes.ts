import { Hono } from 'hono';
import type { MetricsRegistry } from '../metrics.js';

/** What `/readyz` reports: ok, and what was checked (the database, the projector's lag …). */
export type ReadyCheck = () => Promise<{ ok: boolean; details: Record<string, unknown> }>;

/**
 * The operator's routes: `/healthz` (the process answers: restart it otherwise), `/readyz` (it can
 * serve: send it traffic) and `/metrics` (Prometheus).
 */
export function probes(ready: ReadyCheck, metrics: MetricsRegistry): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      const { ok, details } = await ready();
      return c.json({ status: ok ? 'ready' : 'unavailable', details }, ok ? 200 : 503);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return c.json({ status: 'unavailable', details: { error: message } }, 503);
    }
  });
  app.get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }),
  );
  return app;
}
