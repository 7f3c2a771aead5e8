import { type Comparator, meets } from '../shared/comparator.js';
import { assertNever } from '../shared/period.js';
import type { Direction } from '../shared/reference.js';
import { assessMilestone } from './milestone.js';
import { annualRate, contradiction, formulaFor, progressSense, statusOfRatio } from './rates.js';
import { yearlySeries } from './series.js';
import {
  type Observation,
  PROGRESS_METHOD,
  type ProgressInput,
  type ProgressResult,
  type ProgressTarget,
} from './types.js';

type Baseline = NonNullable<ProgressResult['baseline']>;
type RelativeTarget = Extract<ProgressTarget, { kind: 'relative' }>;

/**
 * The status of one target by Open SDG's CAGR ratio (docs/progress.md): R = d·CAGR_observed /
 * |CAGR_required| from the baseline to the latest observation at or before the target year, after
 * checking whether that observation already meets the target. Pure: the same input always gives the
 * same result, which names the method version and carries the caller's log position.
 */
export function assessProgress(input: ProgressInput): ProgressResult {
  const result = assess(input);
  return input.logPosition === undefined ? result : { ...result, logPosition: input.logPosition };
}

/**
 * The absolute value a relative target asks for: the baseline changed by `change` percent of itself
 * (`percent_of_baseline`), or by `change` in the indicator's unit (any other `changeUnit`).
 */
export function resolveRelativeTarget(target: Pick<RelativeTarget, 'change' | 'changeUnit'>, baseline: number): number {
  // (b·(100 + c))/100 rather than b·(1 + c/100): exact for whole numbers, so 200 − 10 % is 180, not 180.00000000000003.
  return target.changeUnit === 'percent_of_baseline'
    ? (baseline * (100 + target.change)) / 100
    : baseline + target.change;
}

function assess(input: ProgressInput): ProgressResult {
  const series = yearlySeries(input.observations);
  if (!series.ok) return noData(series.reason);
  const plan = input.baseline;
  if (plan && !(Number.isFinite(plan.year) && Number.isFinite(plan.value))) {
    return noData(`the plan's baseline ${plan.year}: ${plan.value} is not a finite year and value`);
  }
  const { target } = input;
  switch (target.kind) {
    case 'milestone':
      return assessMilestone(target, series.values, input.asOfYear);
    case 'absolute':
      return assessRate(series.values, {
        direction: input.direction,
        year: target.year,
        comparator: target.comparator,
        baseline: plan && { ...plan, source: 'plan' },
        targetValue: () => target.value,
      });
    case 'relative': {
      const baseline = relativeBaseline(plan, target.baselineYear, series.values);
      if (!baseline) return noData(`no value for the baseline year ${target.baselineYear} of a relative target`);
      return assessRate(series.values, {
        direction: input.direction,
        year: target.year,
        comparator: target.comparator,
        baseline,
        targetValue: (value) => resolveRelativeTarget(target, value),
      });
    }
    default:
      return assertNever(target);
  }
}

/**
 * A relative target counts from its own baseline year: the plan's baseline when it is for that year,
 * else the observation of that year — which is then the first of the target's window.
 */
function relativeBaseline(
  plan: Observation | undefined,
  year: number,
  series: readonly Observation[],
): Baseline | undefined {
  if (plan && plan.year === year) return { year: plan.year, value: plan.value, source: 'plan' };
  const observed = series.find((observation) => observation.year === year);
  return observed && { ...observed, source: 'first_observation' };
}

interface Frame {
  direction: Direction;
  year: number;
  comparator: Comparator;
  /** Fixed by the plan or the relative target; else the first observation of the window. */
  baseline: Baseline | undefined;
  targetValue: (baseline: number) => number;
}

function assessRate(series: readonly Observation[], frame: Frame): ProgressResult {
  const method = PROGRESS_METHOD;
  // Values after the target year are outside its window; values before a fixed baseline predate the plan.
  const window = series.filter(
    (observation) => observation.year <= frame.year && (!frame.baseline || observation.year >= frame.baseline.year),
  );
  const first = window[0];
  const baseline: Baseline | undefined = frame.baseline ?? (first && { ...first, source: 'first_observation' });
  if (!baseline) return noData(`no observation at or before the target year ${frame.year}`);
  const targetValue = frame.targetValue(baseline.value);
  if (!Number.isFinite(targetValue)) return noData(`the target value ${targetValue} is not finite`);
  const latest = window.at(-1);
  const notes = [contradiction(frame.direction, frame.comparator)].filter((note) => note !== undefined);
  const known = { method, baseline, targetValue, ...(latest ? { latest } : {}) };
  const because = (extra: string[] = []) => {
    const all = [...notes, ...extra];
    return all.length > 0 ? { reason: all.join('; ') } : {};
  };

  if (!latest) {
    return { ...known, status: 'no_data', reason: `no observation from ${baseline.year} to ${frame.year}` };
  }
  // Achievement is judged before data sufficiency, as in Open SDG: a single value may meet a target.
  if (meets(latest.value, frame.comparator, targetValue)) return { ...known, status: 'achieved', ...because() };
  if (latest.year <= baseline.year) {
    return { ...known, status: 'no_data', reason: `no observation after the baseline year ${baseline.year}` };
  }

  const sense = progressSense(frame.comparator, baseline.value, targetValue);
  const formula = formulaFor(baseline.value, latest.value, targetValue);
  const observed = annualRate(formula, baseline.value, latest.value, latest.year - baseline.year);
  const required = annualRate(formula, baseline.value, targetValue, frame.year - baseline.year);
  if (!Number.isFinite(observed) || !Number.isFinite(required)) {
    return { ...known, status: 'no_data', reason: 'the annual rates are too large to represent' };
  }
  const rated = { ...known, formula };
  const fallback = formula === 'linear' ? ['zero or negative values: linear annual rates instead of CAGR'] : [];

  if (sense === 0 || required === 0) {
    // The baseline is at the target value: no rate is required and R is undefined. The target is not
    // met, so the value left it (deteriorating) or stands still short of a strict `>`/`<`.
    const progress = sense === 0 ? -Math.abs(observed) : sense * observed;
    return {
      ...rated,
      status: progress < 0 ? 'deteriorating' : 'limited_progress',
      ...because([...fallback, 'the baseline is at the target value, so no rate is required and R is undefined']),
    };
  }
  const ratio = (sense * observed) / Math.abs(required) + 0; // + 0 turns −0 into 0
  if (!Number.isFinite(ratio)) {
    return {
      ...rated,
      status: ratio > 0 ? 'on_track' : 'deteriorating',
      ...because([...fallback, 'R is too large to represent; its sign decides']),
    };
  }
  return { ...rated, ratio, status: statusOfRatio(ratio), ...because(fallback) };
}

function noData(reason: string): ProgressResult {
  return { status: 'no_data', method: PROGRESS_METHOD, reason };
}
