import { describe, expect, it } from 'vitest';
import { assessProgress, resolveRelativeTarget } from './assess-progress.js';
import { PROGRESS_METHOD, type ProgressInput } from './types.js';

describe('assessProgress: relative targets', () => {
  it('"giảm tối thiểu 10%" of 200 units in 2015 by 2021 is ≤ 180; 190 in 2018 → R 0.974, on track', () => {
    const input: ProgressInput = {
      direction: 'lower',
      target: {
        kind: 'relative',
        year: 2021,
        baselineYear: 2015,
        comparator: '<=',
        change: -10,
        changeUnit: 'percent_of_baseline',
      },
      baseline: { year: 2015, value: 200 },
      observations: [{ year: 2018, value: 190 }],
    };
    // required (180/200)^(1/6) − 1 = −1.741 %/yr; observed (190/200)^(1/3) − 1 = −1.695 %/yr.
    expect(assessProgress(input)).toMatchObject({
      status: 'on_track',
      targetValue: 180,
      ratio: expect.closeTo(0.9739, 4),
    });
    expect(assessProgress({ ...input, observations: [{ year: 2019, value: 180 }] }).status).toBe('achieved');
  });

  it('"thêm tối thiểu 1,5 cm" from the 2025 report: the observation of the baseline year is the baseline', () => {
    const result = assessProgress({
      direction: 'higher',
      target: { kind: 'relative', year: 2030, baselineYear: 2025, comparator: '>=', change: 1.5, changeUnit: 'cm' },
      observations: [
        { year: 2024, value: 149.8 },
        { year: 2025, value: 150 },
        { year: 2027, value: 150.6 },
      ],
    });
    expect(result).toMatchObject({
      status: 'on_track',
      targetValue: 151.5,
      baseline: { year: 2025, value: 150, source: 'first_observation' },
      ratio: expect.closeTo(1.003, 3),
    });
  });

  it('without a value for the baseline year: no data', () => {
    const result = assessProgress({
      direction: 'lower',
      target: {
        kind: 'relative',
        year: 2021,
        baselineYear: 2015,
        comparator: '<=',
        change: -10,
        changeUnit: 'percent_of_baseline',
      },
      baseline: { year: 2017, value: 200 }, // another year: not the one the target counts from
      observations: [{ year: 2019, value: 150 }],
    });
    expect(result).toEqual({
      status: 'no_data',
      method: PROGRESS_METHOD,
      reason: 'no value for the baseline year 2015 of a relative target',
    });
  });

  it('resolveRelativeTarget: percent of the baseline, or the indicator’s unit', () => {
    expect(resolveRelativeTarget({ change: -10, changeUnit: 'percent_of_baseline' }, 200)).toBe(180);
    expect(resolveRelativeTarget({ change: 1.5, changeUnit: 'cm' }, 150)).toBe(151.5);
  });
});
