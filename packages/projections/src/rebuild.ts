import type { DatabaseHandle } from '@chitieu/database';
import { type Checkpoint, type EventRegistry, readAll, START } from '@chitieu/event-store';
import type { Progress } from '@chitieu/logging';
import { sql } from 'kysely';
import {
  advanceGeneration,
  dropGeneration,
  liveGeneration,
  lockGeneration,
  READ_MODEL_TABLES,
  startGeneration,
  switchGeneration,
} from './generations.js';
import { MemoryStore } from './memory-store.js';
import { projectEvents } from './project-batch.js';
import { sqlStore, type Trx } from './sql-store.js';
import { readWholeAppends, wholeAppends } from './whole-appends.js';

export interface RebuildResult {
  generation: number;
  retired: number | undefined;
  events: number;
  /** Rows written into the new generation while folding (catching up at the switch not included). */
  rows: number;
  /** Until readers use the new generation. */
  ms: number;
  /**
   * Of which: reading and folding the log (closed versions written meanwhile), writing the rest,
   * catching up and switching.
   */
  phases: { foldMs: number; writeMs: number; switchMs: number };
  /** After the switch: deleting the retired generation's rows and refreshing the planner's statistics. */
  retireMs: number;
}

/** Closed versions held in memory before they are written: bounds a rebuild's memory on a long log. */
const WRITE_CLOSED_AT = 10_000;

/**
 * Rebuilds every read model from the first event into a new generation beside the live one, while
 * readers keep using the live one. The log is folded in memory by the live projector's own apply
 * functions (`MemoryStore`) and each table written in bulk; then, in one transaction that holds the
 * live projector back, the events recorded meanwhile are projected through SQL and readers switch.
 * The retired generation's rows are deleted afterwards.
 */
export async function rebuildReadModels(
  handle: DatabaseHandle,
  registry: EventRegistry,
  options: { batchSize?: number; progress?: Progress; signal?: AbortSignal } = {},
): Promise<RebuildResult> {
  const { db } = handle;
  const batchSize = options.batchSize ?? 5000;
  const started = performance.now();
  const { rows: counted } = await sql<{ count: bigint }>`SELECT count(*) AS count FROM events`.execute(db);
  options.progress?.total(Number(counted[0]?.count ?? 0n));
  const generation = await startGeneration(db);
  let events = 0;
  let rows = 0;
  /** One batch into the new generation through SQL; whether the log may hold more. */
  const catchUp = async (trx: Trx): Promise<boolean> => {
    const building = await lockGeneration(trx, { generation });
    if (!building) throw new Error(`generation ${generation} disappeared during its rebuild`);
    const read = await readAll(trx, registry, { after: building.checkpoint, limit: batchSize });
    const more = read.events.length >= batchSize;
    const batch = wholeAppends(read.events, read.checkpoint, more);
    if (batch.events.length === 0) return more;
    await projectEvents(sqlStore(trx, generation), batch.events);
    await advanceGeneration(trx, generation, batch.checkpoint, batch.events.length);
    events += batch.events.length;
    return more;
  };
  try {
    const memory = new MemoryStore(generation);
    let checkpoint: Checkpoint = START;
    // Closed versions are written while the fold goes on, one write at a time.
    let writing: Promise<void> = Promise.resolve();
    const writeClosed = async () => {
      rows += await memory.write(db, { everything: false });
    };
    for await (const batch of readWholeAppends(db, registry, batchSize)) {
      if (options.signal?.aborted) throw new Error('rebuild cancelled');
      await projectEvents(memory, batch.events);
      checkpoint = batch.checkpoint;
      events += batch.events.length;
      options.progress?.update(events);
      if (memory.closedRows >= WRITE_CLOSED_AT) {
        await writing;
        writing = writeClosed();
        writing.catch(() => {});
      }
    }
    await writing;
    const folded = performance.now();
    // Outside a transaction, so tables are written over several connections at once: a rebuild
    // that fails drops its generation whatever was written.
    rows += await memory.write(db, { everything: true });
    await advanceGeneration(db, generation, checkpoint, events);
    const written = performance.now();
    const retired = await db.transaction().execute(async (trx) => {
      // The live row first: the live projector finishes its batch, then waits for the switch.
      const live = await lockGeneration(trx, { status: 'live' });
      while (await catchUp(trx)) {}
      await switchGeneration(trx, generation);
      return live?.generation;
    });
    const switched = performance.now();
    if (retired !== undefined) await dropGeneration(db, retired);
    // The planner's statistics still count the retired rows and none of the new generation's.
    for (const table of READ_MODEL_TABLES) await sql`ANALYZE ${sql.table(table)}`.execute(db);
    const phases = {
      foldMs: folded - started,
      writeMs: written - folded,
      switchMs: switched - written,
    };
    return {
      generation,
      retired,
      events,
      rows,
      ms: switched - started,
      phases,
      retireMs: performance.now() - switched,
    };
  } catch (error) {
    // A generation that never went live is of no use to anyone.
    if ((await liveGeneration(db)) !== generation) {
      await db.transaction().execute(async (trx) => {
        await dropGeneration(trx, generation);
        await trx.deleteFrom('projection_generations').where('generation', '=', generation).execute();
      });
    }
    throw error;
  } finally {
    options.progress?.stop();
  }
}
