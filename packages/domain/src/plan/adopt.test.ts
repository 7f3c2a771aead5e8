import { describe, expect, it } from 'vitest';
import type { AdoptPlanData } from './commands.js';
import type { Target } from './events.js';
import { adopt, contextFor, given, provinceActor, refusal, when } from './test-fixtures.js';
import { bacKanPlan, KIEN_GIANG_132, kienGiangAdopted, LAI_CHAU_24, THAI_NGUYEN_2026 } from './test-plans.js';

const kg = provinceActor('kien-giang');
const withTargets = (data: AdoptPlanData, ...targets: Target[]): AdoptPlanData => ({ ...data, targets });
const lifeExpectancy = (year: number, value: number): Extract<Target, { kind: 'absolute' }> => ({
  kind: 'absolute',
  target: `t${year}`,
  indicator: 'life_expectancy',
  year,
  comparator: '>=',
  value,
  unit: 'years',
});

/** The field paths of the VALIDATION_FAILED that adopting `data` in `tenant` throws. */
function refusedAt(data: AdoptPlanData, tenant = data.province): string[] {
  const error = refusal(() => when(adopt(tenant, data), given(), contextFor(provinceActor(tenant))));
  expect(error.code).toBe('VALIDATION_FAILED');
  return error.issues.map((issue) => issue.path);
}

describe('AdoptPlan', () => {
  it('given no plan, when Kiên Giang adopts 132/KH-UBND, then PlanAdopted carries the table as written', () => {
    const events = when(adopt('kien-giang', KIEN_GIANG_132), given(), contextFor(kg));
    expect(events).toEqual([{ type: 'PlanAdopted', data: { plan: '132-kh-ubnd', ...KIEN_GIANG_132 } }]);
  });

  it('adopts Thái Nguyên 2026–2030 with its budget lines, in the 2025 province', () => {
    const [event] = when(
      adopt('thai-nguyen-2025', THAI_NGUYEN_2026),
      given(),
      contextFor(provinceActor('thai-nguyen-2025')),
    );
    expect(event?.type).toBe('PlanAdopted');
    expect(event?.type === 'PlanAdopted' && event.data.budget.map((line) => line.amount)).toEqual([
      2_000_000, 2_421_755,
    ]);
  });

  it('adopts Lai Châu 24-CTr/TU: relative targets against baselines the document names without a figure', () => {
    const [event] = when(adopt('lai-chau', LAI_CHAU_24), given(), contextFor(provinceActor('lai-chau')));
    expect(event?.type === 'PlanAdopted' && event.data.targets[0]).toMatchObject({ change: -10, baselineYear: 2015 });
  });

  it('refuses a second plan numbered 132/KH-UBND in Kiên Giang, at document.number', () => {
    const error = refusal(() => when(adopt('kien-giang', KIEN_GIANG_132), given(kienGiangAdopted()), contextFor(kg)));
    expect([error.code, error.field]).toEqual(['VALIDATION_FAILED', 'document.number']);
    expect(error.message).toContain('a plan numbered 132/KH-UBND already exists in this province');
  });

  it('refuses a plan Bắc Kạn issued on 2025-09-01, after its merger: PROVINCE_MERGED naming thai-nguyen-2025', () => {
    const error = refusal(() =>
      when(adopt('bac-kan', bacKanPlan('2025-09-01')), given(), contextFor(provinceActor('bac-kan'))),
    );
    expect(error.code).toBe('PROVINCE_MERGED');
    expect(error.details).toMatchObject({ province: 'bac-kan', successor: 'thai-nguyen-2025', endedOn: '2025-06-30' });
    expect(error.field).toBe('document.issuedOn');
  });

  it('refuses a Bắc Kạn plan issued before the merger whose period lies wholly after it', () => {
    const error = refusal(() => when(adopt('bac-kan', bacKanPlan('2025-05-01', { from: 2026, to: 2030 })), given()));
    expect([error.code, error.field, error.details.successor]).toEqual([
      'PROVINCE_MERGED',
      'period',
      'thai-nguyen-2025',
    ]);
  });

  it('accepts a Bắc Kạn plan issued before the merger whose period overlaps its validity', () => {
    expect(when(adopt('bac-kan', bacKanPlan('2025-05-01')), given())).toHaveLength(1);
  });

  it('refuses a plan of another province than the tenant, and an unregistered province, at province', () => {
    expect(refusedAt(KIEN_GIANG_132, 'an-giang')).toEqual(['province']);
    expect(refusedAt({ ...KIEN_GIANG_132, province: 'atlantis' })).toEqual(['province']);
  });

  it('refuses a plan of the 2025 province issued before it existed, at document.issuedOn', () => {
    const early = { ...THAI_NGUYEN_2026, document: { ...THAI_NGUYEN_2026.document, issuedOn: '2025-03-01' } };
    expect(refusedAt(early)).toEqual(['document.issuedOn']);
  });

  it('refuses a plan of the 2025 province whose period ends before the province existed, at period', () => {
    const past = withTargets(
      { ...THAI_NGUYEN_2026, baselines: [], period: { from: 2021, to: 2024 } },
      lifeExpectancy(2024, 75),
    );
    expect(refusedAt(past)).toEqual(['period']);
  });

  it('refuses a document dated after today (in Vietnam), at document.issuedOn', () => {
    const future = { ...LAI_CHAU_24, document: { ...LAI_CHAU_24.document, issuedOn: '2026-03-02' } };
    expect(refusedAt(future)).toEqual(['document.issuedOn']);
    // 2026-03-01T20:00Z is already 2 March in Vietnam.
    const context = contextFor(provinceActor('lai-chau'), new Date('2026-03-01T20:00:00Z'));
    expect(when(adopt('lai-chau', future), given(), context)).toHaveLength(1);
  });

  it('refuses a period that ends before it starts, at period', () => {
    expect(refusedAt({ ...LAI_CHAU_24, period: { from: 2030, to: 2018 } })).toContain('period');
  });

  it('checks every baseline and target figure against the catalogue', () => {
    const bad: AdoptPlanData = {
      ...KIEN_GIANG_132,
      baselines: [{ indicator: 'happiness', year: 2017, value: 1, unit: 'percent' }],
      targets: [
        { ...lifeExpectancy(2025, 75), unit: 'percent' },
        {
          kind: 'absolute',
          target: 'b',
          indicator: 'health_insurance_coverage',
          year: 2025,
          comparator: '>',
          value: 105,
          unit: 'percent',
        },
        {
          kind: 'absolute',
          target: 'c',
          indicator: 'under5_mortality',
          year: 2025,
          comparator: '<=',
          value: -1,
          unit: 'per_mille',
        },
        { kind: 'milestone', target: 'd', indicator: 'no_such_thing', year: 2025, text: 'x' },
      ],
    };
    expect(refusedAt(bad)).toEqual([
      'baselines.0.indicator',
      'targets.0.unit',
      'targets.1.value',
      'targets.2.value',
      'targets.3.indicator',
    ]);
  });

  it('accepts a rate written in another convertible unit (18,47‰ as 1,847%)', () => {
    const data = withTargets(KIEN_GIANG_132, {
      kind: 'absolute',
      target: 't5',
      indicator: 'under5_mortality',
      year: 2025,
      comparator: '<=',
      value: 1.75,
      unit: 'percent',
    });
    expect(when(adopt('kien-giang', data), given())).toHaveLength(1);
  });

  it('refuses target years outside the period, later baselines and a second baseline of a year', () => {
    const data: AdoptPlanData = {
      ...withTargets(KIEN_GIANG_132, lifeExpectancy(2017, 74), lifeExpectancy(2031, 76)),
      baselines: [
        { indicator: 'life_expectancy', year: 2031, value: 76, unit: 'years' },
        { indicator: 'life_expectancy', year: 2017, value: 74.3, unit: 'years' },
        { indicator: 'life_expectancy', year: 2017, value: 74.4, unit: 'years' },
      ],
    };
    expect(refusedAt(data)).toEqual(['baselines.0.year', 'baselines.2.year', 'targets.0.year', 'targets.1.year']);
  });

  it('refuses a relative target with no baseline of its year, a baseline year not before it, or an impossible change', () => {
    const [t1, t2] = LAI_CHAU_24.targets as [Target & { kind: 'relative' }, Target & { kind: 'relative' }];
    const data = withTargets(
      LAI_CHAU_24,
      { ...t1, baselineYear: 2016 },
      { ...t2, baselineYear: 2025 },
      { ...t1, target: 't3', change: -120 },
      { ...t1, target: 't4', changeUnit: 'percent' },
      { ...t1, target: 't5', changeUnit: 'count', change: -12 },
    );
    expect(refusedAt(data)).toEqual([
      'targets.0.baselineYear',
      'targets.1.baselineYear',
      'targets.2.change',
      'targets.3.changeUnit',
    ]);
  });

  it('gives a milestone indicator only milestone targets, but lets a measured indicator carry a milestone', () => {
    const data = withTargets(
      KIEN_GIANG_132,
      {
        kind: 'milestone',
        target: 'a',
        indicator: 'commune_stations_with_doctor_share',
        year: 2027,
        text: '100% Trạm Y tế có tối thiểu từ 4 - 5 bác sĩ',
      },
      {
        kind: 'absolute',
        target: 'b',
        indicator: 'emergency_115_centre',
        year: 2025,
        comparator: '=',
        value: 1,
        unit: 'milestone',
      },
    );
    expect(refusedAt(data)).toEqual(['targets.1.kind']);
  });

  it('refuses a target id or a budget line used twice', () => {
    const line = THAI_NGUYEN_2026.budget[0] as AdoptPlanData['budget'][number];
    const data = {
      ...withTargets(THAI_NGUYEN_2026, lifeExpectancy(2030, 76), lifeExpectancy(2030, 77)),
      budget: [line, line],
    };
    expect(refusedAt(data)).toEqual(['targets.1.target', 'budget.1.line']);
  });

  it('gathers every issue of the command in one error', () => {
    const data = { ...withTargets(KIEN_GIANG_132, lifeExpectancy(2040, 80)), period: { from: 2018, to: 2010 } };
    const error = refusal(() => when(adopt('kien-giang', data), given()));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'period',
      'baselines.0.year',
      'baselines.1.year',
      'baselines.2.year',
      'baselines.3.year',
      'targets.0.year',
    ]);
    expect(error.message).toContain('(and 5 more)');
  });

  it('refuses data that does not fit the event schema, every field at once', () => {
    const data = {
      ...KIEN_GIANG_132,
      document: { ...KIEN_GIANG_132.document, number: '//', issuedOn: '14/08/2018' },
      targets: [{ ...lifeExpectancy(2025, 75), year: 'năm 2025' }],
    } as unknown as AdoptPlanData;
    expect(refusedAt(data).sort()).toEqual(['document.issuedOn', 'document.number', 'targets.0.year']);
  });

  describe('actors', () => {
    const command = adopt('kien-giang', KIEN_GIANG_132);
    it.each([
      ['the ministry', { id: 'm', role: 'ministry' as const }],
      ['an auditor', { id: 'a', role: 'auditor' as const }],
      ['another province', provinceActor('an-giang')],
      ['a province actor with no province', { id: 'p', role: 'province' as const }],
    ])('refuses %s: FORBIDDEN', (_, actor) => {
      expect(refusal(() => when(command, given(), contextFor(actor))).code).toBe('FORBIDDEN');
    });

    it('lets the system (seed loader) adopt', () => {
      expect(when(command, given(), contextFor())).toHaveLength(1);
    });

    it("lets the successor record a predecessor's plan issued before the merger, and only before", () => {
      const successor = contextFor(provinceActor('thai-nguyen-2025'));
      expect(when(adopt('bac-kan', bacKanPlan('2024-12-01')), given(), successor)).toHaveLength(1);
      expect(refusal(() => when(adopt('bac-kan', bacKanPlan('2025-09-01')), given(), successor)).code).toBe(
        'PROVINCE_MERGED',
      );
    });
  });
});
