import { randomUUID } from 'node:crypto';
import { ChitieuError } from '@chitieu/errors';
import { engines } from '@chitieu/testing';
import { describe, expect, it } from 'vitest';
import { countEvents, lifeExpectancy, note, untilReadable, useStore } from './test-support.js';

async function failure(promise: Promise<unknown>): Promise<ChitieuError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChitieuError);
  return error as ChitieuError;
}

describe.each(engines)('append on %s', (engine) => {
  const ctx = useStore(engine);

  it('appends a batch atomically and reads it back with database-set fields', async () => {
    const result = await ctx.store.append({
      tenant: 'kien-giang',
      stream: 'report-kg-2017',
      expected: 'no_stream',
      events: [lifeExpectancy(74.3, 2017), lifeExpectancy(74.5, 2018)],
    });
    expect(result.replayed).toBe(false);
    expect(result.streamVersion).toBe(2);
    expect(result.events.map((event) => event.tenantSeq)).toEqual([1n, 2n]);
    expect(result.events[1]?.position).toBeGreaterThan(result.events[0]?.position as bigint);

    const read = await ctx.store.readStream({ tenant: 'kien-giang', stream: 'report-kg-2017' });
    expect(read.streamVersion).toBe(2);
    expect(read.events.map((event) => event.data)).toEqual([
      { indicator: 'life_expectancy', year: 2017, value: 74.3, unit: 'years' },
      { indicator: 'life_expectancy', year: 2018, value: 74.5, unit: 'years' },
    ]);
    const [first] = read.events;
    expect(first?.metadata.document?.number).toBe('132/KH-UBND');
    expect(first?.recordedAt).toEqual(result.events[0]?.recordedAt);
    expect(first?.hash).toBe(result.events[0]?.hash);
    expect(first?.eventId).toBe(result.events[0]?.eventId);
  });

  it('honours every expected-version mode and names stream, expected and actual on conflict', async () => {
    const stream = 'plan-kg';
    const events = [note('a')];
    await expect(ctx.store.append({ tenant: 'kien-giang', stream, expected: 'stream_exists', events })).rejects.toThrow(
      /at version 0/,
    );
    await ctx.store.append({ tenant: 'kien-giang', stream, expected: 'no_stream', events: [note('1')] });
    await ctx.store.append({ tenant: 'kien-giang', stream, expected: 1, events: [note('2')] });
    await ctx.store.append({ tenant: 'kien-giang', stream, expected: 'stream_exists', events: [note('3')] });
    await ctx.store.append({ tenant: 'kien-giang', stream, expected: 'any', events: [note('4')] });

    const stale = await failure(ctx.store.append({ tenant: 'kien-giang', stream, expected: 2, events: [note('x')] }));
    expect(stale.code).toBe('CONCURRENCY_CONFLICT');
    expect(stale.details).toMatchObject({ stream, expectedVersion: 2, actualVersion: 4 });
    const exists = await failure(ctx.store.append({ tenant: 'kien-giang', stream, expected: 'no_stream', events }));
    expect(exists.details).toMatchObject({ stream, expected: 'no_stream', actualVersion: 4 });
    expect(await countEvents(ctx.store)).toBe(4);
  });

  it('returns the first result and writes nothing more when retried with the same event ids', async () => {
    const ids = [randomUUID(), randomUUID()];
    const input = {
      tenant: 'kien-giang',
      stream: 'report-retry',
      expected: 'no_stream' as const,
      events: ids.map((id, index) => ({ ...note(`n${index}`), id })),
    };
    const first = await ctx.store.append(input);
    const again = await ctx.store.append(input);
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(await countEvents(ctx.store)).toBe(2);
  });

  it('refuses an event id reused for other content, writing nothing', async () => {
    const id = randomUUID();
    await ctx.store.append({ tenant: 'kien-giang', stream: 's1', events: [{ ...note('original'), id }] });
    const error = await failure(
      ctx.store.append({ tenant: 'kien-giang', stream: 's1', events: [note('new'), { ...note('changed'), id }] }),
    );
    expect(error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await countEvents(ctx.store)).toBe(1);
  });

  it('refuses an unknown tenant and a stream of another tenant, writing nothing', async () => {
    const unknown = await failure(ctx.store.append({ tenant: 'atlantis', stream: 's', events: [note('x')] }));
    expect(unknown.code).toBe('UNKNOWN_TENANT');
    expect(unknown.field).toBe('tenant');

    await ctx.store.append({ tenant: 'thai-nguyen', stream: 'plan-tn', events: [note('tn')] });
    const foreign = await failure(ctx.store.append({ tenant: 'bac-kan', stream: 'plan-tn', events: [note('bk')] }));
    expect(foreign.code).toBe('STREAM_TENANT_MISMATCH');
    expect(foreign.field).toBe('stream');
    expect(foreign.message).not.toContain('thai-nguyen');
    const read = await failure(ctx.store.readStream({ tenant: 'bac-kan', stream: 'plan-tn' }));
    expect(read.code).toBe('STREAM_TENANT_MISMATCH');
    expect(await countEvents(ctx.store)).toBe(1);
  });

  it.each([
    ['a NaN value', { indicator: 'x', year: 2017, value: Number.NaN, unit: 'years' }, 'events.0.data.value'],
    [
      'an Infinity value',
      { indicator: 'x', year: 2017, value: Number.POSITIVE_INFINITY, unit: '%' },
      'events.0.data.value',
    ],
    ['a NUL character', { indicator: 'a\u0000b', year: 2017, value: 1, unit: '%' }, 'events.0.data.indicator'],
    ['a lone surrogate', { indicator: 'a\ud800', year: 2017, value: 1, unit: '%' }, 'events.0.data.indicator'],
    ['a Date object', { indicator: 'x', year: new Date(), value: 1, unit: '%' }, 'events.0.data.year'],
    ['a bigint', { indicator: 'x', year: 2017n, value: 1, unit: '%' }, 'events.0.data.year'],
    ['a wrong type', { indicator: 'x', year: '2017', value: 1, unit: '%' }, 'events.0.data.year'],
    ['a missing field', { indicator: 'x', year: 2017, unit: '%' }, 'events.0.data.value'],
    ['an unknown field', { indicator: 'x', year: 2017, value: 1, unit: '%', valeu: 2 }, 'events.0.data'],
  ])('refuses a payload with %s, naming the field and writing nothing', async (_, data, field) => {
    const error = await failure(
      ctx.store.append({ tenant: 'kien-giang', stream: 's', events: [{ ...lifeExpectancy(), data }] }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe(field);
    expect(await countEvents(ctx.store)).toBe(0);
  });

  it('refuses bad metadata, ids, types and arguments with the field at fault', async () => {
    const cases: Array<[Parameters<typeof ctx.store.append>[0], string]> = [
      [
        { tenant: 'kien-giang', stream: 's', events: [{ ...note('x'), metadata: {} as never }] },
        'events.0.metadata.actor',
      ],
      [
        {
          tenant: 'kien-giang',
          stream: 's',
          events: [{ ...note('x'), metadata: { actor: { id: 'a', role: 'king' } } as never }],
        },
        'events.0.metadata.actor.role',
      ],
      [{ tenant: 'kien-giang', stream: 's', events: [{ ...note('x'), id: 'not-a-uuid' }] }, 'events.0.id'],
      [{ tenant: 'kien-giang', stream: 's', events: [{ ...note('x'), type: 'Unknown' }] }, 'events.0.type'],
      [{ tenant: 'Kien Giang', stream: 's', events: [note('x')] }, 'tenant'],
      [{ tenant: 'kien-giang', stream: '', events: [note('x')] }, 'stream'],
      [{ tenant: 'kien-giang', stream: 'a\nb', events: [note('x')] }, 'stream'],
      [{ tenant: 'kien-giang', stream: 's', expected: -1, events: [note('x')] }, 'expected'],
      [{ tenant: 'kien-giang', stream: 's', events: [] }, 'events'],
    ];
    for (const [input, field] of cases) {
      const error = await failure(ctx.store.append(input));
      expect([error.code, error.field]).toEqual(['VALIDATION_FAILED', field]);
    }
    const id = randomUUID();
    const twice = await failure(
      ctx.store.append({
        tenant: 'kien-giang',
        stream: 's',
        events: [
          { ...note('a'), id },
          { ...note('b'), id },
        ],
      }),
    );
    expect(twice.field).toBe('events.1.id');
    expect(await countEvents(ctx.store)).toBe(0);
  });

  it('refuses an event over the documented size limit, and a batch holding one, writing nothing', async () => {
    const big = { type: 'NoteWritten', data: { text: 'x'.repeat(70_000) }, metadata: note('').metadata };
    const error = await failure(ctx.store.append({ tenant: 'kien-giang', stream: 's', events: [note('ok'), big] }));
    expect(error.code).toBe('EVENT_TOO_LARGE');
    expect(error.details).toMatchObject({ index: 1, limit: 65_536 });
    expect(error.field).toBe('events.1.data');
    expect(await countEvents(ctx.store)).toBe(0);
    await ctx.store.append({
      tenant: 'kien-giang',
      stream: 's',
      events: [{ ...big, data: { text: 'x'.repeat(60_000) } }],
    });
    expect(await countEvents(ctx.store)).toBe(1);
  });

  it('keeps a separate gap-free sequence per tenant and one global order', async () => {
    await ctx.store.append({ tenant: 'kien-giang', stream: 'a', events: [note('1'), note('2')] });
    await ctx.store.append({ tenant: 'thai-nguyen', stream: 'b', events: [note('3')] });
    await ctx.store.append({ tenant: 'kien-giang', stream: 'c', events: [note('4')] });
    await untilReadable(ctx.store);
    const { events } = await ctx.store.readAll();
    expect(events.map((event) => [event.tenant, event.tenantSeq])).toEqual([
      ['kien-giang', 1n],
      ['kien-giang', 2n],
      ['thai-nguyen', 1n],
      ['kien-giang', 3n],
    ]);
  });
});
