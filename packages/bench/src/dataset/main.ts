// Loads the generated dataset into a database:
//   pnpm --filter @chitieu/bench exec tsx src/dataset/main.ts --scale 1 [--seed N] [--concurrency N] [--data-dir DIR]
// The database is DATABASE_URL (a PostgreSQL server), else PGlite in --data-dir, else PGlite in memory.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCommandBus, loadSeeds } from '@chitieu/commands';
import { connect, ensureSchema } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { createEventStore } from '@chitieu/event-store';
import { createLogger, createProgress } from '@chitieu/logging';
import { countByType, DEFAULT_SEED, generateDataset } from './generate.js';
import { loadDataset } from './load.js';
import { routeOf } from './route.js';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      concurrency: { type: 'string', default: '8' },
      'data-dir': { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  const logger = createLogger('chitieu-dataset');
  const controller = new AbortController();
  // First signal: stop after the commands in hand and close the database; a second one exits at once.
  const stop = () => (controller.signal.aborted ? process.exit(130) : controller.abort());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const url = process.env.DATABASE_URL?.trim() || undefined;
  const dataDir = url ? undefined : values['data-dir'];
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const handle = await connect({ url, dataDir, maxConnections: concurrency + 2 });
  const where = url ? `postgres ${new URL(url).host}${new URL(url).pathname}` : `pglite ${dataDir ?? '(in memory)'}`;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const { applied } = await ensureSchema(handle.db);
    logger.info({ where, applied }, 'database ready');
    const store = createEventStore(handle, domainRegistry);
    const bus = createCommandBus(store);
    const seeds = await loadSeeds(store, bus, { logger, progress: createProgress('loading seeds', logger) });
    out(seeds.loaded ? `Seeds loaded: ${seeds.events} events.` : 'Seeds already loaded.');

    const started = performance.now();
    const commands = generateDataset(await bus.reference(), { scale, seed });
    out(`Generated ${commands.length} commands (scale ${scale}, seed ${seed}) in ${ms(started)} ms:`);
    for (const [type, count] of Object.entries(countByType(commands))) out(`  ${type.padEnd(18)} ${count}`);

    // A second load would be refused at its first report; say so instead.
    const first = commands[0];
    if (first) {
      const { tenant, stream } = routeOf(first.command);
      if ((await store.readStream({ tenant, stream, limit: 1 })).streamVersion > 0) {
        out(`This dataset is already loaded (${stream} exists): nothing appended.`);
        return 0;
      }
    }
    const summary = await loadDataset(bus, commands, {
      concurrency,
      progress: createProgress('loading dataset', logger),
      signal: controller.signal,
      source: `bench dataset (scale ${scale}, seed ${seed})`,
    });
    const rate = Math.round(summary.events / (summary.ms / 1000));
    out(
      `Loaded ${summary.commands} commands, ${summary.events} events in ${(summary.ms / 1000).toFixed(1)} s ` +
        `(${rate} events/s, ${concurrency} tenants at once) into ${where}.`,
    );
    return summary.commands === commands.length ? 0 : 130;
  } finally {
    await handle.close();
  }
}

function ms(since: number): number {
  return Math.round(performance.now() - since);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
