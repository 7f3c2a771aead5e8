import { describe, expect, it } from 'vitest';
import { provinceActor, spec, testContext } from '../report/test-support.js';
import type { Actor } from '../shared/actor.js';
import type { OpenReportingRoundData, RoundCommand } from './commands.js';
import { roundDecider } from './decide.js';
import { type RoundEvent, reportingRoundOpened, roundReportSubmitted } from './events.js';
import { haiDuongReview } from './test-support.js';

const round = spec(roundDecider);
const haiDuong = provinceActor('hai-duong');
const ministry: Actor = { id: 'moh', role: 'ministry' };
const { tenant: _, ...openedData } = haiDuongReview;
const opened: RoundEvent = { type: 'ReportingRoundOpened', data: openedData };
const open = (data: OpenReportingRoundData = haiDuongReview): RoundCommand => ({ type: 'OpenReportingRound', data });
const submit = (
  level: 'commune' | 'district' | 'province' | 'centre',
  unit: string,
  submittedOn: string,
): RoundCommand => ({
  type: 'SubmitRoundReport',
  data: { tenant: 'hai-duong', round: haiDuongReview.round, level, unit, submittedOn },
});
const close: RoundCommand = {
  type: 'CloseReportingRound',
  data: { tenant: 'hai-duong', round: haiDuongReview.round, closedOn: '2022-11-15' },
};

/** Hải Dương's levels with deadlines replaced, in the order given. */
function withDeadlines(...deadlines: string[]): OpenReportingRoundData {
  return {
    ...haiDuongReview,
    levels: haiDuongReview.levels.map((level, i) => ({ ...level, deadline: deadlines[i] ?? '' })),
  };
}

describe('OpenReportingRound', () => {
  it('given nothing, when Hải Dương opens its 5-year review (seed 003), then ReportingRoundOpened without the tenant', () => {
    round.given([]).when(open(), testContext(haiDuong)).thenEmits([opened]);
    expect(reportingRoundOpened.schema.parse(openedData)).toEqual(openedData);
  });

  it('given an opened round, when opened again, then VALIDATION_FAILED at round', () => {
    round.given([opened]).when(open(), testContext(haiDuong)).thenFails('VALIDATION_FAILED', 'round');
  });

  it('refuses a deadline earlier than the level below it, at levels.N.deadline', () => {
    // District due on 2022-09-30, before the communes that report to it (2022-10-01).
    const data = withDeadlines('2022-10-01', '2022-09-30', '2022-10-25', '2022-10-30');
    const error = round
      .given([])
      .when(open(data), testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', 'levels.1.deadline');
    expect(error.issues).toHaveLength(1);
  });

  it('compares by level, not by position: centre listed first with the earliest deadline is refused', () => {
    const levels = [...haiDuongReview.levels]
      .reverse()
      .map((level, i) => (i === 0 ? { ...level, deadline: '2022-09-01' } : level));
    round
      .given([])
      .when(open({ ...haiDuongReview, levels }), testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', 'levels.0.deadline');
  });

  it('accepts equal deadlines at successive levels', () => {
    const data = withDeadlines('2022-10-15', '2022-10-15', '2022-10-15', '2022-10-15');
    expect(round.given([]).when(open(data), testContext(haiDuong)).events()).toHaveLength(1);
  });

  it('refuses a level listed twice, at levels.N.level', () => {
    const [commune] = haiDuongReview.levels;
    if (!commune) throw new Error('no commune level');
    const data = { ...haiDuongReview, levels: [...haiDuongReview.levels, commune] };
    round.given([]).when(open(data), testContext(haiDuong)).thenFails('VALIDATION_FAILED', 'levels.4.level');
  });

  it.each([
    ['no levels', { levels: [] }, 'levels'],
    [
      'a deadline that is not a date',
      withDeadlines('01/10/2022', '2022-10-15', '2022-10-25', '2022-10-30'),
      'levels.0.deadline',
    ],
  ])('refuses %s (schema)', (_name, change, path) => {
    round
      .given([])
      .when(open({ ...haiDuongReview, ...change }), testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', path);
  });

  it('refuses a tenant that is no registered province, at tenant', () => {
    const data = { ...haiDuongReview, tenant: 'atlantis' };
    round
      .given([])
      .when(open(data), testContext(provinceActor('atlantis')))
      .thenFails('VALIDATION_FAILED', 'tenant');
  });

  it('refuses a round of Hải Dương due wholly after its merger: PROVINCE_MERGED naming hai-phong-2025', () => {
    const data = withDeadlines('2026-03-01', '2026-03-15', '2026-03-25', '2026-03-30');
    const error = round.given([]).when(open(data), testContext(haiDuong)).thenFails('PROVINCE_MERGED', 'tenant');
    expect(error.details).toMatchObject({ successor: 'hai-phong-2025' });
  });

  describe('who may open', () => {
    const national = { ...haiDuongReview, tenant: 'national', round: 'tong-ket-20-nq-tw' };

    it('lets the ministry open a national round and a province open its own; the system anywhere', () => {
      expect(round.given([]).when(open(national), testContext(ministry)).events()).toHaveLength(1);
      expect(round.given([]).when(open(), testContext(haiDuong)).events()).toHaveLength(1);
      const system: Actor = { id: 'seed-loader', role: 'system' };
      expect(round.given([]).when(open(), testContext(system)).events()).toHaveLength(1);
    });

    it.each([
      ['the ministry in a province', ministry, haiDuongReview],
      ['a province in national', haiDuong, national],
      ['another province (thai-nguyen in hai-duong)', provinceActor('thai-nguyen'), haiDuongReview],
      ['an auditor', { id: 'audit', role: 'auditor' } as Actor, national],
      ['a province actor without a province', { id: 'x', role: 'province' } as Actor, haiDuongReview],
    ])('forbids %s', (_name, actor, data) => {
      round.given([]).when(open(data), testContext(actor)).thenFails('FORBIDDEN');
    });
  });
});

describe('SubmitRoundReport', () => {
  it('given Hải Dương’s round, when a district reports on 2022-10-17, then it is recorded late by 2 days', () => {
    round
      .given([opened])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-17'), testContext(haiDuong))
      .thenEmits([
        {
          type: 'RoundReportSubmitted',
          data: {
            round: haiDuongReview.round,
            level: 'district',
            unit: 'Thị ủy Kinh Môn',
            submittedOn: '2022-10-17',
            late: true,
            daysLate: 2,
          },
        },
      ]);
  });

  it('is on time on the deadline day and before it', () => {
    for (const [level, on] of [
      ['district', '2022-10-15'],
      ['commune', '2022-09-30'],
      ['centre', '2022-10-30'],
    ] as const) {
      const [event] = round
        .given([opened])
        .when(submit(level, 'Ban Tuyên giáo Tỉnh ủy', on), testContext(haiDuong))
        .events();
      expect(event?.data).toMatchObject({ late: false, daysLate: 0 });
      expect(roundReportSubmitted.schema.safeParse(event?.data).success).toBe(true);
    }
  });

  it('refuses a level the round does not have, at level', () => {
    const provinceOnly = { ...openedData, levels: haiDuongReview.levels.filter((level) => level.level === 'province') };
    round
      .given([{ type: 'ReportingRoundOpened', data: provinceOnly }])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-10'), testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', 'level');
  });

  it('refuses a second report of the same unit at the same level, at unit', () => {
    const first = round
      .given([opened])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-10'), testContext(haiDuong))
      .events();
    round
      .given([opened, ...first])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-12'), testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', 'unit');
  });

  it('refuses a submission before the round is opened (NOT_FOUND) and after it is closed (at round)', () => {
    round
      .given([])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-10'), testContext(haiDuong))
      .thenFails('NOT_FOUND', 'round');
    const closed: RoundEvent = {
      type: 'ReportingRoundClosed',
      data: { round: haiDuongReview.round, closedOn: '2022-11-15' },
    };
    round
      .given([opened, closed])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-10'), testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', 'round');
  });

  it('refuses a command naming another round than the stream holds, at round', () => {
    const command = submit('district', 'Thị ủy Kinh Môn', '2022-10-10');
    const other = { ...command, data: { ...command.data, round: 'another' } } as RoundCommand;
    round.given([opened]).when(other, testContext(haiDuong)).thenFails('VALIDATION_FAILED', 'round');
  });

  it('checks the writer: another province may not record Hải Dương’s submissions', () => {
    round
      .given([opened])
      .when(submit('district', 'Thị ủy Kinh Môn', '2022-10-10'), testContext(provinceActor('lai-chau')))
      .thenFails('FORBIDDEN');
  });
});

describe('CloseReportingRound', () => {
  it('closes an open round once', () => {
    const events = round.given([opened]).when(close, testContext(haiDuong)).events();
    expect(events).toEqual([
      { type: 'ReportingRoundClosed', data: { round: haiDuongReview.round, closedOn: '2022-11-15' } },
    ]);
    round
      .given([opened, ...events])
      .when(close, testContext(haiDuong))
      .thenFails('VALIDATION_FAILED', 'round');
  });

  it('refuses to close a round never opened (NOT_FOUND), and forbids the ministry in a province', () => {
    round.given([]).when(close, testContext(haiDuong)).thenFails('NOT_FOUND', 'round');
    round.given([opened]).when(close, testContext(ministry)).thenFails('FORBIDDEN');
  });
});
