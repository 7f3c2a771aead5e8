import { parseArgs } from 'node:util';
import { chooseEngines, ENGINE_USAGE, runOnEngines } from './engines.js';
import { runEngine } from './run-engine.js';
import { renderReport } from './table.js';

const USAGE = `pnpm bench [-- options]
${ENGINE_USAGE}
  --events N                      events per measurement (default 20000 on the server, 5000 on PGlite)
  --writers N                     concurrent writers (default 8)
  --json                          print the figures as JSON instead of tables
  --gateway                       the gateway benchmark instead (issue 5): pnpm bench -- --gateway --help`;

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
  const { engines, serverUrl } = chooseEngines(values.engine, values.server);
  const count = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} ${text}: a whole number ≥ 1`);
    return value;
  };
  return {
    engines,
    serverUrl,
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
  const settings = options();
  await runOnEngines({
    engines: settings.engines,
    json: settings.json,
    run: (engine, onCleanup) =>
      runEngine({
        engine,
        serverUrl: settings.serverUrl,
        events: settings.events ?? (engine === 'postgres' ? 20_000 : 5_000),
        writers: settings.writers,
        onCleanup,
      }),
    render: renderReport,
  });
}

main().then(
  // The peer's pools and processors may keep timers alive after close; the figures are out by now.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
