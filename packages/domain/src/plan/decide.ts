import type { FieldIssue } from '@chitieu/errors';
import type { z } from 'zod';
import type { Decider, DecisionContext } from '../shared/decider.js';
import { invalid, notFound } from '../shared/errors.js';
import { assertNever } from '../shared/period.js';
import type { Reference } from '../shared/reference.js';
import { slugify } from '../shared/slug.js';
import { streams } from '../shared/streams.js';
import { decideAdoptPlan } from './adopt.js';
import type {
  AddPlanTask,
  PlanCommand,
  ReportPlanTask,
  ReviseTarget,
  SupersedePlan,
  WithdrawTarget,
} from './commands.js';
import {
  type PlanEvent,
  planSuperseded,
  planTaskAdded,
  planTaskReported,
  targetRevised,
  targetWithdrawn,
} from './events.js';
import {
  type AdoptedPlan,
  applyRevision,
  effectiveFrom,
  evolvePlan,
  initialPlanState,
  type PlanState,
  type TargetState,
} from './evolve.js';
import { checkActor, checkOpenOn, checkRootFigure, parseData, todayInVietnam } from './guards.js';

type Context = DecisionContext<Reference>;

/**
 * Decides a plan command on the plan's state. Pure; throws ChitieuError: FORBIDDEN (actor),
 * NOT_FOUND at `plan` (no plan on the stream), PROVINCE_MERGED (a change dated after the province
 * ended), or one VALIDATION_FAILED listing every faulty field of the command.
 */
export function decidePlan(command: PlanCommand, state: PlanState, context: Context): PlanEvent[] {
  switch (command.type) {
    case 'AdoptPlan':
      return decideAdoptPlan(command, state, context);
    case 'ReviseTarget':
      return reviseTarget(command, adoptedPlan(command, state, context), context);
    case 'WithdrawTarget':
      return withdrawTarget(command, adoptedPlan(command, state, context), context);
    case 'AddPlanTask':
      return addPlanTask(command, adoptedPlan(command, state, context));
    case 'ReportPlanTask':
      return reportPlanTask(command, adoptedPlan(command, state, context), context);
    case 'SupersedePlan':
      return supersedePlan(command, adoptedPlan(command, state, context), context);
    default:
      return assertNever(command);
  }
}

/** The plan aggregate as an Emmett decider, for the command handler's route. */
export const planDecider: Decider<PlanCommand, PlanState, PlanEvent, Reference> = {
  initialState: initialPlanState,
  decide: decidePlan,
  evolve: evolvePlan,
};

/** The actor first (as the handler does), then the plan the command names must exist. */
function adoptedPlan(command: Exclude<PlanCommand, { type: 'AdoptPlan' }>, state: PlanState, context: Context) {
  checkActor(context.actor, command.tenant, context.reference);
  if (state.status !== 'adopted') throw notFound('plan', `${command.tenant} has no plan ${command.plan}`);
  if (state.plan !== slugify(command.plan)) {
    // Only a caller that loaded another stream than the command names gets here.
    throw invalid({ path: 'plan', message: `the command names plan ${command.plan}; the state is of ${state.plan}` });
  }
  return state;
}

/** Parses the command data with the event schema; throws every shape issue at once. */
function parsed<T>(schema: z.ZodType<T>, data: unknown): T {
  const issues: FieldIssue[] = [];
  const result = parseData(schema, data, issues);
  if (result === undefined) throw invalid(issues);
  return result;
}

/**
 * The target a revision or withdrawal applies to, when it may still change: the plan is not
 * superseded, the target exists and is not withdrawn. Otherwise an issue at `target`.
 */
function openTarget(plan: AdoptedPlan, id: string, issues: FieldIssue[]): TargetState | undefined {
  if (plan.supersededBy) {
    const { by, effectiveOn } = plan.supersededBy;
    issues.push({
      path: 'target',
      message: `the plan was superseded by ${by} on ${effectiveOn}; its targets no longer change`,
    });
    return undefined;
  }
  const target = plan.targets.get(id);
  if (!target) {
    issues.push({ path: 'target', message: `the plan has no target ${JSON.stringify(id)}` });
    return undefined;
  }
  if (target.withdrawn) {
    issues.push({ path: 'target', message: `target ${id} was withdrawn on ${target.withdrawn.effectiveOn}` });
    return undefined;
  }
  return target;
}

/**
 * Changes take effect in the order they are recorded, so that the version in force on a date is the
 * last one dated on or before it (`targetAsOf`): a change dated before the target's latest is refused.
 */
function checkEffectiveAfterLast(target: TargetState, effectiveOn: string, issues: FieldIssue[]) {
  const last = target.history.at(-1);
  if (last && effectiveOn < last.effectiveOn) {
    const message = `target ${target.id} last changed on ${last.effectiveOn} (${last.change}); a change cannot take effect before that`;
    issues.push({ path: 'effectiveOn', message });
  }
}

/**
 * Which kinds of target each figure field of a revision applies to. A revision carries a comparator
 * and a figure, as absolute targets have; a relative target's change and a milestone's text are not
 * revisable (withdraw the target instead). The year of any target is.
 */
const REVISABLE: Record<'comparator' | 'value' | 'unit' | 'written', readonly string[]> = {
  comparator: ['absolute', 'relative'],
  value: ['absolute'],
  unit: ['absolute'],
  written: ['absolute', 'relative'],
};

function reviseTarget(command: ReviseTarget, plan: AdoptedPlan, context: Context): PlanEvent[] {
  const data = parsed(targetRevised.schema, command.data);
  const issues: FieldIssue[] = [];
  checkOpenOn(context.reference, plan.province, data.effectiveOn, 'effectiveOn', issues);
  const target = openTarget(plan, data.target, issues);
  if (target) {
    const current = target.current;
    checkEffectiveAfterLast(target, data.effectiveOn, issues);
    for (const [field, kinds] of Object.entries(REVISABLE)) {
      if (data[field as keyof typeof REVISABLE] !== undefined && !kinds.includes(current.kind)) {
        issues.push({ path: field, message: `a ${current.kind} target has no ${field} to revise` });
      }
    }
    if (data.year !== undefined && (data.year < plan.period.from || data.year > plan.period.to)) {
      issues.push({
        path: 'year',
        message: `${data.year} lies outside the plan's period (${plan.period.from}–${plan.period.to})`,
      });
    }
    if (current.kind === 'absolute') {
      const figure = {
        indicator: current.indicator,
        value: data.value ?? current.value,
        unit: data.unit ?? current.unit,
      };
      checkRootFigure(context.reference, figure, issues);
    }
    // Only a revision otherwise valid can be said to change nothing.
    if (issues.length === 0 && sameTarget(applyRevision(current, data), current)) {
      const message = `the revision changes nothing in target ${current.target}`;
      issues.push({ path: 'value', message, code: 'revision_identical', params: { target: current.target } });
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'TargetRevised', data }];
}

/** Same fields with the same values, whatever their order; an absent field equals an undefined one. */
function sameTarget(a: object, b: object): boolean {
  const canonical = (value: object) =>
    JSON.stringify(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return canonical(a) === canonical(b);
}

function withdrawTarget(command: WithdrawTarget, plan: AdoptedPlan, context: Context): PlanEvent[] {
  const data = parsed(targetWithdrawn.schema, command.data);
  const issues: FieldIssue[] = [];
  checkOpenOn(context.reference, plan.province, data.effectiveOn, 'effectiveOn', issues);
  const target = openTarget(plan, data.target, issues);
  if (target) checkEffectiveAfterLast(target, data.effectiveOn, issues);
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'TargetWithdrawn', data }];
}

function addPlanTask(command: AddPlanTask, plan: AdoptedPlan): PlanEvent[] {
  const data = parsed(planTaskAdded.schema, command.data);
  if (plan.supersededBy) {
    throw invalid({
      path: 'task',
      message: `the plan was superseded by ${plan.supersededBy.by}; it takes no new tasks`,
    });
  }
  if (plan.tasks.has(data.task)) throw invalid({ path: 'task', message: `the plan already has a task ${data.task}` });
  return [{ type: 'PlanTaskAdded', data }];
}

/**
 * Any status may follow any other (a task reported done may be reopened as in progress): the reports
 * are a history, and the latest one is the task's status. A report after `dueBy` is recorded as it is
 * — "done" stays done — and the state marks it `afterDue`; whether that makes the task late is for
 * the reader, not a refusal. Reports on a superseded plan's tasks are still accepted: they say what
 * happened.
 */
function reportPlanTask(command: ReportPlanTask, plan: AdoptedPlan, context: Context): PlanEvent[] {
  const data = parsed(planTaskReported.schema, command.data);
  const issues: FieldIssue[] = [];
  checkOpenOn(context.reference, plan.province, data.on, 'on', issues);
  if (!plan.tasks.has(data.task))
    issues.push({ path: 'task', message: `the plan has no task ${JSON.stringify(data.task)}` });
  const from = effectiveFrom(plan);
  if (data.on < from) issues.push({ path: 'on', message: `${data.on} is before the plan took effect (${from})` });
  if (data.on > todayInVietnam(context.now)) {
    issues.push({
      path: 'on',
      message: `${data.on} is in the future`,
      code: 'date_in_future',
      params: { date: data.on },
    });
  }
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'PlanTaskReported', data }];
}

const PLAN_STREAM = /^[a-z0-9-]+\/plan\/[a-z0-9-]+$/;

function supersedePlan(command: SupersedePlan, plan: AdoptedPlan, context: Context): PlanEvent[] {
  const data = parsed(planSuperseded.schema, command.data);
  const issues: FieldIssue[] = [];
  checkOpenOn(context.reference, plan.province, data.effectiveOn, 'effectiveOn', issues);
  if (plan.supersededBy) {
    const { by, effectiveOn } = plan.supersededBy;
    issues.push({ path: 'by', message: `the plan was already superseded by ${by} on ${effectiveOn}` });
  } else if (!PLAN_STREAM.test(data.by)) {
    issues.push({ path: 'by', message: `${JSON.stringify(data.by)} is not a plan's stream id (<tenant>/plan/<slug>)` });
  } else if (data.by === streams.plan(plan.province, plan.plan)) {
    issues.push({ path: 'by', message: 'a plan cannot supersede itself' });
  }
  const from = effectiveFrom(plan);
  if (data.effectiveOn < from) {
    issues.push({ path: 'effectiveOn', message: `${data.effectiveOn} is before the plan took effect (${from})` });
  }
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'PlanSuperseded', data }];
}
