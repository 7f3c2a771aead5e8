import type { LegalDocument } from '../shared/document.js';
import { assertNever } from '../shared/period.js';
import type {
  PlanAdoptedData,
  PlanEvent,
  PlanSupersededData,
  PlanTaskAddedData,
  PlanTaskReportedData,
  Target,
  TargetRevisedData,
  TargetWithdrawnData,
} from './events.js';

/** One change in a target's life: its adoption, a revision or its withdrawal, with the document and date. */
export type TargetChange =
  | {
      change: 'adopted' | 'revised';
      /** The whole target as it stands from `effectiveOn`, not only the fields that changed. */
      target: Target;
      document: LegalDocument;
      effectiveOn: string;
      /** Why it was revised; adoption has none. */
      reason?: string | undefined;
    }
  | { change: 'withdrawn'; target: Target; document: LegalDocument; effectiveOn: string; reason: string };

/** A target with its whole history: `history[0]` is the adoption; `current` is the latest version. */
export interface TargetState {
  id: string;
  current: Target;
  history: readonly TargetChange[];
  withdrawn?: TargetWithdrawnData | undefined;
}

/** A report on a task, and whether it came after the task's `dueBy` (a late "done" is still done). */
export interface TaskReport extends PlanTaskReportedData {
  afterDue: boolean;
}

/** A task of the plan's appendix and every report on it, oldest first. */
export interface TaskState extends PlanTaskAddedData {
  reports: readonly TaskReport[];
}

/** A stream with no `PlanAdopted` yet. */
export interface PlanNotAdopted {
  status: 'not_adopted';
}

/**
 * An adopted plan. Maps keep the order of adoption and are safe with any id (a plain object would
 * treat a target named `__proto__` specially).
 */
export interface AdoptedPlan {
  status: 'adopted';
  plan: string;
  province: string;
  document: PlanAdoptedData['document'];
  implements: readonly string[];
  period: PlanAdoptedData['period'];
  baselines: PlanAdoptedData['baselines'];
  targets: ReadonlyMap<string, TargetState>;
  tasks: ReadonlyMap<string, TaskState>;
  budget: PlanAdoptedData['budget'];
  source?: string | undefined;
  supersededBy?: PlanSupersededData | undefined;
}

export type PlanState = PlanNotAdopted | AdoptedPlan;

/** The state of an empty stream. */
export function initialPlanState(): PlanState {
  return { status: 'not_adopted' };
}

/**
 * Folds one event into the plan. Pure: returns a new state and never mutates the old one. An event
 * that cannot apply (a revision before adoption) leaves the state as it is: `decide` never emits
 * one, and a fold of recorded history must not throw on what the store already holds.
 */
export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'PlanAdopted') return state.status === 'adopted' ? state : adopted(event.data);
  if (state.status !== 'adopted') return state;
  switch (event.type) {
    case 'TargetRevised':
      return withTarget(state, event.data.target, (target) => revised(target, event.data));
    case 'TargetWithdrawn':
      return withTarget(state, event.data.target, (target) => withdrawn(target, event.data));
    case 'PlanTaskAdded':
      if (state.tasks.has(event.data.task)) return state;
      return { ...state, tasks: new Map(state.tasks).set(event.data.task, { ...event.data, reports: [] }) };
    case 'PlanTaskReported': {
      const task = state.tasks.get(event.data.task);
      if (!task) return state;
      const afterDue = task.dueBy !== undefined && event.data.on > task.dueBy;
      const next = { ...task, reports: [...task.reports, { ...event.data, afterDue }] };
      return { ...state, tasks: new Map(state.tasks).set(task.task, next) };
    }
    case 'PlanSuperseded':
      return { ...state, supersededBy: event.data };
    default:
      return assertNever(event);
  }
}

/** When a plan takes effect: its document's date, or the first day of its period when none is stated. */
export function effectiveFrom(data: Pick<PlanAdoptedData, 'document' | 'period'>): string {
  return data.document.issuedOn ?? `${data.period.from}-01-01`;
}

function adopted(data: PlanAdoptedData): AdoptedPlan {
  const targets = new Map<string, TargetState>();
  for (const target of data.targets) {
    const change: TargetChange = {
      change: 'adopted',
      target,
      document: data.document,
      effectiveOn: effectiveFrom(data),
    };
    targets.set(target.target, { id: target.target, current: target, history: [change] });
  }
  return {
    status: 'adopted',
    plan: data.plan,
    province: data.province,
    document: data.document,
    implements: data.implements,
    period: data.period,
    baselines: data.baselines,
    targets,
    tasks: new Map(),
    budget: data.budget,
    source: data.source,
  };
}

function withTarget(state: AdoptedPlan, id: string, change: (target: TargetState) => TargetState): PlanState {
  const target = state.targets.get(id);
  if (!target) return state;
  return { ...state, targets: new Map(state.targets).set(id, change(target)) };
}

function revised(state: TargetState, data: TargetRevisedData): TargetState {
  const target = applyRevision(state.current, data);
  const change: TargetChange = {
    change: 'revised',
    target,
    document: data.document,
    effectiveOn: data.effectiveOn,
    reason: data.reason,
  };
  return { ...state, current: target, history: [...state.history, change] };
}

function withdrawn(state: TargetState, data: TargetWithdrawnData): TargetState {
  const change: TargetChange = {
    change: 'withdrawn',
    target: state.current,
    document: data.document,
    effectiveOn: data.effectiveOn,
    reason: data.reason,
  };
  return { ...state, withdrawn: data, history: [...state.history, change] };
}

/**
 * The target after a revision. The fields a revision cannot carry for a kind (a value on a milestone)
 * are refused by `decide` and ignored here. When the figure changes and no new `written` comes with
 * it, the old written form is dropped: "> 95%" must not stand beside a value of 98.
 */
export function applyRevision(target: Target, data: Omit<TargetRevisedData, 'reason' | 'document' | 'effectiveOn'>) {
  const year = data.year ?? target.year;
  switch (target.kind) {
    case 'absolute': {
      const figureChanged =
        (data.comparator !== undefined && data.comparator !== target.comparator) ||
        (data.value !== undefined && data.value !== target.value) ||
        (data.unit !== undefined && data.unit !== target.unit);
      const written = data.written ?? (figureChanged ? undefined : target.written);
      const { written: _old, ...rest } = target;
      return {
        ...rest,
        year,
        comparator: data.comparator ?? target.comparator,
        value: data.value ?? target.value,
        unit: data.unit ?? target.unit,
        ...(written !== undefined && { written }),
      } satisfies Target;
    }
    case 'relative': {
      const figureChanged = data.comparator !== undefined && data.comparator !== target.comparator;
      const written = data.written ?? (figureChanged ? undefined : target.written);
      const { written: _old, ...rest } = target;
      return {
        ...rest,
        year,
        comparator: data.comparator ?? target.comparator,
        ...(written !== undefined && { written }),
      } satisfies Target;
    }
    case 'milestone':
      return { ...target, year } satisfies Target;
    default:
      return assertNever(target);
  }
}
