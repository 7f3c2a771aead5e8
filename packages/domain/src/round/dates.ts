const DAY_MS = 86_400_000;

/** Whole days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Lateness of something done on `on` against a deadline: a report on the deadline day is on time
 * ("trước ngày 15/10" is read as "by 15/10"), one the day after is one day late.
 */
export function lateness(on: string, deadline: string): { late: boolean; daysLate: number } {
  const daysLate = Math.max(0, daysBetween(deadline, on));
  return { late: daysLate > 0, daysLate };
}
