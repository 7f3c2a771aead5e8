// Helpers for the tests that run commands against the seeded platform (scenario, bad input, concurrency).
import type { Engine } from '@chitieu/database';
import { type Actor, domainRegistry } from '@chitieu/domain';
import { ChitieuError } from '@chitieu/errors';
import { createEventStore, type EventStore } from '@chitieu/event-store';
import { freshDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { createCommandBus } from './command-bus.js';
import { loadSeeds } from './load-seeds.js';
import type { CommandsContext } from './test-support.js';

/** A provincial officer: writes its own tenant (and its predecessors' for periods before a merger). */
export function officer(province: string): Actor {
  return { id: `chuyen-vien@${province}`, role: 'province', province };
}

/** An analyst of the Ministry of Health: writes the national tenant only. */
export const MINISTRY: Actor = { id: 'phan-tich@moh.gov.vn', role: 'ministry' };

/** An auditor: replays history, writes nothing. */
export const AUDITOR: Actor = { id: 'kiem-toan@sav.gov.vn', role: 'auditor' };

/**
 * One database per suite with the seeds loaded, unlike `useCommands` (one per test): loading the
 * registry, catalogue and five seed documents costs seconds, and the tests that share it either write
 * nothing (refusals, checked by counting events) or write streams of their own.
 */
export function useSeededCommands(engine: Engine): CommandsContext {
  const context = {} as { -readonly [K in keyof CommandsContext]: CommandsContext[K] };
  beforeAll(async () => {
    context.database = await freshDatabase(engine);
    context.store = createEventStore(context.database.app, domainRegistry);
    context.bus = createCommandBus(context.store);
    const seeded = await loadSeeds(context.store, context.bus);
    if (!seeded.loaded) throw new Error('a fresh database already held the seeds');
  });
  afterAll(async () => {
    await context.database?.close();
  });
  return context;
}

/** Every event in the log, all tenants: a refused command must leave this number unchanged. */
export async function countEvents(store: EventStore): Promise<number> {
  const row = await store.handle.db
    .selectFrom('events')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Runs a command that must be refused and returns the error, after checking that it is a
 * ChitieuError and that nothing at all was written, in any tenant.
 */
export async function refused(store: EventStore, run: () => Promise<unknown>): Promise<ChitieuError> {
  const before = await countEvents(store);
  const error = await run().then(
    (result) => {
      throw new Error(
        `expected a refusal, got ${JSON.stringify(result, (_key, value) => (typeof value === 'bigint' ? `${value}` : value))}`,
      );
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChitieuError);
  expect(await countEvents(store)).toBe(before);
  return error as ChitieuError;
}
