import type { Reference } from '../shared/reference.js';

/** A plan as a province's view lists it: whose it is and from when it counts. */
export interface PlanInView {
  province: string;
  plan: string;
  /** When the plan takes effect (`effectiveFrom`). */
  effectiveFrom: string;
}

export type ViewedPlan<T extends PlanInView> = T & {
  /** Set when the plan is a predecessor's, shown in a successor's view. */
  inheritedFrom?: string | undefined;
};

/** The provinces merged into `province`, and into those, nearest first: whose history it carries. */
export function predecessorChain(reference: Reference, province: string): string[] {
  const chain: string[] = [];
  const queue = [...(reference.province(province)?.predecessors ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (chain.includes(next)) continue;
    chain.push(next);
    queue.push(...(reference.province(next)?.predecessors ?? []));
  }
  return chain;
}

/**
 * The plans in a province's view on `asOf` (ISO date): its own that have taken effect, and — until
 * it has a plan of its own in effect — its predecessors' plans, marked `inheritedFrom`. History is
 * never rewritten: the predecessors' plans stay theirs; a successor's view only shows them.
 */
export function plansInView<T extends PlanInView>(
  reference: Reference,
  province: string,
  plans: readonly T[],
  asOf: string,
): ViewedPlan<T>[] {
  const own = plans.filter((plan) => plan.province === province && plan.effectiveFrom <= asOf);
  if (own.length > 0) return own;
  const predecessors = predecessorChain(reference, province);
  return plans
    .filter((plan) => predecessors.includes(plan.province) && plan.effectiveFrom <= asOf)
    .map((plan) => ({ ...plan, inheritedFrom: plan.province }));
}

/**
 * Whose reported series a province's view includes: its own, and its predecessors' (inherited), so
 * that Thái Nguyên's series runs through 2025 with Bắc Kạn's and the old Thái Nguyên's figures.
 */
export function seriesSources(reference: Reference, province: string): Array<{ province: string; inherited: boolean }> {
  return [
    { province, inherited: false },
    ...predecessorChain(reference, province).map((id) => ({ province: id, inherited: true })),
  ];
}
