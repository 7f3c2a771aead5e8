import { domainRegistry } from '@chitieu/domain';
import { catchUp, liveGeneration } from '@chitieu/projections';
import { engines, freshDatabase, type TestDatabase, untilReadable } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../run-command.js';
import { demo } from './demo.js';
import { rebuild } from './rebuild.js';

describe.each(engines)('pnpm cli rebuild on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it('builds a new generation from the whole log and makes it live', async () => {
    expect((await runCommand(demo, database.app, [])).code).toBe(0);
    await untilReadable(database.app.db);
    await catchUp(database.app, domainRegistry);
    const before = await liveGeneration(database.app.db);
    const { rows } = await sql<{ n: bigint }>`SELECT count(*) AS n FROM events`.execute(database.app.db);

    const result = await runCommand(rebuild, database.app, []);
    expect(result.code).toBe(0);
    expect(result.text).toMatch(new RegExp(`Generation ${Number(before) + 1} is live \\(${rows[0]?.n} events`));
    expect(await liveGeneration(database.app.db)).toBe(Number(before) + 1);
  });
});
