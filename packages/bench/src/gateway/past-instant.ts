import type { Database } from '@chitieu/database';
import { type Kysely, sql } from 'kysely';
import { PROVINCE } from './queries.js';

/**
 * The instant of the asOf rows: halfway between the adoption of the last of the province's plans
 * (its own and its predecessors') and the last event of those tenants. Every plan exists by then,
 * so the past answer has as many targets as the current one, while the revisions and reports
 * recorded later are not in it: the asOf figure compares like with like. The middle of the whole
 * log would not: the loader appends tenant after tenant, and there the province may not have a plan yet.
 */
export async function pastInstant(db: Kysely<Database>): Promise<Date> {
  const { rows } = await sql<{ adopted: Date | null; last: Date | null }>`
    WITH tenants AS (
      SELECT ${PROVINCE}::text AS tenant
      UNION
      SELECT unnest(predecessors) FROM rm_provinces p
      JOIN projection_generations g ON g.generation = p.generation AND g.status = 'live'
      WHERE p.province = ${PROVINCE} AND p.known_until IS NULL
    ),
    theirs AS (SELECT type, recorded_at FROM events WHERE tenant_id IN (SELECT tenant FROM tenants))
    SELECT (SELECT max(recorded_at) FROM theirs WHERE type = 'PlanAdopted') AS adopted, max(recorded_at) AS last
    FROM theirs`.execute(db);
  const { adopted, last } = rows[0] ?? { adopted: null, last: null };
  if (!adopted || !last) throw new Error(`${PROVINCE} has no plan: were the seeds loaded?`);
  return new Date(adopted.getTime() + Math.floor((last.getTime() - adopted.getTime()) / 2));
}
