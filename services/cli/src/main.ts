#!/usr/bin/env -S npx tsx
import { ChitieuError } from '@chitieu/errors';
import { createLogger } from '@chitieu/logging';
import { demo } from './commands/demo.js';
import { follow } from './commands/follow.js';
import { importTable } from './commands/import.js';
import { migrate } from './commands/migrate.js';
import { read } from './commands/read.js';
import { rebuild } from './commands/rebuild.js';
import { tenants } from './commands/tenants.js';
import { verify } from './commands/verify.js';
import type { Command } from './context.js';
import { openDatabase } from './open-database.js';
import { onShutdown } from './shutdown.js';

const COMMANDS: Record<string, Command> = {
  demo,
  migrate,
  tenants,
  read,
  verify,
  follow,
  import: importTable,
  rebuild,
};

const USAGE = `chitieu <command> [options]   (pnpm cli <command> …)

  demo                         migrate, append Kiên Giang's 2017 baselines, replay the log, verify
  migrate [--grants]           apply migrations (and infra/grants.sql) to the database
  tenants                      list tenants
  read [--tenant T] [--stream S] [--after TX:POS] [--as-of ISO] [--type T …] [--json]
  verify [TENANT …] [--trusted-head SEQ:HASH]
  rebuild                      rebuild every read model from the log beside the live ones, then switch
  follow [--name N] [--tenant T] [--after TX:POS] [--json]
  import FILE --province P --plan NUMBER [--kind K] [--issuer I] [--issued-on DATE] [--title T]
         [--period FROM-TO] [--implements R …] [--dry-run] [--json]
                               read a target table (.csv, .xlsx, .json), list every faulty row
                               (line and reason); unless --dry-run and only when no row is faulty,
                               adopt the plan in province P (needs the seeds: pnpm start).
                               Exit 1 when any row is faulty: then nothing is written.

The database is DATABASE_URL (a PostgreSQL server) or else PGlite in CHITIEU_DATA_DIR
(default: .data/pglite in the repository). Logs are JSON on stderr; LOG_LEVEL sets their level.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv.filter((arg) => arg !== '--');
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  const logger = createLogger(`chitieu-${name}`);
  const signal = onShutdown(logger);
  const { handle, location } = await openDatabase();
  try {
    return await command({
      handle,
      location,
      logger,
      signal,
      args,
      out: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof ChitieuError) {
      logger.error({ code: error.code, details: error.details, issues: error.issues }, error.message);
      process.stderr.write(`error ${error.code}${error.field ? ` at ${error.field}` : ''}: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

// `pnpm cli read | head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
