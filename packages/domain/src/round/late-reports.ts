import { daysBetween } from './dates.js';
import { LEVEL_ORDER } from './decide.js';
import type { RoundLevel } from './events.js';
import type { RoundState } from './evolve.js';

/**
 * The units expected to report at each level, when the caller knows them (a province's districts
 * from its own list): the round itself names its reporters in words only (`"Đảng ủy các xã"`).
 */
export type ExpectedUnits = Partial<Record<RoundLevel, readonly string[]>>;

/** Where one level of a round stands on a given date. */
export interface LevelReportStatus {
  level: RoundLevel;
  /** The body this step reports to: a level may report to several in turn. */
  reportsTo: string;
  deadline: string;
  /** The deadline has passed on the date asked. */
  overdue: boolean;
  /** Reports submitted by the date asked, after the deadline (as flagged when recorded). */
  late: Array<{ unit: string; submittedOn: string; daysLate: number }>;
  /** Expected units with nothing submitted by the date asked, once the deadline has passed. */
  missing: Array<{ unit: string; daysOverdue: number }>;
  /** The deadline has passed and no unit at all has submitted at this level. */
  levelMissing: boolean;
}

/**
 * Which levels and units of a round are late or missing as of `asOf` (ISO date), bottom level
 * first. Only submissions dated on or before `asOf` count, so the answer for a past date is what
 * was known then. A level with nothing late or missing has empty lists; a round not opened, none.
 */
export function lateReports(state: RoundState, asOf: string, expected: ExpectedUnits = {}): LevelReportStatus[] {
  const levels = state.opened?.levels ?? [];
  const known = state.submissions.filter((submission) => submission.submittedOn <= asOf);
  return LEVEL_ORDER.flatMap((level) => {
    const steps = levels.filter((candidate) => candidate.level === level);
    return steps.map((spec) => {
      // A level with one step takes every submission of the level; with several, each its own.
      const here = known.filter(
        (submission) => submission.level === level && (steps.length === 1 || submission.reportsTo === spec.reportsTo),
      );
      const overdue = asOf > spec.deadline;
      const submitted = new Set(here.map((submission) => submission.unit));
      const daysOverdue = daysBetween(spec.deadline, asOf);
      return {
        level,
        reportsTo: spec.reportsTo,
        deadline: spec.deadline,
        overdue,
        late: here
          .filter((submission) => submission.late)
          .map(({ unit, submittedOn, daysLate }) => ({ unit, submittedOn, daysLate })),
        missing: overdue
          ? (expected[level] ?? []).filter((unit) => !submitted.has(unit)).map((unit) => ({ unit, daysOverdue }))
          : [],
        levelMissing: overdue && here.length === 0,
      };
    });
  });
}

/** The levels that have something late or missing on the date asked: what a reminder lists. */
export function lateOrMissing(statuses: readonly LevelReportStatus[]): LevelReportStatus[] {
  return statuses.filter((status) => status.late.length > 0 || status.missing.length > 0 || status.levelMissing);
}
