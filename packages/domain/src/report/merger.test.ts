// Reports around the 2025 merger: Bắc Kạn and Thái Nguyên ended on 2025-06-30 and became
// thai-nguyen-2025, which may file for their periods before the merger (docs/domain.md).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.js';
import type { ReportIndicatorData } from './commands.js';
import { reportDecider } from './decide.js';
import { expectError, provinceActor, spec, testContext } from './test-support.js';

const report = spec(reportDecider);
const bacKan = provinceActor('bac-kan');
const thaiNguyen2025 = provinceActor('thai-nguyen-2025');

/** Bắc Kạn's doctors per 10,000. Illustrative value: no seed states Bắc Kạn's own figure. */
function bacKanDoctors(period: ReportIndicatorData['period']): ReportIndicatorData {
  return {
    province: 'bac-kan',
    indicator: 'doctors_per_10000',
    period,
    value: 12.5,
    unit: 'per_10000',
    status: 'final',
    source: 'test: illustrative figure',
  };
}

function decide(data: ReportIndicatorData, actor: Actor) {
  return () => report.given([]).when({ type: 'ReportIndicator', data }, testContext(actor)).events();
}

describe('reports of a merged province', () => {
  it('refuses Bắc Kạn’s 2026 report with PROVINCE_MERGED naming thai-nguyen-2025', () => {
    const error = expectError(
      decide(bacKanDoctors({ kind: 'year', year: 2026 }), bacKan),
      'PROVINCE_MERGED',
      'province',
    );
    expect(error.details).toEqual({ province: 'bac-kan', successor: 'thai-nguyen-2025', endedOn: '2025-06-30' });
  });

  it('refuses it from the successor too: after the merger the successor reports under its own id', () => {
    expectError(decide(bacKanDoctors({ kind: 'year', year: 2026 }), thaiNguyen2025), 'PROVINCE_MERGED', 'province');
  });

  it('refuses a period wholly after the end (2025-H2) and accepts one that overlaps it (2025, 2025-H1, 2025-Q2)', () => {
    expectError(decide(bacKanDoctors({ kind: 'half', year: 2025, half: 2 }), bacKan), 'PROVINCE_MERGED', 'province');
    expectError(decide(bacKanDoctors({ kind: 'quarter', year: 2025, quarter: 3 }), bacKan), 'PROVINCE_MERGED');
    for (const period of [
      { kind: 'year', year: 2025 },
      { kind: 'half', year: 2025, half: 1 },
      { kind: 'quarter', year: 2025, quarter: 2 },
    ] as const) {
      expect(decide(bacKanDoctors(period), bacKan)()).toHaveLength(1);
    }
  });

  it('lets thai-nguyen-2025 file Bắc Kạn’s 2024 doctors on its behalf, with filedBy', () => {
    const [event] = decide(bacKanDoctors({ kind: 'year', year: 2024 }), thaiNguyen2025)();
    expect(event).toMatchObject({
      type: 'IndicatorReported',
      data: { province: 'bac-kan', filedBy: 'thai-nguyen-2025', value: 12.5 },
    });
  });

  it('lets the successor correct a predecessor’s report, with filedBy on the correction', () => {
    const [first] = decide(bacKanDoctors({ kind: 'year', year: 2024 }), bacKan)();
    if (!first?.eventId) throw new Error('no event');
    const data = {
      ...bacKanDoctors({ kind: 'year', year: 2024 }),
      value: 12.6,
      corrects: first.eventId,
      reason: 'test',
    };
    const [correction] = report
      .given([first])
      .when({ type: 'CorrectReport', data }, testContext(thaiNguyen2025))
      .events();
    expect(correction?.data).toMatchObject({ filedBy: 'thai-nguyen-2025', corrects: first.eventId });
  });

  it('files no filedBy when the province files for itself or the system loads it', () => {
    const period = { kind: 'year', year: 2024 } as const;
    expect(decide(bacKanDoctors(period), bacKan)()[0]?.data).not.toHaveProperty('filedBy');
    const system: Actor = { id: 'seed-loader', role: 'system' };
    expect(decide(bacKanDoctors(period), system)()[0]?.data).not.toHaveProperty('filedBy');
  });
});

describe('who may file', () => {
  const thaiNguyenLifeExpectancy: ReportIndicatorData = {
    province: 'thai-nguyen',
    indicator: 'life_expectancy',
    period: { kind: 'year', year: 2024 },
    value: 74.5,
    unit: 'years',
    status: 'estimate',
    source: 'test',
  };

  it('forbids a kien-giang actor filing for thai-nguyen', () => {
    expectError(decide(thaiNguyenLifeExpectancy, provinceActor('kien-giang')), 'FORBIDDEN');
  });

  it('forbids the successor of another province (an-giang-2025 for bac-kan)', () => {
    expectError(decide(bacKanDoctors({ kind: 'year', year: 2024 }), provinceActor('an-giang-2025')), 'FORBIDDEN');
  });

  it('forbids a predecessor filing for its successor (bac-kan for thai-nguyen-2025)', () => {
    const data = { ...bacKanDoctors({ kind: 'year', year: 2025 }), province: 'thai-nguyen-2025' };
    expectError(decide(data, bacKan), 'FORBIDDEN');
  });

  it.each([
    { id: 'moh', role: 'ministry' },
    { id: 'audit', role: 'auditor' },
    { id: 'nobody', role: 'province' },
  ] satisfies Actor[])('forbids $role actor $id', (actor) => {
    expectError(decide(thaiNguyenLifeExpectancy, actor), 'FORBIDDEN');
  });

  it('checks who files before the period: kien-giang filing thai-nguyen’s 2026 is FORBIDDEN, not PROVINCE_MERGED', () => {
    const data = { ...thaiNguyenLifeExpectancy, period: { kind: 'year', year: 2026 } } as const;
    expectError(decide(data, provinceActor('kien-giang')), 'FORBIDDEN');
  });
});
