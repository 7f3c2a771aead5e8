// A fresh database per test with the domain's event registry and a command bus over it.
import type { Engine } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { createEventStore, type EventStore } from '@chitieu/event-store';
import { freshDatabase, type TestDatabase } from '@chitieu/testing';
import { afterEach, beforeEach } from 'vitest';
import { type CommandBus, createCommandBus } from './command-bus.js';

export interface CommandsContext {
  readonly database: TestDatabase;
  readonly store: EventStore;
  readonly bus: CommandBus;
}

/** A fresh, empty database (migrated) for each test of the suite it is called in. */
export function useCommands(engine: Engine): CommandsContext {
  const context = {} as { database: TestDatabase; store: EventStore; bus: CommandBus };
  beforeEach(async () => {
    context.database = await freshDatabase(engine);
    context.store = createEventStore(context.database.app, domainRegistry);
    context.bus = createCommandBus(context.store);
  });
  afterEach(async () => {
    await context.database.close();
  });
  return context;
}
