import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runEngine } from './run-engine.js';
import { DEFAULT_SERVER_URL } from './scratch-database.js';
import { type EngineReport, renderReport } from './table.js';

const USAGE = `pnpm bench [-- options]
  --engine pglite|postgres|both   default: both when DATABASE_URL is set or --server is given, else pglite
  --server                        also run on the server (DATABASE_URL, else ${DEFAULT_SERVER_URL})
  --events N                      events per measurement (default 20000 on the server, 5000 on PGlite)
  --writers N                     concurrent writers (default 8)
  --json                          print the figures as JSON instead of tables
  --gateway                       the gateway benchmark instead (issue 5): pnpm bench -- --gateway --help`;

type Engine = 'pglite' | 'postgres';

function options() {
  // pnpm passes the "--" of `pnpm bench -- --json` through to the script.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: 'string' },
      server: { type: 'boolean', default: false },
      events: { type: 'string' },
      writers: { type: 'string', default: '8' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const wantsServer = values.server || Boolean(process.env.DATABASE_URL);
  const engine = values.engine ?? (wantsServer ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(engine)) throw new Error(`--engine ${engine}: pglite, postgres or both`);
  const engines: Engine[] = engine === 'both' ? ['pglite', 'postgres'] : [engine as Engine];
  const count = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} ${text}: a whole number ≥ 1`);
    return value;
  };
  return {
    engines,
    serverUrl: process.env.DATABASE_URL || DEFAULT_SERVER_URL,
    events: count('events', values.events),
    writers: count('writers', values.writers) ?? 8,
    json: values.json,
  };
}

async function main() {
  // The gateway benchmark (issue 5) has options of its own; the store benchmark stays the default, and
  // does not load the gateway's modules.
  if (process.argv.includes('--gateway')) {
    const { runGatewayCli } = await import('./gateway/cli.js');
    return runGatewayCli(process.argv.slice(2));
  }
  const started = performance.now();
  const settings = options();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
  };
  // An interrupted run must not leave its scratch database behind.
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  const reports: EngineReport[] = [];
  try {
    for (const engine of settings.engines) {
      reports.push(
        await runEngine({
          engine,
          serverUrl: settings.serverUrl,
          events: settings.events ?? (engine === 'postgres' ? 20_000 : 5_000),
          writers: settings.writers,
          onCleanup: (cleanup) => cleanups.push(cleanup),
        }),
      );
    }
  } finally {
    await cleanUp();
  }
  const seconds = (performance.now() - started) / 1000;
  if (settings.json) {
    const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
    process.stdout.write(`${JSON.stringify({ seconds, engines: reports }, replacer, 2)}\n`);
  } else {
    process.stdout.write(`${reports.map(renderReport).join('\n\n')}\n\ntotal ${seconds.toFixed(1)} s\n`);
  }
}

main().then(
  // The peer's pools and processors may keep timers alive after close; the figures are out by now.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
