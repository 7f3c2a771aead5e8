// Test support shared by this package's tests: a registry of test events and a fresh store per test.
import type { Engine } from '@chitieu/database';
import { freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { z } from 'zod';
import { createEventStore, type EventStore } from './event-store.js';
import type { EventMetadata } from './metadata.js';
import { defineEvent, EventRegistry } from './registry.js';
import type { NewEvent } from './types.js';

export const figureReported = defineEvent({
  type: 'FigureReported',
  version: 1,
  schema: z.strictObject({
    indicator: z.string().min(1),
    year: z.number().int().min(1990).max(2100),
    value: z.number(),
    unit: z.string().min(1),
  }),
});

export const noteWritten = defineEvent({
  type: 'NoteWritten',
  version: 1,
  schema: z.strictObject({ text: z.string(), extra: z.unknown().optional() }),
});

export const testRegistry = new EventRegistry([figureReported, noteWritten]);

/**
 * The metadata of the store's test events. The actor is the system: these tests append to many
 * tenants, and the database lets a province actor write only its own (write-policy migration;
 * that rule has its own tests in write-policy.test.ts).
 */
export const provinceActor: EventMetadata = {
  actor: { id: 'officer-1', role: 'system' },
  document: { number: '132/KH-UBND', kind: 'Kế hoạch', issuedOn: '2018-08-14' },
  source: 'seeds/004_fa9921fae8fdacda.txt',
};

/** Kiên Giang's 2017 life expectancy, from 132/KH-UBND. */
export function lifeExpectancy(value = 74.3, year = 2017): NewEvent {
  return {
    type: 'FigureReported',
    data: { indicator: 'life_expectancy', year, value, unit: 'years' },
    metadata: provinceActor,
  };
}

export function note(text: string): NewEvent {
  return { type: 'NoteWritten', data: { text }, metadata: provinceActor };
}

export const TENANTS = [
  { id: 'kien-giang', name: 'Kiên Giang' },
  { id: 'thai-nguyen', name: 'Thái Nguyên' },
  { id: 'bac-kan', name: 'Bắc Kạn' },
] as const;

/** A fresh database with the test tenants, for each test of the suite it is called in. */
export function useStore(engine: Engine): { readonly store: EventStore; readonly database: TestDatabase } {
  const context = {} as { store: EventStore; database: TestDatabase };
  beforeEach(async () => {
    context.database = await freshDatabase(engine);
    context.store = createEventStore(context.database.app, testRegistry);
    for (const tenant of TENANTS) await context.store.registerTenant(tenant);
  });
  afterEach(async () => {
    await context.database.close();
  });
  return context;
}

export async function countEvents(store: EventStore): Promise<number> {
  const row = await store.handle.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Waits until `readAll` can see every committed event. It returns only transactions older than every
 * one still running in the cluster, other databases included: on a shared test server, another test
 * file holding a transaction open (on purpose, or while a pool NOTIFYs) hides what was just appended.
 */
export async function untilReadable(store: EventStore): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ readable: boolean }>`
      SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS readable
      FROM events`.execute(store.handle.db);
    if (rows[0]?.readable) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
