import { z } from 'zod';

const year = z.number().int().min(1990).max(2100);

/** A reporting period: a year, a half-year or a quarter. */
export const periodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('year'), year }),
  z.strictObject({ kind: z.literal('half'), year, half: z.union([z.literal(1), z.literal(2)]) }),
  z.strictObject({ kind: z.literal('quarter'), year, quarter: z.number().int().min(1).max(4) }),
]);
export type Period = z.infer<typeof periodSchema>;

/** `2017`, `2017-H1`, `2017-Q3`: the key of a period in stream ids, URLs and tables. */
export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'year':
      return `${period.year}`;
    case 'half':
      return `${period.year}-H${period.half}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    default:
      return assertNever(period);
  }
}

/** First and last day of the period, as ISO dates (`2025-01-01`, `2025-06-30`). */
export function periodBounds(period: Period): { from: string; to: string } {
  const months = (first: number, last: number) => ({
    from: `${period.year}-${String(first).padStart(2, '0')}-01`,
    to: lastDay(period.year, last),
  });
  switch (period.kind) {
    case 'year':
      return months(1, 12);
    case 'half':
      return period.half === 1 ? months(1, 6) : months(7, 12);
    case 'quarter':
      return months(period.quarter * 3 - 2, period.quarter * 3);
    default:
      return assertNever(period);
  }
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A closed interval of ISO dates; `to` absent means open-ended. */
export interface DateInterval {
  from: string;
  to?: string | undefined;
}

/** True when the two intervals share at least one day. ISO dates compare as strings. */
export function overlaps(a: DateInterval, b: DateInterval): boolean {
  return (a.to === undefined || a.to >= b.from) && (b.to === undefined || b.to >= a.from);
}

export function assertNever(value: never): never {
  throw new TypeError(`unexpected ${JSON.stringify(value)}`);
}
