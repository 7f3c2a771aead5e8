import { slugify } from '../shared/slug.js';
import { streams } from '../shared/streams.js';
import type {
  PlanAdoptedData,
  PlanSupersededData,
  PlanTaskAddedData,
  PlanTaskReportedData,
  TargetRevisedData,
  TargetWithdrawnData,
} from './events.js';

/** What adopting a plan states: the event's data without `plan`, which is derived from the document number. */
export type AdoptPlanData = Omit<PlanAdoptedData, 'plan'>;

/**
 * Adopt a plan in `tenant` (a province id). `data.province` must be that tenant; the stream is
 * `<tenant>/plan/<slug of data.document.number>`, so a second plan with the same number lands on the
 * same stream and is refused.
 */
export interface AdoptPlan {
  type: 'AdoptPlan';
  tenant: string;
  data: AdoptPlanData;
}

/**
 * The commands on an adopted plan name it by `tenant` and `plan` (the slug of its document number,
 * as in `PlanAdopted.plan`); their data is the event's data as it will be recorded.
 */
interface OnPlan<TType extends string, TData> {
  type: TType;
  tenant: string;
  plan: string;
  data: TData;
}

/** Change a target's comparator, value, unit, written form or year, under a document, from a date. */
export type ReviseTarget = OnPlan<'ReviseTarget', TargetRevisedData>;
/** Withdraw a target under a document, from a date; its history stays readable. */
export type WithdrawTarget = OnPlan<'WithdrawTarget', TargetWithdrawnData>;
/** Add a task of the plan's appendix (lead agency, partners, product, deadline). */
export type AddPlanTask = OnPlan<'AddPlanTask', PlanTaskAddedData>;
/** Report a task's status on a date. */
export type ReportPlanTask = OnPlan<'ReportPlanTask', PlanTaskReportedData>;
/** Record that another plan (by stream id) replaces this one from a date. Once. */
export type SupersedePlan = OnPlan<'SupersedePlan', PlanSupersededData>;

/** Every command the plan decider accepts. */
export type PlanCommand = AdoptPlan | ReviseTarget | WithdrawTarget | AddPlanTask | ReportPlanTask | SupersedePlan;

/** The slug of the plan a command is about: `132/KH-UBND` → `132-kh-ubnd`. */
export function planSlug(command: PlanCommand): string {
  return command.type === 'AdoptPlan' ? slugify(command.data.document.number) : slugify(command.plan);
}

/** The stream a command writes: `kien-giang/plan/132-kh-ubnd`. For the command handler's route. */
export function planStream(command: PlanCommand): string {
  return streams.plan(command.tenant, planSlug(command));
}

/** The tenant a command writes. For the command handler's route. */
export function planTenant(command: PlanCommand): string {
  return command.tenant;
}
