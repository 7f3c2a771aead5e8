import { openDatabase } from '@chitieu/database';
import { createLogger } from '@chitieu/logging';
import { createTokenKeys, signToken } from './auth/tokens.js';
import type { DevTokens } from './examples.js';
import { startGateway } from './start-gateway.js';

// `pnpm start`: the gateway and the projector in one process, on PGlite unless DATABASE_URL is set.
const logger = createLogger('gateway');
const production = process.env.NODE_ENV === 'production';
const port = Number(process.env.PORT ?? 4000);
const controller = new AbortController();
let stopping: Promise<void> | undefined;

async function main(): Promise<void> {
  const keys = createTokenKeys(process.env);
  const { handle, location } = await openDatabase();
  logger.info(location, 'database opened');
  const tokens: DevTokens | undefined = production
    ? undefined
    : {
        ministry: await signToken(keys, { sub: 'phan-tich@moh.gov.vn', role: 'ministry' }),
        province: await signToken(keys, {
          sub: 'chuyen-vien@thai-nguyen',
          role: 'province',
          province: 'thai-nguyen-2025',
        }),
        auditor: await signToken(keys, { sub: 'kiem-toan@sav.gov.vn', role: 'auditor' }),
      };
  const gateway = await startGateway({
    handle,
    logger,
    keys,
    port,
    ...(process.env.HOST && { hostname: process.env.HOST }),
    development: tokens,
    loadSeeds: process.env.CHITIEU_SEEDS !== 'off',
    signal: controller.signal,
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    controller.abort();
    stopping = (async () => {
      await gateway.close();
      await handle.close();
      logger.info('stopped');
    })();
    stopping.then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`chitieu console: ${gateway.url}/  (the web page for the ministry, the provinces and the auditors)`);
  out(`chitieu gateway: ${gateway.url}/graphql  (${location.engine}: ${location.where})`);
  if (tokens) {
    out(`GraphiQL: open ${gateway.url}/graphql in a browser; its tabs hold the three users' questions.`);
    out('Development tokens (12 h; send as "Authorization: Bearer <token>"):');
    out(`  ministry                    ${tokens.ministry}`);
    out(`  province thai-nguyen-2025   ${tokens.province}`);
    out(`  auditor                     ${tokens.auditor}`);
  }
}

main().catch((error) => {
  logger.fatal({ err: error }, 'the gateway could not start');
  process.exit(1);
});
