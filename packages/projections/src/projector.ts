import type { DatabaseHandle } from '@chitieu/database';
import {
  type Checkpoint,
  compareCheckpoints,
  createWaker,
  EVENTS_CHANNEL,
  type EventRegistry,
  readAll,
  START,
} from '@chitieu/event-store';
import type { Logger } from '@chitieu/logging';
import { advanceGeneration, ensureLiveGeneration, lockGeneration } from './generations.js';
import { projectEvents } from './project-batch.js';
import { sqlStore } from './sql-store.js';
import { wholeAppends } from './whole-appends.js';

export interface ProjectorOptions {
  batchSize?: number;
  /** How often to look when no notification arrives. */
  pollIntervalMs?: number;
  logger?: Logger;
  /** Called after every committed batch (metrics). */
  onBatch?: (info: { generation: number; events: number; checkpoint: Checkpoint; ms: number }) => void;
  /**
   * The first batch waits until this settles: a rebuild that will replace the live generation
   * should not have the projector compete with it for the database to bring the old one up to date.
   */
  startAfter?: Promise<unknown>;
}

export interface Projector {
  /** Where the live generation has got to, as last seen by this process. */
  readonly checkpoint: Checkpoint;
  /** Resolves once the live read models include the event at `checkpoint` (a caller reads its own write). */
  waitFor(checkpoint: Checkpoint, timeoutMs?: number): Promise<boolean>;
  /** Stops after the batch in hand. */
  stop(): Promise<void>;
  /** Settles when the loop ends; rejects with the error that ended it. */
  readonly done: Promise<void>;
}

/** One batch into the live generation, in one transaction; nothing when there is no live generation. */
async function projectBatch(handle: DatabaseHandle, registry: EventRegistry, batchSize: number) {
  const started = performance.now();
  const outcome = await handle.db.transaction().execute(async (trx) => {
    const live = await lockGeneration(trx, { status: 'live' });
    if (!live) return { handled: 0, more: false, generation: undefined, checkpoint: START };
    const batch = await readAll(trx, registry, { after: live.checkpoint, limit: batchSize });
    const more = batch.events.length >= batchSize;
    const { events, checkpoint } = wholeAppends(batch.events, batch.checkpoint, more);
    if (events.length > 0) {
      await projectEvents(sqlStore(trx, live.generation), events);
      await advanceGeneration(trx, live.generation, checkpoint, events.length);
    }
    return { handled: events.length, more, generation: live.generation, checkpoint };
  });
  return { ...outcome, ms: performance.now() - started };
}

/**
 * Projects everything readable now into the live generation (made live first on a new database) and
 * returns how many events that was. For tools and tests that do not run the projector's loop.
 */
export async function catchUp(
  handle: DatabaseHandle,
  registry: EventRegistry,
  options: { batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  await ensureLiveGeneration(handle.db);
  let total = 0;
  for (;;) {
    const { handled, more } = await projectBatch(handle, registry, batchSize);
    total += handled;
    if (!more) return total;
  }
}

/**
 * Follows the log into the live generation of the read models. Each batch is one transaction that
 * locks the generation's row, reads the events after its checkpoint, applies them and moves the
 * checkpoint: a crash never applies an event twice or skips one, and two processes never both apply
 * it. Woken by NOTIFY, with a poll as fallback.
 */
export function startProjector(
  handle: DatabaseHandle,
  registry: EventRegistry,
  options: ProjectorOptions = {},
): Projector {
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  let checkpoint: Checkpoint = START;
  let stopped = false;
  let stopping = () => {};
  const stoppedEarly = new Promise<void>((resolve) => {
    stopping = resolve;
  });
  const waker = createWaker(pollIntervalMs);
  let waiters: Array<{ target: Checkpoint; resolve: (ok: boolean) => void }> = [];

  const release = () => {
    const ready = waiters.filter((waiter) => compareCheckpoints(waiter.target, checkpoint) <= 0);
    waiters = waiters.filter((waiter) => compareCheckpoints(waiter.target, checkpoint) > 0);
    for (const waiter of ready) waiter.resolve(true);
  };

  const batch = async (): Promise<boolean> => {
    const outcome = await projectBatch(handle, registry, batchSize);
    if (outcome.generation !== undefined) checkpoint = outcome.checkpoint;
    if (outcome.handled > 0 && outcome.generation !== undefined) {
      options.onBatch?.({ generation: outcome.generation, events: outcome.handled, checkpoint, ms: outcome.ms });
    }
    release();
    return outcome.more;
  };

  const done = (async () => {
    const unlisten = await handle.listen(EVENTS_CHANNEL, waker.notify);
    try {
      await ensureLiveGeneration(handle.db);
      if (options.startAfter) await Promise.race([options.startAfter.catch(() => {}), stoppedEarly]);
      while (!stopped) {
        waker.arm();
        if (await batch()) continue;
        await waker.sleep();
      }
    } catch (error) {
      options.logger?.error({ err: error }, 'projector stopped on an error');
      throw error;
    } finally {
      await unlisten();
      for (const waiter of waiters) waiter.resolve(false);
      waiters = [];
    }
  })();
  done.catch(() => {});

  return {
    get checkpoint() {
      return checkpoint;
    },
    waitFor: (target, timeoutMs = 10_000) => {
      if (compareCheckpoints(target, checkpoint) <= 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter.resolve !== finish);
          resolve(false);
        }, timeoutMs);
        function finish(ok: boolean) {
          clearTimeout(timer);
          resolve(ok);
        }
        waiters.push({ target, resolve: finish });
        waker.notify();
      });
    },
    stop: async () => {
      stopped = true;
      stopping();
      waker.stop();
      await done.catch(() => {});
    },
    done,
  };
}
