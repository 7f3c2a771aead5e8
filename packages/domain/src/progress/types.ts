import type { Comparator } from '../shared/comparator.js';
import type { Direction } from '../shared/reference.js';

/**
 * The method and its version, stored on every result: a ministry table is reproducible only if the
 * method that produced it is known. Bump the suffix whenever a formula, threshold or rule changes.
 */
// `as const`: a non-widening literal, so results built with `{ method }` keep the literal type.
export const PROGRESS_METHOD = 'open-sdg-cagr-ratio/1' as const;

/** The six statuses of a target, best first. */
export type ProgressStatus =
  | 'achieved'
  | 'on_track'
  | 'needs_acceleration'
  | 'limited_progress'
  | 'deteriorating'
  | 'no_data';

/** A yearly value of an indicator (the current version of a report). */
export interface Observation {
  year: number;
  value: number;
}

/** A target as progress sees it: the plan's target without ids, units and sources. */
export type ProgressTarget =
  | { kind: 'absolute'; year: number; comparator: Comparator; value: number }
  | { kind: 'relative'; year: number; comparator: Comparator; change: number; changeUnit: string; baselineYear: number }
  | { kind: 'milestone'; year: number; text: string };

/** Everything a status depends on; nothing else is read. */
export interface ProgressInput {
  /** The indicator's direction, from the catalogue (checked against the comparator). */
  direction: Direction;
  target: ProgressTarget;
  /** The plan's baseline for this indicator, if any. */
  baseline?: Observation | undefined;
  /**
   * Yearly values (current versions), any order, may be empty, in the unit of the target. For a
   * milestone: reports of the milestone itself, 1 done and 0 not done.
   */
  observations: readonly Observation[];
  /**
   * The year the assessment is made for; only says whether a milestone's year has passed. Passed in,
   * never read from a clock.
   */
  asOfYear?: number | undefined;
  /**
   * The event-log checkpoint the inputs were read at (`"<transactionId>:<position>"`), copied to the
   * result so that a table can be rebuilt from the same log position. Opaque here.
   */
  logPosition?: string | undefined;
}

/** A status and everything needed to check it by hand. */
export interface ProgressResult {
  status: ProgressStatus;
  method: typeof PROGRESS_METHOD;
  /** Copied from the input. */
  logPosition?: string;
  formula?: 'cagr' | 'linear';
  /** R, observed over required annual rate, when computed. */
  ratio?: number;
  baseline?: Observation & { source: 'plan' | 'first_observation' };
  latest?: Observation;
  /** The target value, relative targets resolved to an absolute value; 1 for milestones. */
  targetValue?: number;
  /** English, for no_data, fallbacks and milestones. */
  reason?: string;
}
