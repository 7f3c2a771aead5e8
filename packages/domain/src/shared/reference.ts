import { z } from 'zod';
import type { Unit } from './units.js';

/** Which way an indicator should move: up (life expectancy), down (mortality), a milestone, or neither (population). */
export const directionSchema = z.enum(['higher', 'lower', 'milestone', 'neutral']);
export type Direction = z.infer<typeof directionSchema>;

/** How provinces' figures combine into a larger one (the 34 from the 63, the nation). */
export const combineSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('population_weighted_mean'), weight: z.string().min(1) }),
  z.strictObject({ rule: z.literal('sum') }),
  z.strictObject({ rule: z.literal('all_of') }),
  z.strictObject({ rule: z.literal('not_combinable'), reason: z.string().min(1) }),
]);
export type Combine = z.infer<typeof combineSchema>;

/** A province as the registry knows it now. */
export interface ProvinceInfo {
  id: string;
  code: string;
  name: string;
  /** ISO date, or null for provinces that existed before anything the platform records. */
  validFrom: string | null;
  /** ISO date of its last day, when it has ended (merged). */
  validTo?: string | undefined;
  /** The province it was merged into. */
  successor?: string | undefined;
  /** The provinces merged into it. */
  predecessors: string[];
}

/** An indicator of the catalogue as it stands now. */
export interface IndicatorInfo {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: Unit;
  direction: Direction;
  combine: Combine;
}

/**
 * The national reference data a province's decisions consult: read from the national tenant by the
 * command handler and passed in the DecisionContext, so deciders stay pure.
 */
export interface Reference {
  province(id: string): ProvinceInfo | undefined;
  indicator(code: string): IndicatorInfo | undefined;
}
