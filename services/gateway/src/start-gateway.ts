import { type CommandBus, createCommandBus, loadSeeds } from '@chitieu/commands';
import { type DatabaseHandle, ensureRequestRole, ensureSchema } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { createEventStore, type EventStore } from '@chitieu/event-store';
import { createProgress, type Logger } from '@chitieu/logging';
import {
  ensureLiveGeneration,
  PROJECTION_VERSION,
  type Projector,
  projectionLag,
  rebuildReadModels,
  staleLiveGeneration,
  startProjector,
} from '@chitieu/projections';
import type { TokenKeys } from './auth/tokens.js';
import { createContextFactory } from './context.js';
import { type DevTokens, graphiqlExamples } from './examples.js';
import { createApp } from './http/app.js';
import { consoleApp } from './http/console.js';
import { type RunningServer, serve } from './http/serve.js';
import { createMetrics, type MetricsRegistry } from './metrics.js';
import { schema } from './schema/index.js';
import { createGatewayYoga } from './yoga.js';

/**
 * Above this many events behind, a rebuild (about 2,400–4,300 events/s at scale 1) beats the live
 * projector's catch-up (about 180–330 events/s) by more than the seconds it costs to start one.
 */
export const REBUILD_ABOVE_LAG = 2000;

export interface GatewayOptions {
  handle: DatabaseHandle;
  logger: Logger;
  keys: TokenKeys;
  port: number;
  hostname?: string;
  /** GraphiQL with example operations carrying these tokens; off (undefined) in production. */
  development: DevTokens | undefined;
  /** Load the seed documents when the log has none (first start). */
  loadSeeds: boolean;
  /** More events than this behind the live read models at start: rebuild them rather than catch up. */
  rebuildAboveLag?: number;
  /** How long a mutation waits for its events to be projected; 5 s by default. */
  readYourWritesMs?: number;
  signal?: AbortSignal;
}

export interface Gateway {
  url: string;
  store: EventStore;
  bus: CommandBus;
  projector: Projector;
  metrics: MetricsRegistry;
  /** Stops taking requests, finishes those in flight, stops the projector after its batch. */
  close(): Promise<void>;
}

/**
 * The main job: the schema brought up to date, the request role ready, the seeds loaded on first
 * start, the projector following the log, and the GraphQL gateway serving over HTTP.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { handle, logger } = options;
  const { applied } = await ensureSchema(handle.db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  await ensureRequestRole(handle);
  const store = createEventStore(handle, domainRegistry);
  const bus = createCommandBus(store);
  if (options.loadSeeds) {
    const seeds = await loadSeeds(store, bus, {
      logger,
      progress: createProgress('loading seeds', logger),
      ...(options.signal && { signal: options.signal }),
    });
    if (seeds.loaded) logger.info({ commands: seeds.commands, events: seeds.events }, 'seed data loaded');
  }

  const metrics = createMetrics();
  // Read models built by older projection code, or far behind the log (a log restored or loaded
  // without a gateway), are rebuilt beside the live ones while the gateway serves them; the switch is
  // atomic (docs/gateway.md). Far behind, the live projector waits for the switch: catching the old
  // generation up event by event is what the rebuild does 13 times faster.
  const rebuilding = new AbortController();
  // Before a rebuild opens the next generation, so that the one readers use meanwhile is number 1.
  await ensureLiveGeneration(handle.db);
  const stale = await staleLiveGeneration(handle.db);
  const behind = (await projectionLag(handle.db)).events;
  const threshold = options.rebuildAboveLag ?? REBUILD_ABOVE_LAG;
  const reason = stale
    ? { ...stale, now: PROJECTION_VERSION, msg: 'read models are from older projection code: rebuilding' }
    : behind > threshold
      ? { behind, threshold, msg: 'read models are far behind the log: rebuilding' }
      : undefined;
  const rebuild = reason
    ? (async () => {
        const { msg, ...details } = reason;
        logger.info(details, msg);
        const result = await rebuildReadModels(handle, domainRegistry, {
          progress: createProgress('rebuilding read models', logger),
          signal: rebuilding.signal,
        });
        logger.info(result, 'read models rebuilt and switched');
      })().catch((error) => logger.error({ err: error }, 'rebuilding the read models failed'))
    : Promise.resolve();
  const projector = startProjector(handle, domainRegistry, {
    logger,
    onBatch: (batch) => logger.debug(batch, 'projected'),
    ...(reason && !stale && { startAfter: rebuild }),
  });

  const refreshLag = async () => {
    const lag = await projectionLag(handle.db);
    metrics.projectorLagEvents.set(lag.events);
    metrics.projectorLagSeconds.set(lag.seconds);
    return lag;
  };
  const lagTimer = setInterval(() => void refreshLag().catch(() => {}), 5000);
  lagTimer.unref();

  const services = {
    db: handle.db,
    store,
    bus,
    projector,
    readYourWritesMs: options.readYourWritesMs ?? 5000,
    onAppended: (types: readonly string[]) => {
      for (const type of types) metrics.eventsAppended.inc({ type });
    },
  };
  const yoga = createGatewayYoga({
    schema,
    context: createContextFactory({ keys: options.keys, services }),
    graphiql: options.development
      ? (() => {
          const examples = graphiqlExamples(options.development, new Date());
          return { defaultQuery: examples[0]?.query ?? '', examples };
        })()
      : false,
    logger,
    metrics,
  });
  const app = createApp({
    yoga: (request, context) => yoga.handleRequest(request, context),
    ready: async () => {
      const lag = await refreshLag();
      // Ready once the read models have caught up with what was in the log at start.
      const ok = lag.generation !== undefined && lag.events < 1000;
      return { ok, details: { generation: lag.generation, lagEvents: lag.events, lagSeconds: lag.seconds } };
    },
    metrics,
    logger,
    console: consoleApp({ keys: options.keys, devTokens: options.development }),
  });
  const server: RunningServer = await serve(app, {
    port: options.port,
    ...(options.hostname && { hostname: options.hostname }),
  });
  logger.info({ url: server.url }, 'gateway listening');

  return {
    url: server.url,
    store,
    bus,
    projector,
    metrics,
    close: async () => {
      clearInterval(lagTimer);
      rebuilding.abort();
      await server.close();
      await rebuild;
      await projector.stop();
    },
  };
}
