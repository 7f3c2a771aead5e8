import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/indicators.js';
import type { AdoptPlanData } from './commands.js';
import type { PlanEvent, Target } from './events.js';
import { currentTargets, targetAsOf, targetHistory } from './targets.js';
import { adopt, contextFor, given, provinceActor, refusal, when } from './test-fixtures.js';

// Indicators that take a figure, with the bounds a valid value keeps to.
const figured = INDICATORS.filter((indicator) => indicator.unit !== 'milestone');
const valueFor = (unit: string) =>
  unit === 'percent' ? fc.double({ min: 0, max: 100, noNaN: true }) : fc.double({ min: 0, max: 1e6, noNaN: true });
const isoDay = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);

/** A valid AdoptPlan for Lai Châu (never merged): any period, figure targets within it, baselines before its end. */
const validPlan: fc.Arbitrary<AdoptPlanData> = fc
  .record({
    from: fc.integer({ min: 2000, max: 2024 }),
    length: fc.integer({ min: 0, max: 15 }),
    number: fc.integer({ min: 1, max: 9999 }),
  })
  .chain(({ from, length, number }) => {
    const to = from + length;
    const figure = fc.constantFrom(...figured).chain((indicator) =>
      fc.record({
        indicator: fc.constant(indicator.code),
        unit: fc.constant(indicator.unit),
        value: valueFor(indicator.unit),
      }),
    );
    const target = fc.record({
      figure,
      year: fc.integer({ min: from, max: to }),
      comparator: fc.constantFrom('>=', '>', '<=', '<', '=' as const),
    });
    const baseline = fc.record({ figure, year: fc.integer({ min: 1990, max: to }) });
    return fc
      .record({
        issuedOn: fc.integer({ min: 1, max: 365 }).map((day) => isoDay(from, day)),
        targets: fc.array(target, { maxLength: 12 }),
        baselines: fc.uniqueArray(baseline, { maxLength: 6, selector: (b) => `${b.figure.indicator}@${b.year}` }),
      })
      .map(({ issuedOn, targets, baselines }) => ({
        province: 'lai-chau',
        document: { number: `${number}/KH-UBND`, kind: 'Kế hoạch' as const, issuer: 'UBND tỉnh Lai Châu', issuedOn },
        implements: ['20-NQ/TW'],
        period: { from, to },
        baselines: baselines.map(({ figure: f, year }) => ({ ...f, year })),
        targets: targets.map(
          ({ figure: f, year, comparator }, index): Target => ({
            kind: 'absolute',
            target: `t${index + 1}`,
            ...f,
            year,
            comparator,
          }),
        ),
        budget: [],
      }));
  });

const laiChau = () => contextFor(provinceActor('lai-chau'));

describe('plan properties', () => {
  it('a valid AdoptPlan is adopted once: the state its events fold into refuses it again at document.number', () => {
    fc.assert(
      fc.property(validPlan, (data) => {
        const events = when(adopt('lai-chau', data), given(), laiChau());
        expect(events).toHaveLength(1);
        expect(currentTargets(given(...events))).toEqual(data.targets);
        const again = refusal(() => when(adopt('lai-chau', data), given(...events), laiChau()));
        expect([again.code, again.field]).toEqual(['VALIDATION_FAILED', 'document.number']);
      }),
    );
  });

  it('a plan of a merged province issued after its end is refused, naming the successor', () => {
    fc.assert(
      fc.property(validPlan, fc.integer({ min: 0, max: 240 }), (data, days) => {
        const issuedOn = isoDay(2025, 182 + days); // 2025-07-01 and after
        const plan = { ...data, province: 'bac-kan', document: { ...data.document, issuedOn } };
        const error = refusal(() => when(adopt('bac-kan', plan), given(), contextFor()));
        expect([error.code, error.details.successor]).toEqual(['PROVINCE_MERGED', 'thai-nguyen-2025']);
      }),
    );
  });

  it('revising a target again and again: its history returns every version in order, each in force from its date', () => {
    const revisions = fc.array(
      fc.record({ value: fc.double({ min: 0, max: 100, noNaN: true }), gap: fc.integer({ min: 0, max: 400 }) }),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(revisions, (steps) => {
        const adoptedOn = '2018-01-22';
        const initial: Target = {
          kind: 'absolute',
          target: 't1',
          indicator: 'satisfaction',
          year: 2030,
          comparator: '>=',
          value: 80,
          unit: 'percent',
        };
        const data: AdoptPlanData = {
          province: 'lai-chau',
          document: { number: '1/KH-UBND', kind: 'Kế hoạch', issuer: 'UBND', issuedOn: adoptedOn },
          implements: [],
          period: { from: 2018, to: 2030 },
          baselines: [],
          targets: [initial],
          budget: [],
        };
        const events: PlanEvent[] = when(adopt('lai-chau', data), given(), laiChau());
        const expected: Array<[string, number]> = [[adoptedOn, 80]];
        let day = 21; // 2018-01-22 is day 22 of 2018
        for (const { value, gap } of steps) {
          day += gap;
          const effectiveOn = isoDay(2018, day + 1);
          const previous = expected.at(-1)?.[1];
          const command = {
            type: 'ReviseTarget' as const,
            tenant: 'lai-chau',
            plan: '1-kh-ubnd',
            data: { target: 't1', value, reason: 'điều chỉnh', document: { number: `${day}/QĐ` }, effectiveOn },
          };
          if (value === previous) {
            expect(refusal(() => when(command, given(...events), laiChau())).field).toBe('value');
            continue;
          }
          events.push(...when(command, given(...events), laiChau()));
          expected.push([effectiveOn, value]);
        }
        const state = given(...events);
        const history = targetHistory(state, 't1').map((change) => [
          change.effectiveOn,
          change.target.kind === 'absolute' && change.target.value,
        ]);
        expect(history).toEqual(expected);
        // The version in force on each change's date is that change, unless a later one took effect the same day.
        for (const [date] of expected) {
          const sameDay = expected.filter(([other]) => other === date).at(-1);
          const version = targetAsOf(state, 't1', date);
          expect(version?.target.kind === 'absolute' && version.target.value).toBe(sameDay?.[1]);
        }
      }),
    );
  });
});
