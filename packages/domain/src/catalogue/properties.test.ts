import { ChitieuError } from '@chitieu/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Combine, directionSchema } from '../shared/reference.js';
import { convertible, unitSchema } from '../shared/units.js';
import type { CatalogueCommand, DefineIndicator, ReviseIndicator } from './commands.js';
import { type CatalogueState, evolveCatalogue } from './evolve.js';
import { definedEvent, given, POPULATION, refusal, UNDER5, when } from './test-support.js';

// A few codes, units and rules, so that random commands often collide and are often accepted.
const code = fc.constantFrom('population', 'under5_mortality', 'beds', 'staff', 'centre_115');
const unit = fc.constantFrom(...unitSchema.options);
const direction = fc.constantFrom(...directionSchema.options);
const combine: fc.Arbitrary<Combine> = fc.constantFrom<Combine>(
  { rule: 'population_weighted_mean', weight: 'population' },
  { rule: 'sum' },
  { rule: 'all_of' },
  { rule: 'not_combinable', reason: 'shares of unknown totals' },
);
const name = fc.constantFrom('Tỷ lệ A', 'Rate A', 'Số B');
const define: fc.Arbitrary<DefineIndicator> = fc.record(
  { type: fc.constant('DefineIndicator' as const), code, nameVi: name, nameEn: name, unit, direction, combine },
  { requiredKeys: ['type', 'code', 'nameVi', 'nameEn', 'unit', 'direction', 'combine'] },
);
const revise: fc.Arbitrary<ReviseIndicator> = fc.record(
  {
    type: fc.constant('ReviseIndicator' as const),
    code,
    nameEn: name,
    // Mostly rates, so that unit changes are sometimes accepted (percent ↔ per mille).
    unit: fc.oneof({ arbitrary: fc.constantFrom('percent' as const, 'per_mille' as const), weight: 3 }, unit),
    direction,
    combine,
    aliases: fc.subarray(['a', 'b']),
    reason: fc.oneof({ arbitrary: fc.constant('why'), weight: 4 }, fc.constant(' ')),
  },
  { requiredKeys: ['type', 'code', 'reason'] },
);
const command: fc.Arbitrary<CatalogueCommand> = fc.oneof(define, { arbitrary: revise, weight: 3 });
const world = () => given(definedEvent(POPULATION), definedEvent(UNDER5));

function decideAndApply(state: CatalogueState, next: CatalogueCommand): CatalogueState | undefined {
  try {
    return when(state, next).reduce(evolveCatalogue, state);
  } catch (error) {
    if (error instanceof ChitieuError && error.code === 'VALIDATION_FAILED') return undefined;
    throw error;
  }
}

describe('catalogue properties', () => {
  it('refuses a command again once the events it produced are replayed (no duplicate)', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 30 }), (commands) => {
        let state = world();
        for (const next of commands) {
          const after = decideAndApply(state, next);
          if (!after) continue;
          state = after;
          expect(refusal(() => when(state, next)).code).toBe('VALIDATION_FAILED');
        }
      }),
    );
  });

  it('keeps every version, and every version’s unit converts to the first one’s', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 30 }), (commands) => {
        let state = world();
        const accepted = new Map<string, number>();
        for (const next of commands) {
          const after = decideAndApply(state, next);
          if (!after) continue;
          state = after;
          accepted.set(next.code, (accepted.get(next.code) ?? 0) + 1);
        }
        for (const [indicator, entry] of state.indicators) {
          const initial = indicator === 'population' || indicator === 'under5_mortality' ? 1 : 0;
          expect(entry.versions).toHaveLength(initial + (accepted.get(indicator) ?? 0));
          expect(entry.versions.at(-1)?.definition).toEqual(entry.current);
          const first = entry.versions[0]?.definition.unit ?? entry.current.unit;
          for (const version of entry.versions) expect(convertible(first, version.definition.unit)).toBe(true);
        }
      }),
    );
  });
});
