import { ChitieuError } from '@chitieu/errors';
import { z } from 'zod';

/**
 * Canonical units of indicators. A figure is stored in the unit it was written in and converted for
 * comparison; only conversions that are exact and meaningful exist (a rate in % and in ‰).
 */
export const unitSchema = z.enum([
  'years',
  'percent',
  'per_mille',
  'per_10000',
  'cm',
  'count',
  'million_vnd',
  'milestone',
]);
export type Unit = z.infer<typeof unitSchema>;

/** How each unit is written in the documents, for display. */
export const UNIT_SYMBOLS: Record<Unit, string> = {
  years: 'năm',
  percent: '%',
  per_mille: '‰',
  per_10000: '/10.000 dân',
  cm: 'cm',
  count: '',
  million_vnd: 'triệu đồng',
  milestone: '',
};

// Factors to a common base, per family of units that convert into each other.
const FAMILIES: ReadonlyArray<Partial<Record<Unit, number>>> = [{ percent: 10, per_mille: 1 }];

/** Whether a figure in `from` can be compared with one in `to`. */
export function convertible(from: Unit, to: Unit): boolean {
  return from === to || FAMILIES.some((family) => family[from] !== undefined && family[to] !== undefined);
}

/**
 * `value` written in `from`, expressed in `to`: 18,47 ‰ is 1.847 %. Throws VALIDATION_FAILED at
 * `path` when the units do not convert (years to %, a count to a rate).
 */
export function convert(value: number, from: Unit, to: Unit, path = 'unit'): number {
  if (from === to) return value;
  for (const family of FAMILIES) {
    const a = family[from];
    const b = family[to];
    // Divide by the larger factor last so that 18.47 ‰ → 1.847 % exactly as a decimal would.
    if (a !== undefined && b !== undefined) return Number(((value * a) / b).toPrecision(15));
  }
  const message = `a figure in ${from} cannot be compared with one in ${to}`;
  throw new ChitieuError('VALIDATION_FAILED', message, { from, to }, [{ path, message }]);
}
