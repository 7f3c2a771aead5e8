import { engines } from '@chitieu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, dataOf, PLAN, type Running, startE2E, THAI_NGUYEN, tick } from './support.js';

// The three users' stories of the issue's "Done when", over HTTP against the real server and seeds.

interface Row {
  province: string;
  value: number | null;
  rank: number | null;
  note: string | null;
  notes: Array<{ code: string; provinces: string[]; detail: string | null }>;
  target: string | null;
  targetValue: number | null;
  targetYear: number | null;
  plan: string | null;
}

const COMPARISON = `query ($year: Int!, $geography: Geography, $asOf: DateTime) {
  nationalComparison(indicator: "doctors_per_10000", year: $year, geography: $geography, asOf: $asOf) {
    rows { province value rank note notes { code provinces detail } target targetValue targetYear plan }
  }
}`;

const TARGETS = `query ($asOf: DateTime) {
  plans(province: "${THAI_NGUYEN}", asOf: $asOf) { edges { node { plan targets {
    target value revision
    history { revision value changeKind reason recordedBy document { number kind issuer } }
  } } } }
}`;

const REVISION = {
  tenant: THAI_NGUYEN,
  plan: PLAN,
  data: {
    target: 't5',
    comparator: '>=',
    value: 20,
    written: '20 bác sĩ',
    reason: 'Nâng chỉ tiêu sau khi rà soát năm 2025',
    effectiveOn: '2026-03-02',
    document: { number: '123/QĐ-UBND', kind: 'Quyết định', issuer: 'UBND tỉnh Thái Nguyên' },
  },
};

const REPORT = `mutation ($input: ReportIndicatorInput!) { reportIndicator(input: $input) { projected events { eventId type } } }`;

describe.each(engines)('the users’ stories (%s)', (engine) => {
  let e2e: Running;
  /** Before any test wrote anything: the seeds only. */
  let seeded: Date;

  beforeAll(async () => {
    e2e = await startE2E(engine);
    seeded = new Date();
    await tick();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const comparison = async (token: string, variables: Record<string, unknown>) =>
    dataOf<{ nationalComparison: { rows: Row[] } }>(await e2e.gql(COMPARISON, variables, token)).nationalComparison
      .rows;
  const t5 = async (token: string, asOf?: Date) => {
    const data = dataOf<{
      plans: { edges: Array<{ node: { plan: string; targets: Array<Record<string, unknown>> } }> };
    }>(await e2e.gql(TARGETS, asOf ? { asOf: asOf.toISOString() } : {}, token));
    const plan = data.plans.edges.find((edge) => edge.node.plan === PLAN);
    return plan?.node.targets.find((target) => target.target === 't5');
  };

  describe('the ministry', () => {
    it('ranks the 34 provinces in force, Thái Nguyên first with its target', async () => {
      const rows = await comparison(e2e.tokens.ministry, { year: 2025, geography: 'current', asOf: seeded });
      expect(rows).toHaveLength(34);
      expect(rows.find((row) => row.province === THAI_NGUYEN)).toMatchObject({
        value: 17.2,
        rank: 1,
        plan: PLAN,
        target: 't5',
        targetYear: 2030,
        targetValue: 19,
      });
      // It is the only province that reported the figure: nobody else is ranked.
      expect(rows.filter((row) => row.rank !== null).map((row) => row.province)).toEqual([THAI_NGUYEN]);
    });

    it('lists the 63 provinces before the merger, where a merged figure cannot be split', async () => {
      const rows = await comparison(e2e.tokens.ministry, { year: 2025, geography: 'pre_merger' });
      expect(rows).toHaveLength(63);
      for (const predecessor of ['bac-kan', 'thai-nguyen']) {
        const row = rows.find((candidate) => candidate.province === predecessor);
        expect(row?.value).toBeNull();
        expect(row?.note).toContain(`reported by ${THAI_NGUYEN}`);
        expect(row?.note).toContain('cannot be split');
        expect(row?.notes).toEqual([{ code: 'merged_figure', provinces: [THAI_NGUYEN], detail: null }]);
      }
      // The current geography's successors without figures say which predecessors lack what.
      const current = await comparison(e2e.tokens.ministry, { year: 2025, geography: 'current' });
      expect(current.find((row) => row.province === 'an-giang-2025')?.notes).toEqual([
        { code: 'no_value', provinces: ['an-giang', 'kien-giang'], detail: null },
        { code: 'no_weight', provinces: ['an-giang', 'kien-giang'], detail: 'population' },
      ]);
    });

    it('gets NOT_FOUND at the field for an indicator code nobody defined, not an empty ranking', async () => {
      const response = await e2e.gql(
        '{ nationalComparison(indicator: "doctors_per_1000", year: 2025) { rows { province } } }',
        {},
        e2e.tokens.ministry,
      );
      expect(codesOf(response)).toEqual(['NOT_FOUND']);
      expect(response.body.errors?.[0]?.extensions?.issues).toEqual([
        { path: 'indicator', message: 'no indicator doctors_per_1000' },
      ]);
    });

    it('gives each ranked row its progress as typed fields, with the method and log position', async () => {
      const query = `{ nationalComparison(indicator: "doctors_per_10000", year: 2025) {
        rows { province status method logPosition progress { status method logPosition targetValue latest { year value } } }
      } }`;
      const data = dataOf<{ nationalComparison: { rows: Array<Record<string, unknown>> } }>(
        await e2e.gql(query, {}, e2e.tokens.ministry),
      );
      const row = data.nationalComparison.rows.find((candidate) => candidate.province === THAI_NGUYEN);
      expect(row?.progress).toEqual({
        status: row?.status,
        method: row?.method,
        logPosition: row?.logPosition,
        targetValue: 19,
        latest: { year: 2025, value: 17.2 },
      });
    });

    it('lists 63 provinces in force on 2025-06-30 and 34 on 2025-07-01', async () => {
      const query = 'query ($on: Date) { provinces(validOn: $on, first: 100) { edges { node { id } } } }';
      const count = async (on: string) =>
        dataOf<{ provinces: { edges: unknown[] } }>(await e2e.gql(query, { on }, e2e.tokens.ministry)).provinces.edges
          .length;
      expect(await count('2025-06-30')).toBe(63);
      expect(await count('2025-07-01')).toBe(34);
    });
  });

  describe('Thái Nguyên revises a target; the auditor replays it', () => {
    let before: Date;
    let revised: Record<string, unknown>;

    beforeAll(async () => {
      before = new Date();
      await tick();
      const response = await e2e.gql(
        'mutation ($input: ReviseTargetInput!) { reviseTarget(input: $input) { projected events { type } } }',
        { input: REVISION },
        e2e.tokens.province,
      );
      revised = dataOf<{ reviseTarget: Record<string, unknown> }>(response).reviseTarget;
    });

    it('answers projected, and the next query reads the new value (read-your-writes)', async () => {
      expect(revised).toMatchObject({ projected: true, events: [{ type: 'TargetRevised' }] });
      expect(await t5(e2e.tokens.province)).toMatchObject({ value: 20, revision: 2 });
    });

    it('shows the ranking as it was before the revision and as it is now', async () => {
      const row = (rows: Row[]) => rows.find((candidate) => candidate.province === THAI_NGUYEN);
      const then = await comparison(e2e.tokens.auditor, { year: 2025, asOf: before.toISOString() });
      const now = await comparison(e2e.tokens.auditor, { year: 2025 });
      expect(row(then)?.targetValue).toBe(19);
      expect(row(now)?.targetValue).toBe(20);
    });

    it('shows both versions of the target with their documents, and as it was before', async () => {
      const target = await t5(e2e.tokens.auditor);
      expect(target?.history).toMatchObject([
        { revision: 1, value: 19, changeKind: 'adopted', document: { number: 'Đề án 2026-2030 (chưa ghi số)' } },
        {
          revision: 2,
          value: 20,
          changeKind: 'revised',
          reason: REVISION.data.reason,
          recordedBy: { id: 'chuyen-vien@thai-nguyen', role: 'province' },
          document: REVISION.data.document,
        },
      ]);
      expect(await t5(e2e.tokens.auditor, before)).toMatchObject({ value: 19, revision: 1 });
    });

    it('finds the revision in the raw log as of after it, not as of before it', async () => {
      const query = `query ($asOf: DateTime, $to: DateTime) {
        events(filter: { tenant: "${THAI_NGUYEN}", types: ["TargetRevised"], to: $to }, asOf: $asOf) {
          edges { node { type recordedAt } } } }`;
      const revisions = async (variables: Record<string, unknown>) =>
        dataOf<{ events: { edges: Array<{ node: { type: string } }> } }>(
          await e2e.gql(query, variables, e2e.tokens.auditor),
        ).events.edges.length;
      const now = new Date().toISOString();
      expect(await revisions({ asOf: now })).toBe(1);
      expect(await revisions({ asOf: before.toISOString() })).toBe(0);
      // Combined with `to`: the earlier of the two bounds.
      expect(await revisions({ asOf: now, to: before.toISOString() })).toBe(0);
      expect(await revisions({ asOf: before.toISOString(), to: now })).toBe(0);
    });

    it('finds the revision in the raw log with its actor and document', async () => {
      const query = `{ events(filter: { tenant: "${THAI_NGUYEN}", types: ["TargetRevised"] }) {
        edges { node { type tenant actor documentNumber data } } } }`;
      const edges = dataOf<{ events: { edges: Array<{ node: Record<string, unknown> }> } }>(
        await e2e.gql(query, {}, e2e.tokens.auditor),
      ).events.edges;
      expect(edges.map((edge) => edge.node)).toContainEqual(
        expect.objectContaining({
          type: 'TargetRevised',
          tenant: THAI_NGUYEN,
          actor: 'chuyen-vien@thai-nguyen',
          documentNumber: '123/QĐ-UBND',
          data: expect.objectContaining({ target: 't5', value: 20 }),
        }),
      );
    });

    it('verifies the chain and replays the province from its events as of before', async () => {
      const query = `query ($asOf: DateTime!) {
        verifyChain(tenant: "${THAI_NGUYEN}") { ok checked message }
        provinceState(province: "${THAI_NGUYEN}", asOf: $asOf)
      }`;
      const data = dataOf<{
        verifyChain: { ok: boolean; checked: number; message: string | null };
        provinceState: { plans: Array<{ plan: string; targets: Array<{ target: string; value?: number }> }> };
      }>(await e2e.gql(query, { asOf: before.toISOString() }, e2e.tokens.auditor));
      expect(data.verifyChain).toMatchObject({ ok: true, message: null });
      expect(data.verifyChain.checked).toBeGreaterThan(0);
      const plan = data.provinceState.plans.find((candidate) => candidate.plan === PLAN);
      expect(plan?.targets.find((target) => target.target === 't5')).toMatchObject({ value: 19 });
    });
  });

  describe('Thái Nguyên reports figures', () => {
    const figure = (year: number, overrides: Record<string, unknown> = {}) => ({
      province: THAI_NGUYEN,
      indicator: 'doctors_per_10000',
      period: { kind: 'year', year },
      value: 17.9,
      unit: 'per_10000',
      written: '17,9',
      status: 'estimate',
      source: 'Báo cáo Sở Y tế',
      ...overrides,
    });

    it('reports 2026, which then shows in the 2026 ranking', async () => {
      const response = await e2e.gql(REPORT, { input: figure(2026) }, e2e.tokens.province);
      expect(dataOf<{ reportIndicator: { projected: boolean } }>(response).reportIndicator.projected).toBe(true);
      const rows = await comparison(e2e.tokens.ministry, { year: 2026 });
      expect(rows.find((row) => row.province === THAI_NGUYEN)).toMatchObject({ value: 17.9, rank: 1 });
    });

    it('stands in, where it reported nothing itself, for its predecessors’ figures weighted by population', async () => {
      const report = async (province: string, indicator: string, value: number, unit: string) =>
        dataOf(
          await e2e.gql(REPORT, { input: { ...figure(2024), province, indicator, value, unit } }, e2e.tokens.province),
        );
      const row = async (geography: string, province: string) =>
        (await comparison(e2e.tokens.ministry, { year: 2024, geography })).find((one) => one.province === province);
      await report('thai-nguyen', 'doctors_per_10000', 14, 'per_10000');
      await report('bac-kan', 'doctors_per_10000', 10, 'per_10000');
      await report('thai-nguyen', 'population', 1_300_000, 'count');
      // A weight is missing: the row says which, rather than averaging what there is.
      expect(await row('current', THAI_NGUYEN)).toMatchObject({ value: null, note: 'no population for bac-kan' });

      await report('bac-kan', 'population', 300_000, 'count');
      expect(await row('current', THAI_NGUYEN)).toMatchObject({
        value: (14 * 1_300_000 + 10 * 300_000) / 1_600_000,
        rank: 1,
        note: expect.stringMatching(/^combined from .* by population_weighted_mean$/),
      });
      // Before the merger each predecessor has its own figure, ranked.
      expect(await row('pre_merger', 'thai-nguyen')).toMatchObject({ value: 14, rank: 1 });
      expect(await row('pre_merger', 'bac-kan')).toMatchObject({ value: 10, rank: 2 });
    });

    it.each([
      ['a unit of another indicator', { unit: 'percent' }, 'unit'],
      ['a blank source', { source: '   ' }, 'source'],
      ['a negative count', { value: -3 }, 'value'],
    ])('refuses %s with VALIDATION_FAILED at its field and writes nothing', async (_name, overrides, field) => {
      const before = await e2e.countEvents();
      const response = await e2e.gql(REPORT, { input: figure(2028, overrides) }, e2e.tokens.province);
      expect(response.body.data?.reportIndicator ?? null).toBeNull();
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
      const issues = response.body.errors?.[0]?.extensions?.issues as Array<{ path: string }>;
      expect(issues.map((issue) => issue.path)).toContainEqual(expect.stringMatching(new RegExp(`(^|\\.)${field}$`)));
      expect(await e2e.countEvents()).toBe(before);
    });

    it('corrects a figure: the history holds both versions and asOf reads the old one', async () => {
      const query = `query ($asOf: DateTime) {
        reports(province: "${THAI_NGUYEN}", indicator: "doctors_per_10000", year: 2027, asOf: $asOf) {
          edges { node { value revision eventId history { value revision corrects reason } } }
        }
      }`;
      const read = async (asOf?: Date) =>
        dataOf<{ reports: { edges: Array<{ node: Record<string, unknown> }> } }>(
          await e2e.gql(query, asOf ? { asOf: asOf.toISOString() } : {}, e2e.tokens.province),
        ).reports.edges.map((edge) => edge.node);
      dataOf(await e2e.gql(REPORT, { input: figure(2027, { value: 18.1 }) }, e2e.tokens.province));
      const [reported] = await read();
      expect(reported).toMatchObject({ value: 18.1, revision: 1 });
      const beforeCorrection = new Date();
      await tick();
      const correction = `mutation ($input: CorrectReportInput!) { correctReport(input: $input) { projected } }`;
      const input = { ...figure(2027, { value: 18.4 }), corrects: reported?.eventId, reason: 'Số liệu chính thức' };
      expect(dataOf(await e2e.gql(correction, { input }, e2e.tokens.province))).toEqual({
        correctReport: { projected: true },
      });
      const [current] = await read();
      expect(current).toMatchObject({
        value: 18.4,
        revision: 2,
        history: [
          { value: 18.1, revision: 1, corrects: null },
          { value: 18.4, revision: 2, corrects: reported?.eventId, reason: 'Số liệu chính thức' },
        ],
      });
      expect(await read(beforeCorrection)).toMatchObject([{ value: 18.1, revision: 1 }]);
    });
  });
});
