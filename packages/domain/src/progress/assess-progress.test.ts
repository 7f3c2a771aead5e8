import { describe, expect, it } from 'vitest';
import { assessProgress } from './assess-progress.js';
import { PROGRESS_METHOD, type ProgressInput } from './types.js';

// Round numbers so that every ratio can be checked by hand: from 100 in 2020 to ≥ 121 by 2022 needs
// 10 % a year (1.1² = 1.21); 110 in 2021 is 10 % a year, R = 1.
const growth = (value: number, year = 2021): ProgressInput => ({
  direction: 'higher',
  target: { kind: 'absolute', year: 2022, comparator: '>=', value: 121 },
  baseline: { year: 2020, value: 100 },
  observations: [{ year, value }],
});

describe('assessProgress: the five rated statuses (CAGR)', () => {
  it.each([
    [121, 'achieved', undefined],
    [110, 'on_track', 1],
    [107, 'needs_acceleration', 0.7],
    [103, 'limited_progress', 0.3],
    [95, 'deteriorating', -0.5],
  ] as const)('%d in 2021 → %s (R %s)', (value, status, ratio) => {
    const result = assessProgress(growth(value));
    expect(result.status).toBe(status);
    expect(result.method).toBe(PROGRESS_METHOD);
    if (ratio === undefined) expect(result.ratio).toBeUndefined();
    else expect(result.ratio).toBeCloseTo(ratio, 10);
    expect(result).toMatchObject({ baseline: { year: 2020, value: 100, source: 'plan' }, targetValue: 121 });
  });

  it('records the formula, the latest observation and the caller’s log position', () => {
    expect(assessProgress({ ...growth(110), logPosition: '812:4051' })).toEqual({
      status: 'on_track',
      method: 'open-sdg-cagr-ratio/1',
      logPosition: '812:4051',
      formula: 'cagr',
      ratio: 1,
      baseline: { year: 2020, value: 100, source: 'plan' },
      latest: { year: 2021, value: 110 },
      targetValue: 121,
    });
  });
});

describe('assessProgress: lower is better', () => {
  // Under-5 mortality 20‰ in 2020, ≤ 16.2‰ by 2022: −10 % a year required (0.9² = 0.81).
  const mortality = (value: number, comparator: '<=' | '<' = '<='): ProgressInput => ({
    direction: 'lower',
    target: { kind: 'absolute', year: 2022, comparator, value: 16.2 },
    baseline: { year: 2020, value: 20 },
    observations: [{ year: 2021, value }],
  });

  it.each([
    [16, 'achieved', undefined],
    [18, 'on_track', 1], // −10 % a year: a fall is progress
    [19, 'limited_progress', 0.5],
    [21, 'deteriorating', -0.5],
  ] as const)('%d‰ in 2021 → %s', (value, status, ratio) => {
    const result = assessProgress(mortality(value));
    expect(result.status).toBe(status);
    if (ratio !== undefined) expect(result.ratio).toBeCloseTo(ratio, 10);
  });

  it('a baseline that already meets the target and a value that left it: R < 0', () => {
    // ≤ 15 % by 2030 from 12 % in 2020; 16 % in 2025. Required +2.26 %/yr (allowed to rise), observed +5.92 %/yr.
    const result = assessProgress({
      direction: 'lower',
      target: { kind: 'absolute', year: 2030, comparator: '<=', value: 15 },
      baseline: { year: 2020, value: 12 },
      observations: [{ year: 2025, value: 16 }],
    });
    expect(result.status).toBe('deteriorating');
    expect(result.ratio).toBeCloseTo(-2.6246, 4);
  });
});

describe('assessProgress: comparators', () => {
  const insurance = (comparator: '>' | '>=', value: number) =>
    assessProgress({
      direction: 'higher',
      target: { kind: 'absolute', year: 2026, comparator, value: 95 },
      observations: [{ year: 2025, value }],
    }).status;

  it('"trên 95%" (>) is not met by 95 and is by 95.1; ≥ 95 is met by 95', () => {
    expect(insurance('>', 95)).toBe('no_data'); // not met, and one value is no trend
    expect(insurance('>', 95.1)).toBe('achieved');
    expect(insurance('>=', 95)).toBe('achieved');
  });

  it('"<" is strict', () => {
    const strict = (value: number) =>
      assessProgress({
        direction: 'lower',
        target: { kind: 'absolute', year: 2030, comparator: '<', value: 15 },
        baseline: { year: 2020, value: 20 },
        observations: [{ year: 2025, value }],
      }).status;
    expect(strict(15)).not.toBe('achieved');
    expect(strict(14.9)).toBe('achieved');
  });

  it('"=" moves towards the value and is achieved only on it', () => {
    const equal = (value: number, baseline = 15) =>
      assessProgress({
        direction: 'neutral',
        target: { kind: 'absolute', year: 2024, comparator: '=', value: 19 },
        baseline: { year: 2020, value: baseline },
        observations: [{ year: 2022, value }],
      });
    expect(equal(19).status).toBe('achieved');
    // ((16/15)^(1/2) − 1) / ((19/15)^(1/4) − 1) = 0.0328 / 0.0609 = 0.539
    expect(equal(16)).toMatchObject({ status: 'limited_progress', ratio: expect.closeTo(0.5387, 4) });
    // From 25 down towards 19, a fall is progress: ((21.5/25)^(1/2) − 1) / |(19/25)^(1/4) − 1| = 1.095.
    expect(equal(21.5, 25)).toMatchObject({ status: 'on_track', ratio: expect.closeTo(1.0955, 4) });
    // Already on the value and then off it: no rate is required, R is undefined.
    const left = equal(18, 19);
    expect(left.status).toBe('deteriorating');
    expect(left.ratio).toBeUndefined();
    expect(left.reason).toMatch(/no rate is required/);
  });

  it('a strict comparator with the baseline on the target value and no movement: limited progress', () => {
    const result = assessProgress({
      direction: 'higher',
      target: { kind: 'absolute', year: 2030, comparator: '>', value: 95 },
      baseline: { year: 2020, value: 95 },
      observations: [{ year: 2024, value: 95 }],
    });
    expect(result).toMatchObject({ status: 'limited_progress', formula: 'cagr' });
    expect(result.ratio).toBeUndefined();
  });

  it('neutral direction: the comparator says which way is progress', () => {
    const neutral = assessProgress({
      direction: 'neutral',
      target: { kind: 'absolute', year: 2022, comparator: '<=', value: 16.2 },
      baseline: { year: 2020, value: 20 },
      observations: [{ year: 2021, value: 18 }],
    });
    expect(neutral).toMatchObject({ status: 'on_track', ratio: expect.closeTo(1, 10) });
    expect(neutral.reason).toBeUndefined();
  });

  it('a comparator against the indicator’s direction decides, and the result says so', () => {
    const result = assessProgress({ ...growth(110), direction: 'lower' });
    expect(result.status).toBe('on_track');
    expect(result.reason).toMatch(/comparator >= on an indicator where lower is better/);
  });
});

describe('assessProgress: the window, the baseline and no data', () => {
  it('no baseline in the plan: the first observation is the baseline', () => {
    const result = assessProgress({
      ...growth(110),
      baseline: undefined,
      observations: [
        { year: 2021, value: 110 },
        { year: 2020, value: 100 },
      ],
    });
    expect(result).toMatchObject({
      status: 'on_track',
      baseline: { year: 2020, value: 100, source: 'first_observation' },
    });
  });

  it('a value after the target year is outside the window: the last one at or before it counts', () => {
    const result = assessProgress({
      ...growth(107),
      observations: [
        { year: 2021, value: 107 },
        { year: 2023, value: 125 },
      ],
    });
    expect(result).toMatchObject({ status: 'needs_acceleration', latest: { year: 2021, value: 107 } });
  });

  it('a target year passed without meeting the target is still rated by R', () => {
    const result = assessProgress({ ...growth(107, 2022) });
    // 107 in 2022: (1.07)^(1/2) − 1 = 3.44 % a year against 10 % → R = 0.344.
    expect(result).toMatchObject({ status: 'limited_progress', ratio: expect.closeTo(0.3441, 4) });
  });

  it.each([
    ['no observation at all', [], /no observation from 2020 to 2022/],
    ['only the baseline year', [{ year: 2020, value: 100 }], /no observation after the baseline year 2020/],
    ['only before the plan’s baseline', [{ year: 2018, value: 130 }], /no observation from 2020 to 2022/],
    ['only after the target year', [{ year: 2023, value: 130 }], /no observation from 2020 to 2022/],
    [
      'two values for one year',
      [
        { year: 2021, value: 110 },
        { year: 2021, value: 111 },
      ],
      /two different values for 2021/,
    ],
  ])('no data: %s', (_, observations, reason) => {
    const result = assessProgress({ ...growth(0), observations });
    expect(result.status).toBe('no_data');
    expect(result.reason).toMatch(reason);
    expect(result.ratio).toBeUndefined();
  });

  it('the same value twice for a year is accepted', () => {
    const twice = [
      { year: 2021, value: 110 },
      { year: 2021, value: 110 },
    ];
    expect(assessProgress({ ...growth(0), observations: twice }).status).toBe('on_track');
  });

  it('no baseline and no observation: no data, and the log position is still recorded', () => {
    expect(assessProgress({ ...growth(0), baseline: undefined, observations: [], logPosition: '1:2' })).toEqual({
      status: 'no_data',
      method: PROGRESS_METHOD,
      logPosition: '1:2',
      reason: 'no observation at or before the target year 2022',
    });
  });
});
