import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import { type Kysely, sql, type Transaction } from 'kysely';

/** What a read runs in: a transaction limited by row-level security to what the actor may see. */
export interface ReadScope {
  trx: Transaction<Database>;
  /** The live generation of the read models in this transaction's snapshot. */
  generation: number;
  /** Answer as the platform knew it at this instant; now when absent. */
  asOf: Date | undefined;
}

/**
 * Runs `read` in a transaction under the role chitieu_api with the actor's role and tenants set for
 * row-level security: the database itself refuses another province's rows, whatever a resolver
 * asks. A province sees its own tenant and those of the provinces merged into it.
 */
export async function withReadScope<T>(
  db: Kysely<Database>,
  actor: Actor | undefined,
  asOf: Date | undefined,
  read: (scope: ReadScope) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const tenants = actor?.role === 'province' && actor.province ? await ownTenants(trx, actor.province) : [];
    await sql`SELECT set_config('chitieu.role', ${actor?.role ?? ''}, true),
                     set_config('chitieu.tenants', ${tenants.join(',')}, true)`.execute(trx);
    await sql`SET LOCAL ROLE chitieu_api`.execute(trx);
    const live = await trx
      .selectFrom('projection_generations')
      .select('generation')
      .where('status', '=', 'live')
      .executeTakeFirst();
    return read({ trx, generation: live?.generation ?? 0, asOf });
  });
}

async function ownTenants(trx: Transaction<Database>, province: string): Promise<string[]> {
  const row = await trx
    .selectFrom('rm_provinces')
    .select('predecessors')
    .where('province', '=', province)
    .where('known_until', 'is', null)
    .executeTakeFirst();
  return [province, ...(row?.predecessors ?? [])];
}
