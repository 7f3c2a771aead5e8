import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { formErrorsOf } from './field-errors.js';
import type { WireIssue } from './localize-issue.js';

const refusal = (code: string, issues: WireIssue[] = [], message = 'refused') =>
  new CombinedError({ graphQLErrors: [{ message, extensions: { code, issues } }] });

describe('formErrorsOf', () => {
  it('puts each issue next to its field, by path without the command envelope', () => {
    const errors = formErrorsOf(
      refusal('VALIDATION_FAILED', [
        { path: 'data.value', message: 'must be at least 0' },
        { path: 'data.document.number', message: 'required' },
      ]),
      ['value', 'document.number', 'reason'],
    );
    expect(errors).toEqual({
      fields: { value: 'must be at least 0', 'document.number': 'required' },
      message: undefined,
      code: 'VALIDATION_FAILED',
    });
  });

  it('lists an issue with no field of the form as the form’s message, and keeps a refusal without issues', () => {
    expect(
      formErrorsOf(refusal('VALIDATION_FAILED', [{ path: 'period.year', message: 'too late' }]), ['value']),
    ).toEqual({
      fields: {},
      message: 'period.year: too late',
      code: 'VALIDATION_FAILED',
    });
    expect(formErrorsOf(refusal('FORBIDDEN', [], 'not your province'), ['value']).message).toBe('not your province');
  });

  it('words every issue, placed or not, with the form’s localizer', () => {
    const errors = formErrorsOf(
      refusal('VALIDATION_FAILED', [
        { path: 'source', message: 'Too small', code: 'too_small' },
        { path: 'period.half', message: 'Invalid input', code: 'invalid_union' },
      ]),
      ['source'],
      (issue) => `[${issue.code}]`,
    );
    expect(errors.fields).toEqual({ source: '[too_small]' });
    expect(errors.message).toBe('period.half: [invalid_union]');
  });
});
