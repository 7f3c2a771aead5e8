import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateToLatest } from '@chitieu/database';
import type { Command } from '../context.js';

const GRANTS = new URL('../../../../infra/grants.sql', import.meta.url);

/** `migrate [--grants]`: brings the schema up to date; `--grants` then applies infra/grants.sql. */
export const migrate: Command = async ({ handle, logger, args, out }) => {
  const { values } = parseArgs({ args, options: { grants: { type: 'boolean', default: false } } });
  const result = await migrateToLatest(handle.db);
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  logger.info({ applied }, applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema is up to date');
  for (const name of applied) out(`applied ${name}`);
  if (values.grants) {
    await handle.exec(readFileSync(GRANTS, 'utf8'));
    out('applied infra/grants.sql');
  }
  return 0;
};
