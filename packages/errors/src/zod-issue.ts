import { z } from 'zod';
import type { FieldIssue, IssueParam, ZodIssueCode } from './chitieu-error.js';

/** What the locales read from an issue; the input and nested issues stay on the server. */
const PARAMS = [
  'origin',
  'expected',
  'minimum',
  'maximum',
  'inclusive',
  'exact',
  'format',
  'pattern',
  'prefix',
  'suffix',
  'includes',
  'divisor',
  'keys',
  'values',
  'discriminator',
  'options',
] as const;

const english = z.locales.en().localeError;

/**
 * A zod issue as a FieldIssue at `path`, carrying zod's code and the parameters a locale needs to
 * word it again. Only when the message is zod's own English: a schema's own wording (a regex's
 * "a province id is a slug") and refinements (`custom`) keep their message alone, since a locale
 * would replace them with a vaguer one. Parse with `{ reportInput: true }`: an `invalid_type`'s
 * `received` is the type of the input, which is not kept otherwise (and the input itself is never
 * passed on).
 */
export function fieldIssueOf(issue: z.core.$ZodIssue, path: string): FieldIssue {
  const plain: FieldIssue = { path, message: issue.message };
  if (issue.code === 'custom' || wordedByZod(issue) !== issue.message) return plain;
  const params: Record<string, IssueParam> = {};
  const fields = issue as unknown as Record<string, unknown>;
  for (const key of PARAMS) {
    const value = json(fields[key]);
    if (value !== undefined) params[key] = value;
  }
  if (issue.code === 'invalid_type') params.received = z.core.util.parsedType(issue.input);
  return { ...plain, code: issue.code satisfies ZodIssueCode, params };
}

/**
 * Every issue of a failed parse as FieldIssues, each at its path under `under` (`events.0.data`):
 * the one way a zod error becomes the issues of a ChitieuError.
 */
export function fieldIssuesOf(error: z.ZodError, under = ''): FieldIssue[] {
  return error.issues.map((issue) =>
    fieldIssueOf(issue, [...(under ? [under] : []), ...issue.path.map(String)].join('.')),
  );
}

function wordedByZod(issue: z.core.$ZodIssue): string | undefined {
  const worded = english(issue as z.core.$ZodRawIssue);
  return typeof worded === 'string' ? worded : (worded?.message ?? undefined);
}

/** Plain JSON or nothing: a bigint bound becomes a number, anything else unlike JSON is dropped. */
function json(value: unknown): IssueParam | undefined {
  if (Array.isArray(value)) {
    const items = value.map(scalar);
    return items.every((item) => item !== undefined) ? (items as IssueParam) : undefined;
  }
  return scalar(value);
}

function scalar(value: unknown): string | number | boolean | null | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'bigint':
      return Number(value);
    case 'object':
      return value === null ? null : undefined;
    default:
      return undefined;
  }
}
