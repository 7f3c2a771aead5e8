// Property: whatever a stream went through, replaying the events its decisions produced gives a
// state that refuses a second ReportIndicator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/indicators.js';
import type { Actor } from '../shared/actor.js';
import { fold } from '../shared/decider.js';
import type { Period } from '../shared/period.js';
import type { CorrectReportData, ReportIndicatorData } from './commands.js';
import { reportDecider } from './decide.js';
import type { IdentifiedReportEvent } from './evolve.js';
import { expectError, provinceActor, testContext } from './test-support.js';

const STATUSES = ['estimate', 'preliminary', 'final'] as const;

// Lai Châu never ended: any year. Bắc Kạn ended on 2025-06-30: years up to 2025, filed by itself
// or by its successor.
const filing = fc.oneof(
  fc.record({
    province: fc.constant('lai-chau'),
    maxYear: fc.constant(2100),
    actor: fc.constant(provinceActor('lai-chau')),
  }),
  fc.record({
    province: fc.constant('bac-kan'),
    maxYear: fc.constant(2024),
    actor: fc.constantFrom<Actor>(provinceActor('bac-kan'), provinceActor('thai-nguyen-2025')),
  }),
);

const period = (maxYear: number): fc.Arbitrary<Period> => {
  const year = fc.integer({ min: 1990, max: maxYear });
  return fc.oneof(
    year.map((y) => ({ kind: 'year' as const, year: y })),
    fc.record({ kind: fc.constant('half' as const), year, half: fc.constantFrom(1 as const, 2 as const) }),
    fc.record({ kind: fc.constant('quarter' as const), year, quarter: fc.integer({ min: 1, max: 4 }) }),
  );
};

const figure = (unit: string) =>
  fc.record({
    value: fc.integer({ min: 0, max: unit === 'percent' ? 10_000 : 1_000_000 }).map((n) => n / 100),
    status: fc.constantFrom(...STATUSES),
  });

const scenario = filing.chain(({ province, maxYear, actor }) =>
  fc.record({
    actor: fc.constant(actor),
    command: fc
      .record({ indicator: fc.constantFrom(...INDICATORS), period: period(maxYear) })
      .chain(({ indicator, period }) =>
        figure(indicator.unit).map(
          (f): ReportIndicatorData => ({
            province,
            indicator: indicator.code,
            period,
            unit: indicator.unit,
            source: 'property',
            ...f,
          }),
        ),
      ),
    corrections: fc.array(figure('percent'), { maxLength: 4 }),
  }),
);

describe('report decisions replayed', () => {
  it('always refuse a duplicate ReportIndicator', () => {
    fc.assert(
      fc.property(scenario, ({ actor, command, corrections }) => {
        const context = testContext(actor);
        const history: IdentifiedReportEvent[] = [];
        history.push(
          ...reportDecider.decide({ type: 'ReportIndicator', data: command }, fold(reportDecider, history), context),
        );
        for (const correction of corrections) {
          const state = fold(reportDecider, history);
          const data: CorrectReportData = {
            ...command,
            ...correction,
            corrects: state.versions.at(-1)?.eventId ?? '',
            reason: 'property',
          };
          try {
            history.push(...reportDecider.decide({ type: 'CorrectReport', data }, state, context));
          } catch (error) {
            // An identical figure is refused and leaves the stream as it was; anything else is a bug.
            expectError(
              () => {
                throw error;
              },
              'VALIDATION_FAILED',
              'value',
            );
          }
        }
        expect(history.length).toBeGreaterThanOrEqual(1);
        expectError(
          () => reportDecider.decide({ type: 'ReportIndicator', data: command }, fold(reportDecider, history), context),
          'VALIDATION_FAILED',
          'period',
        );
      }),
    );
  });
});
