import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code, so it runs the same way forever.
//
// The database's own check of who writes where, behind the command handler's: every event records
// its actor (from the verified token), and an actor may only append to its tenants. The ministry
// writes the national tenant; a province its own, and a merged predecessor's (the merger recorded in
// the national registry); the system (seed loader) anything; an auditor nothing. Restrictive: it
// narrows every permissive policy, for every role that row-level security applies to.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE POLICY actor_writes_own_tenants ON events AS RESTRICTIVE FOR INSERT WITH CHECK (
      CASE metadata->'actor'->>'role'
        WHEN 'system' THEN true
        WHEN 'ministry' THEN tenant_id = 'national'
        WHEN 'province' THEN
          tenant_id = metadata->'actor'->>'province'
          OR EXISTS (
            SELECT 1 FROM events merger
            WHERE merger.tenant_id = 'national' AND merger.type = 'ProvincesMerged'
              AND merger.data->>'successor' = events.metadata->'actor'->>'province'
              AND merger.data->'predecessors' ? events.tenant_id)
        ELSE false
      END
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP POLICY actor_writes_own_tenants ON events`.execute(db);
}
