/**
 * Every failure the platform reports on purpose has one of these codes. The gateway maps them to
 * GraphQL errors in one place, so adding a code here is the only step needed to expose a new one.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'CONCURRENCY_CONFLICT'
  | 'IDEMPOTENCY_CONFLICT'
  | 'UNKNOWN_TENANT'
  | 'STREAM_TENANT_MISMATCH'
  | 'EVENT_TOO_LARGE'
  | 'APPEND_ONLY'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PROVINCE_MERGED';

/** zod 4's issue codes: a client words them with zod's locales (`z.locales.vi()`). */
export const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
] as const;
export type ZodIssueCode = (typeof ZOD_ISSUE_CODES)[number];

/**
 * The domain's own rules that a form commonly hits, for a client to word in its language; their
 * parameters are named where each is raised. Rules without a code speak English only.
 */
export const RULE_CODES = [
  'province_not_yet',
  'province_merged',
  'unit_not_convertible',
  'percent_out_of_range',
  'negative_value',
  'already_reported',
  'correction_identical',
  'revision_identical',
  'date_in_future',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** A parameter of an issue's code: plain JSON, so that it reaches a client unchanged. */
export type IssueParam = string | number | boolean | null | readonly (string | number | boolean | null)[];

/**
 * One faulty field: a path into the input (`events.0.data.value`) and what is wrong with it. The
 * message is English, for logs and for clients that do not know the code; `code` and `params` say
 * the same for a machine, so that a client can word it in the user's language.
 */
export interface FieldIssue {
  path: string;
  message: string;
  /** Absent when only the message says what is wrong (a schema's own wording, most rules). */
  code?: ZodIssueCode | RuleCode;
  /** zod's issue fields (`origin`, `minimum`, `inclusive`, `expected`, `received` …) or the rule's. */
  params?: Readonly<Record<string, IssueParam>>;
}

/**
 * The one error base class. `details` carries what a caller needs to act (the stream, the expected
 * and actual versions …) and is safe to show: it never holds internal state such as SQL.
 */
export class ChitieuError extends Error {
  override readonly name = 'ChitieuError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly issues: readonly FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The first faulty field, for callers that show one error next to one input. */
  get field(): string | undefined {
    return this.issues[0]?.path;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, details: this.details, issues: this.issues };
  }
}

export function isChitieuError(error: unknown, code?: ErrorCode): error is ChitieuError {
  return error instanceof ChitieuError && (code === undefined || error.code === code);
}
