import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@chitieu/domain';
import { createTokenKeys, signToken, startGateway } from '@chitieu/gateway';
import { createLogger, type Logger } from '@chitieu/logging';
import { staleLiveGeneration } from '@chitieu/projections';
import { sql } from 'kysely';
import { checkAnswers } from './agreement.js';
import { measureLatency } from './latency.js';
import { openLoadProcess } from './load.js';
import { pastInstant } from './past-instant.js';
import { type Engine, prepareDatabase } from './prepare.js';
import { measureProjection } from './projection.js';
import { PROVINCE } from './queries.js';
import type { GatewayReport } from './report.js';

export interface GatewayBenchOptions {
  engine: Engine;
  serverUrl: string;
  /** Of the generated dataset: 1 ≈ 18,400 events. */
  scale: number;
  /** Concurrent requests of each latency row, one row per value. */
  concurrencies: number[];
  requests: number;
  warmUp: number;
  /** Requests of the replay rows, which fold the province's events on every request. */
  replayRequests: number;
  /** Also project from zero by catchUp before the rebuild: the live path, as long again. */
  catchUp: boolean;
  logger?: Logger;
  /** Registers clean-up to run if the process is interrupted. */
  onCleanup: (cleanup: () => Promise<void>) => void;
}

const SECRET = 'bench-gateway-secret-long-enough-for-hs256-0123456789';

const ACTORS = {
  ministry: { id: 'bench@moh.gov.vn', role: 'ministry' },
  province: { id: 'bench@thai-nguyen', role: 'province', province: PROVINCE },
  auditor: { id: 'bench@sav.gov.vn', role: 'auditor' },
} satisfies Record<string, Actor>;

/**
 * The gateway benchmark on one engine: a fresh database loaded with the dataset at `scale`, the
 * projection measured, then the gateway started in process and loaded over HTTP by a second
 * process, each query beside the direct reads that compute the same answer.
 */
export async function runGatewayBench(options: GatewayBenchOptions): Promise<GatewayReport> {
  const started = performance.now();
  const logger = options.logger ?? createLogger('chitieu-bench');
  const prepared = await prepareDatabase({ ...options, logger });
  const { handle } = prepared;
  const closers: Array<() => Promise<void>> = [prepared.close];
  try {
    const projection = await measureProjection(handle, logger, { catchUp: options.catchUp });
    // Autovacuum analyses the new generation's rows within a minute or so of a rebuild; the figures
    // are of the gateway as it then runs, not of the plans PostgreSQL picks on tables it has never
    // analysed (with no statistics, progressOfTargets scans every progress row of the generation).
    await sql`ANALYZE`.execute(handle.db);

    // A gateway that finds read models of older projection code rebuilds them in the background,
    // which would be measured along with the requests. The ones just rebuilt must be current.
    const stale = await staleLiveGeneration(handle.db);
    if (stale) throw new Error(`generation ${stale.generation} is of projection code ${stale.version}: stale`);

    const keys = createTokenKeys({ JWT_SECRET: SECRET });
    const gateway = await startGateway({
      handle,
      // Not the bench's logger: an access line per request would be most of what is measured on stderr.
      logger: createLogger('chitieu-gateway', process.env.LOG_LEVEL ?? 'warn'),
      keys,
      port: 0,
      hostname: '127.0.0.1',
      development: undefined,
      loadSeeds: false,
    });
    closers.unshift(gateway.close);
    const url = `${gateway.url}/graphql`;
    const tokens = {
      ministry: await signToken(keys, { sub: ACTORS.ministry.id, role: 'ministry' }),
      province: await signToken(keys, { sub: ACTORS.province.id, role: 'province', province: PROVINCE }),
      auditor: await signToken(keys, { sub: ACTORS.auditor.id, role: 'auditor' }),
    };
    const asOf = await pastInstant(handle.db);
    const { db } = handle;

    const { mismatches, sizes } = await checkAnswers({ url, db, tokens, actors: ACTORS, asOf });
    for (const line of mismatches) logger.error({ mismatch: line }, 'HTTP and direct answers DIFFER');
    logger.info(sizes, 'answers checked');

    const load = await openLoadProcess();
    closers.unshift(load.close);
    const { latency, ratios } = await measureLatency({ url, db, load, tokens, actors: ACTORS, asOf }, options, logger);

    const cpu = os.cpus()[0]?.model.trim() ?? 'unknown cpu';
    return {
      engine: options.engine,
      header: {
        date: new Date().toISOString(),
        node: process.version,
        cpu,
        cores: os.cpus().length,
        postgres: prepared.version,
      },
      seeds: prepared.seeds,
      dataset: prepared.dataset,
      projection,
      asOf: asOf.toISOString(),
      requests: options.requests,
      warmUp: options.warmUp,
      latency,
      ratios,
      sizes,
      mismatches,
      notes: [
        'HTTP: the gateway (startGateway, as `pnpm start` runs it; access log off) in this process, loaded by a second ' +
          'process (load-client.ts) over keep-alive connections; direct: the same reads called in this process.',
        `replay rows: ${options.replayRequests} requests each.`,
        options.engine === 'pglite'
          ? 'PGlite has one connection: concurrent requests take turns on it, so concurrency adds queueing, not parallelism.'
          : `${prepared.where}, dropped at the end; pool of 10 connections.`,
        'ANALYZE ran after the rebuild, as autovacuum would shortly after one.',
      ],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const close of closers) await close().catch(() => {});
  }
}
