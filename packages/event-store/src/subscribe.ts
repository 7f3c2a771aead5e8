import type { Database, DatabaseHandle } from '@chitieu/database';
import { type Kysely, sql } from 'kysely';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.js';
import { EVENTS_CHANNEL } from './notify.js';
import { readAll } from './read-all.js';
import type { EventRegistry } from './registry.js';
import { type Checkpoint, type RecordedEvent, START } from './types.js';
import { createWaker } from './waker.js';

export { EVENTS_CHANNEL } from './notify.js';

export interface SubscribeOptions {
  /**
   * Start after this checkpoint, or `'now'`: after every transaction that had ended when the loop
   * started (before `caughtUp()` resolves), so that only what commits later is delivered, including
   * what an older transaction, still open then, commits later. Without it: the saved checkpoint of
   * `name`, or the beginning.
   */
  from?: Checkpoint | 'now';
  /** A durable subscription: its checkpoint is saved after every handled batch and resumed from. */
  name?: string;
  tenant?: string;
  types?: readonly string[];
  batchSize?: number;
  /** How often to look when no notification arrives (a notification may be lost with a connection). */
  pollIntervalMs?: number;
  /** Called once per batch, in commit order; the checkpoint moves only after it resolves. */
  handle: (events: RecordedEvent[], checkpoint: Checkpoint) => Promise<void> | void;
}

export interface Subscription {
  /** The last event handled. */
  readonly checkpoint: Checkpoint;
  /** Resolves once everything committed before the call has been handled. */
  caughtUp(): Promise<void>;
  /** Stops after the batch in hand; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop, rejects with the handler's error. */
  readonly done: Promise<void>;
}

/**
 * Catches up from a checkpoint, then follows the log live: woken by NOTIFY (the server's LISTEN, or
 * PGlite's own), and by a poll as a fallback. Delivers every event exactly once and in commit order
 * to a handler that succeeds; a handler that throws ends the subscription without moving the
 * checkpoint past the failed batch.
 */
export function subscribe(handle: DatabaseHandle, registry: EventRegistry, options: SubscribeOptions): Subscription {
  const { db } = handle;
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  let checkpoint: Checkpoint = options.from === undefined || options.from === 'now' ? START : options.from;
  // From 'now': the transactions that had ended then, to be skipped where the log still shows them.
  let hadEnded: ((transactionId: bigint) => boolean) | undefined;
  let stopped = false;
  const waker = createWaker(pollIntervalMs);
  let ended = false;
  // Waiters for caughtUp(), each with the xmax of a snapshot taken when it asked: every transaction
  // that had committed by then has a smaller id. A waiter is released once every event of the
  // transactions below a horizon at least that high has been handled (see the loop).
  let waiters: Array<{ target: bigint; resolve: () => void }> = [];

  const done = (async () => {
    let unlisten: (() => Promise<void>) | undefined;
    try {
      // 'now' first, as close to the call as can be: what commits before LISTEN is read anyway.
      if (options.from === 'now') ({ checkpoint, hadEnded } = await now(db));
      unlisten = await handle.listen(EVENTS_CHANNEL, waker.notify);
      if (!options.from && options.name) checkpoint = await loadCheckpoint(db, options.name);
      while (!stopped) {
        waker.arm();
        // Every transaction below this horizon has ended, so the read that follows sees all of it.
        // An empty read alone does not do: events of transactions committed before caughtUp() was
        // called stay hidden from readAll while an older transaction (of any database) is open.
        const horizon = waiters.length > 0 ? await snapshotXmin(db) : undefined;
        const batch = await readAll(db, registry, {
          after: checkpoint,
          limit: batchSize,
          ...(options.tenant !== undefined && { tenant: options.tenant }),
          ...(options.types !== undefined && { types: options.types }),
        });
        if (batch.events.length > 0) {
          const events = hadEnded ? batch.events.filter((event) => !hadEnded?.(event.transactionId)) : batch.events;
          if (events.length > 0) await options.handle(events, batch.checkpoint);
          checkpoint = batch.checkpoint;
          if (options.name) await saveCheckpoint(db, options.name, checkpoint);
        }
        // A batch that was not full held every event left below the horizon: all handled now.
        if (horizon !== undefined && batch.events.length < batchSize) {
          const released = waiters.filter((waiter) => waiter.target <= horizon);
          waiters = waiters.filter((waiter) => waiter.target > horizon);
          for (const waiter of released) waiter.resolve();
        }
        if (batch.events.length > 0) continue;
        await waker.sleep();
      }
    } finally {
      ended = true;
      await unlisten?.();
      for (const waiter of waiters) waiter.resolve();
    }
  })();

  return {
    get checkpoint() {
      return checkpoint;
    },
    caughtUp: async () => {
      if (stopped || ended) return;
      const target = await snapshotXmax(db);
      if (stopped || ended) return;
      await new Promise<void>((resolve) => {
        waiters.push({ target, resolve });
        waker.notify();
      });
    },
    stop: async () => {
      stopped = true;
      waker.stop();
      await done.catch(() => {});
    },
    done,
  };
}

/** Past every position: positions are int8. */
const LAST_POSITION = 2n ** 63n - 1n;

/**
 * Where "now" starts. Every transaction below the snapshot's xmin has ended: start after all of
 * them. Between xmin and xmax, beside the older ones still running, some had ended too (committed or
 * rolled back): their events come after the checkpoint in commit order, and are skipped.
 */
async function now(db: Kysely<Database>): Promise<{ checkpoint: Checkpoint; hadEnded: (id: bigint) => boolean }> {
  const { rows } = await sql<{ xmin: bigint; xmax: bigint; running: string[] }>`
    SELECT pg_snapshot_xmin(s) AS xmin, pg_snapshot_xmax(s) AS xmax,
           ARRAY(SELECT pg_snapshot_xip(s)::text) AS running
    FROM pg_current_snapshot() AS s`.execute(db);
  const { xmin, xmax, running } = rows[0] as { xmin: bigint; xmax: bigint; running: string[] };
  const open = new Set(running.map(BigInt));
  return {
    checkpoint: { transactionId: xmin - 1n, position: LAST_POSITION },
    hadEnded: (id) => id < xmax && !open.has(id),
  };
}

async function snapshotXmin(db: Kysely<Database>): Promise<bigint> {
  const { rows } = await sql<{ xmin: bigint }>`SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin`.execute(db);
  return (rows[0] as { xmin: bigint }).xmin;
}

async function snapshotXmax(db: Kysely<Database>): Promise<bigint> {
  const { rows } = await sql<{ xmax: bigint }>`SELECT pg_snapshot_xmax(pg_current_snapshot()) AS xmax`.execute(db);
  return (rows[0] as { xmax: bigint }).xmax;
}
