// Properties of round decisions over arbitrary dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceActor, testContext } from '../report/test-support.js';
import { fold } from '../shared/decider.js';
import { daysBetween } from './dates.js';
import { LEVEL_ORDER, roundDecider } from './decide.js';
import { haiDuongReview } from './test-support.js';

const context = () => testContext(provinceActor('hai-duong'));
// Hải Dương existed until 2025-06-30: deadlines within its lifetime keep the tenant check out of the way.
const isoDate = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('round decisions', () => {
  it('flag a submission late exactly when submittedOn > deadline, by the days between', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.constantFrom(...LEVEL_ORDER), (deadline, submittedOn, level) => {
        const levels = haiDuongReview.levels.map((spec) => ({ ...spec, deadline }));
        const opened = roundDecider.decide(
          { type: 'OpenReportingRound', data: { ...haiDuongReview, levels } },
          fold(roundDecider, []),
          context(),
        );
        const command = {
          type: 'SubmitRoundReport',
          data: { tenant: 'hai-duong', round: haiDuongReview.round, level, unit: 'u', submittedOn },
        } as const;
        const [event] = roundDecider.decide(command, fold(roundDecider, opened), context());
        expect(event?.type).toBe('RoundReportSubmitted');
        const data = event?.type === 'RoundReportSubmitted' ? event.data : undefined;
        expect(data?.late).toBe(submittedOn > deadline);
        expect(data?.daysLate).toBe(submittedOn > deadline ? daysBetween(deadline, submittedOn) : 0);
      }),
    );
  });

  it('accept levels exactly when deadlines do not decrease up the levels', () => {
    fc.assert(
      fc.property(fc.array(isoDate, { minLength: 4, maxLength: 4 }), (deadlines) => {
        const levels = haiDuongReview.levels.map((spec, i) => ({ ...spec, deadline: deadlines[i] ?? '' }));
        const ordered = deadlines.every((deadline, i) => i === 0 || deadline >= (deadlines[i - 1] ?? ''));
        const decide = () =>
          roundDecider.decide(
            { type: 'OpenReportingRound', data: { ...haiDuongReview, levels } },
            fold(roundDecider, []),
            context(),
          );
        if (ordered) expect(decide()).toHaveLength(1);
        else expect(decide).toThrow(/deadline/);
      }),
    );
  });
});
