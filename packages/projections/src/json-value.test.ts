import { describe, expect, it } from 'vitest';
import { jsonValue } from './json-value.js';

describe('jsonValue', () => {
  const cases: Array<[string, unknown]> = [
    ['a progress result', { status: 'on_track', ratio: 0.97, years: [2017, 2025], note: undefined }],
    ['nested arrays and objects', { a: [1, { b: [true, null, 'x'] }, []], c: {} }],
    ['undefined members and items', { a: undefined, b: [undefined, 2] }],
    ['non-finite numbers', { a: Number.NaN, b: [Number.POSITIVE_INFINITY, -0] }],
    ['a date', { at: new Date('2025-07-01T00:00:00Z') }],
    ['scalars', ['text', 0, false, null]],
  ];

  it.each(cases)('gives what a JSON round trip gives: %s', (_, value) => {
    expect(jsonValue(value)).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });

  it('drops undefined members and makes non-finite numbers null', () => {
    expect(jsonValue({ a: undefined, b: [undefined, Number.NaN, 1] })).toStrictEqual({ b: [null, null, 1] });
  });
});
