import type { Database } from '@chitieu/database';
import { type Kysely, sql } from 'kysely';

/**
 * Waits until every committed event is readable: readers stop below the cluster's oldest running
 * transaction (docs/event-store.md), and on a shared test server another test's open transaction,
 * in any database, holds them back for a moment. Tests that project "everything" wait here first.
 */
export async function untilReadable(db: Kysely<Database>): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ readable: boolean }>`
      SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS readable
      FROM events`.execute(db);
    if (rows[0]?.readable) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
