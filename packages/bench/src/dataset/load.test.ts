import { type CommandBus, createCommandBus, loadSeeds } from '@chitieu/commands';
import type { Engine } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { createEventStore, type EventStore } from '@chitieu/event-store';
import type { Progress } from '@chitieu/logging';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedCommand, generateDataset } from './generate.js';
import { loadDataset } from './load.js';
import { routeOf } from './route.js';

async function countEvents(store: EventStore): Promise<number> {
  const row = await store.handle.db
    .selectFrom('events')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function recorder() {
  const seen = { total: 0, done: 0, stopped: false };
  const progress: Progress = {
    total: (total) => {
      seen.total = total;
    },
    update: (done) => {
      seen.done = done;
    },
    stop: () => {
      seen.stopped = true;
    },
  };
  return { seen, progress };
}

// One database per engine, seeded once: the seeds take seconds and every test here builds on them.
describe.each(engines)('loadDataset on %s', (engine: Engine) => {
  let database: TestDatabase;
  let store: EventStore;
  let bus: CommandBus;
  let commands: GeneratedCommand[];

  beforeAll(async () => {
    database = await freshDatabase(engine);
    store = createEventStore(database.app, domainRegistry);
    bus = createCommandBus(store);
    await loadSeeds(store, bus);
    commands = generateDataset(await bus.reference(), { scale: 0.02 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stops before the first command when the signal is already aborted', async () => {
    const before = await countEvents(store);
    const summary = await loadDataset(bus, commands, { signal: AbortSignal.abort() });
    expect(summary).toMatchObject({ commands: 0, events: 0 });
    expect(await countEvents(store)).toBe(before);
  });

  it('loads every command with no refusal, the log growing by exactly what the commands appended', async () => {
    const before = await countEvents(store);
    const { seen, progress } = recorder();
    const summary = await loadDataset(bus, commands, { concurrency: 4, progress });
    expect(summary.commands).toBe(commands.length);
    expect(summary.events).toBe(commands.length);
    expect(await countEvents(store)).toBe(before + summary.events);
    expect(seen).toEqual({ total: commands.length, done: commands.length, stopped: true });
  });

  it('writes into each correction the id of the event it corrects', async () => {
    const index = commands.findIndex((item) => item.correctsResultOf !== undefined);
    const correction = commands[index];
    if (!correction) throw new Error('the dataset holds no correction');
    const { tenant, stream } = routeOf(correction.command);
    const { events } = await store.readStream({ tenant, stream });
    const corrected = events.findIndex((event) => event.type === 'ReportCorrected');
    expect(corrected).toBeGreaterThan(0);
    const data = events[corrected]?.data as { corrects?: string } | undefined;
    expect(data?.corrects).toBe(events[corrected - 1]?.eventId);
  });

  it('stops at a refusal and names the command', async () => {
    const before = await countEvents(store);
    // The first command was loaded above: filing the same report again is refused.
    await expect(loadDataset(bus, commands.slice(0, 1))).rejects.toThrow(/dataset command 0 \(\w+ in [a-z-]+\) failed/);
    expect(await countEvents(store)).toBe(before);
  });
});
