import { assertNever } from '../shared/period.js';
import type { Combine } from '../shared/reference.js';

/** One predecessor's value for a period, with its weight (population) when the rule needs one. */
export interface Part {
  province: string;
  value?: number | undefined;
  weight?: number | undefined;
}

/** A successor's value reconstructed from its predecessors, or why it cannot be. */
export type Combined = { ok: true; value: number; parts: number } | { ok: false; reason: string };

const DONE = 1;

/**
 * Combines predecessors' values for one successor; every predecessor must have a value (and a weight
 * for weighted means), else ok:false naming the missing provinces.
 */
export function combineParts(rule: Combine, parts: readonly Part[]): Combined {
  // A rule that cannot combine says so first: listing missing values would suggest they could help.
  if (rule.rule === 'not_combinable') return { ok: false, reason: rule.reason };
  if (parts.length === 0) return { ok: false, reason: 'no predecessor to combine' };
  const problems: string[] = [];
  const withoutValue = parts.filter((part) => !isFiniteNumber(part.value)).map((part) => part.province);
  if (withoutValue.length > 0) problems.push(`no value for ${withoutValue.join(', ')}`);
  if (rule.rule === 'population_weighted_mean') {
    // A weight of 0 would silently drop a predecessor; a negative one has no meaning.
    const withoutWeight = parts.filter((part) => !isFiniteNumber(part.weight) || part.weight <= 0);
    if (withoutWeight.length > 0) {
      problems.push(`no ${rule.weight} for ${withoutWeight.map((part) => part.province).join(', ')}`);
    }
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };

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
  return Number.isFinite(value) ? { ok: true, value, parts } : { ok: false, reason: 'the combined value overflows' };
}
