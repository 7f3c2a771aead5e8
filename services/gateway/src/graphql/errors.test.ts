import { ChitieuError } from '@chitieu/errors';
import type { Logger } from '@chitieu/logging';
import { PothosValidationError } from '@pothos/core';
import { describe, expect, it, vi } from 'vitest';
import { createMaskError, UNEXPECTED_MESSAGE } from './errors.js';
import { GraphQLError } from './graphql-js.js';

function fakeLogger() {
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  return { logger, mask: createMaskError(logger as unknown as Logger) };
}

/** What graphql-js makes of an error thrown by the resolver of `Mutation.adoptPlan`. */
function fromResolver(error: Error): GraphQLError {
  return new GraphQLError(error.message, { path: ['adoptPlan'], originalError: error });
}

describe('maskError', () => {
  it('shows a ChitieuError with its code, first field, issues and details', () => {
    const { logger, mask } = fakeLogger();
    const error = new ChitieuError(
      'VALIDATION_FAILED',
      'targets.0.value: expected number',
      { stream: 'kien-giang/plan/132-kh-ubnd' },
      [
        { path: 'targets.0.value', message: 'expected number' },
        { path: 'period.to', message: 'too small' },
      ],
    );
    const masked = mask(fromResolver(error), UNEXPECTED_MESSAGE) as GraphQLError;
    expect(masked).toBeInstanceOf(GraphQLError);
    expect(masked.toJSON()).toEqual({
      message: 'targets.0.value: expected number',
      path: ['adoptPlan'],
      extensions: {
        code: 'VALIDATION_FAILED',
        field: 'targets.0.value',
        issues: [
          { path: 'targets.0.value', message: 'expected number' },
          { path: 'period.to', message: 'too small' },
        ],
        details: { stream: 'kien-giang/plan/132-kh-ubnd' },
      },
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('passes an issue’s code and params through unchanged, for the client to word it', () => {
    const { mask } = fakeLogger();
    const issue = {
      path: 'source',
      message: 'Too small: expected string to have >=1 characters',
      code: 'too_small' as const,
      params: { origin: 'string', minimum: 1, inclusive: true },
    };
    const error = new ChitieuError('VALIDATION_FAILED', `source: ${issue.message}`, {}, [issue]);
    const masked = mask(fromResolver(error), '') as GraphQLError;
    expect(masked.extensions.issues).toEqual([issue]);
  });

  it('leaves out empty issues and details', () => {
    const { mask } = fakeLogger();
    const masked = mask(fromResolver(new ChitieuError('NOT_FOUND', 'no such plan')), '') as GraphQLError;
    expect(masked.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('answers 401 when the token is refused before any field runs', () => {
    const { mask } = fakeLogger();
    const masked = mask(new ChitieuError('UNAUTHENTICATED', 'token expired'), '') as GraphQLError;
    expect(masked.message).toBe('token expired');
    expect(masked.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });

  it('masks and logs anything else', () => {
    const { logger, mask } = fakeLogger();
    const secret = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    const masked = mask(fromResolver(secret), UNEXPECTED_MESSAGE) as GraphQLError;
    expect(masked.toJSON()).toEqual({
      message: 'Unexpected error.',
      path: ['adoptPlan'],
      extensions: { code: 'INTERNAL' },
    });
    expect(logger.error).toHaveBeenCalledWith(
      { err: secret, path: 'adoptPlan' },
      'unexpected error in a GraphQL request',
    );
  });

  it('masks a bare GraphQLError thrown in a resolver', () => {
    const { mask } = fakeLogger();
    const error = new GraphQLError('Cannot return null for non-nullable field Plan.title.', {
      path: ['plan', 'title'],
    });
    expect((mask(error, '') as GraphQLError).extensions).toEqual({ code: 'INTERNAL' });
  });

  it('passes request errors through with a GraphQL code', () => {
    const { logger, mask } = fakeLogger();
    const parse = mask(new GraphQLError('Syntax Error: Expected Name, found <EOF>.'), '') as GraphQLError;
    expect(parse.message).toBe('Syntax Error: Expected Name, found <EOF>.');
    expect(parse.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = mask(new GraphQLError('Cannot query field "nope" on type "Query".'), '') as GraphQLError;
    expect(invalid.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const coded = new GraphQLError('Query depth limit of 12 exceeded, found 14.', {
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
    expect((mask(coded, '') as GraphQLError).extensions.code).toBe('QUERY_TOO_COMPLEX');
    const aborted = mask(new GraphQLError('Validation aborted.'), '') as GraphQLError;
    expect(aborted.message).toBe('Validation aborted: the query is too complex to check.');
    expect(aborted.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('shows a Pothos validation error (a bad global id) as VALIDATION_FAILED', () => {
    const { mask } = fakeLogger();
    const masked = mask(fromResolver(new PothosValidationError('Invalid global ID: x')), '') as GraphQLError;
    expect(masked.message).toBe('Invalid global ID: x');
    expect(masked.extensions.code).toBe('VALIDATION_FAILED');
  });
});
