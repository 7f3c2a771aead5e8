import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { formErrorsOf } from './field-errors.js';

const refusal = (code: string, issues: Array<{ path: string; message: string }> = [], message = 'refused') =>
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

  it('keeps an issue with no field of the form, and a refusal without issues, as the form’s message', () => {
    expect(
      formErrorsOf(refusal('VALIDATION_FAILED', [{ path: 'period.year', message: 'too late' }]), ['value']),
    ).toEqual({
      fields: {},
      message: 'refused — period.year: too late',
      code: 'VALIDATION_FAILED',
    });
    expect(formErrorsOf(refusal('FORBIDDEN', [], 'not your province'), ['value']).message).toBe('not your province');
  });
});
