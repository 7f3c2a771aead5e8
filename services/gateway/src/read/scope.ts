import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { tenantsInViewExpression } from './tenants.js';

/** What a read runs in: a transaction limited by row-level security to what the actor may see. */
export interface ReadScope {
  trx: Transaction<Database>;
  /** The live generation of the read models in this transaction's snapshot. */
  generation: number;
  /** Answer as the platform knew it at this instant; now when absent. */
  asOf: Date | undefined;
}

/**
 * How every read transaction is started: read only, and one snapshot for all its statements, so
 * that the answers of one request agree with each other. (PGlite ignores the settings; its one
 * connection is held by the transaction, so nothing commits in between anyway.)
 */
export const READ_TRANSACTION = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/**
 * Makes a fresh transaction a read scope: the role chitieu_api with the actor's role and tenants set
 * for row-level security, so that the database itself refuses another province's rows whatever a
 * resolver asks. A province sees its own tenant and those of the provinces merged into it, in the
 * live generation (tenants.ts). Returns that generation: all of it in one round trip.
 */
export async function enterReadScope(trx: Transaction<Database>, actor: Actor | undefined): Promise<number> {
  const live = trx.selectFrom('projection_generations').select('generation').where('status', '=', 'live');
  const tenants =
    actor?.role === 'province' && actor.province
      ? tenantsInViewExpression(trx, actor.province, { generation: live.$asScalar(), asOf: undefined })
      : undefined;
  // Local to the transaction, like SET LOCAL: nothing outlives it on a pooled connection.
  // set_config('role', …) is SET LOCAL ROLE as a function, so one statement does it all.
  const row = await trx
    .selectNoFrom((eb) => [
      eb.fn<string>('set_config', [sql.lit('chitieu.role'), eb.val(actor?.role ?? ''), eb.lit(true)]).as('role'),
      eb
        .fn<string>('set_config', [
          sql.lit('chitieu.tenants'),
          tenants ? eb.fn('array_to_string', [tenants, sql.lit(',')]) : sql.lit(''),
          eb.lit(true),
        ])
        .as('tenants'),
      eb.fn<string>('set_config', [sql.lit('role'), sql.lit('chitieu_api'), eb.lit(true)]).as('as_role'),
      live.as('generation'),
    ])
    .executeTakeFirst();
  return row?.generation ?? 0;
}

/**
 * Runs `read` in a transaction of its own (one read scope, committed when it resolves). Reads of a
 * GraphQL query share one transaction instead (request-reads.ts); this is for the others: a
 * mutation's, a subscription's, a test's.
 */
export async function withReadScope<T>(
  db: Kysely<Database>,
  actor: Actor | undefined,
  asOf: Date | undefined,
  read: (scope: ReadScope) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel(READ_TRANSACTION.isolationLevel)
    .setAccessMode(READ_TRANSACTION.accessMode)
    .execute(async (trx) => read({ trx, generation: await enterReadScope(trx, actor), asOf }));
}
