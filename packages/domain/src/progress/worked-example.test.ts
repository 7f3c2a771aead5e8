// The worked examples of docs/progress.md, with the figures read from the seed fixtures themselves so
// that the document, the fixtures and the method cannot drift apart.
import { describe, expect, it } from 'vitest';
import type { Target } from '../plan/events.js';
import { seed001, seed002, seed004 } from '../seed/fixtures/index.js';
import type { SeedDocument } from '../seed/fixtures/types.js';
import { assertNever } from '../shared/period.js';
import { assessProgress } from './assess-progress.js';
import type { Observation, ProgressTarget } from './types.js';

function target(seed: SeedDocument, id: string): ProgressTarget {
  const found = seed.plan?.targets.find((candidate: Target) => candidate.target === id);
  if (!found) throw new Error(`no target ${id} in ${seed.file}`);
  switch (found.kind) {
    case 'absolute':
      return { kind: 'absolute', year: found.year, comparator: found.comparator, value: found.value };
    case 'relative': {
      const { year, comparator, change, changeUnit, baselineYear } = found;
      return { kind: 'relative', year, comparator, change, changeUnit, baselineYear };
    }
    case 'milestone':
      return { kind: 'milestone', year: found.year, text: found.text };
    default:
      return assertNever(found);
  }
}

function baseline(seed: SeedDocument, indicator: string): Observation | undefined {
  const found = seed.plan?.baselines.find((candidate) => candidate.indicator === indicator);
  return found?.value === undefined ? undefined : { year: found.year, value: found.value };
}

function reported(seed: SeedDocument, indicator: string): Observation[] {
  return seed.reports
    .filter((report) => report.indicator === indicator && report.period.kind === 'year')
    .map((report) => ({ year: report.period.kind === 'year' ? report.period.year : Number.NaN, value: report.value }));
}

describe('docs/progress.md, worked example: Kiên Giang, life expectancy (seed 004)', () => {
  const t2 = target(seed004, 't2');
  const base = baseline(seed004, 'life_expectancy');

  it('reads the seed figures: 74.3 in 2017, ≥ 75.5 by 2030', () => {
    expect(base).toEqual({ year: 2017, value: 74.3 });
    expect(t2).toEqual({ kind: 'absolute', year: 2030, comparator: '>=', value: 75.5 });
  });

  it('an illustrative 74.6 in 2022: required 0.1233 %/yr, observed 0.0806 %/yr, R = 0.654 → needs acceleration', () => {
    const required = (75.5 / 74.3) ** (1 / 13) - 1;
    const observed = (74.6 / 74.3) ** (1 / 5) - 1;
    expect(required).toBeCloseTo(0.0012332, 7);
    expect(observed).toBeCloseTo(0.0008062, 7);
    const result = assessProgress({
      direction: 'higher',
      target: t2,
      baseline: base,
      observations: [{ year: 2022, value: 74.6 }],
    });
    expect(result).toMatchObject({
      status: 'needs_acceleration',
      formula: 'cagr',
      baseline: { year: 2017, value: 74.3, source: 'plan' },
      latest: { year: 2022, value: 74.6 },
      targetValue: 75.5,
    });
    expect(result.ratio).toBeCloseTo(observed / required, 12);
    expect(result.ratio).toBeCloseTo(0.6538, 4);
  });

  it('the same value against t1 (≥ 75 by 2025): R = 0.687, needs acceleration', () => {
    const result = assessProgress({
      direction: 'higher',
      target: target(seed004, 't1'),
      baseline: base,
      observations: [{ year: 2022, value: 74.6 }],
    });
    expect(result).toMatchObject({ status: 'needs_acceleration', ratio: expect.closeTo(0.6874, 4) });
  });
});

describe('docs/progress.md, real figures only', () => {
  it('Thái Nguyên t12, electronic medical records ≥ 100 % by 2030: 100 % reported for 2025 → achieved', () => {
    const result = assessProgress({
      direction: 'higher',
      target: target(seed002, 't12'),
      observations: reported(seed002, 'hospitals_with_emr_share'),
    });
    expect(result).toMatchObject({
      status: 'achieved',
      baseline: { year: 2025, value: 100, source: 'first_observation' },
      latest: { year: 2025, value: 100 },
    });
  });

  it('Thái Nguyên t5, doctors ≥ 19 per 10,000 by 2030: only 17.2 for 2025 → no data yet', () => {
    const result = assessProgress({
      direction: 'higher',
      target: target(seed002, 't5'),
      observations: reported(seed002, 'doctors_per_10000'),
    });
    expect(result).toMatchObject({
      status: 'no_data',
      baseline: { year: 2025, value: 17.2, source: 'first_observation' },
      targetValue: 19,
      reason: 'no observation after the baseline year 2025',
    });
  });

  it('Lai Châu t1, 10 % fewer public service units than in 2015: no figure for 2015 → no data', () => {
    const result = assessProgress({
      direction: 'lower',
      target: target(seed001, 't1'),
      baseline: baseline(seed001, 'public_service_units'),
      observations: [],
    });
    expect(result).toMatchObject({
      status: 'no_data',
      reason: 'no value for the baseline year 2015 of a relative target',
    });
  });
});
