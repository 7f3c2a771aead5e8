import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The gateway's Prometheus metrics, on a registry of their own (never prom-client's global one). */
export interface MetricsRegistry {
  registry: Registry;
  /** Per route pattern (`/graphql`, never the raw URL, to bound the label's values) and status. */
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Events committed but not yet applied by the projector. */
  projectorLagEvents: Gauge;
  /** Age of the oldest event the projector has not applied yet. */
  projectorLagSeconds: Gauge;
  eventsAppended: Counter<'type'>;
  /** `operation` is the operation's name (or `anonymous`), `type` query/mutation/subscription, `outcome` ok/error/refused. */
  graphqlOperations: Counter<'operation' | 'type' | 'outcome'>;
}

/** A fresh registry with Node's default metrics and the gateway's own. */
export function createMetrics(): MetricsRegistry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    projectorLagEvents: new Gauge({
      name: 'chitieu_projector_lag_events',
      help: 'Events in the log that the projector has not applied yet.',
      registers: [registry],
    }),
    projectorLagSeconds: new Gauge({
      name: 'chitieu_projector_lag_seconds',
      help: 'Age in seconds of the oldest event the projector has not applied yet.',
      registers: [registry],
    }),
    eventsAppended: new Counter({
      name: 'chitieu_events_appended_total',
      help: 'Events appended through the gateway, by event type.',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name, type and outcome (ok, error, refused).',
      labelNames: ['operation', 'type', 'outcome'] as const,
      registers: [registry],
    }),
  };
}
