import type { Observation, ProgressResult } from './types.js';
import { PROGRESS_METHOD } from './types.js';

const DONE = 1;

/**
 * A milestone has no rate, only done (a report ≥ 1) or not (0). Done at or before its year:
 * achieved. Not done and the year not yet passed: needs acceleration (still possible, action due).
 * Not done by its year — known from a later report or `asOfYear` — or done only after it: limited
 * progress. Never deteriorating: nothing measurable got worse. No report at all: no data.
 */
export function assessMilestone(
  target: { year: number },
  series: readonly Observation[],
  asOfYear: number | undefined,
): ProgressResult {
  const method = PROGRESS_METHOD;
  const inWindow = series.filter((observation) => observation.year <= target.year);
  const latest = inWindow.at(-1);
  const base = { method, targetValue: DONE, ...(latest ? { latest } : {}) };
  if (series.length === 0) {
    return { ...base, status: 'no_data', reason: 'no report of the milestone' };
  }
  const done = inWindow.find((observation) => observation.value >= DONE);
  if (done) {
    return { ...base, status: 'achieved', reason: `done by ${done.year}` };
  }
  const late = series.find((observation) => observation.year > target.year && observation.value >= DONE);
  if (late) {
    return {
      ...base,
      status: 'limited_progress',
      reason: `done in ${late.year}, after the target year ${target.year}`,
    };
  }
  const lastYear = series.at(-1)?.year ?? target.year;
  const passed = lastYear > target.year || (asOfYear !== undefined && asOfYear > target.year);
  if (passed) {
    return { ...base, status: 'limited_progress', reason: `not done by the target year ${target.year}` };
  }
  return {
    ...base,
    status: 'needs_acceleration',
    reason: `not done as of the latest report (${lastYear}); due by ${target.year}`,
  };
}
