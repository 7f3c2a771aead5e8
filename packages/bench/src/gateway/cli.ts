import { parseArgs } from 'node:util';
import { createLogger } from '@chitieu/logging';
import { chooseEngines, ENGINE_USAGE, runOnEngines } from '../engines.js';
import { renderGatewayReport } from './report.js';
import { runGatewayBench } from './run-gateway.js';

const USAGE = `pnpm bench -- --gateway [options]
${ENGINE_USAGE}
  --scale N                       dataset scale, 1 ≈ 18,400 events (default 1; 0.05 for a quick run)
  --requests N                    measured requests per row (default 400)
  --warm-up N                     unmeasured requests first (default 40)
  --concurrency LIST              concurrent requests, one row each (default 1,8)
  --replay-requests N             requests of the provinceState replay rows (default 100)
  --skip-catch-up                 project once (the rebuild), not also by catchUp from zero first
  --json                          print the figures as JSON instead of tables`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      gateway: { type: 'boolean', default: true },
      engine: { type: 'string' },
      server: { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
      requests: { type: 'string', default: '400' },
      'warm-up': { type: 'string', default: '40' },
      concurrency: { type: 'string', default: '1,8' },
      'replay-requests': { type: 'string', default: '100' },
      'skip-catch-up': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const { engines, serverUrl } = chooseEngines(values.engine, values.server);
  const whole = (name: string, text: string, least = 1) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < least) throw new Error(`--${name} ${text}: a whole number ≥ ${least}`);
    return value;
  };
  const scale = Number(values.scale);
  if (!(scale > 0 && Number.isFinite(scale))) throw new Error(`--scale ${values.scale}: a positive number`);
  return {
    engines,
    serverUrl,
    scale,
    requests: whole('requests', values.requests),
    warmUp: whole('warm-up', values['warm-up'], 0),
    concurrencies: values.concurrency.split(',').map((text) => whole('concurrency', text.trim())),
    replayRequests: whole('replay-requests', values['replay-requests']),
    catchUp: !values['skip-catch-up'],
    json: values.json,
  };
}

/** `pnpm bench -- --gateway …`: the gateway benchmark on each engine asked for, printed as tables or JSON. */
export async function runGatewayCli(argv: string[]): Promise<void> {
  const settings = parse(argv);
  const logger = createLogger('chitieu-bench');
  await runOnEngines({
    engines: settings.engines,
    json: settings.json,
    run: (engine, onCleanup) => runGatewayBench({ ...settings, engine, logger, onCleanup }),
    render: renderGatewayReport,
  });
}
