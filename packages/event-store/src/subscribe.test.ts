import type { DatabaseHandle } from '@chitieu/database';
import { engines } from '@chitieu/testing';
import { type KyselyPlugin, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppendInput, appendToStream } from './append.js';
import { EVENTS_CHANNEL, type SubscribeOptions, type Subscription, subscribe } from './subscribe.js';
import { lifeExpectancy, note, testRegistry, useStore } from './test-support.js';
import {
  type AppendResult,
  type Checkpoint,
  checkpointOf,
  compareCheckpoints,
  type RecordedEvent,
  START,
} from './types.js';

/** Generous: a wait this long means the event is not coming. */
const DEADLINE_MS = 15_000;

/** A handler that records what it is given, and lets a test wait until it has been given enough. */
function collector() {
  const events: RecordedEvent[] = [];
  const batches: Array<{ ids: string[]; checkpoint: Checkpoint }> = [];
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  return {
    events,
    batches,
    ids: () => events.map((event) => event.eventId),
    handle: (batch: RecordedEvent[], checkpoint: Checkpoint) => {
      events.push(...batch);
      batches.push({ ids: batch.map((event) => event.eventId), checkpoint });
      const ready = waiters.filter((waiter) => events.length >= waiter.count);
      waiters = waiters.filter((waiter) => events.length < waiter.count);
      for (const waiter of ready) waiter.resolve();
    },
    /** Resolves once `count` events have been delivered in all; fails after the deadline. */
    received(count: number): Promise<void> {
      if (events.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${events.length} of ${count} events delivered after ${DEADLINE_MS} ms`)),
          DEADLINE_MS,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

/** The handle with its `db` counting the queries that completed, to wait for "a few polls" without sleeping. */
function countingQueries(handle: DatabaseHandle) {
  let count = 0;
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count++;
      const ready = waiters.filter((waiter) => count >= waiter.count);
      waiters = waiters.filter((waiter) => count < waiter.count);
      for (const waiter of ready) waiter.resolve();
      return args.result;
    },
  };
  return {
    handle: { ...handle, db: handle.db.withPlugin(plugin) } as DatabaseHandle,
    /** Resolves once `more` further queries have completed. */
    more: (more: number) => new Promise<void>((resolve) => waiters.push({ count: count + more, resolve })),
  };
}

/** The handle with `listen` recording the channels listened on and the notifications received. */
function spyingListen(handle: DatabaseHandle) {
  const channels: string[] = [];
  const payloads: string[] = [];
  const spied: DatabaseHandle = {
    ...handle,
    listen: (channel, onNotify) => {
      channels.push(channel);
      return handle.listen(channel, (payload) => {
        payloads.push(payload);
        onNotify(payload);
      });
    },
  };
  return { handle: spied, channels, payloads };
}

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

function idsOf(...results: AppendResult[]): string[] {
  return results.flatMap((result) => result.events.map((event) => event.eventId));
}

function expectCommitOrder(events: RecordedEvent[]) {
  for (let index = 1; index < events.length; index++) {
    const [before, after] = [events[index - 1] as RecordedEvent, events[index] as RecordedEvent];
    expect(compareCheckpoints(checkpointOf(before), checkpointOf(after))).toBe(-1);
  }
}

describe.each(engines)('subscribe on %s', (engine) => {
  const ctx = useStore(engine);
  // Stopped before the database closes (hooks after a test run in reverse order of registration).
  let running: Subscription[] = [];
  afterEach(async () => {
    await Promise.all(running.map((subscription) => subscription.stop()));
    running = [];
  });
  const follow = (options: SubscribeOptions, handle: DatabaseHandle = ctx.store.handle) => {
    const subscription = subscribe(handle, testRegistry, options);
    running.push(subscription);
    return subscription;
  };
  const append = (tenant: string, stream: string, ...events: AppendInput['events']) =>
    ctx.store.append({ tenant, stream, events });

  it('delivers what was committed before it, then new events live, each once and in commit order', async () => {
    const before = [
      await append('kien-giang', 'report-kg', lifeExpectancy(74.3, 2017), lifeExpectancy(74.5, 2018), note('kg')),
      await append('thai-nguyen', 'report-tn', note('tn-1')),
      await append('bac-kan', 'report-bk', note('bk-1'), note('bk-2')),
      await append('kien-giang', 'report-kg', note('kg-2')),
    ];
    const got = collector();
    const spy = spyingListen(ctx.store.handle);
    const subscription = follow({ batchSize: 3, pollIntervalMs: 250, handle: got.handle }, spy.handle);

    await got.received(7);
    expect(got.ids()).toEqual(idsOf(...before));
    expect(got.batches.map((batch) => batch.ids.length)).toEqual([3, 3, 1]);

    const live = [
      await append('thai-nguyen', 'report-tn', note('tn-2')),
      await append('kien-giang', 'plan-kg', note('plan-1'), note('plan-2')),
      await append('bac-kan', 'report-bk', note('bk-3')),
    ];
    await got.received(11);
    expect(got.ids()).toEqual(idsOf(...before, ...live));
    expect(new Set(got.ids()).size).toBe(11);
    expectCommitOrder(got.events);
    const all = await ctx.store.readAll();
    expect(got.ids()).toEqual(all.events.map((event) => event.eventId));

    // The loop listens on the store's channel, and appends notify it.
    expect(spy.channels).toEqual([EVENTS_CHANNEL]);
    await expect.poll(() => spy.payloads.length, { timeout: DEADLINE_MS }).toBeGreaterThan(0);
    expect(subscription.checkpoint).toEqual(checkpointOf(all.events.at(-1) as RecordedEvent));
    expect(got.batches.at(-1)?.checkpoint).toEqual(subscription.checkpoint);
  });

  it('resolves caughtUp() only once everything committed before the call has been handled', async () => {
    const got = collector();
    const subscription = follow({ batchSize: 2, handle: got.handle });
    await subscription.caughtUp();
    expect(got.events).toEqual([]);

    const first = [
      await append('kien-giang', 'a', note('1'), note('2'), note('3')),
      await append('bac-kan', 'b', note('4')),
      await append('thai-nguyen', 'c', note('5')),
    ];
    await subscription.caughtUp();
    expect(got.ids()).toEqual(idsOf(...first));

    const second = await append('kien-giang', 'a', note('6'));
    await subscription.caughtUp();
    expect(got.ids()).toEqual(idsOf(...first, second));
    // Several waiters at once are all released, and nothing is delivered twice.
    await Promise.all([subscription.caughtUp(), subscription.caughtUp(), subscription.caughtUp()]);
    expect(got.events).toHaveLength(6);
  });

  it('starts after the checkpoint it is given', async () => {
    const first = await append('kien-giang', 'a', note('1'), note('2'));
    const rest = [await append('thai-nguyen', 'b', note('3')), await append('kien-giang', 'a', note('4'))];
    const got = collector();
    const subscription = follow({ from: checkpointOf(first.events[1] as RecordedEvent), handle: got.handle });
    await subscription.caughtUp();
    expect(got.ids()).toEqual(idsOf(...rest));
  });

  it("starts from 'now': after what had committed, with what commits later", async () => {
    await append('kien-giang', 'a', note('past'));
    const got = collector();
    const subscription = follow({ from: 'now', handle: got.handle });
    await subscription.caughtUp();
    expect(got.events).toEqual([]);
    const later = [await append('thai-nguyen', 'b', note('later')), await append('kien-giang', 'a', note('later 2'))];
    await subscription.caughtUp();
    expect(got.ids()).toEqual(idsOf(...later));
  });

  it('saves a named checkpoint after each batch and resumes from it, delivering nothing twice', async () => {
    const first = [
      await append('kien-giang', 'a', note('1'), note('2'), note('3')),
      await append('bac-kan', 'b', note('4')),
    ];
    const got = collector();
    const savedWhenHandled: Checkpoint[] = [];
    const subscription = follow({
      name: 'projector',
      batchSize: 1,
      handle: async (events, checkpoint) => {
        // What is saved when a batch is handed over is where the previous batch ended, never further.
        savedWhenHandled.push(await ctx.store.loadCheckpoint('projector'));
        got.handle(events, checkpoint);
      },
    });
    await subscription.caughtUp();
    const firstIds = idsOf(...first);
    expect(got.ids()).toEqual(firstIds);
    expect(savedWhenHandled).toEqual([START, ...got.events.slice(0, -1).map(checkpointOf)]);
    expect(await ctx.store.loadCheckpoint('projector')).toEqual(checkpointOf(got.events[3] as RecordedEvent));
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();

    const second = [await append('thai-nguyen', 'c', note('5')), await append('kien-giang', 'a', note('6'), note('7'))];
    const again = collector();
    const resumed = follow({ name: 'projector', batchSize: 2, handle: again.handle });
    await resumed.caughtUp();
    expect(again.ids()).toEqual(idsOf(...second));
    expect(await ctx.store.loadCheckpoint('projector')).toEqual(checkpointOf(again.events[2] as RecordedEvent));
    // Another name has its own checkpoint, from the start.
    const other = collector();
    await follow({ name: 'auditor', handle: other.handle }).caughtUp();
    expect(other.ids()).toEqual([...firstIds, ...idsOf(...second)]);
  });

  it('ends on a failing handler without saving past the last batch that succeeded; a restart redelivers', async () => {
    const appended = [
      await append('kien-giang', 'a', note('1'), note('2')),
      await append('thai-nguyen', 'b', note('3'), note('4')),
      await append('bac-kan', 'c', note('5')),
    ];
    const ids = idsOf(...appended);
    const got = collector();
    const failure = new Error('projection failed');
    const subscription = follow({
      name: 'fragile',
      batchSize: 2,
      handle: (events, checkpoint) => {
        if (got.batches.length === 1) throw failure;
        got.handle(events, checkpoint);
      },
    });
    await expect(subscription.done).rejects.toBe(failure);
    expect(got.ids()).toEqual(ids.slice(0, 2));
    const afterFirst = checkpointOf(got.events[1] as RecordedEvent);
    expect(subscription.checkpoint).toEqual(afterFirst);
    expect(await ctx.store.loadCheckpoint('fragile')).toEqual(afterFirst);
    // stop() and caughtUp() of an ended subscription return at once.
    await subscription.stop();
    await subscription.caughtUp();

    const again = collector();
    const restarted = follow({ name: 'fragile', batchSize: 2, handle: again.handle });
    await restarted.caughtUp();
    expect(again.batches.map((batch) => batch.ids)).toEqual([ids.slice(2, 4), ids.slice(4)]);
    expect(await ctx.store.loadCheckpoint('fragile')).toEqual(checkpointOf(again.events[2] as RecordedEvent));
  });

  it('filters by tenant and by event type, before and after catching up', async () => {
    const appended = [
      await append('kien-giang', 'kg', lifeExpectancy(74.3, 2017), note('kg note')),
      await append('thai-nguyen', 'tn', note('tn note'), lifeExpectancy(73.1, 2017)),
      await append('bac-kan', 'bk', lifeExpectancy(70.2, 2017)),
    ];
    const all = appended.flatMap((result) => result.events.map((event) => event.eventId));
    const byTenant = collector();
    const byType = collector();
    const byBoth = collector();
    const subscriptions = [
      follow({ tenant: 'thai-nguyen', batchSize: 1, handle: byTenant.handle }),
      follow({ types: ['FigureReported'], handle: byType.handle }),
      follow({ tenant: 'kien-giang', types: ['NoteWritten'], handle: byBoth.handle }),
    ];
    await Promise.all(subscriptions.map((subscription) => subscription.caughtUp()));
    expect(byTenant.ids()).toEqual([all[2], all[3]]);
    expect(byType.ids()).toEqual([all[0], all[3], all[4]]);
    expect(byBoth.ids()).toEqual([all[1]]);

    const more = [
      await append('kien-giang', 'kg', note('kg 2')),
      await append('thai-nguyen', 'tn', lifeExpectancy(73.4, 2018)),
    ];
    await Promise.all(subscriptions.map((subscription) => subscription.caughtUp()));
    const [kg2, tn2] = idsOf(...more);
    expect(byTenant.ids()).toEqual([all[2], all[3], tn2]);
    expect(byType.ids()).toEqual([all[0], all[3], all[4], tn2]);
    expect(byBoth.ids()).toEqual([all[1], kg2]);
    expect(byTenant.events.every((event) => event.tenant === 'thai-nguyen')).toBe(true);
    expect(byType.events.every((event) => event.type === 'FigureReported')).toBe(true);
  });

  it('stops after the batch in hand, saving it, and delivers nothing more', async () => {
    const appended = await append('kien-giang', 'a', note('1'), note('2'), note('3'));
    const inHand = gate();
    const release = gate();
    const got = collector();
    const subscription = follow({
      name: 'stopping',
      batchSize: 1,
      handle: async (events, checkpoint) => {
        got.handle(events, checkpoint);
        inHand.open();
        await release.opened;
      },
    });
    await inHand.opened;
    let stopped = false;
    const stopping = subscription.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    await expect(subscription.done).resolves.toBeUndefined();
    expect(got.ids()).toEqual(idsOf(appended).slice(0, 1));
    expect(await ctx.store.loadCheckpoint('stopping')).toEqual(checkpointOf(got.events[0] as RecordedEvent));
    await subscription.stop();
    await subscription.caughtUp();
    await append('kien-giang', 'a', note('4'));
    // A new subscription on the same database still works, and the stopped one got nothing more.
    const after = collector();
    await follow({ name: 'stopping', handle: after.handle }).caughtUp();
    expect(after.events.map((event) => event.data)).toEqual([{ text: '2' }, { text: '3' }, { text: '4' }]);
    expect(got.events).toHaveLength(1);
  });

  it.runIf(engine === 'postgres')('holds one LISTEN connection while running and releases it on stop', async () => {
    const listening = async () => {
      const { rows } = await sql<{ count: number }>`
        SELECT count(*)::integer AS count FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN %'`.execute(ctx.database.admin.db);
      return rows[0]?.count;
    };
    expect(await listening()).toBe(0);
    const subscription = follow({ handle: () => {} });
    await subscription.caughtUp();
    expect(await listening()).toBe(1);
    await subscription.stop();
    await expect.poll(listening, { timeout: DEADLINE_MS }).toBe(0);
    await expect(subscription.done).resolves.toBeUndefined();
  });

  // PGlite has one connection: a transaction held open there would block the subscriber too.
  it.runIf(engine === 'postgres')(
    'does not deliver a later commit past a transaction still open, then delivers both in order',
    async () => {
      const other = await ctx.database.connectAs('app');
      const counting = countingQueries(ctx.store.handle);
      const got = collector();
      const subscription = follow({ name: 'ordered', pollIntervalMs: 20, handle: got.handle }, counting.handle);
      await subscription.caughtUp();

      const appended = gate();
      const release = gate();
      let earlier: AppendResult | undefined;
      const held = other.db.transaction().execute(async (trx) => {
        earlier = await appendToStream(trx, testRegistry, {
          tenant: 'kien-giang',
          stream: 'held-open',
          events: [note('earlier')],
        });
        appended.open();
        await release.opened;
      });
      try {
        await appended.opened;
        // Another tenant, so it does not wait for the held transaction's tenant lock; it commits first.
        const later = await append('thai-nguyen', 'quick', note('later'));
        const [earlierEvent, laterEvent] = [earlier?.events[0], later.events[0]];
        expect(laterEvent?.transactionId).toBeGreaterThan(earlierEvent?.transactionId as bigint);
        expect(laterEvent?.position).toBeGreaterThan(earlierEvent?.position as bigint);

        let caughtUp = false;
        const caughtUpNow = subscription.caughtUp().then(() => {
          caughtUp = true;
        });
        // Several polls and the notification of the later commit have come and gone.
        await counting.more(8);
        expect(got.events).toEqual([]);
        expect(caughtUp).toBe(false);
        expect((await ctx.store.readAll()).events).toEqual([]);
        expect(await ctx.store.loadCheckpoint('ordered')).toEqual(START);

        release.open();
        await held;
        await caughtUpNow;
        expect(got.ids()).toEqual([earlierEvent?.eventId, laterEvent?.eventId]);
        expectCommitOrder(got.events);
        const last = checkpointOf(got.events[1] as RecordedEvent);
        expect(last).toEqual(checkpointOf(laterEvent as RecordedEvent));
        expect(subscription.checkpoint).toEqual(last);
        expect(await ctx.store.loadCheckpoint('ordered')).toEqual(last);
      } finally {
        release.open();
        await held.catch(() => {});
      }
    },
  );
  // PGlite has one connection: a transaction held open there would block the subscriber too.
  it.runIf(engine === 'postgres')(
    "delivers from 'now' what an older transaction commits later, not a newer one that had committed",
    async () => {
      const other = await ctx.database.connectAs('app');
      const appended = gate();
      const release = gate();
      let older: AppendResult | undefined;
      const held = other.db.transaction().execute(async (trx) => {
        older = await appendToStream(trx, testRegistry, {
          tenant: 'kien-giang',
          stream: 'held',
          events: [note('older')],
        });
        appended.open();
        await release.opened;
      });
      try {
        await appended.opened;
        // Newer than the open transaction, committed before the subscription starts: already past.
        const newer = await append('thai-nguyen', 'quick', note('newer'));
        expect(newer.events[0]?.transactionId).toBeGreaterThan(older?.events[0]?.transactionId as bigint);
        const got = collector();
        const counting = countingQueries(ctx.store.handle);
        const subscription = follow(
          { from: 'now', name: 'from-now', pollIntervalMs: 20, handle: got.handle },
          counting.handle,
        );
        // Not caughtUp(): it waits for the open transaction. Its first query reads 'now'; then it polls.
        await counting.more(4);
        expect(got.events).toEqual([]);

        release.open();
        await held;
        const last = await append('bac-kan', 'c', note('last'));
        await subscription.caughtUp();
        expect(got.ids()).toEqual(idsOf(older as AppendResult, last));
        expect(await ctx.store.loadCheckpoint('from-now')).toEqual(checkpointOf(last.events[0] as RecordedEvent));
      } finally {
        release.open();
        await held.catch(() => {});
      }
    },
  );
});
