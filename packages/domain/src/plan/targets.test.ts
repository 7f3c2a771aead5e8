import { describe, expect, it } from 'vitest';
import type { PlanEvent } from './events.js';
import { currentTargets, targetAsOf, targetHistory } from './targets.js';
import { given } from './test-fixtures.js';
import { KG_REVISION_DOC, kienGiangAdopted } from './test-plans.js';

const revision = (value: number, effectiveOn: string): PlanEvent => ({
  type: 'TargetRevised',
  data: {
    target: 't6',
    value,
    reason: 'điều chỉnh',
    document: { ...KG_REVISION_DOC, issuedOn: effectiveOn },
    effectiveOn,
  },
});
const withdrawal: PlanEvent = {
  type: 'TargetWithdrawn',
  data: {
    target: 't6',
    reason: 'thay bằng chỉ tiêu mới',
    document: { number: '7/QĐ-UBND' },
    effectiveOn: '2024-01-01',
  },
};
// Under-5 mortality 2030 (15‰), tightened to 14‰ in 2021 and 13‰ in 2023, withdrawn in 2024 (illustrative).
const state = given(kienGiangAdopted(), revision(14, '2021-03-10'), revision(13, '2023-05-01'), withdrawal);

describe('target queries', () => {
  it('currentTargets: the latest version of every target not withdrawn, in the plan order', () => {
    const revisedOnly = given(kienGiangAdopted(), revision(14, '2021-03-10'));
    expect(currentTargets(revisedOnly).find((target) => target.target === 't6')).toMatchObject({ value: 14 });
    expect(currentTargets(state).map((target) => target.target)).toEqual([
      't1',
      't2',
      't3',
      't4',
      't5',
      't7',
      't8',
      't9',
    ]);
    expect(currentTargets(given())).toEqual([]);
  });

  it('targetAsOf: the version in force on a date, with the document that set it', () => {
    const valueOn = (date: string) => {
      const version = targetAsOf(state, 't6', date);
      return version && version.target.kind === 'absolute'
        ? [version.target.value, version.document.number]
        : undefined;
    };
    expect(valueOn('2018-08-13')).toBeUndefined();
    expect(valueOn('2018-08-14')).toEqual([15, '132/KH-UBND']);
    expect(valueOn('2021-03-09')).toEqual([15, '132/KH-UBND']);
    expect(valueOn('2021-03-10')).toEqual([14, '45/KH-UBND']);
    expect(valueOn('2023-12-31')).toEqual([13, '45/KH-UBND']);
    expect(valueOn('2024-01-01')).toBeUndefined();
    expect(targetAsOf(state, 't99', '2020-01-01')).toBeUndefined();
  });

  it('targetHistory: every change in order, each with its document, date and reason', () => {
    expect(targetHistory(state, 't6').map((change) => [change.change, change.effectiveOn, change.reason])).toEqual([
      ['adopted', '2018-08-14', undefined],
      ['revised', '2021-03-10', 'điều chỉnh'],
      ['revised', '2023-05-01', 'điều chỉnh'],
      ['withdrawn', '2024-01-01', 'thay bằng chỉ tiêu mới'],
    ]);
    expect(targetHistory(state, 't99')).toEqual([]);
    expect(targetHistory(given(), 't6')).toEqual([]);
  });
});
