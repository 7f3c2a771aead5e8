import { performance } from 'node:perf_hooks';
import { DEFAULT_SERVER_URL } from './scratch-database.js';

export type Engine = 'pglite' | 'postgres';

/** Registers clean-up to run when the run ends, or when the process is interrupted before. */
export type OnCleanup = (cleanup: () => Promise<void>) => void;

/** The usage lines of `--engine` and `--server`, which both benchmarks take. */
export const ENGINE_USAGE = `  --engine pglite|postgres|both   default: both when DATABASE_URL is set or --server is given, else pglite
  --server                        also run on the server (DATABASE_URL, else ${DEFAULT_SERVER_URL})`;

/** The engines that `--engine` and `--server` ask for, and the server a postgres run makes its scratch database on. */
export function chooseEngines(option: string | undefined, server: boolean): { engines: Engine[]; serverUrl: string } {
  const wantsServer = server || Boolean(process.env.DATABASE_URL);
  const engine = option ?? (wantsServer ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(engine)) throw new Error(`--engine ${engine}: pglite, postgres or both`);
  return {
    engines: engine === 'both' ? ['pglite', 'postgres'] : [engine as Engine],
    serverUrl: process.env.DATABASE_URL || DEFAULT_SERVER_URL,
  };
}

export interface EngineRuns<Report> {
  engines: Engine[];
  /** The figures as JSON instead of tables. */
  json: boolean;
  run(engine: Engine, onCleanup: OnCleanup): Promise<Report>;
  render(report: Report): string;
}

/**
 * Runs a benchmark on each engine in turn and prints the reports with the total time. What a run
 * registers through `onCleanup` (its scratch database, its data directory) is done at the end, or on
 * Ctrl-C (SIGTERM) before the process exits with 130 (143).
 */
export async function runOnEngines<Report>(options: EngineRuns<Report>): Promise<void> {
  const started = performance.now();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
  };
  // An interrupted run must not leave its scratch database or data directory behind. Removing them
  // under the run makes its connections fail; those failures are the interruption, not news.
  const interrupt = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping, removing the run's databases\n`);
    process.on('uncaughtException', () => {});
    process.on('unhandledRejection', () => {});
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const reports: Report[] = [];
  try {
    for (const engine of options.engines) {
      reports.push(await options.run(engine, (cleanup) => cleanups.push(cleanup)));
    }
  } finally {
    await cleanUp();
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
    process.stdout.write(`${JSON.stringify({ seconds, engines: reports }, replacer, 2)}\n`);
  } else {
    process.stdout.write(`${reports.map(options.render).join('\n\n')}\n\ntotal ${seconds.toFixed(1)} s\n`);
  }
}
