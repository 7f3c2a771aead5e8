import { describe, expect, it } from 'vitest';
import { reportIndicatorDataSchema } from '../report/commands.js';
import { parseCommand } from './parse-command.js';
import { refusal } from './test-refusal.js';

const report = {
  province: 'thai-nguyen-2025',
  indicator: 'doctors_per_10000',
  period: { kind: 'quarter', year: 2026 },
  value: 17.9,
  unit: 'per_10000',
  status: 'preliminary',
  source: '   ',
};

describe('parseCommand', () => {
  it('names each faulty field with zod’s code and parameters besides the English message', () => {
    const error = refusal(() => parseCommand(reportIndicatorDataSchema, report));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([
      {
        path: 'period.quarter',
        message: 'Invalid input: expected number, received undefined',
        code: 'invalid_type',
        params: { expected: 'number', received: 'undefined' },
      },
      {
        path: 'source',
        message: 'Too small: expected string to have >=1 characters',
        code: 'too_small',
        params: { origin: 'string', minimum: 1, inclusive: true },
      },
    ]);
  });
});
