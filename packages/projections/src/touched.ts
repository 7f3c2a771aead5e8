/** The (tenant, indicator) pairs an event changed the inputs of: their progress is derived again. */
export class Touched {
  readonly #pairs = new Map<string, { tenant: string; indicator: string }>();

  add(tenant: string, indicator: string): void {
    this.#pairs.set(`${tenant}\u0000${indicator}`, { tenant, indicator });
  }

  get size(): number {
    return this.#pairs.size;
  }

  take(): Array<{ tenant: string; indicator: string }> {
    const pairs = [...this.#pairs.values()];
    this.#pairs.clear();
    return pairs;
  }
}
