import { sql } from 'kysely';
import type { Trx } from './sql-store.js';

export interface ProjectionLag {
  generation: number | undefined;
  /** Events committed that the live read models do not include yet. */
  events: number;
  /** How long the oldest of them has waited; 0 when there is none. */
  seconds: number;
}

/** How far the live read models are behind the log. */
export async function projectionLag(db: Trx): Promise<ProjectionLag> {
  // Before the first projector ran there is no live generation: everything is behind.
  const { rows } = await sql<{ generation: number | null; events: bigint; oldest: Date | null }>`
    SELECT g.generation, count(e.position) AS events, min(e.recorded_at) AS oldest
    FROM (SELECT 1) AS one
    LEFT JOIN projection_generations g ON g.status = 'live'
    LEFT JOIN events e ON (e.transaction_id, e.position) > (coalesce(g.transaction_id, '0'::xid8), coalesce(g.position, 0))
    GROUP BY g.generation`.execute(db);
  const row = rows[0];
  if (!row) return { generation: undefined, events: 0, seconds: 0 };
  const seconds = row.oldest ? Math.max(0, (Date.now() - row.oldest.getTime()) / 1000) : 0;
  return { generation: row.generation ?? undefined, events: Number(row.events), seconds };
}
