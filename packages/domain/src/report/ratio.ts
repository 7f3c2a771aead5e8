import type { FieldIssue } from '@chitieu/errors';
import type { Unit } from '../shared/units.js';

// What numerator/denominator is multiplied by to give a figure in each unit that is a ratio.
// Other units (years, counts, cm, money, milestones) are not ratios of two counts.
const SCALE: Partial<Record<Unit, number>> = { percent: 100, per_mille: 1000, per_10000: 10_000 };

/**
 * When a figure gives both numerator and denominator, its value must be their ratio in its unit,
 * within the rounding its own decimals imply: 17,2 doctors per 10,000 agrees with anything from
 * 17.15 to 17.25. Pushes an issue at `value` (or at `numerator` for a unit that is not a ratio).
 */
export function checkRatio(
  figure: { value: number; unit: Unit; numerator?: number | undefined; denominator?: number | undefined },
  issues: FieldIssue[],
): void {
  const { value, unit, numerator, denominator } = figure;
  if (numerator === undefined || denominator === undefined) return;
  const scale = SCALE[unit];
  if (scale === undefined) {
    issues.push({
      path: 'numerator',
      message: `a figure in ${unit} is not a ratio: numerator and denominator do not apply`,
    });
    return;
  }
  const ratio = (numerator / denominator) * scale;
  // Half a unit of the last decimal written, plus a hair for binary floating point.
  const tolerance = 0.5 * 10 ** -decimals(value) + 1e-9 * Math.max(1, Math.abs(ratio));
  if (Math.abs(ratio - value) > tolerance) {
    issues.push({
      path: 'value',
      message: `${value} does not agree with ${numerator}/${denominator}, which is ${Number(ratio.toPrecision(6))} in ${unit}`,
    });
  }
}

/** Decimal places of a number as JavaScript prints it (`17.2` → 1, `49` → 0, `1.5e-7` → 8). */
export function decimals(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const dot = mantissa.indexOf('.');
  const places = dot === -1 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, places - Number(exponent));
}
