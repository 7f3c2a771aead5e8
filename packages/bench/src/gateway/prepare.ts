import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type CommandBus, createCommandBus, loadSeeds } from '@chitieu/commands';
import { connect, type DatabaseHandle, ensureRequestRole, ensureSchema } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { createEventStore, type EventStore } from '@chitieu/event-store';
import { createProgress, type Logger } from '@chitieu/logging';
import { sql } from 'kysely';
import { DEFAULT_SEED, generateDataset, loadDataset } from '../dataset/index.js';
import { createScratchDatabase } from '../scratch-database.js';

export type Engine = 'pglite' | 'postgres';

/** Tenants loaded at once, as `pnpm cli` and the dataset's own loader do by default. */
const LOAD_CONCURRENCY = 8;
/** The pool on the server: the loader's 8 tenants, or the 8 concurrent requests, and the projector. */
const POOL_SIZE = 10;

export interface Loaded {
  events: number;
  commands: number;
  seconds: number;
  perSecond: number;
}

export interface Prepared {
  engine: Engine;
  handle: DatabaseHandle;
  store: EventStore;
  bus: CommandBus;
  /** `PostgreSQL 15.20 (Debian …)`, or PGlite's. */
  version: string;
  /** Where the data lives: the scratch database or the temporary directory. */
  where: string;
  seeds: Loaded;
  dataset: Loaded & { scale: number; seed: number };
  /** Closes the database and removes it (scratch database dropped, directory deleted). */
  close(): Promise<void>;
}

async function open(engine: Engine, serverUrl: string, onCleanup: (cleanup: () => Promise<void>) => void) {
  if (engine === 'postgres') {
    const scratch = await createScratchDatabase(serverUrl);
    onCleanup(scratch.drop);
    const handle = await connect({ url: scratch.url, maxConnections: POOL_SIZE });
    return { handle, where: `scratch database ${scratch.name}`, remove: scratch.drop };
  }
  // A data directory on disk, as `pnpm start` uses, rather than memory: the figures include PGlite's file I/O.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chitieu-bench-gateway-'));
  const remove = () => rm(dataDir, { recursive: true, force: true });
  onCleanup(remove);
  const handle = await connect({ dataDir });
  return { handle, where: `PGlite data directory ${dataDir}`, remove };
}

function loaded(events: number, commands: number, ms: number): Loaded {
  return { events, commands, seconds: ms / 1000, perSecond: events / (ms / 1000) };
}

/**
 * A fresh database with the schema, the request role, the seeds and the generated dataset at
 * `scale`, loaded through the command bus as an import would be. Nothing is projected yet.
 */
export async function prepareDatabase(options: {
  engine: Engine;
  serverUrl: string;
  scale: number;
  logger: Logger;
  onCleanup: (cleanup: () => Promise<void>) => void;
}): Promise<Prepared> {
  const { logger } = options;
  const { handle, where, remove } = await open(options.engine, options.serverUrl, options.onCleanup);
  const close = async () => {
    await handle.close().catch(() => {});
    await remove();
  };
  try {
    await ensureSchema(handle.db);
    await ensureRequestRole(handle);
    const { rows } = await sql<{ version: string }>`SELECT version()`.execute(handle.db);
    const version = (rows[0]?.version ?? 'unknown').split(' on ')[0] ?? 'unknown';
    logger.info({ engine: options.engine, where, version }, 'database ready');

    const store = createEventStore(handle, domainRegistry);
    const bus = createCommandBus(store);
    let started = performance.now();
    const seeds = await loadSeeds(store, bus, { logger, progress: createProgress('loading seeds', logger) });
    const seedsLoaded = loaded(seeds.events, seeds.commands, performance.now() - started);

    const commands = generateDataset(await bus.reference(), { scale: options.scale, seed: DEFAULT_SEED });
    started = performance.now();
    const summary = await loadDataset(bus, commands, {
      concurrency: LOAD_CONCURRENCY,
      progress: createProgress('loading dataset', logger),
      source: `bench gateway dataset (scale ${options.scale}, seed ${DEFAULT_SEED})`,
    });
    const dataset = { ...loaded(summary.events, summary.commands, performance.now() - started), scale: options.scale };
    logger.info(
      { events: dataset.events, seconds: dataset.seconds.toFixed(1), perSecond: Math.round(dataset.perSecond) },
      'dataset loaded',
    );
    return {
      engine: options.engine,
      handle,
      store,
      bus,
      version,
      where,
      seeds: seedsLoaded,
      dataset: { ...dataset, seed: DEFAULT_SEED },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
