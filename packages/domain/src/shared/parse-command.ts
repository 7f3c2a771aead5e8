import { fieldIssuesOf } from '@chitieu/errors';
import type { z } from 'zod';
import { invalid } from './errors.js';

/**
 * Parses a command's data with its schema, or throws VALIDATION_FAILED naming every faulty field
 * with paths relative to the data (`reason`, `levels.2.deadline`). Deciders parse their commands
 * themselves so that the events they produce are valid whoever called them (GraphQL, importer, seed
 * loader). Each issue carries zod's code and parameters besides its message (`fieldIssuesOf`). Keys
 * whose value is undefined (`denominator: undefined` from a form) are dropped: the stored event has
 * no such key, so what `decide` returns is what a reader gets back.
 */
export function parseCommand<T>(schema: z.ZodType<T>, data: unknown): T {
  // reportInput: an invalid_type's issue then says what it received, in any language.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return withoutUndefined(result.data);
  throw invalid(fieldIssuesOf(result.error));
}

function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutUndefined(item)])) as T;
}
