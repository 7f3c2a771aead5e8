import { assertNever } from '../shared/period.js';
import type { Combine } from '../shared/reference.js';

/** One predecessor's value for a period, with its weight (population) when the rule needs one. */
export interface Part {
  province: string;
  value?: number | undefined;
  weight?: number | undefined;
}

/** What stops a combination, for a client to word in its language; `reason` says it in English. */
export type CombineProblem =
  | { code: 'no_value'; provinces: string[] }
  | { code: 'no_weight'; provinces: string[]; weight: string }
  | { code: 'not_combinable'; reason: string }
  | { code: 'no_predecessor' }
  | { code: 'overflow' };

/** A successor's value reconstructed from its predecessors, or why it cannot be. */
export type Combined =
  | { ok: true; value: number; parts: number }
  | { ok: false; reason: string; problems: CombineProblem[] };

const DONE = 1;

/**
 * Combines predecessors' values for one successor; every predecessor must have a value (and a weight
 * for weighted means), else ok:false naming the missing provinces.
 */
export function combineParts(rule: Combine, parts: readonly Part[]): Combined {
  // A rule that cannot combine says so first: listing missing values would suggest they could help.
  if (rule.rule === 'not_combinable') return failed([{ code: 'not_combinable', reason: rule.reason }]);
  if (parts.length === 0) return failed([{ code: 'no_predecessor' }]);
  const problems: CombineProblem[] = [];
  const withoutValue = parts.filter((part) => !isFiniteNumber(part.value)).map((part) => part.province);
  if (withoutValue.length > 0) problems.push({ code: 'no_value', provinces: withoutValue });
  if (rule.rule === 'population_weighted_mean') {
    // A weight of 0 would silently drop a predecessor; a negative one has no meaning.
    const withoutWeight = parts.filter((part) => !isFiniteNumber(part.weight) || part.weight <= 0);
    if (withoutWeight.length > 0) {
      problems.push({ code: 'no_weight', provinces: withoutWeight.map((part) => part.province), weight: rule.weight });
    }
  }
  if (problems.length > 0) return failed(problems);

  const values = parts.map((part) => part.value ?? Number.NaN);
  switch (rule.rule) {
    case 'population_weighted_mean': {
      const weights = parts.map((part) => part.weight ?? Number.NaN);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const weighted = values.reduce((sum, value, index) => sum + value * (weights[index] ?? Number.NaN), 0);
      return finite(weighted / total, parts.length);
    }
    case 'sum':
      return finite(
        values.reduce((sum, value) => sum + value, 0),
        parts.length,
      );
    case 'all_of':
      return { ok: true, value: values.every((value) => value >= DONE) ? DONE : 0, parts: parts.length };
    default:
      return assertNever(rule);
  }
}

function isFiniteNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

function finite(value: number, parts: number): Combined {
  return Number.isFinite(value) ? { ok: true, value, parts } : failed([{ code: 'overflow' }]);
}

function failed(problems: CombineProblem[]): Combined {
  return { ok: false, reason: problems.map(describe).join('; '), problems };
}

/** The English of a problem: `no value for kien-giang`, `no population for an-giang`. */
function describe(problem: CombineProblem): string {
  switch (problem.code) {
    case 'no_value':
      return `no value for ${problem.provinces.join(', ')}`;
    case 'no_weight':
      return `no ${problem.weight} for ${problem.provinces.join(', ')}`;
    case 'not_combinable':
      return problem.reason;
    case 'no_predecessor':
      return 'no predecessor to combine';
    case 'overflow':
      return 'the combined value overflows';
    default:
      return assertNever(problem);
  }
}
