import type { RankingRow } from './RankingTable.js';

let names: Intl.Collator | undefined;
const collator = () => {
  names ??= new Intl.Collator();
  return names;
};

/**
 * Ranked provinces first, by rank, then the others by name in the browser's language. One
 * collator, made on first use: localeCompare would make its own, and the first one made loads
 * ICU's collation data (20–30 ms here), which warmRankOrder can do before the render needs it.
 */
export function byRank(a: RankingRow, b: RankingRow): number {
  return (a.rank ?? 1e9) - (b.rank ?? 1e9) || collator().compare(a.name, b.name);
}

export function warmRankOrder(): void {
  collator();
}
