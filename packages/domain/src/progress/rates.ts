import type { Comparator } from '../shared/comparator.js';
import { assertNever } from '../shared/period.js';
import type { Direction } from '../shared/reference.js';
import type { ProgressStatus } from './types.js';

/** Open SDG's thresholds on R (observed over required growth rate), lower bounds, inclusive. */
export const PROGRESS_THRESHOLDS = { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0 } as const;

/** +1 when the value should rise, −1 when it should fall, 0 when the target asks for no movement. */
export type Sense = 1 | -1 | 0;

/**
 * The direction that counts as progress. The comparator decides, because meeting it is what the
 * plan asks and `achieved` is judged by it: `>=`/`>` up, `<=`/`<` down, `=` towards the target value
 * from the baseline. An indicator direction that contradicts it is reported, not obeyed.
 */
export function progressSense(comparator: Comparator, baseline: number, target: number): Sense {
  switch (comparator) {
    case '>=':
    case '>':
      return 1;
    case '<=':
    case '<':
      return -1;
    case '=':
      return target > baseline ? 1 : target < baseline ? -1 : 0;
    default:
      return assertNever(comparator);
  }
}

/** Why the indicator's direction and the comparator disagree, or undefined when they agree. */
export function contradiction(direction: Direction, comparator: Comparator): string | undefined {
  const up = comparator === '>=' || comparator === '>';
  const down = comparator === '<=' || comparator === '<';
  switch (direction) {
    case 'higher':
      return down
        ? `comparator ${comparator} on an indicator where higher is better; the comparator decides`
        : undefined;
    case 'lower':
      return up ? `comparator ${comparator} on an indicator where lower is better; the comparator decides` : undefined;
    case 'milestone':
    case 'neutral':
      return undefined;
    default:
      return assertNever(direction);
  }
}

/**
 * CAGR needs a positive ratio of values; zero or negative values (a count that reached 0, a target
 * of 0) would divide by zero or take a root of a negative number, so linear rates are used for the
 * whole assessment, never a mix.
 */
export function formulaFor(baseline: number, latest: number, target: number): 'cagr' | 'linear' {
  return baseline > 0 && latest > 0 && target > 0 ? 'cagr' : 'linear';
}

/**
 * Annual rate from `from` to `to` over `years`. CAGR is (to/from)^(1/years) − 1, computed as
 * expm1((ln to − ln from)/years), the same number without overflowing the quotient and without
 * losing the digits of a small rate to the subtraction of 1.
 */
export function annualRate(formula: 'cagr' | 'linear', from: number, to: number, years: number): number {
  switch (formula) {
    case 'cagr':
      return Math.expm1((Math.log(to) - Math.log(from)) / years);
    case 'linear':
      return (to - from) / years;
    default:
      return assertNever(formula);
  }
}

/** Open SDG's categories of R. */
export function statusOfRatio(ratio: number): Exclude<ProgressStatus, 'achieved' | 'no_data'> {
  if (ratio >= PROGRESS_THRESHOLDS.onTrack) return 'on_track';
  if (ratio >= PROGRESS_THRESHOLDS.needsAcceleration) return 'needs_acceleration';
  if (ratio >= PROGRESS_THRESHOLDS.limitedProgress) return 'limited_progress';
  return 'deteriorating';
}
