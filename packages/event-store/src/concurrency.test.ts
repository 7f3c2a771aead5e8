// Many writers at once on the PostgreSQL server (PGlite has one connection, so nothing runs at once there).
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@chitieu/database';
import { ChitieuError } from '@chitieu/errors';
import { engines } from '@chitieu/testing';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AppendInput, appendToStream } from './append.js';
import type { EventStore } from './event-store.js';
import { readAll, readAllBatches } from './read-all.js';
import { readStream } from './read-stream.js';
import { countEvents, lifeExpectancy, note, TENANTS, testRegistry, untilReadable, useStore } from './test-support.js';
import {
  type AppendResult,
  type Checkpoint,
  checkpointOf,
  compareCheckpoints,
  type RecordedEvent,
  START,
} from './types.js';

/** Writers at once, each with a connection of its own: the file stays well under max_connections (100). */
const WRITERS = 50;
const TENANT_IDS = TENANTS.map((tenant) => tenant.id);

function tenantOf(writer: number): string {
  return TENANT_IDS[writer % TENANT_IDS.length] as string;
}

function idsOf(results: AppendResult[]): string[] {
  return results.flatMap((result) => result.events.map((event) => event.eventId));
}

function expectUnique(values: unknown[]) {
  expect(new Set(values).size).toBe(values.length);
}

function expectCommitOrder(checkpoints: Checkpoint[]) {
  for (let index = 1; index < checkpoints.length; index++) {
    expect(compareCheckpoints(checkpoints[index - 1] as Checkpoint, checkpoints[index] as Checkpoint)).toBe(-1);
  }
}

/** Every event of the log from the start, batch by batch, in commit order. */
async function readEverything(store: EventStore, limit: number): Promise<RecordedEvent[]> {
  // Other test files' transactions on the same server hold the read horizon back for a moment.
  await untilReadable(store);
  const events: RecordedEvent[] = [];
  for await (const batch of readAllBatches(store.handle.db, testRegistry, { limit })) events.push(...batch.events);
  return events;
}

describe.runIf(engines.includes('postgres'))('concurrent appends on postgres', () => {
  const ctx = useStore('postgres');
  // A pool of its own for the writers; closed with the test's database.
  let writers: DatabaseHandle;
  beforeEach(async () => {
    writers = await ctx.database.connectAs('app', { maxConnections: WRITERS });
  });
  const append = (input: AppendInput) => appendToStream(writers.db, testRegistry, input);

  /** Appends for each writer at once, in its own order; resolves with every result of every writer. */
  async function manyStreams(appendsPerWriter: number): Promise<AppendResult[][]> {
    const batchSizes = [1, 3, 1, 2];
    return Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const versions = new Map<string, number>();
        const results: AppendResult[] = [];
        for (let index = 0; index < appendsPerWriter; index++) {
          const stream = `writer-${writer}-stream-${index % 2}`;
          const size = batchSizes[index % batchSizes.length] as number;
          const expected = versions.get(stream) ?? 0;
          const result = await append({
            tenant: tenantOf(writer),
            stream,
            expected: expected === 0 ? 'no_stream' : expected,
            events: Array.from({ length: size }, (_, n) =>
              n % 2 === 0
                ? note(`writer ${writer}, append ${index}, event ${n}`)
                : lifeExpectancy(70 + n, 2000 + index),
            ),
          });
          versions.set(stream, result.streamVersion);
          results.push(result);
        }
        return results;
      }),
    );
  }

  it(`gives every version of one stream to exactly one of ${WRITERS} writers retrying on conflict`, async () => {
    const perWriter = 4;
    const tenant = 'kien-giang';
    const stream = 'contested';
    let conflicts = 0;
    const won = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const results: AppendResult[] = [];
        while (results.length < perWriter) {
          const { streamVersion } = await readStream(writers.db, testRegistry, {
            tenant,
            stream,
            fromVersion: 2 ** 31 - 1,
          });
          try {
            results.push(
              await append({
                tenant,
                stream,
                expected: streamVersion,
                events: [note(`writer ${writer}, event ${results.length}`)],
              }),
            );
          } catch (error) {
            if (!(error instanceof ChitieuError && error.code === 'CONCURRENCY_CONFLICT')) throw error;
            conflicts++;
          }
        }
        return results;
      }),
    );
    const total = WRITERS * perWriter;
    expect(conflicts).toBeGreaterThan(0);
    const versions = won.flat().map((result) => result.streamVersion);
    expect(versions.toSorted((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, index) => index + 1));

    const read = await readStream(ctx.store.handle.db, testRegistry, { tenant, stream });
    expect(read.streamVersion).toBe(total);
    expect(read.events.map((event) => event.streamVersion)).toEqual(versions.toSorted((a, b) => a - b));
    // Each version holds what the writer that won it wrote, and every writer's events are there.
    const textAt = new Map(
      won.flatMap((results, writer) =>
        results.map((result, index) => [result.streamVersion, `writer ${writer}, event ${index}`] as const),
      ),
    );
    expect(read.events.map((event) => (event.data as { text: string }).text)).toEqual(
      read.events.map((event) => textAt.get(event.streamVersion)),
    );
    expect(read.events.map((event) => event.eventId).toSorted()).toEqual(idsOf(won.flat()).toSorted());

    const all = await readEverything(ctx.store, 64);
    expect(all).toHaveLength(total);
    expectUnique(all.map((event) => event.eventId));
    expectUnique(all.map((event) => event.position));
    expect(all.map((event) => event.tenantSeq)).toEqual(Array.from({ length: total }, (_, index) => BigInt(index + 1)));
    expect(await countEvents(ctx.store)).toBe(total);
    expect(await ctx.store.verify(tenant)).toMatchObject({ ok: true, checked: total });
  });

  it(`keeps each tenant's sequence gap-free and its chain whole with ${WRITERS} writers on many streams`, async () => {
    const results = await manyStreams(6);
    const written = idsOf(results.flat());
    expect(written).toHaveLength(WRITERS * (1 + 3 + 1 + 2 + 1 + 3));
    expect(await countEvents(ctx.store)).toBe(written.length);

    for (const tenant of TENANT_IDS) {
      const expected = results
        .filter((_, writer) => tenantOf(writer) === tenant)
        .flat()
        .reduce((sum, result) => sum + result.events.length, 0);
      const { rows } = await sql<{ tenant_seq: bigint }>`
        SELECT tenant_seq FROM events WHERE tenant_id = ${tenant} ORDER BY tenant_seq`.execute(ctx.store.handle.db);
      expect(rows.map((row) => row.tenant_seq)).toEqual(
        Array.from({ length: expected }, (_, index) => BigInt(index + 1)),
      );
      expect(await ctx.store.verify(tenant, { batchSize: 97 })).toMatchObject({ ok: true, checked: expected });
    }

    // Each stream holds its writer's appends in order, versions 1…n.
    for (const [writer, mine] of results.entries()) {
      for (const stream of [`writer-${writer}-stream-0`, `writer-${writer}-stream-1`]) {
        const read = await readStream(ctx.store.handle.db, testRegistry, { tenant: tenantOf(writer), stream });
        const appended = mine.filter((result) => result.stream === stream);
        expect(read.events.map((event) => event.eventId)).toEqual(idsOf(appended));
        expect(read.events.map((event) => event.streamVersion)).toEqual(read.events.map((_, index) => index + 1));
      }
    }

    const all = await readEverything(ctx.store, 37);
    expect(all.map((event) => event.eventId).toSorted()).toEqual(written.toSorted());
    expectUnique(all.map((event) => event.eventId));
    expectCommitOrder(all.map(checkpointOf));
  });

  it('writes the same append retried by 20 callers at once exactly once, and gives them all its result', async () => {
    const existing = await append({ tenant: 'bac-kan', stream: 'other', events: [note('before')] });
    const input: AppendInput = {
      tenant: 'bac-kan',
      stream: 'retried',
      expected: 'no_stream',
      events: [
        { ...note('one'), id: randomUUID() },
        { ...lifeExpectancy(), id: randomUUID() },
        { ...note('three'), id: randomUUID() },
      ],
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => append(input)));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const [first] = results;
    for (const result of results) expect(result.events).toEqual(first?.events);
    expect(first?.events.map((event) => event.eventId)).toEqual(input.events.map((event) => event.id));
    expect(first?.events.map((event) => event.tenantSeq)).toEqual([2n, 3n, 4n]);
    expect(await countEvents(ctx.store)).toBe(4);
    const read = await readStream(ctx.store.handle.db, testRegistry, { tenant: 'bac-kan', stream: 'retried' });
    expect(read.streamVersion).toBe(3);
    expect(await ctx.store.verify('bac-kan')).toMatchObject({ ok: true, checked: 4 });
    expect(existing.replayed).toBe(false);
  });

  it(`lets a reader following readAll from its checkpoint see every event once while ${WRITERS} write`, async () => {
    const seen = new Map<string, number>();
    const order: Checkpoint[] = [];
    let writing = true;
    let expectedTotal = Number.POSITIVE_INFINITY;
    let reads = 0;
    const reader = (async () => {
      let after = START;
      let deadline = Number.POSITIVE_INFINITY;
      while (seen.size < expectedTotal && Date.now() < deadline) {
        const batch = await readAll(ctx.store.handle.db, testRegistry, { after, limit: 50 });
        reads++;
        for (const event of batch.events) {
          seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
          order.push(checkpointOf(event));
        }
        after = batch.checkpoint;
        if (batch.events.length === 0) await new Promise((resolve) => setTimeout(resolve, writing ? 1 : 20));
        if (!writing && deadline === Number.POSITIVE_INFINITY) deadline = Date.now() + 15_000;
      }
    })();

    // Half the writers hold their transaction open a little after appending, so that transactions
    // commit in another order than they started in and took their positions.
    const results = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const mine: AppendResult[] = [];
        for (let index = 0; index < 6; index++) {
          const input: AppendInput = {
            tenant: tenantOf(writer),
            stream: `writer-${writer}`,
            events: Array.from({ length: 1 + (index % 3) }, (_, n) => note(`${writer}/${index}/${n}`)),
          };
          if (writer % 2 === 0) {
            mine.push(await append(input));
            continue;
          }
          mine.push(
            await writers.db.transaction().execute(async (trx) => {
              const result = await appendToStream(trx, testRegistry, input);
              await new Promise((resolve) => setTimeout(resolve, (writer * 7 + index * 3) % 11));
              return result;
            }),
          );
        }
        return mine;
      }),
    );
    const written = idsOf(results.flat());
    expectedTotal = written.length;
    writing = false;
    await reader;

    expect(reads).toBeGreaterThan(1);
    const missing = written.filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
    expect([...seen.values()].filter((times) => times > 1)).toEqual([]);
    expect(seen.size).toBe(written.length);
    expectCommitOrder(order);
    const all = await readEverything(ctx.store, 500);
    expect(all.map(checkpointOf)).toEqual(order);
  });
});
