import type { Database } from '@chitieu/database';
import { type Kysely, sql } from 'kysely';
import type { EventRegistry } from './registry.js';
import { toRecordedEvent } from './row.js';
import { type Checkpoint, checkpointOf, type RecordedEvent, START } from './types.js';

export interface ReadAllOptions {
  /** Return events after this one, in commit order. From the beginning by default. */
  after?: Checkpoint;
  /** Batch size; 1,000 by default. */
  limit?: number;
  tenant?: string;
  types?: readonly string[];
  /** Only events recorded at or before this instant: "as of" replays. */
  recordedUpTo?: Date;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Where the next batch starts: the last event returned, or `after` when there was none. */
  checkpoint: Checkpoint;
}

/**
 * One batch of the log after a checkpoint, in commit order. Only events of transactions older than
 * every transaction still running are returned (the snapshot's xmin): a transaction that started
 * before and commits after a later one can therefore never be skipped, and the checkpoint never runs
 * ahead of an event that may still appear. The price is that a long-running transaction holds
 * readers back until it ends.
 */
export async function readAll(
  db: Kysely<Database>,
  registry: EventRegistry,
  options: ReadAllOptions = {},
): Promise<ReadAllResult> {
  const after = options.after ?? START;
  // No type is asked for, so no event matches; SQL has no empty `IN ()` to say so.
  if (options.types?.length === 0) return { events: [], checkpoint: after };
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where(
      sql<boolean>`(transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)`,
    )
    .where('transaction_id', '<', sql<bigint>`pg_snapshot_xmin(pg_current_snapshot())`)
    .$if(options.tenant !== undefined, (query) => query.where('tenant_id', '=', options.tenant as string))
    .$if(options.types !== undefined, (query) => query.where('type', 'in', options.types as string[]))
    .$if(options.recordedUpTo !== undefined, (query) => query.where('recorded_at', '<=', options.recordedUpTo as Date))
    .orderBy('transaction_id')
    .orderBy('position')
    .limit(options.limit ?? 1000)
    .execute();
  const events = rows.map((row) => toRecordedEvent(row, registry));
  const last = events.at(-1);
  return { events, checkpoint: last ? checkpointOf(last) : after };
}

/** Every batch from `after` to the end of what is committed now. */
export async function* readAllBatches(
  db: Kysely<Database>,
  registry: EventRegistry,
  options: ReadAllOptions = {},
): AsyncGenerator<ReadAllResult> {
  let after = options.after ?? START;
  const limit = options.limit ?? 1000;
  for (;;) {
    const batch = await readAll(db, registry, { ...options, after, limit });
    if (batch.events.length > 0) yield batch;
    if (batch.events.length < limit) return;
    after = batch.checkpoint;
  }
}

/**
 * Everything recorded up to `at`, in commit order: the input of an "as of" replay. An event counts
 * from the instant its append ran, which is at most the duration of that transaction before it was
 * visible to others.
 */
export async function* readAsOf(
  db: Kysely<Database>,
  registry: EventRegistry,
  options: Omit<ReadAllOptions, 'recordedUpTo'> & { at: Date },
): AsyncGenerator<RecordedEvent> {
  for await (const batch of readAllBatches(db, registry, { ...options, recordedUpTo: options.at })) {
    yield* batch.events;
  }
}
