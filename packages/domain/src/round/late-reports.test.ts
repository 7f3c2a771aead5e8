import { describe, expect, it } from 'vitest';
import { provinceActor, testContext } from '../report/test-support.js';
import { seed003 } from '../seed/fixtures/seed-003.js';
import { fold } from '../shared/decider.js';
import { roundDecider } from './decide.js';
import type { RoundEvent, RoundLevel } from './events.js';
import { lateOrMissing, lateReports } from './late-reports.js';
import { haiDuongReview } from './test-support.js';

// Three of Hải Dương's district-level committees (illustrative: the seed names none) and what they did.
const DISTRICTS = ['Thành ủy Hải Dương', 'Thị ủy Kinh Môn', 'Huyện ủy Thanh Hà'];

function history(submissions: Array<[RoundLevel, string, string]>): RoundEvent[] {
  const context = testContext(provinceActor('hai-duong'));
  let events = roundDecider.decide(
    { type: 'OpenReportingRound', data: haiDuongReview },
    fold(roundDecider, []),
    context,
  );
  for (const [level, unit, submittedOn] of submissions) {
    const command = {
      type: 'SubmitRoundReport',
      data: { tenant: 'hai-duong', round: haiDuongReview.round, level, unit, submittedOn },
    } as const;
    events = [...events, ...roundDecider.decide(command, fold(roundDecider, events), context)];
  }
  return events;
}

const state = fold(
  roundDecider,
  history([
    ['district', 'Thành ủy Hải Dương', '2022-10-14'],
    ['district', 'Thị ủy Kinh Môn', '2022-10-17'],
    ['province', 'Sở Y tế', '2022-10-24'],
  ]),
);

describe('lateReports', () => {
  it('as of 2022-10-20: Kinh Môn late by 2 days, Thanh Hà missing for 5, no commune report at all', () => {
    const statuses = lateReports(state, '2022-10-20', { district: DISTRICTS });
    expect(statuses.map((status) => status.level)).toEqual(['commune', 'district', 'province', 'centre']);
    expect(statuses[0]).toMatchObject({ level: 'commune', overdue: true, levelMissing: true, late: [], missing: [] });
    expect(statuses[1]).toEqual({
      level: 'district',
      reportsTo: 'Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy và Sở Y tế)',
      deadline: '2022-10-15',
      overdue: true,
      late: [{ unit: 'Thị ủy Kinh Môn', submittedOn: '2022-10-17', daysLate: 2 }],
      missing: [{ unit: 'Huyện ủy Thanh Hà', daysOverdue: 5 }],
      levelMissing: false,
    });
    expect(lateOrMissing(statuses).map((status) => status.level)).toEqual(['commune', 'district']);
  });

  it('as of 2022-10-16 counts only what was submitted by then: Kinh Môn is missing, not yet late', () => {
    const [, district] = lateReports(state, '2022-10-16', { district: DISTRICTS });
    expect(district?.late).toEqual([]);
    expect(district?.missing).toEqual([
      { unit: 'Thị ủy Kinh Môn', daysOverdue: 1 },
      { unit: 'Huyện ủy Thanh Hà', daysOverdue: 1 },
    ]);
  });

  it('has nothing late or missing before the deadlines', () => {
    expect(lateOrMissing(lateReports(state, '2022-09-30', { district: DISTRICTS }))).toEqual([]);
  });

  it('after every deadline, flags the centre level whose report never came', () => {
    const statuses = lateOrMissing(lateReports(state, '2022-11-30', { district: DISTRICTS }));
    expect(statuses.map((status) => [status.level, status.levelMissing])).toEqual([
      ['commune', true],
      ['district', false],
      ['centre', true],
    ]);
  });

  it('knows nothing of a round not opened', () => {
    expect(lateReports(fold(roundDecider, []), '2022-11-30')).toEqual([]);
  });
});

describe('a level that reports to two bodies in turn (Hải Dương, 102-KH/TU)', () => {
  const opened = seed003.rounds[0] as NonNullable<(typeof seed003.rounds)[0]>;
  const context = testContext({ id: 'hd', role: 'province', province: 'hai-duong' });
  const given = fold(roundDecider, [{ type: 'ReportingRoundOpened', data: opened }]);
  const submit = (data: Record<string, unknown>) =>
    roundDecider.decide(
      {
        type: 'SubmitRoundReport',
        data: { tenant: 'hai-duong', round: opened.round, level: 'province', submittedOn: '2022-10-27', ...data },
      } as never,
      given,
      context,
    );

  it('asks which step a province submission is for, and times each step against its own deadline', () => {
    expect(() => submit({ unit: 'Sở Y tế' })).toThrow(/several steps/);
    const [draft] = submit({ unit: 'Sở Y tế', reportsTo: 'Ban Tuyên giáo Tỉnh ủy' });
    expect(draft?.data).toMatchObject({ late: true, daysLate: 2 });
    const [final] = submit({ unit: 'Ban Tuyên giáo Tỉnh ủy', reportsTo: 'Thường trực Tỉnh ủy' });
    expect(final?.data).toMatchObject({ late: false, daysLate: 0 });
    expect(() => submit({ unit: 'Sở Y tế', reportsTo: 'Trung ương' })).toThrow(/does not report to Trung ương/);
  });

  it('lists each step of the province level with its own deadline', () => {
    const state = fold(roundDecider, [
      { type: 'ReportingRoundOpened', data: opened } as RoundEvent,
      ...submit({ unit: 'Sở Y tế', reportsTo: 'Ban Tuyên giáo Tỉnh ủy' }),
    ]);
    const province = lateReports(state, '2022-10-31').filter((status) => status.level === 'province');
    expect(province.map((status) => [status.reportsTo, status.deadline, status.levelMissing])).toEqual([
      ['Ban Tuyên giáo Tỉnh ủy', '2022-10-25', false],
      ['Thường trực Tỉnh ủy', '2022-10-30', true],
    ]);
  });
});

describe('a round of a merged province', () => {
  it('records no submission dated after the province ended, naming the successor', () => {
    const opened = seed003.rounds[0] as NonNullable<(typeof seed003.rounds)[0]>;
    const state = fold(roundDecider, [{ type: 'ReportingRoundOpened', data: opened } as RoundEvent]);
    const submit = () =>
      roundDecider.decide(
        {
          type: 'SubmitRoundReport',
          data: {
            tenant: 'hai-duong',
            round: opened.round,
            level: 'commune',
            unit: 'Đảng ủy xã (illustrative)',
            submittedOn: '2025-07-02',
          },
        },
        state,
        testContext({ id: 'hd', role: 'province', province: 'hai-duong' }),
      );
    expect(submit).toThrow(
      expect.objectContaining({
        code: 'PROVINCE_MERGED',
        details: expect.objectContaining({ successor: 'hai-phong-2025' }),
      }),
    );
  });
});
