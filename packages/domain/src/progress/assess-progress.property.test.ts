import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Comparator, meets } from '../shared/comparator.js';
import type { Direction } from '../shared/reference.js';
import { assessProgress } from './assess-progress.js';
import type { Observation, ProgressInput, ProgressStatus } from './types.js';

const directions: Direction[] = ['higher', 'lower', 'neutral', 'milestone'];
const comparators: Comparator[] = ['>=', '>', '<=', '<', '='];

// Tenths from −50 to 200: zeros and negatives included, so that linear rates are exercised too.
const figure = fc.integer({ min: -500, max: 2000 }).map((tenths) => tenths / 10);

/** An absolute target with a baseline year b, a target year after it and observations around both. */
function absoluteInput(comparator: fc.Arbitrary<Comparator>, value: fc.Arbitrary<number>) {
  return fc
    .record({ b: fc.integer({ min: 2000, max: 2020 }), span: fc.integer({ min: 1, max: 15 }) })
    .chain(({ b, span }) =>
      fc.record({
        direction: fc.constantFrom(...directions),
        comparator,
        target: value,
        plan: fc.option(value, { nil: undefined }),
        observations: fc.uniqueArray(fc.record({ year: fc.integer({ min: b - 3, max: b + span + 3 }), value }), {
          selector: (observation) => observation.year,
          maxLength: 8,
        }),
        b: fc.constant(b),
        T: fc.constant(b + span),
      }),
    )
    .map(
      ({ direction, comparator, target, plan, observations, b, T }): ProgressInput => ({
        direction,
        target: { kind: 'absolute', year: T, comparator, value: target },
        ...(plan === undefined ? {} : { baseline: { year: b, value: plan } }),
        observations,
      }),
    );
}

/** The latest observation the target's window admits, computed here independently of the code. */
function latestInWindow(input: ProgressInput): Observation | undefined {
  const { target, baseline } = input;
  return input.observations
    .filter((observation) => observation.year <= target.year && (!baseline || observation.year >= baseline.year))
    .sort((a, b) => a.year - b.year)
    .at(-1);
}

const ORDER: Record<Exclude<ProgressStatus, 'no_data'>, number> = {
  deteriorating: 1,
  limited_progress: 2,
  needs_acceleration: 3,
  on_track: 4,
  achieved: 5,
};

describe('assessProgress properties', () => {
  it('an absolute target is achieved iff the latest in-window observation meets the comparator', () => {
    fc.assert(
      fc.property(absoluteInput(fc.constantFrom(...comparators), figure), (input) => {
        if (input.target.kind !== 'absolute') return;
        const latest = latestInWindow(input);
        const expected = latest !== undefined && meets(latest.value, input.target.comparator, input.target.value);
        expect(assessProgress(input).status === 'achieved').toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('moving the latest value further in the good direction never worsens the status', () => {
    const directional = fc.constantFrom<Comparator>('>=', '>', '<=', '<');
    const delta = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);
    fc.assert(
      fc.property(absoluteInput(directional, figure), delta, (input, step) => {
        if (input.target.kind !== 'absolute') return;
        const latest = latestInWindow(input);
        if (!latest) return;
        const sense = input.target.comparator.startsWith('>') ? 1 : -1;
        const moved = { ...latest, value: latest.value + sense * step };
        const after = assessProgress({
          ...input,
          observations: input.observations.map((observation) => (observation === latest ? moved : observation)),
        }).status;
        const before = assessProgress(input).status;
        if (before === 'no_data') {
          expect(['no_data', 'achieved']).toContain(after);
        } else {
          expect(after).not.toBe('no_data');
          if (after !== 'no_data') expect(ORDER[after]).toBeGreaterThanOrEqual(ORDER[before]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never reports a ratio that is NaN or infinite, whatever the values', () => {
    const anything = fc.double({ noNaN: true, noDefaultInfinity: true });
    const relative = fc
      .record({
        b: fc.integer({ min: 2000, max: 2020 }),
        span: fc.integer({ min: 1, max: 15 }),
        comparator: fc.constantFrom(...comparators),
        change: anything,
        percent: fc.boolean(),
        plan: anything,
        observations: fc.array(fc.record({ year: fc.integer({ min: 1995, max: 2040 }), value: anything }), {
          maxLength: 6,
        }),
      })
      .map(
        ({ b, span, comparator, change, percent, plan, observations }): ProgressInput => ({
          direction: 'higher',
          target: {
            kind: 'relative',
            year: b + span,
            baselineYear: b,
            comparator,
            change,
            changeUnit: percent ? 'percent_of_baseline' : 'percent',
          },
          baseline: { year: b, value: plan },
          observations,
        }),
      );
    fc.assert(
      fc.property(fc.oneof(absoluteInput(fc.constantFrom(...comparators), anything), relative), (input) => {
        const result = assessProgress(input);
        if (result.ratio !== undefined) expect(Number.isFinite(result.ratio)).toBe(true);
        if (result.targetValue !== undefined) expect(Number.isFinite(result.targetValue)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(absoluteInput(fc.constantFrom(...comparators), figure), (input) => {
        const reversed = { ...input, observations: [...input.observations].reverse() };
        expect(assessProgress(reversed)).toEqual(assessProgress(input));
      }),
    );
  });
});
