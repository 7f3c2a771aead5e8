import { describe, expect, it } from 'vitest';
import { assessProgress } from './assess-progress.js';
import type { Observation, ProgressInput } from './types.js';

// Thái Nguyên t6 (seed 002): "Đến năm 2027, 100% Trạm Y tế có tối thiểu từ 4 - 5 bác sĩ."
const station = (observations: Observation[], asOfYear?: number): ProgressInput => ({
  direction: 'milestone',
  target: { kind: 'milestone', year: 2027, text: 'Đến năm 2027, 100% Trạm Y tế có tối thiểu từ 4 - 5 bác sĩ.' },
  observations,
  ...(asOfYear === undefined ? {} : { asOfYear }),
});

describe('assessProgress: milestones', () => {
  it('done at or before the target year: achieved', () => {
    const result = assessProgress(
      station([
        { year: 2026, value: 0 },
        { year: 2027, value: 1 },
      ]),
    );
    expect(result).toMatchObject({ status: 'achieved', targetValue: 1, latest: { year: 2027, value: 1 } });
    expect(result.ratio).toBeUndefined();
    expect(result.formula).toBeUndefined();
  });

  it('not done yet, the year not passed: needs acceleration', () => {
    expect(assessProgress(station([{ year: 2026, value: 0 }]))).toMatchObject({
      status: 'needs_acceleration',
      reason: 'not done as of the latest report (2026); due by 2027',
    });
  });

  it('not done and the year passed (asOfYear, or a later report): limited progress', () => {
    expect(assessProgress(station([{ year: 2026, value: 0 }], 2028))).toMatchObject({
      status: 'limited_progress',
      reason: 'not done by the target year 2027',
    });
    expect(assessProgress(station([{ year: 2028, value: 0 }])).status).toBe('limited_progress');
  });

  it('done only after the target year: limited progress, and the reason says when', () => {
    const result = assessProgress(
      station([
        { year: 2027, value: 0 },
        { year: 2029, value: 1 },
      ]),
    );
    expect(result).toMatchObject({
      status: 'limited_progress',
      latest: { year: 2027, value: 0 },
      reason: 'done in 2029, after the target year 2027',
    });
  });

  it('no report: no data', () => {
    expect(assessProgress(station([]))).toMatchObject({ status: 'no_data', reason: 'no report of the milestone' });
  });
});
