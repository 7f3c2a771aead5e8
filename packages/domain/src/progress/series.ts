import type { Observation } from './types.js';

/** Observations sorted by year, one per year, or why they cannot be used. */
export type Series = { ok: true; values: Observation[] } | { ok: false; reason: string };

/**
 * Sorts the observations by year and checks them: every year and value finite, one value per year.
 * The same value twice for a year is harmless (a projection may repeat it); two different values
 * for one year are refused rather than resolved by input order, which the caller does not promise.
 */
export function yearlySeries(observations: readonly Observation[]): Series {
  const byYear = new Map<number, number>();
  for (const { year, value } of observations) {
    if (!Number.isFinite(year) || !Number.isFinite(value)) {
      return { ok: false, reason: `observation ${year}: ${value} is not a finite year and value` };
    }
    const seen = byYear.get(year);
    if (seen !== undefined && seen !== value) {
      return { ok: false, reason: `two different values for ${year} (${seen} and ${value})` };
    }
    byYear.set(year, value);
  }
  const values = [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
  return { ok: true, values };
}
