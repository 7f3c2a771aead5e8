import { assertNever } from '../shared/period.js';
import type { Direction } from '../shared/reference.js';

/** A province's value in a comparison table. */
export interface RankRow {
  province: string;
  value?: number | undefined;
}

/**
 * Standard competition ranking ("1224") in the indicator's good direction; rows without a value get
 * no rank and come last; neutral direction: no ranks (rank undefined for all). Stable tie order by
 * province id.
 */
export function rankRows<T extends RankRow>(rows: readonly T[], direction: Direction): Array<T & { rank?: number }> {
  const sign = goodSign(direction);
  const sorted = [...rows].sort((a, b) => {
    const av = rankable(a.value);
    const bv = rankable(b.value);
    if (sign !== 0 && av !== undefined && bv !== undefined && av !== bv) return sign * (bv - av);
    if (av === undefined && bv !== undefined) return 1;
    if (av !== undefined && bv === undefined) return -1;
    return byProvince(a, b);
  });
  let rank = 0;
  let previous: number | undefined;
  return sorted.map((row, index) => {
    const { rank: _stale, ...rest } = row as T & { rank?: number };
    const value = rankable(row.value);
    if (sign === 0 || value === undefined) return rest as T & { rank?: number };
    // Equal values share the rank of the first of them; the next value skips the places they took.
    if (value !== previous) rank = index + 1;
    previous = value;
    return { ...rest, rank } as T & { rank?: number };
  });
}

/** +1 when higher ranks first, −1 when lower does, 0 when the indicator has no better side. */
function goodSign(direction: Direction): 1 | -1 | 0 {
  switch (direction) {
    case 'higher':
    case 'milestone': // 1 done before 0 not done
      return 1;
    case 'lower':
      return -1;
    case 'neutral':
      return 0;
    default:
      return assertNever(direction);
  }
}

// NaN or ±Infinity cannot be compared meaningfully; such a row is treated as having no value.
function rankable(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

// Code-unit order, not locale order: the same on every machine, so a ranking is reproducible.
function byProvince(a: RankRow, b: RankRow): number {
  return a.province < b.province ? -1 : a.province > b.province ? 1 : 0;
}
