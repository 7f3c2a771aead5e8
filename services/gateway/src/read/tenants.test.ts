import type { Database } from '@chitieu/database';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReadScope } from './scope.js';
import { tenantsInViewOf } from './tenants.js';

const SUCCESSOR = 'tinh-moi';
const PREDECESSOR = 'tinh-cu';
const OTHER = 'tinh-khac';
const MERGED = new Date('2026-01-01T00:00:00Z');

/**
 * A rebuild under way: generation 2 is being built beside the live generation 1 and, built by newer
 * code, says something else about the successor. Its rows are written first, so that a reader
 * that forgot the generation would come upon them first.
 */
async function seed(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('projection_generations')
    .values([
      { generation: 1, status: 'live' },
      { generation: 2, status: 'building' },
    ])
    .execute();
  const province = (generation: number, predecessors: string[], from: Date, until: Date | null) => ({
    generation,
    known_from: from,
    known_until: until,
    position: '1',
    province: SUCCESSOR,
    code: '99',
    name: SUCCESSOR,
    valid_from: null,
    valid_to: null,
    successor: null,
    predecessors,
    legal_basis: null,
    names: JSON.stringify([]),
  });
  await db
    .insertInto('rm_provinces')
    .values([
      province(2, [PREDECESSOR, OTHER], MERGED, null),
      province(1, [], new Date('2025-01-01T00:00:00Z'), MERGED),
      province(1, [PREDECESSOR], MERGED, null),
    ])
    .execute();
  await db
    .insertInto('rm_rounds')
    .values(
      [SUCCESSOR, PREDECESSOR, OTHER].map((tenant) => ({
        generation: 1,
        known_from: MERGED,
        known_until: null,
        position: '1',
        tenant,
        round: `round-${tenant}`,
        document: JSON.stringify({}),
        implements: [],
        levels: JSON.stringify([]),
        outline: JSON.stringify({}),
        closed_on: null,
      })),
    )
    .execute();
}

describe.each(engines)('a province and the provinces merged into it (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await seed(database.admin.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('are read in the generation asked for, at the instant asked for', async () => {
    const { db } = database.app;
    expect(await tenantsInViewOf(db, [SUCCESSOR], { generation: 1, asOf: undefined })).toEqual([
      [SUCCESSOR, PREDECESSOR],
    ]);
    expect(await tenantsInViewOf(db, [SUCCESSOR], { generation: 2, asOf: undefined })).toEqual([
      [SUCCESSOR, PREDECESSOR, OTHER],
    ]);
    expect(await tenantsInViewOf(db, [SUCCESSOR], { generation: 1, asOf: new Date('2025-06-01T00:00:00Z') })).toEqual([
      [SUCCESSOR],
    ]);
    // Not projected yet: its own tenant alone.
    expect(await tenantsInViewOf(db, ['chua-co', SUCCESSOR], { generation: 1, asOf: undefined })).toEqual([
      ['chua-co'],
      [SUCCESSOR, PREDECESSOR],
    ]);
  });

  it('are what row-level security lets a province read while a rebuild is under way: the live generation’s', async () => {
    const seen = await withReadScope(
      database.app.db,
      { id: 'chuyen-vien', role: 'province', province: SUCCESSOR },
      undefined,
      async (scope) => {
        const { rows } = await sql<{ tenants: string; rounds: string[] }>`
          SELECT current_setting('chitieu.tenants') AS tenants,
                 ARRAY(SELECT DISTINCT tenant FROM rm_rounds ORDER BY tenant) AS rounds`.execute(scope.trx);
        return {
          ...rows[0],
          inView: await tenantsInViewOf(scope.trx, [SUCCESSOR], scope),
          generation: scope.generation,
        };
      },
    );
    expect(seen).toEqual({
      tenants: `${SUCCESSOR},${PREDECESSOR}`,
      rounds: [PREDECESSOR, SUCCESSOR].sort(),
      inView: [[SUCCESSOR, PREDECESSOR]],
      generation: 1,
    });
  });
});
