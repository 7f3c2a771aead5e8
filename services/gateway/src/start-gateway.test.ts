import { createCommandBus, loadSeeds } from '@chitieu/commands';
import { domainRegistry } from '@chitieu/domain';
import { createEventStore } from '@chitieu/event-store';
import { createLogger } from '@chitieu/logging';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenKeys } from './auth/tokens.js';
import { type Gateway, startGateway } from './start-gateway.js';

// A log written without a gateway (restored, or imported by the CLI) is far behind the read models:
// the gateway rebuilds them instead of catching up event by event, and its projector waits for the switch.

const logger = createLogger('start-gateway-test', 'silent');

describe.each(engines)('a gateway starting far behind the log (%s)', (engine) => {
  let database: TestDatabase | undefined;
  let gateway: Gateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    await database?.close();
    gateway = undefined;
    database = undefined;
  });

  /** The seeds' 187 events in the log, no read model built yet; the gateway started over them. */
  async function startOverSeeds(rebuildAboveLag: number) {
    database = await freshDatabase(engine);
    const store = createEventStore(database.app, domainRegistry);
    await loadSeeds(store, createCommandBus(store), { logger });
    gateway = await startGateway({
      handle: database.app,
      logger,
      keys: createTokenKeys({}),
      port: 0,
      hostname: '127.0.0.1',
      development: undefined,
      loadSeeds: false,
      rebuildAboveLag,
    });
    // Read-your-writes: the projector's own checkpoint reaches the log's end once it has started.
    const [last] = await database.admin.db
      .selectFrom('events')
      .select(['transaction_id', 'position'])
      .orderBy('transaction_id', 'desc')
      .orderBy('position', 'desc')
      .limit(1)
      .execute();
    expect(
      await gateway.projector.waitFor(
        { transactionId: BigInt(last?.transaction_id ?? 0), position: BigInt(last?.position ?? 0) },
        60_000,
      ),
    ).toBe(true);
    return database.admin.db
      .selectFrom('projection_generations')
      .select(['generation', 'status', 'events'])
      .orderBy('generation')
      .execute();
  }

  it('rebuilds into a new generation, and the projector never worked on the old one', async () => {
    const generations = await startOverSeeds(100);
    expect(generations.map((row) => [row.generation, row.status, Number(row.events)])).toEqual([
      [1, 'retired', 0],
      [2, 'live', 187],
    ]);
  }, 120_000);

  it('catches up as before when the log is within the threshold', async () => {
    const generations = await startOverSeeds(1000);
    expect(generations.map((row) => [row.generation, row.status, Number(row.events)])).toEqual([[1, 'live', 187]]);
  }, 120_000);
});
