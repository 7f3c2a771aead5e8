import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssueOf } from './zod-issue.js';

const issuesOf = (schema: z.ZodType, data: unknown) => {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map((issue) => fieldIssueOf(issue, issue.path.map(String).join('.')));
};

describe('fieldIssueOf', () => {
  it('keeps zod’s code and the parameters a locale words it with, never the input', () => {
    const issues = issuesOf(z.object({ source: z.string().trim().min(1), year: z.number().max(2100) }), {
      source: '  ',
      year: '2026',
    });
    expect(issues).toEqual([
      {
        path: 'source',
        message: 'Too small: expected string to have >=1 characters',
        code: 'too_small',
        params: { origin: 'string', minimum: 1, inclusive: true },
      },
      {
        path: 'year',
        message: 'Invalid input: expected number, received string',
        code: 'invalid_type',
        params: { expected: 'number', received: 'string' },
      },
    ]);
  });

  it('gives an enum’s values and a missing field’s received type', () => {
    const issues = issuesOf(z.object({ status: z.enum(['final', 'estimate']), kind: z.string() }), { status: 'x' });
    expect(issues.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'invalid_value', params: { values: ['final', 'estimate'] } },
      { code: 'invalid_type', params: { expected: 'string', received: 'undefined' } },
    ]);
  });

  it('leaves a schema’s own wording and a refinement without a code: a locale would lose them', () => {
    const slug = z.string().regex(/^[a-z]+$/u, 'a province id is a slug');
    const even = z.number().refine((value) => value % 2 === 0, 'must be even');
    expect(issuesOf(slug, 'Thái')).toEqual([{ path: '', message: 'a province id is a slug' }]);
    expect(issuesOf(even, 3)).toEqual([{ path: '', message: 'must be even' }]);
  });

  it('keeps the message when the input was not reported, rather than a wrong "received"', () => {
    const result = z.number().safeParse('2026');
    if (result.success) throw new Error('expected a failure');
    const [issue] = result.error.issues;
    if (!issue) throw new Error('expected an issue');
    expect(fieldIssueOf(issue, 'year')).toEqual({
      path: 'year',
      message: 'Invalid input: expected number, received string',
    });
  });
});
