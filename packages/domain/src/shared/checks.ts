import type { FieldIssue } from '@chitieu/errors';
import { provinceMerged } from './errors.js';
import type { DateInterval } from './period.js';
import type { IndicatorInfo, Reference } from './reference.js';
import { convertible, type Unit } from './units.js';

/**
 * Checks one figure against the catalogue: the indicator exists, its unit converts to the
 * indicator's, and the value is possible (a percentage within 0–100, no negative rate or count).
 * Pushes issues under `path` (`targets.3`) and returns the indicator when it exists.
 */
export function checkFigure(
  reference: Reference,
  figure: { indicator: string; value?: number | undefined; unit?: Unit | undefined },
  path: string,
  issues: FieldIssue[],
): IndicatorInfo | undefined {
  const indicator = reference.indicator(figure.indicator);
  if (!indicator) {
    issues.push({ path: `${path}.indicator`, message: `unknown indicator ${JSON.stringify(figure.indicator)}` });
    return undefined;
  }
  const unit = figure.unit ?? indicator.unit;
  if (!convertible(unit, indicator.unit)) {
    issues.push({
      path: `${path}.unit`,
      message: `${indicator.code} is measured in ${indicator.unit}; a figure in ${unit} cannot be converted`,
      code: 'unit_not_convertible',
      params: { indicator: indicator.code, expected: indicator.unit, unit },
    });
  }
  if (figure.value !== undefined) {
    if (unit === 'percent' && (figure.value < 0 || figure.value > 100)) {
      const message = `a percentage must be within 0–100, got ${figure.value}`;
      issues.push({ path: `${path}.value`, message, code: 'percent_out_of_range', params: { value: figure.value } });
    } else if (figure.value < 0 && unit !== 'years') {
      const message = `a ${unit} figure cannot be negative, got ${figure.value}`;
      issues.push({ path: `${path}.value`, message, code: 'negative_value', params: { unit, value: figure.value } });
    }
  }
  return indicator;
}

/**
 * Refuses data of a province for an interval wholly after the province ended (PROVINCE_MERGED,
 * naming the successor), and data of a province that is not registered (VALIDATION_FAILED).
 * An interval that overlaps the province's validity is accepted.
 */
export function checkProvinceOpen(reference: Reference, province: string, interval: DateInterval, path = 'province') {
  const info = reference.province(province);
  if (!info) return { path, message: `unknown province ${JSON.stringify(province)}` } satisfies FieldIssue;
  if (info.validTo !== undefined && interval.from > info.validTo) {
    throw provinceMerged(info.id, info.successor ?? '(unknown)', info.validTo, path);
  }
  if (info.validFrom !== null && interval.to !== undefined && interval.to < info.validFrom) {
    const params = { province: info.id, from: info.validFrom };
    return {
      path,
      message: `${info.id} exists from ${info.validFrom}`,
      code: 'province_not_yet',
      params,
    } satisfies FieldIssue;
  }
  return undefined;
}
