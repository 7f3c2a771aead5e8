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

/** One faulty field: a path into the input (`events.0.data.value`) and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
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
