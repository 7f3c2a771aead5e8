// Given/when/then helpers for the plan decider's tests; the plans themselves are in test-plans.ts.
import type { Actor } from '../shared/actor.js';
import { type DecisionContext, fold } from '../shared/decider.js';
import type { Reference } from '../shared/reference.js';
import { testReference } from '../shared/test-reference.js';
import type { AdoptPlan, AdoptPlanData, PlanCommand } from './commands.js';
import { planDecider } from './decide.js';
import type { PlanEvent } from './events.js';
import type { PlanState } from './evolve.js';

export const SYSTEM: Actor = { id: 'seed-loader', role: 'system' };
export const provinceActor = (province: string): Actor => ({ id: `officer-${province}`, role: 'province', province });

/** A decision context on `now` (2026-03-01 by default, after every seed) with the test reference. */
export function contextFor(actor: Actor = SYSTEM, now = new Date('2026-03-01T03:00:00Z')): DecisionContext<Reference> {
  let next = 0;
  return { actor, now, newId: () => `id-${++next}`, reference: testReference() };
}

/** The state after `events`, as the handler folds a stream. */
export const given = (...events: PlanEvent[]): PlanState => fold(planDecider, events);

/** The events `command` decides on `state`. */
export const when = (command: PlanCommand, state: PlanState, context = contextFor()): PlanEvent[] =>
  planDecider.decide(command, state, context);

export { refusal } from '../shared/test-refusal.js';

export const adopt = (tenant: string, data: AdoptPlanData): AdoptPlan => ({ type: 'AdoptPlan', tenant, data });
