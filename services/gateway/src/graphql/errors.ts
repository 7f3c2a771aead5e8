import { ChitieuError, type FieldIssue } from '@chitieu/errors';
import { createLogger, type Logger } from '@chitieu/logging';
import { PothosValidationError } from '@pothos/core';
import type { GraphQLErrorExtensions, GraphQLErrorOptions } from 'graphql';
import { GraphQLError } from './graphql-js.js';

/** The message every unexpected failure shows: what went wrong is in the server's log, not the response. */
export const UNEXPECTED_MESSAGE = 'Unexpected error.';

/** The signature yoga's `maskedErrors.maskError` expects. */
export type MaskError = (error: unknown, message: string, isDev?: boolean) => Error;

/**
 * The one mapping from errors to GraphQL errors, for yoga's `maskedErrors: { maskError }`:
 * - a ChitieuError, thrown directly or wrapped by graphql-js as `originalError`, keeps its message and
 *   shows `extensions: { code, field?, issues?, details? }`, each issue `{ path, message, code?,
 *   params? }` as the domain made it (the code and params let a client word it in its language);
 * - a request error (parse, validation, variable coercion, a refused query: GraphQL errors that are
 *   not about a field) passes through with its code, `GRAPHQL_PARSE_FAILED` or
 *   `GRAPHQL_VALIDATION_FAILED` when it has none;
 * - a Pothos validation error (a malformed global id) becomes VALIDATION_FAILED;
 * - anything else is logged and shows only "Unexpected error." with code INTERNAL.
 */
export function createMaskError(logger: Logger): MaskError {
  return (error) => toGraphQLError(error, logger);
}

/** `createMaskError` with the gateway's own logger. */
export const maskError: MaskError = createMaskError(createLogger('gateway'));

function toGraphQLError(error: unknown, logger: Logger): GraphQLError {
  const wrapper = error instanceof GraphQLError ? error : undefined;
  const located = locationOf(wrapper);
  const chitieu = findChitieuError(error);
  if (chitieu) {
    const extensions: GraphQLErrorExtensions = { code: chitieu.code };
    if (chitieu.field !== undefined) extensions.field = chitieu.field;
    if (chitieu.issues.length > 0) extensions.issues = chitieu.issues.map(issueOut);
    if (Object.keys(chitieu.details).length > 0) extensions.details = chitieu.details;
    // Outside any field (the context factory refused the token) this is an HTTP-level failure.
    if (chitieu.code === 'UNAUTHENTICATED' && !wrapper?.path) {
      extensions.http = { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } };
    }
    return new GraphQLError(wrapper?.message ?? chitieu.message, { ...located, extensions });
  }
  if (wrapper && !wrapper.path) {
    // graphql-js gives up on a document too costly to check (thousands of overlapping fields).
    if (wrapper.message === 'Validation aborted.') {
      const message = 'Validation aborted: the query is too complex to check.';
      return new GraphQLError(message, { ...located, extensions: { code: 'QUERY_TOO_COMPLEX' } });
    }
    const code =
      wrapper.extensions.code ??
      (/^Syntax Error/.test(wrapper.message) ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED');
    return new GraphQLError(wrapper.message, { ...located, extensions: { ...wrapper.extensions, code } });
  }
  const pothos = findCause(error, (cause): cause is PothosValidationError => cause instanceof PothosValidationError);
  if (pothos) {
    return new GraphQLError(pothos.message, { ...located, extensions: { code: 'VALIDATION_FAILED' } });
  }
  logger.error({ err: unwrap(error), path: wrapper?.path?.join('.') }, 'unexpected error in a GraphQL request');
  const extensions: GraphQLErrorExtensions = { code: 'INTERNAL' };
  // Without a field to blame the whole request failed: 500 rather than 200 with no data.
  if (!wrapper?.path) extensions.http = { status: 500 };
  return new GraphQLError(UNEXPECTED_MESSAGE, { ...located, extensions });
}

/** An issue as clients get it (GraphQL errors, the console's dry run): its fields, none added. */
export function issueOut({ path, message, code, params }: FieldIssue): FieldIssue {
  return { path, message, ...(code !== undefined && { code }), ...(params !== undefined && { params }) };
}

/** Where an error points in the query (nodes, source, positions, path), to keep on its replacement. */
function locationOf(error: GraphQLError | undefined): GraphQLErrorOptions {
  if (!error) return {};
  return {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
  };
}

function findChitieuError(error: unknown): ChitieuError | undefined {
  return findCause(error, (cause): cause is ChitieuError => cause instanceof ChitieuError);
}

/** The error or one of the errors it wraps (graphql-js `originalError`, then `cause`) that matches. */
function findCause<T>(error: unknown, matches: (cause: unknown) => cause is T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
    if (matches(current)) return current;
    current = current instanceof GraphQLError && current.originalError ? current.originalError : current.cause;
  }
  return undefined;
}

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}
