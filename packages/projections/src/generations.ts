import type { Checkpoint } from '@chitieu/event-store';
import { sql } from 'kysely';
import type { Trx } from './sql-store.js';

/**
 * The version of what the projector writes. Bump it whenever a change to the projection code would
 * make a rebuilt generation differ from one built before (a new column, a fixed derivation): a
 * process that finds an older live generation then rebuilds beside it (`staleLiveGeneration`).
 */
export const PROJECTION_VERSION = '2026-11-23.4';

/** The read-model tables, every one keyed by generation. */
export const READ_MODEL_TABLES = [
  'rm_provinces',
  'rm_indicators',
  'rm_plans',
  'rm_plan_tasks',
  'rm_targets',
  'rm_reports',
  'rm_rounds',
  'rm_round_submissions',
  'rm_progress',
  'rm_comparison',
] as const;

export interface GenerationRow {
  generation: number;
  status: 'building' | 'live' | 'retired';
  checkpoint: Checkpoint;
  events: bigint;
}

/** The generation readers use, or undefined before the first projector ever ran. */
export async function liveGeneration(db: Trx): Promise<number | undefined> {
  const row = await db
    .selectFrom('projection_generations')
    .select('generation')
    .where('status', '=', 'live')
    .executeTakeFirst();
  return row?.generation;
}

/** The live generation when an older version of the projection code built it; undefined otherwise. */
export async function staleLiveGeneration(db: Trx): Promise<{ generation: number; version: string } | undefined> {
  const row = await db
    .selectFrom('projection_generations')
    .select(['generation', 'version'])
    .where('status', '=', 'live')
    .executeTakeFirst();
  return row && row.version !== PROJECTION_VERSION ? row : undefined;
}

/** Makes generation 1 live when nothing is: a new database. Safe when several processes start. */
export async function ensureLiveGeneration(db: Trx): Promise<number> {
  const existing = await liveGeneration(db);
  if (existing !== undefined) return existing;
  await db
    .insertInto('projection_generations')
    .values({ generation: 1, status: 'live', version: PROJECTION_VERSION, live_at: new Date() })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  return (await liveGeneration(db)) as number;
}

/** Opens a new generation to build beside the live one. */
export async function startGeneration(db: Trx): Promise<number> {
  const { rows } = await sql<{ generation: number }>`
    INSERT INTO projection_generations (generation, status, version)
    SELECT coalesce(max(generation), 0) + 1, 'building', ${PROJECTION_VERSION} FROM projection_generations
    RETURNING generation`.execute(db);
  return (rows[0] as { generation: number }).generation;
}

/**
 * Locks a generation's row for the rest of the transaction and returns where it has got to. Every
 * batch starts here, so two projectors (two processes on one server) never apply the same events:
 * the second waits, then starts from where the first committed.
 */
export async function lockGeneration(
  trx: Trx,
  which: { status: 'live' } | { generation: number },
): Promise<GenerationRow | undefined> {
  const row = await trx
    .selectFrom('projection_generations')
    .select(['generation', 'status', 'transaction_id', 'position', 'events'])
    .$if('status' in which, (query) => query.where('status', '=', 'live'))
    .$if('generation' in which, (query) => query.where('generation', '=', (which as { generation: number }).generation))
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    generation: row.generation,
    status: row.status,
    checkpoint: { transactionId: row.transaction_id, position: row.position },
    events: row.events,
  };
}

/** Moves a generation's checkpoint, in the transaction that wrote its read models. */
export async function advanceGeneration(trx: Trx, generation: number, checkpoint: Checkpoint, handled: number) {
  await trx
    .updateTable('projection_generations')
    .set({
      transaction_id: checkpoint.transactionId.toString(),
      position: checkpoint.position.toString(),
      events: sql`events + ${handled}`,
      updated_at: new Date(),
    })
    .where('generation', '=', generation)
    .execute();
}

/** Makes `next` the live generation and retires the one readers used until now. */
export async function switchGeneration(trx: Trx, next: number): Promise<void> {
  await trx.updateTable('projection_generations').set({ status: 'retired' }).where('status', '=', 'live').execute();
  await trx
    .updateTable('projection_generations')
    .set({ status: 'live', live_at: new Date() })
    .where('generation', '=', next)
    .execute();
}

/** Deletes a retired or abandoned generation's rows. */
export async function dropGeneration(db: Trx, generation: number): Promise<void> {
  for (const table of READ_MODEL_TABLES) {
    await db.deleteFrom(table).where('generation', '=', generation).execute();
  }
}
