// Every refusal through the command bus names its cause (code and field) and writes nothing, in any
// tenant: `refused` counts the whole log before and after. Figures are illustrative unless a seed is named.
import type { AdoptPlanData, ReportIndicatorData } from '@chitieu/domain';
import { seed004, streams } from '@chitieu/domain';
import { engines } from '@chitieu/testing';
import { describe, expect, it } from 'vitest';
import type { Command } from './command-bus.js';
import { SEED_ACTOR } from './load-seeds.js';
import { AUDITOR, MINISTRY, officer, refused, useSeededCommands } from './seeded-test-support.js';

const KIEN_GIANG = officer('kien-giang');
const THAI_NGUYEN = officer('thai-nguyen-2025');

/** A yearly report of Kiên Giang, valid as it stands; each case breaks one thing. */
function report(overrides: Partial<ReportIndicatorData> = {}): Command {
  const data: ReportIndicatorData = {
    province: 'kien-giang',
    indicator: 'doctors_per_10000',
    period: { kind: 'year', year: 2021 },
    value: 8.5,
    unit: 'per_10000',
    status: 'final',
    source: 'Báo cáo thống kê y tế năm 2021 (minh họa)',
    ...overrides,
  };
  return { type: 'ReportIndicator', data };
}

/** A small plan of `province`, valid as it stands (illustrative number and figures). */
function plan(province: string, overrides: Partial<AdoptPlanData> = {}): Command {
  const data: AdoptPlanData = {
    province,
    document: { number: '45/KH-UBND', kind: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh', issuedOn: '2019-03-01' },
    implements: ['20-NQ/TW'],
    period: { from: 2019, to: 2025 },
    baselines: [],
    targets: [
      {
        kind: 'absolute',
        target: 't1',
        indicator: 'doctors_per_10000',
        year: 2025,
        comparator: '>=',
        value: 10,
        unit: 'per_10000',
      },
    ],
    budget: [],
    ...overrides,
  };
  return { type: 'AdoptPlan', tenant: province, data };
}

const DEFINE_INDICATOR: Command = {
  type: 'DefineIndicator',
  code: 'dental_chairs_per_10000',
  nameVi: 'Số ghế nha khoa trên 10.000 dân',
  nameEn: 'Dental chairs per 10,000 people',
  unit: 'per_10000',
  direction: 'higher',
  combine: { rule: 'population_weighted_mean', weight: 'population' },
};

const REGISTER_PROVINCE: Command = {
  type: 'RegisterProvince',
  province: 'atlantis',
  code: '99',
  name: 'Atlantis',
  validFrom: '2026-01-01',
};

describe.each(engines)('bad input through the bus on %s', (engine) => {
  const ctx = useSeededCommands(engine);
  const execute = (command: Command, actor = KIEN_GIANG) =>
    refused(ctx.store, () => ctx.bus.execute(command, { actor }));

  it('refuses an unknown indicator', async () => {
    const error = await execute(report({ indicator: 'so_ghe_nha_khoa' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'indicator' });
  });

  it('refuses a report for an unknown province in the decider, before the store would', async () => {
    // Only the system may write any tenant, so an importer reaches the decider.
    const error = await execute(report({ province: 'atlantis' }), SEED_ACTOR);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'province' });
  });

  it('refuses an actor of a province the registry does not know, before reading anything', async () => {
    const error = await execute(report({ province: 'atlantis' }), officer('atlantis'));
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { province: 'atlantis' } });
  });

  it('refuses a figure in a unit that does not convert to the indicator’s', async () => {
    const error = await execute(report({ unit: 'percent', written: '8,5%' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unit' });
  });

  it('refuses a percentage above 100 and a negative rate', async () => {
    const coverage = await execute(report({ indicator: 'health_insurance_coverage', value: 101, unit: 'percent' }));
    expect(coverage).toMatchObject({ code: 'VALIDATION_FAILED', field: 'value' });
    const mortality = await execute(report({ indicator: 'under5_mortality', value: -1, unit: 'per_mille' }));
    expect(mortality).toMatchObject({ code: 'VALIDATION_FAILED', field: 'value' });
  });

  it("refuses a target year outside the plan's period", async () => {
    const target = {
      kind: 'absolute',
      target: 't1',
      indicator: 'doctors_per_10000',
      year: 2030,
      comparator: '>=',
      value: 12,
      unit: 'per_10000',
    } as const;
    const error = await execute(plan('kien-giang', { targets: [target] }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'targets.0.year' });
  });

  it('refuses a second plan numbered 132/KH-UBND in Kiên Giang as a validation error, not a conflict', async () => {
    const { plan: _slug, ...data } = seed004.plan ?? expect.unreachable('seed 004 has a plan');
    const error = await execute({ type: 'AdoptPlan', tenant: 'kien-giang', data: { ...data, province: 'kien-giang' } });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'document.number' });
  });

  it('refuses a correction without a reason', async () => {
    // Thái Nguyên's 2025 life expectancy, 74,5 (seed 002), corrected to an illustrative 74,6.
    const stream = streams.report('thai-nguyen-2025', 'life_expectancy', { kind: 'year', year: 2025 });
    const [reported] = (await ctx.store.readStream({ tenant: 'thai-nguyen-2025', stream })).events;
    const data = {
      ...(reported?.data as ReportIndicatorData),
      value: 74.6,
      written: '74,6 tuổi',
      corrects: reported?.eventId as string,
    };
    const error = await execute({ type: 'CorrectReport', data: data as typeof data & { reason: string } }, THAI_NGUYEN);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
  });

  it('refuses a plan adopted by Bắc Kạn after it was merged, naming its successor', async () => {
    const document = {
      number: '120/KH-UBND',
      kind: 'Kế hoạch',
      issuer: 'Ủy ban nhân dân tỉnh Bắc Kạn',
      issuedOn: '2025-09-01',
    } as const;
    const error = await execute(plan('bac-kan', { document, period: { from: 2025, to: 2030 } }), officer('bac-kan'));
    expect(error).toMatchObject({
      code: 'PROVINCE_MERGED',
      field: 'document.issuedOn',
      details: { province: 'bac-kan', successor: 'thai-nguyen-2025', endedOn: '2025-06-30' },
    });
  });

  it('refuses to revise a withdrawn target', async () => {
    // Illustrative withdrawal of target t3 of 132/KH-UBND (healthy life years by 2025), written as Kiên Giang.
    const document = { number: '88/KH-UBND (minh họa)', issuedOn: '2020-06-01' };
    const withdraw: Command = {
      type: 'WithdrawTarget',
      tenant: 'kien-giang',
      plan: '132-kh-ubnd',
      data: { target: 't3', reason: 'Chưa có số liệu điều tra', document, effectiveOn: '2020-06-01' },
    };
    await ctx.bus.execute(withdraw, { actor: KIEN_GIANG });
    const error = await execute({
      type: 'ReviseTarget',
      tenant: 'kien-giang',
      plan: '132-kh-ubnd',
      data: { target: 't3', value: 66, reason: 'Điều chỉnh theo thực tế', document, effectiveOn: '2020-07-01' },
    });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'target' });
  });

  it("forbids a province officer to write another province's data", async () => {
    const error = await execute(
      report({ province: 'thai-nguyen-2025', period: { kind: 'year', year: 2026 } }),
      KIEN_GIANG,
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      field: undefined,
      details: { tenant: 'thai-nguyen-2025', province: 'kien-giang' },
    });
  });

  it("forbids the ministry to write a province's data", async () => {
    for (const command of [report(), plan('kien-giang')]) {
      const error = await execute(command, MINISTRY);
      expect(error).toMatchObject({ code: 'FORBIDDEN', field: undefined, details: { tenant: 'kien-giang' } });
    }
  });

  it('forbids an auditor to write anything, national or provincial', async () => {
    for (const command of [report(), plan('kien-giang'), DEFINE_INDICATOR, REGISTER_PROVINCE]) {
      const error = await execute(command, AUDITOR);
      expect(error, command.type).toMatchObject({ code: 'FORBIDDEN', field: undefined });
    }
  });

  it('forbids a province officer to register a province or define an indicator', async () => {
    for (const command of [REGISTER_PROVINCE, DEFINE_INDICATOR]) {
      const error = await execute(command, KIEN_GIANG);
      expect(error, command.type).toMatchObject({
        code: 'FORBIDDEN',
        field: undefined,
        details: { tenant: 'national' },
      });
    }
  });
});
