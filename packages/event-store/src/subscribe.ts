import type { DatabaseHandle } from '@chitieu/database';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.js';
import { readAll } from './read-all.js';
import type { EventRegistry } from './registry.js';
import type { Checkpoint, RecordedEvent } from './types.js';

/** The channel `append_events` notifies on commit, with the tenant as payload. */
export const EVENTS_CHANNEL = 'chitieu_events';

export interface SubscribeOptions {
  /** Start after this checkpoint. Without it: the saved checkpoint of `name`, or the beginning. */
  from?: Checkpoint;
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
  let checkpoint: Checkpoint = options.from ?? { transactionId: 0n, position: 0n };
  let stopped = false;
  let woken = false;
  let wake: () => void = () => {};
  // Waiters for caughtUp(): each is released by the first empty read that started after it asked.
  let waiters: Array<{ round: number; resolve: () => void }> = [];
  let round = 0;

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(finish, pollIntervalMs);
      function finish() {
        clearTimeout(timer);
        wake = () => {};
        resolve();
      }
      wake = finish;
    });
  const notify = () => {
    woken = true;
    wake();
  };

  const done = (async () => {
    const unlisten = await handle.listen(EVENTS_CHANNEL, notify);
    try {
      if (!options.from && options.name) checkpoint = await loadCheckpoint(db, options.name);
      while (!stopped) {
        woken = false;
        const started = ++round;
        const batch = await readAll(db, registry, {
          after: checkpoint,
          limit: batchSize,
          ...(options.tenant !== undefined && { tenant: options.tenant }),
          ...(options.types !== undefined && { types: options.types }),
        });
        if (batch.events.length > 0) {
          await options.handle(batch.events, batch.checkpoint);
          checkpoint = batch.checkpoint;
          if (options.name) await saveCheckpoint(db, options.name, checkpoint);
          continue;
        }
        const released = waiters.filter((waiter) => waiter.round < started);
        waiters = waiters.filter((waiter) => waiter.round >= started);
        for (const waiter of released) waiter.resolve();
        await sleep();
      }
    } finally {
      await unlisten();
      for (const waiter of waiters) waiter.resolve();
    }
  })();

  return {
    get checkpoint() {
      return checkpoint;
    },
    caughtUp: () =>
      new Promise<void>((resolve) => {
        if (stopped) return resolve();
        waiters.push({ round, resolve });
        notify();
      }),
    stop: async () => {
      stopped = true;
      wake();
      await done.catch(() => {});
    },
    done,
  };
}
