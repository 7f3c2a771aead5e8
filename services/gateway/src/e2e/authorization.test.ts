import { engines } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReadScope } from '../read/scope.js';
import { COMMAND_INPUTS } from '../schema/command-inputs.js';
import { mutationDocument, mutationFields, mutationVariables, queryFields } from './placeholders.js';
import { codesOf, dataOf, LAI_CHAU, type Running, startE2E, THAI_NGUYEN, type Tokens } from './support.js';

// Who may do what, field by field, over HTTP: every mutation and query of the schema with every kind
// of caller that must be refused, checking that the refusal is the right one, that no other
// tenant's data comes back and that nothing reaches the log.

/** A minimal selection for every query field, aimed at Thái Nguyên's data where it takes a province. */
const QUERIES: Record<string, string> = {
  viewer: 'viewer { id role province }',
  provinces: 'provinces(first: 100) { edges { node { id } } }',
  province: `province(id: "${THAI_NGUYEN}") { id name }`,
  indicators: 'indicators { code }',
  indicator: 'indicator(code: "doctors_per_10000") { code }',
  nationalComparison: 'nationalComparison(indicator: "doctors_per_10000", year: 2025) { rows { province value } }',
  plans: `plans(province: "${THAI_NGUYEN}") { edges { node { province plan targets { province value } } } }`,
  reports: `reports(province: "${THAI_NGUYEN}", first: 100) { edges { node { province value } } }`,
  rounds: `rounds(province: "${THAI_NGUYEN}") { province round }`,
  events: `events(filter: { tenant: "${THAI_NGUYEN}" }, first: 5) { edges { node { tenant type } } }`,
  verifyChain: `verifyChain(tenant: "${THAI_NGUYEN}") { ok checked head }`,
  provinceState: `provinceState(province: "${THAI_NGUYEN}", asOf: "2030-01-01T00:00:00Z")`,
};

/** Thái Nguyên and the two provinces merged into it on 2025-07-01. */
const THAI_NGUYEN_TENANTS = [THAI_NGUYEN, 'bac-kan', 'thai-nguyen'];
/** Queries of one province's data: a province may read them for itself only. */
const TENANT_QUERIES = ['plans', 'reports', 'rounds'];
/** Raw log and chain verification: auditors and the ministry only. */
const AUDIT_QUERIES = ['events', 'verifyChain', 'provinceState'];

const QUERY_FIELDS = queryFields().map((field) => field.name);
const MUTATIONS = mutationFields();

describe.each(engines)('authorization over HTTP (%s)', (engine) => {
  let e2e: Running;
  beforeAll(async () => {
    e2e = await startE2E(engine);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('has a selection for every query field of the schema', () => {
    expect(Object.keys(QUERIES).sort()).toEqual([...QUERY_FIELDS].sort());
  });

  const query = (field: string, token?: string) => e2e.gql(`{ ${QUERIES[field]} }`, {}, token);
  /** Runs a mutation with placeholder input on Thái Nguyên's tenant; asserts the log did not change. */
  const mutate = async (field: (typeof MUTATIONS)[number], token?: string) => {
    const before = await e2e.countEvents();
    const response = await e2e.gql(mutationDocument(field), mutationVariables(field, THAI_NGUYEN), token);
    expect(await e2e.countEvents(), `${field.name} wrote to the log`).toBe(before);
    return response;
  };
  const refused = (response: Awaited<ReturnType<typeof query>>, field: string, code: string) => {
    expect(codesOf(response), JSON.stringify(response.body.errors)).toEqual([code]);
    expect(response.body.data?.[field] ?? null).toBeNull();
  };

  describe('anonymous', () => {
    it.each(QUERY_FIELDS)('query %s: UNAUTHENTICATED (viewer: null)', async (field) => {
      const response = await query(field);
      if (field === 'viewer') expect(response.body).toEqual({ data: { viewer: null } });
      else refused(response, field, 'UNAUTHENTICATED');
    });
    it.each(MUTATIONS.map((field) => [field.name, field] as const))(
      'mutation %s: UNAUTHENTICATED',
      async (name, field) => refused(await mutate(field), name, 'UNAUTHENTICATED'),
    );
  });

  const REASONS = { forged: 'bad_signature', expired: 'expired' } as const;
  describe.each(['forged', 'expired'] as const)('a %s token', (kind) => {
    const rejected = (response: Awaited<ReturnType<typeof query>>) => {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.body.errors?.[0]?.extensions?.details).toEqual({ reason: REASONS[kind] });
      expect(response.body.data ?? null).toBeNull();
    };
    it.each(QUERY_FIELDS)('query %s: HTTP 401 UNAUTHENTICATED', async (field) => {
      rejected(await query(field, e2e.tokens[kind]));
    });
    it.each(MUTATIONS.map((field) => [field.name, field] as const))(
      'mutation %s: HTTP 401 UNAUTHENTICATED',
      async (_name, field) => rejected(await mutate(field, e2e.tokens[kind])),
    );
  });

  describe.each([
    ['the auditor', 'auditor'],
    ['Lai Châu acting on Thái Nguyên', 'otherProvince'],
  ] as Array<[string, keyof Tokens]>)('%s', (_who, token) => {
    it.each(MUTATIONS.map((field) => [field.name, field] as const))('mutation %s: FORBIDDEN', async (name, field) =>
      refused(await mutate(field, e2e.tokens[token]), name, 'FORBIDDEN'),
    );
  });

  describe('the ministry', () => {
    // The ministry writes the national tenant: every mutation not declared ministry-only is aimed at
    // Thái Nguyên's tenant and refused (the ministry-only ones write national data it may write).
    const national = new Set(COMMAND_INPUTS.filter((input) => input.scope === 'ministry').map((input) => input.field));
    it.each(MUTATIONS.filter((field) => !national.has(field.name)).map((field) => [field.name, field] as const))(
      'mutation %s on a province: FORBIDDEN',
      async (name, field) => refused(await mutate(field, e2e.tokens.ministry), name, 'FORBIDDEN'),
    );

    it('may not report a well-formed figure for a province', async () => {
      const before = await e2e.countEvents();
      const input = {
        province: THAI_NGUYEN,
        indicator: 'doctors_per_10000',
        period: { kind: 'year', year: 2029 },
        value: 18,
        unit: 'per_10000',
        status: 'final',
        source: 'Bộ Y tế',
      };
      const response = await e2e.gql(
        'mutation ($input: ReportIndicatorInput!) { reportIndicator(input: $input) { projected } }',
        { input },
        e2e.tokens.ministry,
      );
      refused(response, 'reportIndicator', 'FORBIDDEN');
      expect(await e2e.countEvents()).toBe(before);
    });
  });

  describe('reads by role', () => {
    const allowed: Record<keyof Tokens, string[]> = {
      ministry: QUERY_FIELDS,
      auditor: QUERY_FIELDS,
      province: QUERY_FIELDS.filter((field) => !AUDIT_QUERIES.includes(field)),
      otherProvince: QUERY_FIELDS.filter((field) => !AUDIT_QUERIES.includes(field) && !TENANT_QUERIES.includes(field)),
      forged: [],
      expired: [],
    };
    const cases = (['ministry', 'auditor', 'province', 'otherProvince'] as const).flatMap((token) =>
      QUERY_FIELDS.map((field) => [token, field, allowed[token].includes(field)] as const),
    );

    it.each(cases)('%s reads %s: allowed %s', async (token, field, ok) => {
      const response = await query(field, e2e.tokens[token]);
      if (!ok) return refused(response, field, 'FORBIDDEN');
      const data = dataOf(response);
      // Whatever a province may read of Thái Nguyên's, it only ever holds Thái Nguyên's tenants.
      for (const province of provincesIn(data[field], field)) expect(THAI_NGUYEN_TENANTS).toContain(province);
    });

    it('gives a province only its own and its predecessors’ reports', async () => {
      const data = dataOf<{ reports: { edges: Array<{ node: { province: string } }> } }>(
        await query('reports', e2e.tokens.province),
      );
      const provinces = new Set(data.reports.edges.map((edge) => edge.node.province));
      expect(provinces.size).toBeGreaterThan(0);
      expect([...provinces].every((province) => THAI_NGUYEN_TENANTS.includes(province))).toBe(true);
    });
  });

  it('lets a successor read a merged predecessor’s data, and no other province’s', async () => {
    const plansOf = (province: string) =>
      e2e.gql(`{ plans(province: "${province}") { edges { node { province } } } }`, {}, e2e.tokens.province);
    expect(codesOf(await plansOf('bac-kan'))).toEqual([]);
    expect(codesOf(await plansOf('kien-giang'))).toEqual(['FORBIDDEN']);
  });

  describe('row-level security, the second line', () => {
    // Even a resolver that forgot its filter gets only the actor's tenants from the database.
    const tenantsSeen = (province: string, table: 'rm_reports' | 'rm_plans' | 'rm_targets' | 'events') =>
      withReadScope(e2e.database.app.db, { id: 'e2e', role: 'province', province }, undefined, async (scope) => {
        const column = table === 'events' ? 'tenant_id' : 'tenant';
        const { rows } = await sql<{ tenant: string }>`SELECT DISTINCT ${sql.ref(column)} AS tenant
          FROM ${sql.table(table)}`.execute(scope.trx);
        return rows.map((row) => row.tenant).sort();
      });

    it.each(['rm_reports', 'rm_plans', 'rm_targets', 'events'] as const)(
      '%s: a province sees its tenants only',
      async (table) => {
        const thaiNguyen = await tenantsSeen(THAI_NGUYEN, table);
        expect(thaiNguyen.length).toBeGreaterThan(0);
        expect(thaiNguyen.every((tenant) => THAI_NGUYEN_TENANTS.includes(tenant))).toBe(true);
        // Lai Châu has a plan but no reported figure in the seeds: only "nothing else" can be asserted.
        const laiChau = await tenantsSeen(LAI_CHAU, table);
        expect(laiChau.every((tenant) => tenant === LAI_CHAU)).toBe(true);
      },
    );
  });
});

/** The provinces named by the rows of a response about one province's data (empty for reference data). */
function provincesIn(value: unknown, field: string): string[] {
  if (!['plans', 'reports', 'rounds'].includes(field)) return [];
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'province' && typeof child === 'string') found.push(child);
        else walk(child);
      }
    }
  };
  walk(value);
  return found;
}
