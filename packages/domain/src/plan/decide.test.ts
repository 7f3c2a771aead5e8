import { describe, expect, it } from 'vitest';
import type {
  AddPlanTask,
  PlanCommand,
  ReportPlanTask,
  ReviseTarget,
  SupersedePlan,
  WithdrawTarget,
} from './commands.js';
import type { PlanEvent, TargetRevisedData } from './events.js';
import { contextFor, given, provinceActor, refusal, when } from './test-fixtures.js';
import { KG_REVISION_DOC, KIEN_GIANG_TASK_1, kienGiangAdopted } from './test-plans.js';

const kg = contextFor(provinceActor('kien-giang'));
const onPlan = { tenant: 'kien-giang', plan: '132-kh-ubnd' };
const why = { reason: 'Điều chỉnh theo kết quả sơ kết 5 năm', document: KG_REVISION_DOC, effectiveOn: '2021-03-10' };

const revise = (data: Partial<TargetRevisedData> & { target: string }): ReviseTarget => ({
  type: 'ReviseTarget',
  ...onPlan,
  data: { ...why, ...data },
});
const withdraw = (target: string, effectiveOn = why.effectiveOn): WithdrawTarget => ({
  type: 'WithdrawTarget',
  ...onPlan,
  data: { ...why, target, effectiveOn },
});
const addTask = (data = KIEN_GIANG_TASK_1): AddPlanTask => ({ type: 'AddPlanTask', ...onPlan, data });
const reportTask = (status: 'done' | 'late' | 'in_progress', on: string, task = 'I.1'): ReportPlanTask => ({
  type: 'ReportPlanTask',
  ...onPlan,
  data: { task, status, on },
});
const supersede = (by = 'an-giang-2025/plan/12-kh-ubnd', effectiveOn = '2024-01-01'): SupersedePlan => ({
  type: 'SupersedePlan',
  ...onPlan,
  data: { by, document: { number: '12/KH-UBND' }, effectiveOn },
});

/** The events of `commands`, each decided on the state its predecessors left. */
function history(...commands: PlanCommand[]): PlanEvent[] {
  const events: PlanEvent[] = [kienGiangAdopted()];
  for (const command of commands) events.push(...when(command, given(...events), kg));
  return events;
}

/** The field paths of the VALIDATION_FAILED `command` gets after `before`. */
function refusedAt(command: PlanCommand, before: PlanCommand[] = []): string[] {
  const error = refusal(() => when(command, given(...history(...before)), kg));
  expect(error.code).toBe('VALIDATION_FAILED');
  return error.issues.map((issue) => issue.path);
}

describe('ReviseTarget', () => {
  it('given 132/KH-UBND, when life expectancy 2030 is revised to ≥ 76, then TargetRevised', () => {
    const command = revise({ target: 't2', value: 76, written: '76' });
    expect(when(command, given(kienGiangAdopted()), kg)).toEqual([{ type: 'TargetRevised', data: command.data }]);
  });

  it('refuses an unknown target, a withdrawn target, and any target of a superseded plan, at target', () => {
    expect(refusedAt(revise({ target: 't99', value: 76 }))).toEqual(['target']);
    const withdrawn = refusal(() => when(revise({ target: 't2', value: 76 }), given(...history(withdraw('t2'))), kg));
    expect([withdrawn.field, withdrawn.message]).toEqual(['target', 'target: target t2 was withdrawn on 2021-03-10']);
    expect(refusedAt(revise({ target: 't2', value: 76 }), [supersede()])).toEqual(['target']);
  });

  it('refuses a revision without a reason or a document, at reason and document', () => {
    const bare = { type: 'ReviseTarget', ...onPlan, data: { target: 't2', value: 76, effectiveOn: '2021-03-10' } };
    expect(refusedAt(bare as ReviseTarget)).toEqual(['reason', 'document']);
    expect(refusedAt(revise({ target: 't2', value: 76, reason: '  ' }))).toEqual(['reason']);
  });

  it('checks the new figure against the catalogue: bounds at value, units at unit', () => {
    expect(refusedAt(revise({ target: 't4', value: 101 }))).toEqual(['value']);
    expect(refusedAt(revise({ target: 't2', unit: 'percent' }))).toEqual(['unit']);
    expect(refusedAt(revise({ target: 't5', value: -2 }))).toEqual(['value']);
    // 18,47‰ target restated in percent: a convertible unit is a change, and accepted.
    expect(when(revise({ target: 't5', value: 1.75, unit: 'percent' }), given(kienGiangAdopted()), kg)).toHaveLength(1);
  });

  it('refuses a revision that changes nothing, at value', () => {
    expect(refusedAt(revise({ target: 't2' }))).toEqual(['value']);
    expect(refusedAt(revise({ target: 't2', value: 75.5, comparator: '>=', year: 2030 }))).toEqual(['value']);
    expect(when(revise({ target: 't2', written: '75,5 năm' }), given(kienGiangAdopted()), kg)).toHaveLength(1);
  });

  it('refuses fields the target has not: a value of a milestone', () => {
    expect(refusedAt(revise({ target: 't9', value: 1, comparator: '=' }))).toEqual(['comparator', 'value']);
    expect(when(revise({ target: 't9', year: 2026 }), given(kienGiangAdopted()), kg)).toHaveLength(1);
  });

  it('refuses a year outside the plan period, at year', () => {
    expect(refusedAt(revise({ target: 't2', year: 2035 }))).toEqual(['year']);
  });

  it('refuses a change dated before the adoption or before the target last changed, at effectiveOn', () => {
    expect(refusedAt(revise({ target: 't2', value: 76, effectiveOn: '2018-08-13' }))).toEqual(['effectiveOn']);
    const later = revise({ target: 't2', value: 76, effectiveOn: '2022-01-01' });
    expect(refusedAt(revise({ target: 't2', value: 77, effectiveOn: '2021-12-31' }), [later])).toEqual(['effectiveOn']);
    // Another target's history does not constrain this one.
    expect(when(revise({ target: 't1', value: 75.2 }), given(...history(later)), kg)).toHaveLength(1);
  });

  it('refuses a change Kiên Giang would make after its merger: PROVINCE_MERGED naming an-giang-2025', () => {
    const error = refusal(() =>
      when(revise({ target: 't2', value: 76, effectiveOn: '2025-07-15' }), given(kienGiangAdopted()), kg),
    );
    expect([error.code, error.field, error.details.successor]).toEqual([
      'PROVINCE_MERGED',
      'effectiveOn',
      'an-giang-2025',
    ]);
  });

  it('answers NOT_FOUND at plan on a stream with no plan', () => {
    expect([refusal(() => when(revise({ target: 't2', value: 76 }), given(), kg)).code]).toEqual(['NOT_FOUND']);
    expect(refusal(() => when(revise({ target: 't2', value: 76 }), given(), kg)).field).toBe('plan');
  });

  it('refuses a command naming another plan than the state it is decided on, at plan', () => {
    const other = { ...revise({ target: 't2', value: 76 }), plan: '24-ctr-tu' };
    expect(refusedAt(other)).toEqual(['plan']);
  });
});

describe('WithdrawTarget', () => {
  it('withdraws a target once; then it is refused at target', () => {
    expect(when(withdraw('t9'), given(kienGiangAdopted()), kg)).toEqual([
      { type: 'TargetWithdrawn', data: withdraw('t9').data },
    ]);
    expect(refusedAt(withdraw('t9'), [withdraw('t9')])).toEqual(['target']);
  });

  it('refuses an unknown target, a superseded plan, and a date before the last change', () => {
    expect(refusedAt(withdraw('t99'))).toEqual(['target']);
    expect(refusedAt(withdraw('t2'), [supersede()])).toEqual(['target']);
    expect(refusedAt(withdraw('t2', '2017-01-01'))).toEqual(['effectiveOn']);
  });

  it('refuses a withdrawal dated after the merger: PROVINCE_MERGED', () => {
    expect(refusal(() => when(withdraw('t2', '2025-08-01'), given(kienGiangAdopted()), kg)).code).toBe(
      'PROVINCE_MERGED',
    );
  });
});

describe('AddPlanTask', () => {
  it('adds the first task of the appendix', () => {
    expect(when(addTask(), given(kienGiangAdopted()), kg)).toEqual([
      { type: 'PlanTaskAdded', data: KIEN_GIANG_TASK_1 },
    ]);
  });

  it('refuses a task id used twice, and a new task on a superseded plan, at task', () => {
    expect(refusedAt(addTask(), [addTask()])).toEqual(['task']);
    expect(refusedAt(addTask(), [supersede()])).toEqual(['task']);
  });
});

describe('ReportPlanTask', () => {
  it('records done, late and in-progress reports, a done one even after the due date', () => {
    const events = history(addTask(), reportTask('in_progress', '2018-09-15'), reportTask('late', '2018-10-15'));
    expect(when(reportTask('done', '2018-12-20'), given(...events), kg)).toHaveLength(1);
  });

  it('refuses an unknown task at task, and a date before the plan or in the future at on', () => {
    expect(refusedAt(reportTask('done', '2019-01-01', 'IX.9'), [addTask()])).toEqual(['task']);
    expect(refusedAt(reportTask('done', '2018-08-01'), [addTask()])).toEqual(['on']);
    const future = contextFor(provinceActor('kien-giang'), new Date('2019-01-01T00:00:00Z'));
    expect(refusal(() => when(reportTask('done', '2019-06-01'), given(...history(addTask())), future)).field).toBe(
      'on',
    );
  });

  it('refuses a report dated after the merger: PROVINCE_MERGED', () => {
    expect(refusal(() => when(reportTask('done', '2025-09-01'), given(...history(addTask())), kg)).code).toBe(
      'PROVINCE_MERGED',
    );
  });
});

describe('SupersedePlan', () => {
  it('records the plan that replaces it, once', () => {
    expect(when(supersede(), given(kienGiangAdopted()), kg)).toEqual([
      { type: 'PlanSuperseded', data: supersede().data },
    ]);
    expect(refusedAt(supersede('kien-giang/plan/99-kh-ubnd'), [supersede()])).toEqual(['by']);
  });

  it('refuses itself, a malformed stream id, and a date before the plan', () => {
    expect(refusedAt(supersede('kien-giang/plan/132-kh-ubnd'))).toEqual(['by']);
    expect(refusedAt(supersede('132/KH-UBND'))).toEqual(['by']);
    expect(refusedAt(supersede(undefined, '2018-01-01'))).toEqual(['effectiveOn']);
  });
});

describe('actors on an adopted plan', () => {
  const commands: PlanCommand[] = [
    revise({ target: 't2', value: 76 }),
    withdraw('t2'),
    addTask(),
    reportTask('done', '2019-01-01'),
    supersede(),
  ];
  const state = given(...history(addTask()));

  it.each([
    ['the ministry', { id: 'm', role: 'ministry' as const }],
    ['an auditor', { id: 'a', role: 'auditor' as const }],
    ['another province', provinceActor('lai-chau')],
    ["the other predecessor's province", provinceActor('an-giang')],
  ])('refuses %s: FORBIDDEN, before reading the state', (_, actor) => {
    for (const command of commands) {
      expect(refusal(() => when(command, state, contextFor(actor))).code).toBe('FORBIDDEN');
      expect(refusal(() => when(command, given(), contextFor(actor))).code).toBe('FORBIDDEN');
    }
  });

  it('lets the system and the successor (an-giang-2025) record changes dated before the merger', () => {
    for (const actor of [contextFor(), contextFor(provinceActor('an-giang-2025'))]) {
      expect(when(revise({ target: 't2', value: 76 }), state, actor)).toHaveLength(1);
      expect(when(reportTask('done', '2019-01-01'), state, actor)).toHaveLength(1);
    }
  });
});
