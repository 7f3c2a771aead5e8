import { describe, expect, it } from 'vitest';
import { indicatorDefinitions, indicatorHistory, indicatorInfo } from './reference.js';
import { definedEvent, given, POPULATION, UNDER5 } from './test-support.js';

const document = { number: '20/2026/TT-BYT' };
const state = given(
  definedEvent(POPULATION),
  definedEvent(UNDER5),
  { type: 'IndicatorRevised', data: { code: 'under5_mortality', unit: 'percent', reason: 'ghi theo %', document } },
  { type: 'IndicatorRevised', data: { code: 'under5_mortality', nameEn: 'Under-five mortality', reason: 'wording' } },
);

describe('evolveCatalogue and the catalogue reference', () => {
  it('applies revisions over the definition', () => {
    expect(indicatorInfo(state, 'under5_mortality')).toEqual({
      code: 'under5_mortality',
      nameVi: UNDER5.nameVi,
      nameEn: 'Under-five mortality',
      unit: 'percent',
      direction: 'lower',
      combine: { rule: 'population_weighted_mean', weight: 'population' },
    });
    expect(indicatorInfo(state, 'nothing')).toBeUndefined();
  });

  it('keeps every version, with what changed, why and under which document', () => {
    const history = indicatorHistory(state, 'under5_mortality');
    expect(history.map((version) => [version.version, version.changed, version.reason])).toEqual([
      [1, [], undefined],
      [2, ['unit'], 'ghi theo %'],
      [3, ['nameEn'], 'wording'],
    ]);
    expect(history[0]?.definition.unit).toBe('per_mille');
    expect(history[1]?.definition).toMatchObject({ unit: 'percent', nameEn: 'Under-5 mortality rate' });
    expect(history[1]?.document).toEqual(document);
    expect(history[2]?.definition).toEqual(indicatorDefinitions(state)[1]);
  });

  it('leaves earlier states untouched', () => {
    const before = given(definedEvent(POPULATION), definedEvent(UNDER5));
    const snapshot = structuredClone(before);
    given(definedEvent(POPULATION), definedEvent(UNDER5), {
      type: 'IndicatorRevised',
      data: { code: 'under5_mortality', unit: 'percent', reason: 'r' },
    });
    expect(before).toEqual(snapshot);
  });

  it('skips a revision of a code it never saw', () => {
    expect(given({ type: 'IndicatorRevised', data: { code: 'x', nameEn: 'X', reason: 'r' } }).indicators.size).toBe(0);
  });
});
