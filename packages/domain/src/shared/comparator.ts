import { z } from 'zod';
import { assertNever } from './period.js';

/** How a target compares a figure with its value: "≥ 95%", "< 12%", "= 19". */
export const comparatorSchema = z.enum(['>=', '>', '<=', '<', '=']);
export type Comparator = z.infer<typeof comparatorSchema>;

/** Whether `actual` meets a target of `comparator target`. */
export function meets(actual: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '>=':
      return actual >= target;
    case '>':
      return actual > target;
    case '<=':
      return actual <= target;
    case '<':
      return actual < target;
    case '=':
      return actual === target;
    default:
      return assertNever(comparator);
  }
}
