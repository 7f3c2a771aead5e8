import { ChitieuError } from '@chitieu/errors';
import { engines } from '@chitieu/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEventStore } from './event-store.js';
import type { EventMetadata } from './metadata.js';
import { defineEvent, EventRegistry } from './registry.js';
import { noteWritten, provinceActor, untilReadable, useStore } from './test-support.js';
import type { NewEvent } from './types.js';

// Version 1, as the first release wrote it: the unit was whatever the officer typed.
const v1 = z.strictObject({
  indicator: z.string().min(1),
  year: z.number().int(),
  value: z.number(),
  unit: z.string().min(1),
});

// Version 2: quarterly reporting needs a period, and dashboards need units they can compare.
const unitSchema = z.enum(['years', 'percent', 'per_10000']);
const period = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('year'), year: z.number().int() }),
  z.strictObject({ kind: z.literal('quarter'), year: z.number().int(), quarter: z.number().int().min(1).max(4) }),
]);
const v2 = z.strictObject({ indicator: z.string().min(1), period, value: z.number(), unit: unitSchema });

const UNITS: Record<string, string> = {
  years: 'years',
  năm: 'years',
  '%': 'percent',
  'per 10,000': 'per_10000',
  'per 10,000 people': 'per_10000',
};

// Units nobody mapped are passed through: the schema of version 2 then refuses them.
const toV2 = ({ year, unit, ...rest }: z.infer<typeof v1>) => ({
  ...rest,
  period: { kind: 'year', year },
  unit: UNITS[unit] ?? unit,
});

const TYPE = 'IndicatorValueReported';
const reportedV1 = defineEvent({ type: TYPE, version: 1, schema: v1 });
const reportedV2 = defineEvent({ type: TYPE, version: 2, schema: v2, upcasters: { 1: toV2 } });
// Version 3: a figure may be an estimate; everything reported before was an official figure.
const reportedV3 = defineEvent({
  type: TYPE,
  version: 3,
  schema: v2.extend({ estimated: z.boolean() }),
  upcasters: { 1: toV2, 2: (data: z.infer<typeof v2>) => ({ ...data, estimated: false }) },
});

const tnActor: EventMetadata = { actor: { id: 'officer-tn', role: 'province', province: 'thai-nguyen' } };

function reported(data: unknown, metadata = tnActor): NewEvent {
  return { type: TYPE, data, metadata };
}

const thaiNguyen2025V1 = [
  reported({ indicator: 'doctors_per_10000', year: 2025, value: 17.2, unit: 'per 10,000 people' }),
  reported({ indicator: 'beds_per_10000', year: 2025, value: 49, unit: 'per 10,000' }),
  reported({ indicator: 'life_expectancy', year: 2025, value: 74.5, unit: 'năm' }),
  reported({ indicator: 'health_insurance_coverage', year: 2025, value: 95.0, unit: '%' }),
];

describe.each(engines)('upcasting on %s', (engine) => {
  const ctx = useStore(engine);
  const storeWith = (...definitions: Parameters<typeof defineEvent>[0][]) =>
    createEventStore(ctx.database.app, new EventRegistry([...definitions, noteWritten]));

  async function appendV1() {
    const old = storeWith(reportedV1);
    await old.append({ tenant: 'thai-nguyen', stream: 'report-tn-2025', events: thaiNguyen2025V1 });
    await old.append({
      tenant: 'kien-giang',
      stream: 'report-kg-2017',
      events: [reported({ indicator: 'life_expectancy', year: 2017, value: 74.3, unit: 'years' }, provinceActor)],
    });
    await untilReadable(ctx.store);
    return old;
  }

  it('reads events written at version 1 in the shape of version 2, leaving the stored rows as written', async () => {
    const old = await appendV1();
    const stored = await ctx.database.admin.db.selectFrom('events').selectAll().orderBy('position').execute();
    const current = storeWith(reportedV2);

    const { events } = await current.readStream({ tenant: 'thai-nguyen', stream: 'report-tn-2025' });
    expect(events.map((event) => [event.schemaVersion, event.storedSchemaVersion])).toEqual(Array(4).fill([2, 1]));
    expect(events.map((event) => event.data)).toEqual([
      { indicator: 'doctors_per_10000', period: { kind: 'year', year: 2025 }, value: 17.2, unit: 'per_10000' },
      { indicator: 'beds_per_10000', period: { kind: 'year', year: 2025 }, value: 49, unit: 'per_10000' },
      { indicator: 'life_expectancy', period: { kind: 'year', year: 2025 }, value: 74.5, unit: 'years' },
      { indicator: 'health_insurance_coverage', period: { kind: 'year', year: 2025 }, value: 95, unit: 'percent' },
    ]);
    const all = await current.readAll();
    expect(all.events.at(-1)).toMatchObject({
      tenant: 'kien-giang',
      schemaVersion: 2,
      storedSchemaVersion: 1,
      data: { indicator: 'life_expectancy', period: { kind: 'year', year: 2017 }, value: 74.3, unit: 'years' },
      metadata: { document: { number: '132/KH-UBND' } },
    });

    // Reading changed nothing: the rows still hold version 1, and the chains over them still hold.
    expect(await ctx.database.admin.db.selectFrom('events').selectAll().orderBy('position').execute()).toEqual(stored);
    expect(stored.map((row) => row.schema_version)).toEqual([1, 1, 1, 1, 1]);
    expect(stored[0]?.data).toEqual(thaiNguyen2025V1[0]?.data);
    expect(await current.verify('thai-nguyen')).toMatchObject({ ok: true, checked: 4 });
    expect(await current.verify('kien-giang')).toMatchObject({ ok: true, checked: 1 });
    // A reader still on version 1 sees what it always saw.
    const oldRead = await old.readStream({ tenant: 'kien-giang', stream: 'report-kg-2017' });
    expect(oldRead.events[0]).toMatchObject({ schemaVersion: 1, data: { year: 2017, unit: 'years' } });
  });

  it('writes new events at version 2 and refuses the old shape', async () => {
    const old = await appendV1();
    const current = storeWith(reportedV2);
    const data = {
      indicator: 'beds_per_10000',
      period: { kind: 'quarter', year: 2025, quarter: 2 },
      value: 49,
      unit: 'per_10000',
    };
    await current.append({ tenant: 'thai-nguyen', stream: 'report-tn-2025', expected: 4, events: [reported(data)] });

    const oldShape = await current
      .append({ tenant: 'thai-nguyen', stream: 'report-tn-2025', events: [thaiNguyen2025V1[0] as NewEvent] })
      .catch((error: unknown) => error);
    expect(oldShape).toBeInstanceOf(ChitieuError);
    expect(oldShape).toMatchObject({ code: 'VALIDATION_FAILED' });

    const row = await ctx.database.admin.db
      .selectFrom('events')
      .select(['schema_version', 'data'])
      .where('stream_version', '=', 5)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ schema_version: 2, data });
    const { events } = await current.readStream({ tenant: 'thai-nguyen', stream: 'report-tn-2025', fromVersion: 4 });
    expect(events.map((event) => [event.storedSchemaVersion, event.schemaVersion])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // An older reader meets a version it does not know and gets it as stored rather than losing it.
    const seenByOld = await old.readStream({ tenant: 'thai-nguyen', stream: 'report-tn-2025', fromVersion: 5 });
    expect(seenByOld.events[0]).toMatchObject({ schemaVersion: 2, storedSchemaVersion: 2, data });
    expect(await current.verify('thai-nguyen')).toMatchObject({ ok: true, checked: 5 });
  });

  it('chains upcasters from the version each event was stored at', async () => {
    await appendV1();
    const data = { indicator: 'beds_per_10000', period: { kind: 'year', year: 2025 }, value: 49, unit: 'per_10000' };
    await storeWith(reportedV2).append({ tenant: 'thai-nguyen', stream: 'report-tn-2025', events: [reported(data)] });

    const { events } = await storeWith(reportedV3).readStream({ tenant: 'thai-nguyen', stream: 'report-tn-2025' });
    expect(events.map((event) => [event.storedSchemaVersion, event.schemaVersion])).toEqual([
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(events[0]?.data).toEqual({
      indicator: 'doctors_per_10000',
      period: { kind: 'year', year: 2025 },
      value: 17.2,
      unit: 'per_10000',
      estimated: false,
    });
    expect(events[4]?.data).toEqual({ ...data, estimated: false });
  });

  it('refuses to read an event its upcasters turn into invalid data, with a typed error', async () => {
    const old = storeWith(reportedV1);
    const data = { indicator: 'doctors_per_10000', year: 2025, value: 17.2, unit: 'bác sĩ/vạn dân' };
    await old.append({ tenant: 'thai-nguyen', stream: 'report-tn-2025', events: [reported(data)] });
    await untilReadable(ctx.store);
    const current = storeWith(reportedV2);
    for (const read of [
      () => current.readStream({ tenant: 'thai-nguyen', stream: 'report-tn-2025' }),
      () => current.readAll(),
    ]) {
      const error = await read().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ChitieuError);
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { type: TYPE, storedVersion: 1, version: 2 },
      });
      expect((error as ChitieuError).field).toBe('data.unit');
    }
  });

  it('returns events of types the registry does not know as they were stored', async () => {
    await appendV1();
    const notesOnly = createEventStore(ctx.database.app, new EventRegistry([noteWritten]));
    const { events } = await notesOnly.readAll({ tenant: 'kien-giang' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: TYPE,
      schemaVersion: 1,
      storedSchemaVersion: 1,
      data: { indicator: 'life_expectancy', year: 2017, value: 74.3, unit: 'years' },
    });
  });

  it('refuses a definition that cannot bring every older version up to date', () => {
    expect(() => new EventRegistry([{ type: TYPE, version: 2, schema: v2 }])).toThrow(
      /IndicatorValueReported has no upcaster from version 1/,
    );
    expect(() => new EventRegistry([{ ...reportedV3, upcasters: { 1: toV2 } }])).toThrow(/no upcaster from version 2/);
    expect(() => new EventRegistry([{ ...reportedV3, upcasters: { 2: (data: unknown) => data } }])).toThrow(
      /no upcaster from version 1/,
    );
    expect(new EventRegistry([reportedV3]).definition(TYPE)?.version).toBe(3);
  });
});
