import { describe, expect, it } from 'vitest';
import { assessProgress } from './assess-progress.js';
import { statusOfRatio } from './rates.js';

describe('assessProgress: zero and negative values (linear rates)', () => {
  it('a count from 0: linear, 1 a year observed and required → on track', () => {
    const result = assessProgress({
      direction: 'higher',
      target: { kind: 'absolute', year: 2030, comparator: '>=', value: 4 },
      baseline: { year: 2026, value: 0 },
      observations: [{ year: 2028, value: 2 }],
    });
    expect(result).toMatchObject({ status: 'on_track', formula: 'linear', ratio: 1 });
    expect(result.reason).toMatch(/linear annual rates/);
  });

  it('a target of 0: linear, −2 a year observed and required → on track', () => {
    const result = assessProgress({
      direction: 'lower',
      target: { kind: 'absolute', year: 2025, comparator: '<=', value: 0 },
      baseline: { year: 2020, value: 10 },
      observations: [{ year: 2022, value: 6 }],
    });
    expect(result).toMatchObject({ status: 'on_track', formula: 'linear', ratio: 1 });
  });

  it('negative values: from −2 to ≥ 2 in four years, 0 after two → R = 1', () => {
    const result = assessProgress({
      direction: 'higher',
      target: { kind: 'absolute', year: 2024, comparator: '>=', value: 2 },
      baseline: { year: 2020, value: -2 },
      observations: [{ year: 2022, value: 0 }],
    });
    expect(result).toMatchObject({ status: 'on_track', formula: 'linear', ratio: 1 });
  });

  it('no movement from 0 towards a target of ≥ 1: R = 0, limited progress', () => {
    const result = assessProgress({
      direction: 'higher',
      target: { kind: 'absolute', year: 2030, comparator: '>=', value: 1 },
      observations: [
        { year: 2025, value: 0 },
        { year: 2027, value: 0 },
      ],
    });
    expect(result).toMatchObject({ status: 'limited_progress', ratio: 0, formula: 'linear' });
    expect(Object.is(result.ratio, -0)).toBe(false);
  });
});

describe('statusOfRatio', () => {
  it('thresholds are lower bounds, inclusive: 0.95, 0.60, 0', () => {
    expect([0.95, 0.9499, 0.6, 0.5999, 0, -0.0001].map(statusOfRatio)).toEqual([
      'on_track',
      'needs_acceleration',
      'needs_acceleration',
      'limited_progress',
      'limited_progress',
      'deteriorating',
    ]);
  });
});
