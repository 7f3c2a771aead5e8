import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestReads } from './request-reads.js';
import type { ReadScope } from './scope.js';

const SUCCESSOR = 'tinh-moi';
const PREDECESSOR = 'tinh-cu';
const OTHER = 'tinh-khac';
const successor: Actor = { id: 'chuyen-vien', role: 'province', province: SUCCESSOR };

/** Live generation 1 with three provinces, one merged into another, and a round of each. */
async function seed(db: Kysely<Database>): Promise<void> {
  await db.insertInto('projection_generations').values({ generation: 1, status: 'live' }).execute();
  const versioned = { generation: 1, known_from: new Date('2026-01-01T00:00:00Z'), known_until: null, position: '1' };
  await db
    .insertInto('rm_provinces')
    .values(
      [SUCCESSOR, PREDECESSOR, OTHER].map((province, index) => ({
        ...versioned,
        province,
        code: String(index),
        name: province,
        valid_from: null,
        valid_to: null,
        successor: province === PREDECESSOR ? SUCCESSOR : null,
        predecessors: province === SUCCESSOR ? [PREDECESSOR] : [],
        legal_basis: null,
        names: JSON.stringify([]),
      })),
    )
    .execute();
  await insertRound(db, SUCCESSOR, PREDECESSOR, OTHER);
}

async function insertRound(db: Kysely<Database>, ...tenants: string[]): Promise<void> {
  const versioned = { generation: 1, known_from: new Date('2026-01-01T00:00:00Z'), known_until: null, position: '1' };
  await db
    .insertInto('rm_rounds')
    .values(
      tenants.map((tenant) => ({
        ...versioned,
        tenant,
        round: `round-${tenant}-${Math.random()}`,
        document: JSON.stringify({}),
        implements: [],
        levels: JSON.stringify([]),
        outline: JSON.stringify({}),
        closed_on: null,
      })),
    )
    .execute();
}

/** What one read saw of its transaction: its id, its role and settings, and whose rounds it could read. */
async function look(scope: ReadScope) {
  const { rows } = await sql<{ txid: string; user: string; role: string; tenants: string; seen: string[] }>`
    SELECT txid_current()::text AS txid, current_user AS user,
           current_setting('chitieu.role') AS role, current_setting('chitieu.tenants') AS tenants,
           ARRAY(SELECT DISTINCT tenant FROM rm_rounds ORDER BY tenant) AS seen`.execute(scope.trx);
  const row = rows[0] as (typeof rows)[number];
  return { ...row, generation: scope.generation, asOf: scope.asOf };
}

describe.each(engines)('the reads of one request (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await seed(database.admin.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('run in one transaction, whatever the instant, each under the actor’s row-level security', async () => {
    const reads = createRequestReads(database.app.db, successor);
    const past = new Date('2026-06-01T00:00:00Z');
    // Asked for at once, as DataLoaders and sibling fields do: the connection takes them in turn.
    const seen = await Promise.all([undefined, past, undefined, past, undefined].map((asOf) => reads.run(asOf, look)));
    await reads.finish(false);

    expect(new Set(seen.map((one) => one.txid)).size).toBe(1);
    expect(seen.map((one) => one.asOf)).toEqual([undefined, past, undefined, past, undefined]);
    for (const one of seen) {
      expect(one).toMatchObject({ user: 'chitieu_api', role: 'province', generation: 1 });
      expect(one.tenants.split(',').sort()).toEqual([PREDECESSOR, SUCCESSOR].sort());
      expect(one.seen).toEqual([PREDECESSOR, SUCCESSOR].sort());
    }

    const next = createRequestReads(database.app.db, successor);
    const again = await next.run(undefined, look);
    await next.finish(false);
    expect(again.txid).not.toBe(seen[0]?.txid);
  });

  it('lets the ministry see every tenant', async () => {
    const reads = createRequestReads(database.app.db, { id: 'bo', role: 'ministry' });
    const seen = await reads.run(undefined, look);
    await reads.finish(false);
    expect(seen.seen).toEqual([OTHER, PREDECESSOR, SUCCESSOR].sort());
  });

  it('opens no transaction for a request that reads nothing', async () => {
    let statements = 0;
    const counted = database.app.db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const reads = createRequestReads(counted, successor);
    await reads.finish(false);
    expect(statements).toBe(0);
  });

  it('refuses reads once finished', async () => {
    const reads = createRequestReads(database.app.db, successor);
    await reads.run(undefined, look);
    await reads.finish(false);
    await expect(reads.run(undefined, look)).rejects.toThrow(/request has ended/);
  });

  it('gives its connection back after failed reads, many times over', async () => {
    // More failed requests than the pool has connections: one kept would soon leave none.
    for (let request = 0; request < 25; request++) {
      const reads = createRequestReads(database.app.db, successor);
      const failed = reads.run(undefined, (scope) => sql`SELECT 1 / 0`.execute(scope.trx));
      const after = reads.run(undefined, look);
      await expect(failed).rejects.toThrow(/division by zero/);
      await expect(after).rejects.toThrow();
      await reads.finish(false);
    }
    const reads = createRequestReads(database.app.db, successor);
    expect((await reads.run(undefined, look)).seen).toEqual([PREDECESSOR, SUCCESSOR].sort());
    await reads.finish(false);
    if (engine === 'postgres') expect(await openTransactions(database)).toBe(0);
  });

  it.runIf(engine === 'postgres')('read one snapshot: what commits meanwhile waits for the next request', async () => {
    const count = (reads: ReturnType<typeof createRequestReads>) =>
      reads.run(undefined, async (scope) => (await look(scope)).seen.length);
    const reads = createRequestReads(database.app.db, { id: 'kiem-toan', role: 'auditor' });
    const before = await count(reads);
    await insertRound(database.admin.db, 'tinh-mai-sau');
    expect(await count(reads)).toBe(before);
    await reads.finish(false);
    const next = createRequestReads(database.app.db, { id: 'kiem-toan', role: 'auditor' });
    expect(await count(next)).toBe(before + 1);
    await next.finish(false);
  });
});

/** Sessions of the test's database other than the caller's own that sit in an open transaction. */
async function openTransactions(database: TestDatabase): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`.execute(
    database.admin.db,
  );
  return rows[0]?.n ?? 0;
}
