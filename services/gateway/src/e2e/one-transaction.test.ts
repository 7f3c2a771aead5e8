import type { DatabaseHandle } from '@chitieu/database';
import { engines } from '@chitieu/testing';
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, dataOf, PLAN, type Running, startE2E, THAI_NGUYEN } from './support.js';

// A GraphQL query reads in one transaction over HTTP: counted on the statements the gateway sends.

/** The statements a handle sent: its SQL and parameters. */
interface Sent {
  sql: string;
  parameters: readonly unknown[];
}

function recording(sent: Sent[]): (handle: DatabaseHandle) => DatabaseHandle {
  return (handle) => {
    const executor = handle.db.getExecutor();
    // Builders made from the handle pass here too when they are a statement's subqueries: only
    // what got a result was sent.
    const compiled = new Map<string, Sent>();
    const plugin: KyselyPlugin = {
      transformQuery: (args) => {
        const query = executor.compileQuery(args.node, args.queryId);
        compiled.set(args.queryId.queryId, { sql: query.sql, parameters: query.parameters });
        return args.node;
      },
      transformResult: async (args) => {
        const statement = compiled.get(args.queryId.queryId);
        compiled.delete(args.queryId.queryId);
        if (statement) sent.push(statement);
        return args.result;
      },
    };
    return { ...handle, db: handle.db.withPlugin(plugin) };
  };
}

/** A province's progress page, as the UI asks it. */
const PROGRESS = `query ProvinceProgress($asOf: DateTime) {
  plans(province: "${THAI_NGUYEN}", asOf: $asOf) {
    edges { node { plan targets { target year value progress { status ratio } } } }
  }
}`;

/** Several root fields, two instants, nested loaders and history: still one transaction. */
const MIXED = `query Mixed($past: DateTime) {
  now: plans(province: "${THAI_NGUYEN}") { edges { node { plan targets { target value history { revision } } } } }
  then: plans(province: "${THAI_NGUYEN}", asOf: $past) { edges { node { plan targets { target progress { status } } } } }
  nationalComparison(indicator: "doctors_per_10000", year: 2025) { rows { province value } }
  bacKan: reports(province: "bac-kan", first: 5) { edges { node { province value } } }
  provinces(first: 3) { edges { node { id successor { id } } } }
}`;

describe.each(engines)('one read transaction per query (%s)', (engine) => {
  let e2e: Running;
  const sent: Sent[] = [];
  /** The statements of the request-scoped kind sent while `run` ran: scope setups and read-model reads. */
  const during = async <T>(run: () => Promise<T>) => {
    sent.length = 0;
    const result = await run();
    // The projector and the lag probe share the handle; they read the log, not the read models.
    const reads = sent.filter((statement) => /set_config|"rm_/.test(statement.sql));
    return { result, setups: reads.filter((statement) => statement.sql.includes('set_config')), reads };
  };

  beforeAll(async () => {
    e2e = await startE2E(engine, recording(sent));
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('reads the progress page in one transaction, set up once for the province', async () => {
    const { result, setups, reads } = await during(() => e2e.gql(PROGRESS, {}, e2e.tokens.province));
    const plans = dataOf<{ plans: { edges: Array<{ node: { plan: string; targets: unknown[] } }> } }>(result).plans;
    expect(plans.edges.find((edge) => edge.node.plan === PLAN)?.node.targets.length).toBeGreaterThan(0);
    expect(setups).toHaveLength(1);
    // Row-level security as the token says: the province role, and the tenants of that province.
    expect(setups[0]?.parameters[0]).toBe('province');
    expect(setups[0]?.parameters).toContain(THAI_NGUYEN);
    // The setup, then the province's tenants, its plans, their targets, their progress: one each.
    expect(reads).toHaveLength(5);
  });

  it('reads every root field, loader and instant of a query in one transaction', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const { result, setups } = await during(() => e2e.gql(MIXED, { past }, e2e.tokens.province));
    dataOf(result);
    expect(setups).toHaveLength(1);
  });

  it('opens a transaction of its own for each query', async () => {
    const { setups } = await during(async () => {
      for (let request = 0; request < 3; request++) dataOf(await e2e.gql(PROGRESS, {}, e2e.tokens.ministry));
    });
    expect(setups).toHaveLength(3);
  });

  it('leaves no transaction behind after failed and abandoned requests', async () => {
    // More than the server's pool of ten connections: one kept per failure would leave none.
    for (let request = 0; request < 15; request++) {
      // A position past int8 fails in the database, after the transaction began.
      const failed = await e2e.gql(
        '{ events(after: "1:99999999999999999999") { edges { node { type } } } }',
        {},
        e2e.tokens.auditor,
      );
      expect(codesOf(failed)).toEqual(['INTERNAL']);
      const refused = await e2e.gql(
        '{ events(after: "nonsense") { edges { node { type } } } }',
        {},
        e2e.tokens.auditor,
      );
      expect(codesOf(refused)).toEqual(['VALIDATION_FAILED']);
    }
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const abandoned = new AbortController();
        const request = fetch(`${e2e.gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${e2e.tokens.province}` },
          body: JSON.stringify({ query: PROGRESS }),
          signal: abandoned.signal,
        });
        setTimeout(() => abandoned.abort(), 1);
        await request.catch(() => undefined);
      }),
    );
    const { result } = await during(() => e2e.gql(PROGRESS, {}, e2e.tokens.province));
    dataOf(result);
    if (engine === 'postgres') await expectNoOpenTransaction(e2e);
  });
});

/**
 * No session of the gateway's database sits in an open transaction. An abandoned request may still
 * be finishing on the server, so this looks again for a while before failing.
 */
async function expectNoOpenTransaction(e2e: Running): Promise<void> {
  let open = -1;
  for (let attempt = 0; attempt < 100 && open !== 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`.execute(
      e2e.database.admin.db,
    );
    open = rows[0]?.n ?? 0;
  }
  expect(open).toBe(0);
}
