import type { Database } from '@chitieu/database';
import type { Kysely } from 'kysely';
import { type Checkpoint, START } from './types.js';

/** Where the named subscription has got to; the start of the log when it has never run. */
export async function loadCheckpoint(db: Kysely<Database>, name: string): Promise<Checkpoint> {
  const row = await db
    .selectFrom('subscription_checkpoints')
    .select(['transaction_id', 'position'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? { transactionId: row.transaction_id, position: row.position } : START;
}

/** Records that the named subscription has handled everything up to `checkpoint`. */
export async function saveCheckpoint(db: Kysely<Database>, name: string, checkpoint: Checkpoint): Promise<void> {
  const values = {
    transaction_id: checkpoint.transactionId.toString(),
    position: checkpoint.position.toString(),
    updated_at: new Date(),
  };
  await db
    .insertInto('subscription_checkpoints')
    .values({ name, ...values })
    .onConflict((conflict) => conflict.column('name').doUpdateSet(values))
    .execute();
}
