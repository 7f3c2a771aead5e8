import type { Target } from './events.js';
import type { PlanState, TargetChange } from './evolve.js';

/** A version of a target as in force from `effectiveOn`, with the document that set it. */
export type TargetVersion = Extract<TargetChange, { change: 'adopted' | 'revised' }>;

/**
 * The latest recorded version of every target not withdrawn, in the plan's order. "Latest recorded",
 * not "in force today": a revision recorded now that takes effect next year is already current here;
 * ask `targetAsOf` for the version in force on a date.
 */
export function currentTargets(state: PlanState): Target[] {
  if (state.status !== 'adopted') return [];
  return [...state.targets.values()].filter((target) => !target.withdrawn).map((target) => target.current);
}

/**
 * The version of a target in force on `date` (ISO): the last change whose `effectiveOn` is on or
 * before it. Undefined before the plan was issued, after the target was withdrawn, or for an unknown
 * target. Changes take effect in the order recorded (`decide` refuses a change dated before the
 * previous one), so the last match is the one in force.
 */
export function targetAsOf(state: PlanState, targetId: string, date: string): TargetVersion | undefined {
  let found: TargetChange | undefined;
  for (const change of targetHistory(state, targetId)) {
    if (change.effectiveOn <= date) found = change;
  }
  return found?.change === 'withdrawn' ? undefined : found;
}

/** Every change of a target, oldest first: adoption, revisions, and its withdrawal if any. */
export function targetHistory(state: PlanState, targetId: string): readonly TargetChange[] {
  if (state.status !== 'adopted') return [];
  return state.targets.get(targetId)?.history ?? [];
}
