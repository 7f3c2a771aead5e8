import { engines } from '@chitieu/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { lifeExpectancy, note, untilReadable, useStore } from './test-support.js';
import { type Checkpoint, checkpointOf, type NewEvent, type RecordedEvent, START } from './types.js';

function thaiNguyen2025(indicator: string, value: number, unit: string): NewEvent {
  return {
    type: 'FigureReported',
    data: { indicator, year: 2025, value, unit },
    metadata: { actor: { id: 'officer-tn', role: 'province', province: 'thai-nguyen' } },
  };
}

const ids = (events: readonly RecordedEvent[]) => events.map((event) => event.eventId);

describe.each(engines)('reading on %s', (engine) => {
  const ctx = useStore(engine);

  /** Eleven events in six appends over three tenants; returns the event ids in commit order. */
  async function seed(): Promise<string[]> {
    const appends = [
      { tenant: 'kien-giang', stream: 'report-kg-2017', events: [lifeExpectancy(74.3, 2017), note('132/KH-UBND')] },
      {
        tenant: 'thai-nguyen',
        stream: 'report-tn-2025',
        events: [
          thaiNguyen2025('doctors_per_10000', 17.2, 'per 10,000'),
          thaiNguyen2025('beds_per_10000', 49, 'per 10,000'),
        ],
      },
      { tenant: 'bac-kan', stream: 'plan-bk', events: [note('Bắc Kạn plan')] },
      {
        tenant: 'thai-nguyen',
        stream: 'report-tn-2025',
        events: [thaiNguyen2025('life_expectancy', 74.5, 'years'), thaiNguyen2025('health_insurance', 95.0, '%')],
      },
      { tenant: 'kien-giang', stream: 'report-kg-2017', events: [note('accepted')] },
      { tenant: 'kien-giang', stream: 'review-kg', events: [note('a'), note('b'), note('c')] },
    ];
    const written: string[] = [];
    for (const input of appends) {
      const result = await ctx.store.append(input);
      written.push(...result.events.map((event) => event.eventId));
    }
    await untilReadable(ctx.store);
    return written;
  }

  /** Pages through readAll until an empty batch, checking each batch's size and checkpoint. */
  async function pageThrough(options: { limit: number; tenant?: string; types?: string[]; after?: Checkpoint }) {
    const seen: RecordedEvent[] = [];
    let after = options.after ?? START;
    for (;;) {
      const batch = await ctx.store.readAll({ ...options, after });
      expect(batch.events.length).toBeLessThanOrEqual(options.limit);
      const last = batch.events.at(-1);
      expect(batch.checkpoint).toEqual(last ? checkpointOf(last) : after);
      if (!last) return seen;
      seen.push(...batch.events);
      after = batch.checkpoint;
    }
  }

  it('reads a stream from a version and up to a limit, in version order', async () => {
    await seed();
    const stream = { tenant: 'kien-giang', stream: 'report-kg-2017' };
    const versions = async (options: { fromVersion?: number; limit?: number }) => {
      const result = await ctx.store.readStream({ ...stream, ...options });
      expect(result.streamVersion).toBe(3);
      return result.events.map((event) => event.streamVersion);
    };
    expect(await versions({})).toEqual([1, 2, 3]);
    expect(await versions({ fromVersion: 2 })).toEqual([2, 3]);
    expect(await versions({ fromVersion: 1, limit: 2 })).toEqual([1, 2]);
    expect(await versions({ fromVersion: 2, limit: 1 })).toEqual([2]);
    expect(await versions({ fromVersion: 4 })).toEqual([]);
    const [first] = (await ctx.store.readStream({ ...stream, limit: 1 })).events;
    expect(first).toMatchObject({ tenant: 'kien-giang', tenantSeq: 1n, data: { value: 74.3 } });
  });

  it('reads a missing stream as version 0 with no events', async () => {
    await seed();
    expect(await ctx.store.readStream({ tenant: 'kien-giang', stream: 'report-kg-2018' })).toEqual({
      streamVersion: 0,
      events: [],
    });
    expect(await ctx.store.readStream({ tenant: 'bac-kan', stream: 'nothing', fromVersion: 1, limit: 5 })).toEqual({
      streamVersion: 0,
      events: [],
    });
  });

  it.each([1, 3, 4, 11, 50])('returns every event exactly once, in commit order, in batches of %i', async (limit) => {
    const written = await seed();
    const seen = await pageThrough({ limit });
    expect(ids(seen)).toEqual(written);
    const positions = seen.map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('starts after a checkpoint and returns nothing after the last event', async () => {
    const written = await seed();
    const { events } = await ctx.store.readAll();
    const fifth = checkpointOf(events[4] as RecordedEvent);
    expect(ids((await ctx.store.readAll({ after: fifth })).events)).toEqual(written.slice(5));
    expect(ids((await ctx.store.readAll({ after: fifth, limit: 2 })).events)).toEqual(written.slice(5, 7));
    const end = checkpointOf(events.at(-1) as RecordedEvent);
    expect(await ctx.store.readAll({ after: end })).toEqual({ events: [], checkpoint: end });
  });

  it('filters by tenant and by type, across batches', async () => {
    await seed();
    const thaiNguyen = await pageThrough({ limit: 3, tenant: 'thai-nguyen' });
    expect(thaiNguyen.map((event) => event.tenantSeq)).toEqual([1n, 2n, 3n, 4n]);
    expect(thaiNguyen.map((event) => (event.data as { value: number }).value)).toEqual([17.2, 49, 74.5, 95]);

    const notes = await pageThrough({ limit: 2, types: ['NoteWritten'] });
    expect(notes.map((event) => (event.data as { text: string }).text)).toEqual([
      '132/KH-UBND',
      'Bắc Kạn plan',
      'accepted',
      'a',
      'b',
      'c',
    ]);
    const kienGiangFigures = await pageThrough({ limit: 2, tenant: 'kien-giang', types: ['FigureReported'] });
    expect(kienGiangFigures.map((event) => event.data)).toEqual([
      { indicator: 'life_expectancy', year: 2017, value: 74.3, unit: 'years' },
    ]);
    expect(await pageThrough({ limit: 5, tenant: 'bac-kan', types: ['FigureReported'] })).toEqual([]);
    expect(await pageThrough({ limit: 5, types: [] })).toEqual([]);
  });

  it('yields batches up to the end with readAllBatches, and no empty batch', async () => {
    const written = await seed();
    const sizes = async (options: Parameters<typeof ctx.store.readAllBatches>[0]) => {
      const batches = [];
      for await (const batch of ctx.store.readAllBatches(options)) batches.push(batch);
      return { sizes: batches.map((batch) => batch.events.length), ids: batches.flatMap((batch) => ids(batch.events)) };
    };
    expect(await sizes({ limit: 4 })).toEqual({ sizes: [4, 4, 3], ids: written });
    expect(await sizes({ limit: 11 })).toEqual({ sizes: [11], ids: written });
    expect(await sizes({ limit: 2, tenant: 'kien-giang' })).toMatchObject({ sizes: [2, 2, 2] });
    const { events } = await ctx.store.readAll({ limit: 3 });
    const after = checkpointOf(events[2] as RecordedEvent);
    expect(await sizes({ limit: 5, after })).toEqual({ sizes: [5, 3], ids: written.slice(3) });
    expect(await sizes({ tenant: 'atlantis' })).toEqual({ sizes: [], ids: [] });
  });

  it('reads as of an instant only the events recorded by then', async () => {
    const first = await ctx.store.append({
      tenant: 'thai-nguyen',
      stream: 'report-tn-2025',
      events: [
        thaiNguyen2025('doctors_per_10000', 17.2, 'per 10,000'),
        thaiNguyen2025('beds_per_10000', 49, 'per 10,000'),
      ],
    });
    const firstAt = first.events[0]?.recordedAt as Date;
    // recorded_at has millisecond precision: let the database clock move past it before the next append.
    for (;;) {
      const { rows } = await sql<{ now: Date }>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`.execute(
        ctx.store.handle.db,
      );
      if ((rows[0]?.now as Date) > firstAt) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const second = await ctx.store.append({
      tenant: 'thai-nguyen',
      stream: 'report-tn-2025',
      events: [thaiNguyen2025('life_expectancy', 74.5, 'years')],
    });
    await ctx.store.append({ tenant: 'kien-giang', stream: 'report-kg-2017', events: [lifeExpectancy(74.3, 2017)] });
    await untilReadable(ctx.store);
    const secondAt = second.events[0]?.recordedAt as Date;
    expect(secondAt.getTime()).toBeGreaterThan(firstAt.getTime());

    const asOf = async (at: Date, tenant?: string) => {
      const events: RecordedEvent[] = [];
      for await (const event of ctx.store.readAsOf({ at, limit: 1, ...(tenant && { tenant }) })) events.push(event);
      return ids(events);
    };
    const firstIds = first.events.map((event) => event.eventId);
    expect(await asOf(firstAt)).toEqual(firstIds);
    expect(await asOf(new Date(firstAt.getTime() - 1))).toEqual([]);
    expect(await asOf(secondAt, 'thai-nguyen')).toEqual([...firstIds, second.events[0]?.eventId]);
    expect(ids((await ctx.store.readAll({ recordedUpTo: firstAt })).events)).toEqual(firstIds);
    expect(await asOf(new Date(secondAt.getTime() + 60_000))).toHaveLength(4);
  });
});
