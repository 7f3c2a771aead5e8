import type { DatabaseHandle } from '@chitieu/database';
import { type EventRegistry, readAll } from '@chitieu/event-store';
import type { Progress } from '@chitieu/logging';
import { sql } from 'kysely';
import {
  advanceGeneration,
  dropGeneration,
  liveGeneration,
  lockGeneration,
  startGeneration,
  switchGeneration,
} from './generations.js';
import { projectEvents } from './project-batch.js';
import type { Trx } from './versioned.js';

export interface RebuildResult {
  generation: number;
  retired: number | undefined;
  events: number;
  ms: number;
}

/**
 * Rebuilds every read model from the first event into a new generation beside the live one, while
 * readers keep using the live one; then, in one transaction that holds the live projector back,
 * catches up the last events and switches. The retired generation's rows are deleted afterwards.
 */
export async function rebuildReadModels(
  handle: DatabaseHandle,
  registry: EventRegistry,
  options: { batchSize?: number; progress?: Progress; signal?: AbortSignal } = {},
): Promise<RebuildResult> {
  const { db } = handle;
  const batchSize = options.batchSize ?? 1000;
  const started = performance.now();
  const { rows } = await sql<{ count: bigint }>`SELECT count(*) AS count FROM events`.execute(db);
  options.progress?.total(Number(rows[0]?.count ?? 0n));
  const generation = await startGeneration(db);
  let events = 0;
  const step = async (trx: Trx): Promise<number> => {
    const building = await lockGeneration(trx, { generation });
    if (!building) throw new Error(`generation ${generation} disappeared during its rebuild`);
    const batch = await readAll(trx, registry, { after: building.checkpoint, limit: batchSize });
    if (batch.events.length === 0) return 0;
    await projectEvents(trx, generation, batch.events);
    await advanceGeneration(trx, generation, batch.checkpoint, batch.events.length);
    events += batch.events.length;
    options.progress?.update(events);
    return batch.events.length;
  };
  try {
    while ((await db.transaction().execute(step)) === batchSize) {
      if (options.signal?.aborted) throw new Error('rebuild cancelled');
    }
    const retired = await db.transaction().execute(async (trx) => {
      // The live row first: the live projector finishes its batch, then waits for the switch.
      const live = await lockGeneration(trx, { status: 'live' });
      while ((await step(trx)) === batchSize) {}
      await switchGeneration(trx, generation);
      return live?.generation;
    });
    if (retired !== undefined) await dropGeneration(db, retired);
    return { generation, retired, events, ms: performance.now() - started };
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
