/** A (tenant, indicator) pair whose progress is derived again, and the first year whose figures changed. */
export interface TouchedPair {
  tenant: string;
  indicator: string;
  /** Comparison rows of earlier years cannot have changed; -Infinity when targets or baselines did. */
  fromYear: number;
}

/** The (tenant, indicator) pairs an event changed the inputs of: their progress is derived again. */
export class Touched {
  readonly #pairs = new Map<string, TouchedPair>();

  /**
   * A report of `fromYear` changes the comparison rows of that year and later only: a year's row is
   * measured on the figures up to that year. Without a year, every row may have changed.
   */
  add(tenant: string, indicator: string, fromYear = Number.NEGATIVE_INFINITY): void {
    const key = `${tenant}\u0000${indicator}`;
    const known = this.#pairs.get(key);
    if (known) known.fromYear = Math.min(known.fromYear, fromYear);
    else this.#pairs.set(key, { tenant, indicator, fromYear });
  }

  get size(): number {
    return this.#pairs.size;
  }

  take(): TouchedPair[] {
    const pairs = [...this.#pairs.values()];
    this.#pairs.clear();
    return pairs;
  }
}
