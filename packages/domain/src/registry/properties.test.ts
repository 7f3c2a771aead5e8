import { ChitieuError } from '@chitieu/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergeProvinces, RegisterProvince, RegistryCommand, RenameProvince } from './commands.js';
import { evolveRegistry, initialRegistryState, type RegistryState } from './evolve.js';
import { provincesOn } from './reference.js';
import { LEGAL_BASIS, refusal, when } from './test-support.js';

// A small world, so that random commands collide often: few ids, codes, names and dates. Successors
// mostly come from their own ids, as in 2025, so that mergers are often accepted.
const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const successorIds = ['s', 't', 'u'];
const id = fc.constantFrom(...ids, ...successorIds);
const successorId = fc.constantFrom(...successorIds, 'a');
const code = fc.constantFrom('01', '02', '03', '04', '05', '06', '07', '08');
const name = fc.constantFrom('Huế', 'Thừa Thiên Huế', 'An Giang');
const day = fc.constantFrom('2020-01-01', '2025-07-01', '2026-01-01');
const SAMPLE_DAYS = ['1990-01-01', '2019-12-31', '2020-01-01', '2025-06-30', '2025-07-01', '2025-12-31', '2026-01-01'];

const register = (withSucceeds: boolean): fc.Arbitrary<RegisterProvince> =>
  fc.record({
    type: fc.constant('RegisterProvince' as const),
    province: id,
    code,
    name,
    validFrom: fc.option(day, { nil: null }),
    succeeds: withSucceeds ? fc.option(fc.subarray(ids), { nil: undefined }) : fc.constant(undefined),
  });
const rename: fc.Arbitrary<RenameProvince> = fc.record({
  type: fc.constant('RenameProvince' as const),
  province: id,
  name,
  effectiveOn: day,
  legalBasis: fc.constant(LEGAL_BASIS),
});
const merge: fc.Arbitrary<MergeProvinces> = fc.record({
  type: fc.constant('MergeProvinces' as const),
  successor: successorId,
  predecessors: fc.subarray(ids, { minLength: 1, maxLength: 3 }),
  effectiveOn: day,
  legalBasis: fc.constant(LEGAL_BASIS),
});
// The loader's pattern: a successor that succeeds its predecessors, then the merger, as one step.
const successorThenMerger: fc.Arbitrary<RegistryCommand[]> = fc
  .tuple(
    successorId,
    fc.oneof(code, fc.constantFrom('90', '91')),
    name,
    day,
    fc.subarray(ids, { minLength: 2, maxLength: 3 }),
  )
  .map(([successor, c, n, effectiveOn, predecessors]) => [
    { type: 'RegisterProvince', province: successor, code: c, name: n, validFrom: effectiveOn, succeeds: predecessors },
    { type: 'MergeProvinces', successor, predecessors, effectiveOn, legalBasis: LEGAL_BASIS },
  ]);

// Like the 63 provinces of 2024: a world that exists before the random commands start.
const WORLD: RegistryCommand[] = ids.map((province, index) => ({
  type: 'RegisterProvince',
  province,
  code: `0${index + 1}`,
  name: 'An Giang',
  validFrom: index < 4 ? null : '2020-01-01',
}));
const world = () => apply(initialRegistryState(), WORLD).state;

/** Decides the commands of one step in order; all or nothing, like one append. */
function apply(state: RegistryState, step: RegistryCommand[]): { state: RegistryState; accepted: boolean } {
  let next = state;
  try {
    for (const command of step) next = when(next, command).reduce(evolveRegistry, next);
  } catch (error) {
    if (error instanceof ChitieuError && error.code === 'VALIDATION_FAILED') return { state, accepted: false };
    throw error;
  }
  return { state: next, accepted: true };
}

describe('registry properties', () => {
  it('refuses a command again once the events it produced are replayed (no duplicate)', () => {
    const step = fc.oneof(
      { arbitrary: register(true).map((command) => [command]), weight: 4 },
      { arbitrary: rename.map((command) => [command]), weight: 1 },
      { arbitrary: merge.map((command) => [command]), weight: 1 },
      { arbitrary: successorThenMerger, weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let state = world();
        for (const commands of steps) {
          const result = apply(state, commands);
          if (!result.accepted) continue;
          state = result.state;
          for (const command of commands) {
            expect(refusal(() => when(state, command)).code).toBe('VALIDATION_FAILED');
          }
        }
      }),
    );
  });

  it('never lets two provinces hold one code on the same day between steps', () => {
    const step = fc.oneof(
      { arbitrary: register(false).map((command) => [command]), weight: 4 },
      { arbitrary: rename.map((command) => [command]), weight: 1 },
      { arbitrary: merge.map((command) => [command]), weight: 1 },
      { arbitrary: successorThenMerger, weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let state = world();
        for (const commands of steps) {
          state = apply(state, commands).state;
          for (const date of SAMPLE_DAYS) {
            const codes = provincesOn(state, date).map((province) => province.code);
            expect(new Set(codes).size).toBe(codes.length);
          }
        }
      }),
    );
  });

  it('ends every predecessor exactly the day before its successor starts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: register(false).map((c) => [c]), weight: 2 }, successorThenMerger), {
          minLength: 5,
          maxLength: 30,
        }),
        (steps) => {
          const state = steps.reduce((current, commands) => apply(current, commands).state, world());
          for (const merger of state.mergers) {
            for (const predecessor of merger.predecessors) {
              const record = state.provinces.get(predecessor);
              expect(provincesOn(state, merger.effectiveOn).some((p) => p.id === predecessor)).toBe(false);
              expect(record?.successor).toBe(merger.successor);
            }
            expect(state.provinces.get(merger.successor)?.validFrom).toBe(merger.effectiveOn);
          }
        },
      ),
    );
  });
});
