import { createLogger, type Logger } from '@chitieu/logging';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import type { MetricsRegistry } from '../metrics.js';
import { probes, type ReadyCheck } from './probes.js';

/** What the HTTP layer hands yoga besides the request. */
export interface ServerContext {
  requestId: string;
}

export interface AppOptions {
  /** The GraphQL handler: `(request, context) => yoga.handleRequest(request, context)`. */
  yoga: (request: Request, context: ServerContext) => Response | Promise<Response>;
  ready: ReadyCheck;
  metrics: MetricsRegistry;
  /** Largest accepted request body; 100 kB by default (a GraphQL document plus variables). */
  maxBodyBytes?: number;
  logger?: Logger;
  /** The web console and its routes (./console.ts), mounted after everything else. */
  console?: Hono;
}

/** Routes of operators' probes are asked every few seconds: their access lines are debug only. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The gateway's HTTP application: probes, metrics and `/graphql`, with a request id on every
 * response (`x-request-id`, the caller's when it sent a well-formed one), a body limit on
 * `/graphql`, a latency histogram per route and status, and one access log line per request.
 */
export function createApp(options: AppOptions): Hono<{ Variables: RequestIdVariables }> {
  const logger = options.logger ?? createLogger('gateway');
  const maxBodyBytes = options.maxBodyBytes ?? 100 * 1024;
  const app = new Hono<{ Variables: RequestIdVariables }>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(
      matchedRoutes(c).map((matched) => matched.path),
      c.res.status,
    );
    // requestId() sets the header on Hono's own responses; yoga's are returned whole and need it too.
    const id = c.get('requestId');
    if (c.res.headers.get('x-request-id') !== id) {
      try {
        c.res.headers.set('x-request-id', id);
      } catch {
        // The headers of a Response from fetch() are immutable; Hono's setter copies it.
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set('x-request-id', id);
      }
    }
    const status = c.res.status;
    options.metrics.httpDuration.observe({ method: c.req.method, route, status: String(status) }, seconds);
    const line = {
      requestId: id,
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      ms: Math.round(seconds * 10_000) / 10,
    };
    if (QUIET_ROUTES.has(route)) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });

  app.route('/', probes(options.ready, options.metrics));

  app.use(
    '/graphql',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          {
            errors: [
              {
                message: `Request body is larger than ${maxBodyBytes} bytes.`,
                extensions: { code: 'REQUEST_TOO_LARGE' },
              },
            ],
          },
          413,
        ),
    }),
  );
  // Every method: yoga itself answers GET, POST and OPTIONS, and 405 to the others.
  app.all('/graphql', (c) => options.yoga(c.req.raw, { requestId: c.get('requestId') }));
  if (options.console) app.route('/', options.console);

  app.notFound((c) => c.json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] }, 404));
  app.onError((error, c) => {
    logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error in an HTTP handler');
    return c.json({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } }] }, 500);
  });
  return app;
}

/** The matched route pattern, so that the histogram's `route` label has a handful of values. */
function routeOf(paths: readonly string[], status: number): string {
  // Middleware on every path (the request id, this timer, the console's static files) matches every
  // request: the route is the last named one, else the console's files, else nothing.
  const named = paths.filter((path) => path !== '*' && path !== '/*').at(-1);
  if (named) return named;
  return status === 404 ? 'unmatched' : '/*';
}
