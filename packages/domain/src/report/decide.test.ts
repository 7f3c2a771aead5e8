import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.js';
import { fold } from '../shared/decider.js';
import type { CorrectReportData, ReportIndicatorData } from './commands.js';
import { reportDecider } from './decide.js';
import { indicatorReported, reportCorrected } from './events.js';
import { currentVersion, type IdentifiedReportEvent } from './evolve.js';
import { provinceActor, spec, testContext } from './test-support.js';

const SEED_002 = 'seeds/002_984fd90bb022b937.txt';
const thaiNguyen = provinceActor('thai-nguyen-2025');
const report = spec(reportDecider);

/** Thái Nguyên's 2025 life expectancy as "ước đạt 74,5 tuổi" (seed 002, Phần thứ hai, II.2). */
const lifeExpectancyEstimate: ReportIndicatorData = {
  province: 'thai-nguyen-2025',
  indicator: 'life_expectancy',
  period: { kind: 'year', year: 2025 },
  value: 74.5,
  unit: 'years',
  written: '74,5',
  status: 'estimate',
  source: `${SEED_002}, Phần thứ hai, II.2`,
};

/** The same figure stated without "ước đạt" (II.10): the estimate confirmed as final. */
function finalLifeExpectancy(corrects: string): CorrectReportData {
  return {
    ...lifeExpectancyEstimate,
    status: 'final',
    source: `${SEED_002}, Phần thứ hai, II.10`,
    corrects,
    reason: 'Mục II.10 ghi "Tuổi thọ trung bình năm 2025 đạt 74,5 tuổi", không còn là số ước đạt',
  };
}

/** Reports, then returns the event as recorded (with its id) for use as history. */
function reported(data: ReportIndicatorData, actor: Actor = thaiNguyen): IdentifiedReportEvent {
  const [event] = report.given([]).when({ type: 'ReportIndicator', data }, testContext(actor)).events();
  if (!event) throw new Error('no event');
  return event;
}

describe('ReportIndicator', () => {
  it('given nothing, when Thái Nguyên reports its 2025 life expectancy estimate, then IndicatorReported', () => {
    report
      .given([])
      .when({ type: 'ReportIndicator', data: lifeExpectancyEstimate }, testContext(thaiNguyen))
      .thenEmits([
        { type: 'IndicatorReported', data: lifeExpectancyEstimate, eventId: '00000000-0000-4000-8000-000000000001' },
      ]);
  });

  it('produces data the event schema accepts, without filedBy when the province files for itself', () => {
    const event = reported(lifeExpectancyEstimate);
    expect(indicatorReported.schema.parse(event.data)).toEqual(lifeExpectancyEstimate);
    expect(event.data).not.toHaveProperty('filedBy');
  });

  it('accepts seed 002’s 17,2 doctors and 49 beds per 10,000 (II.3)', () => {
    for (const [indicator, value, written] of [
      ['doctors_per_10000', 17.2, '17,2'],
      ['hospital_beds_per_10000', 49, '49'],
    ] as const) {
      const data = {
        ...lifeExpectancyEstimate,
        indicator,
        value,
        written,
        unit: 'per_10000',
        status: 'final',
      } as const;
      expect(reported({ ...data, source: `${SEED_002}, Phần thứ hai, II.3` }).type).toBe('IndicatorReported');
    }
  });

  it('given a report, when reported again, then VALIDATION_FAILED at period: correct it instead', () => {
    const error = report
      .given([reported(lifeExpectancyEstimate)])
      .when({ type: 'ReportIndicator', data: lifeExpectancyEstimate }, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', 'period');
    expect(error.message).toMatch(/already reported: correct it/);
  });

  it('refuses an unregistered province at province', () => {
    const data = { ...lifeExpectancyEstimate, province: 'atlantis' };
    report
      .given([])
      .when({ type: 'ReportIndicator', data }, testContext(provinceActor('atlantis')))
      .thenFails('VALIDATION_FAILED', 'province');
  });

  it('refuses a period before the province existed (thai-nguyen-2025 exists from 2025-07-01)', () => {
    const data = { ...lifeExpectancyEstimate, period: { kind: 'year', year: 2024 } } as const;
    report
      .given([])
      .when({ type: 'ReportIndicator', data }, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', 'province');
  });

  it('gives the rules a form commonly hits a code and params, for a client to word them', () => {
    const before = { ...lifeExpectancyEstimate, period: { kind: 'year', year: 2024 } } as const;
    const early = report.given([]).when({ type: 'ReportIndicator', data: before }, testContext(thaiNguyen));
    expect(early.thenFails('VALIDATION_FAILED').issues).toContainEqual({
      path: 'province',
      message: 'thai-nguyen-2025 exists from 2025-07-01',
      code: 'province_not_yet',
      params: { province: 'thai-nguyen-2025', from: '2025-07-01' },
    });
    const again = { type: 'ReportIndicator', data: lifeExpectancyEstimate } as const;
    const twice = report.given([reported(lifeExpectancyEstimate)]).when(again, testContext(thaiNguyen));
    expect(twice.thenFails('VALIDATION_FAILED').issues).toContainEqual(
      expect.objectContaining({ code: 'already_reported', params: { indicator: 'life_expectancy', period: '2025' } }),
    );
  });

  it.each([
    ['an unknown indicator', { indicator: 'happiness' }, 'indicator'],
    ['a unit that does not convert (years as %)', { unit: 'percent' }, 'unit'],
    ['a percentage above 100', { indicator: 'health_insurance_coverage', unit: 'percent', value: 105 }, 'value'],
    ['a negative rate', { indicator: 'doctors_per_10000', unit: 'per_10000', value: -1 }, 'value'],
    ['a missing source (schema)', { source: '' }, 'source'],
  ] as const)('refuses %s', (_, change, path) => {
    const data = { ...lifeExpectancyEstimate, ...change };
    report
      .given([])
      .when({ type: 'ReportIndicator', data }, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', path);
  });

  describe('numerator and denominator', () => {
    // 8.719 planned beds (II.1) over "gần 1,8 triệu" people (I), taken here as 1,780,000.
    const beds = {
      ...lifeExpectancyEstimate,
      indicator: 'hospital_beds_per_10000',
      unit: 'per_10000',
      value: 49,
      written: '49',
      numerator: 8719,
      denominator: 1_780_000,
    } as const;

    it('accepts a value that is their ratio within the rounding of its decimals (48.98 → 49)', () => {
      expect(reported(beds).data).toMatchObject({ numerator: 8719, denominator: 1_780_000 });
    });

    it('refuses a value that is not their ratio, at value', () => {
      // 1.629 doctors of the provincial health department alone give 9.15 per 10,000, not 17,2.
      const data = { ...beds, indicator: 'doctors_per_10000', value: 17.2, numerator: 1629 };
      const error = report
        .given([])
        .when({ type: 'ReportIndicator', data }, testContext(thaiNguyen))
        .thenFails('VALIDATION_FAILED', 'value');
      expect(error.message).toMatch(/9\.15/);
    });

    it('refuses them on a unit that is not a ratio, at numerator', () => {
      const data = { ...lifeExpectancyEstimate, numerator: 1, denominator: 2 };
      report
        .given([])
        .when({ type: 'ReportIndicator', data }, testContext(thaiNguyen))
        .thenFails('VALIDATION_FAILED', 'numerator');
    });

    it('accepts either one alone', () => {
      expect(reported({ ...beds, denominator: undefined }).data).not.toHaveProperty('denominator');
    });
  });
});

describe('CorrectReport', () => {
  it('given the estimate, when corrected to final with a reason, then ReportCorrected and history keeps both', () => {
    const first = reported(lifeExpectancyEstimate);
    const firstId = first.eventId ?? '';
    const command = { type: 'CorrectReport', data: finalLifeExpectancy(firstId) } as const;
    const events = report.given([first]).when(command, testContext(thaiNguyen)).events();
    expect(events).toEqual([
      { type: 'ReportCorrected', data: finalLifeExpectancy(firstId), eventId: expect.any(String) },
    ]);
    expect(reportCorrected.schema.parse(events[0]?.data)).toMatchObject({ corrects: firstId, status: 'final' });

    const state = fold(reportDecider, [first, ...events]);
    expect(state.versions.map((version) => [version.kind, version.figure.status, version.figure.value])).toEqual([
      ['reported', 'estimate', 74.5],
      ['corrected', 'final', 74.5],
    ]);
    expect(currentVersion(state)).toMatchObject({ corrects: firstId, reason: expect.stringMatching(/II\.10/) });
  });

  it('given nothing, when corrected, then VALIDATION_FAILED at corrects', () => {
    const command = {
      type: 'CorrectReport',
      data: finalLifeExpectancy('00000000-0000-4000-8000-0000000000ff'),
    } as const;
    report.given([]).when(command, testContext(thaiNguyen)).thenFails('VALIDATION_FAILED', 'corrects');
  });

  it('given a correction, when the superseded first version is corrected, then refused at corrects naming the current one', () => {
    const first = reported(lifeExpectancyEstimate);
    const corrected = {
      type: 'ReportCorrected',
      data: finalLifeExpectancy(first.eventId ?? ''),
      eventId: '00000000-0000-4000-8000-00000000000a',
    } as const;
    const command = {
      type: 'CorrectReport',
      data: { ...finalLifeExpectancy(first.eventId ?? ''), value: 74.6 },
    } as const;
    const error = report
      .given([first, corrected])
      .when(command, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', 'corrects');
    expect(error.details).toEqual({ current: '00000000-0000-4000-8000-00000000000a' });
  });

  it('refuses a correction without a reason (schema), at reason', () => {
    const first = reported(lifeExpectancyEstimate);
    const { reason: _, ...withoutReason } = finalLifeExpectancy(first.eventId ?? '');
    const command = { type: 'CorrectReport', data: withoutReason as CorrectReportData } as const;
    report.given([first]).when(command, testContext(thaiNguyen)).thenFails('VALIDATION_FAILED', 'reason');
    const blank = {
      type: 'CorrectReport',
      data: { ...finalLifeExpectancy(first.eventId ?? ''), reason: '   ' },
    } as const;
    report.given([first]).when(blank, testContext(thaiNguyen)).thenFails('VALIDATION_FAILED', 'reason');
  });

  it('refuses a correction identical to the current figure, at value — also when only the unit differs', () => {
    const first = reported(lifeExpectancyEstimate);
    const same = { ...lifeExpectancyEstimate, corrects: first.eventId ?? '', reason: 'typo', written: '74.5' };
    report
      .given([first])
      .when({ type: 'CorrectReport', data: same }, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', 'value');

    // "ước đạt 95,0%" (II.10) restated as 950‰ is the same figure.
    const coverage = {
      ...lifeExpectancyEstimate,
      indicator: 'health_insurance_coverage',
      unit: 'percent',
      value: 95,
    } as const;
    const insured = reported(coverage);
    const perMille = {
      ...coverage,
      unit: 'per_mille',
      value: 950,
      corrects: insured.eventId ?? '',
      reason: 'in ‰',
    } as const;
    report
      .given([insured])
      .when({ type: 'CorrectReport', data: perMille }, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', 'value');
  });

  it('cannot correct a version folded without its event id (the handler must pass recorded ids)', () => {
    const { eventId: _, ...withoutId } = reported(lifeExpectancyEstimate);
    const command = {
      type: 'CorrectReport',
      data: finalLifeExpectancy('00000000-0000-4000-8000-000000000001'),
    } as const;
    report.given([withoutId]).when(command, testContext(thaiNguyen)).thenFails('VALIDATION_FAILED', 'corrects');
  });

  it('refuses a command for another stream than the one folded, at the differing field', () => {
    const first = reported(lifeExpectancyEstimate);
    const data = { ...finalLifeExpectancy(first.eventId ?? ''), indicator: 'healthy_life_years' };
    report
      .given([first])
      .when({ type: 'CorrectReport', data }, testContext(thaiNguyen))
      .thenFails('VALIDATION_FAILED', 'indicator');
  });
});

describe('evolve', () => {
  it('keeps who filed each version', () => {
    const state = fold(reportDecider, [
      {
        type: 'IndicatorReported',
        data: {
          ...lifeExpectancyEstimate,
          province: 'bac-kan',
          period: { kind: 'year', year: 2024 },
          filedBy: 'thai-nguyen-2025',
        },
      },
    ]);
    expect(state.key).toEqual({
      province: 'bac-kan',
      indicator: 'life_expectancy',
      period: { kind: 'year', year: 2024 },
    });
    expect(state.versions[0]).toMatchObject({ kind: 'reported', filedBy: 'thai-nguyen-2025', eventId: undefined });
  });
});
