import { describe, expect, it } from 'vitest';
import type { PlanEvent } from './events.js';
import { type AdoptedPlan, evolvePlan, initialPlanState, type PlanState } from './evolve.js';
import { given } from './test-fixtures.js';
import { KG_REVISION_DOC, KIEN_GIANG_132, KIEN_GIANG_TASK_1, kienGiangAdopted } from './test-plans.js';

const adopted = (state: PlanState): AdoptedPlan => {
  if (state.status !== 'adopted') throw new Error('expected an adopted plan');
  return state;
};
const revised = (target: string, data: object, effectiveOn = '2021-03-10'): PlanEvent => ({
  type: 'TargetRevised',
  data: { target, reason: 'sơ kết', document: KG_REVISION_DOC, effectiveOn, ...data },
});

describe('evolvePlan', () => {
  it('starts not adopted', () => {
    expect(initialPlanState()).toEqual({ status: 'not_adopted' });
  });

  it('given PlanAdopted, then the plan holds its document, period, baselines and every target with its adoption', () => {
    const plan = adopted(given(kienGiangAdopted()));
    expect([plan.plan, plan.province, plan.document.number, plan.period]).toEqual([
      '132-kh-ubnd',
      'kien-giang',
      '132/KH-UBND',
      { from: 2018, to: 2030 },
    ]);
    expect(plan.baselines).toHaveLength(4);
    expect([...plan.targets.keys()]).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(plan.targets.get('t4')?.history).toEqual([
      {
        change: 'adopted',
        target: KIEN_GIANG_132.targets[3],
        document: KIEN_GIANG_132.document,
        effectiveOn: '2018-08-14',
      },
    ]);
  });

  it('given a revision of the value only, then the stale written form is dropped and history grows', () => {
    const target = adopted(given(kienGiangAdopted(), revised('t4', { value: 98 }))).targets.get('t4');
    expect(target?.current).toEqual({
      kind: 'absolute',
      target: 't4',
      indicator: 'health_insurance_coverage',
      year: 2030,
      comparator: '>',
      value: 98,
      unit: 'percent',
    });
    expect(target?.history.map((change) => [change.change, change.effectiveOn, change.document.number])).toEqual([
      ['adopted', '2018-08-14', '132/KH-UBND'],
      ['revised', '2021-03-10', '45/KH-UBND'],
    ]);
  });

  it('keeps the written form when only the year moves, and takes a new one when given', () => {
    const plan = adopted(
      given(kienGiangAdopted(), revised('t4', { year: 2029 }), revised('t7', { value: 19, written: '< 19%' })),
    );
    expect(plan.targets.get('t4')?.current).toMatchObject({ year: 2029, written: '> 95%' });
    expect(plan.targets.get('t7')?.current).toMatchObject({ value: 19, written: '< 19%' });
  });

  it('given a withdrawal, then the target is flagged and its history ends with it', () => {
    const withdrawal: PlanEvent = {
      type: 'TargetWithdrawn',
      data: { target: 't9', reason: 'chuyển sang đề án riêng', document: KG_REVISION_DOC, effectiveOn: '2022-01-01' },
    };
    const target = adopted(given(kienGiangAdopted(), withdrawal)).targets.get('t9');
    expect(target?.withdrawn).toEqual(withdrawal.data);
    expect(target?.history.at(-1)).toMatchObject({
      change: 'withdrawn',
      effectiveOn: '2022-01-01',
      target: { kind: 'milestone' },
    });
  });

  it('given tasks and reports, then each report says whether it came after the due date', () => {
    const plan = adopted(
      given(
        kienGiangAdopted(),
        { type: 'PlanTaskAdded', data: KIEN_GIANG_TASK_1 },
        { type: 'PlanTaskReported', data: { task: 'I.1', status: 'in_progress', on: '2018-09-30' } },
        { type: 'PlanTaskReported', data: { task: 'I.1', status: 'done', on: '2018-11-05', note: 'Đề án đã trình' } },
      ),
    );
    expect(plan.tasks.get('I.1')?.reports.map((report) => [report.status, report.afterDue])).toEqual([
      ['in_progress', false],
      ['done', true],
    ]);
  });

  it('given PlanSuperseded, then the plan names its successor', () => {
    const data = { by: 'an-giang-2025/plan/12-kh-ubnd', document: { number: '12/KH-UBND' }, effectiveOn: '2026-01-01' };
    expect(adopted(given(kienGiangAdopted(), { type: 'PlanSuperseded', data })).supersededBy).toEqual(data);
  });

  it('ignores what cannot apply: events before adoption, a second adoption, unknown targets and tasks', () => {
    const before = given(revised('t1', { value: 80 }));
    expect(before).toEqual({ status: 'not_adopted' });
    const once = given(kienGiangAdopted());
    const again = evolvePlan(once, {
      type: 'PlanAdopted',
      data: { plan: 'x', ...KIEN_GIANG_132, province: 'lai-chau' },
    });
    expect(again).toBe(once);
    expect(evolvePlan(once, revised('t99', { value: 1 }))).toBe(once);
    expect(
      evolvePlan(once, { type: 'PlanTaskReported', data: { task: 'none', status: 'done', on: '2019-01-01' } }),
    ).toBe(once);
  });

  it('never mutates the state it is given', () => {
    const before = adopted(given(kienGiangAdopted()));
    const snapshot = structuredClone(before);
    evolvePlan(before, revised('t1', { value: 76 }));
    evolvePlan(before, { type: 'PlanTaskAdded', data: KIEN_GIANG_TASK_1 });
    expect(before).toEqual(snapshot);
  });
});
