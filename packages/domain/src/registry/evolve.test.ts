import { describe, expect, it } from 'vitest';
import { initialRegistryState } from './evolve.js';
import { BEFORE_AN_GIANG_MERGER, given, LEGAL_BASIS, merged, registered, renamed } from './test-support.js';
import { dayBefore, validitiesOverlap, validOn } from './validity.js';

describe('evolveRegistry', () => {
  it('starts empty', () => {
    expect(initialRegistryState().provinces.size).toBe(0);
  });

  it('records a registration with its first name', () => {
    const state = given(registered('kien-giang', '91', 'Kiên Giang'));
    expect(state.provinces.get('kien-giang')).toEqual({
      id: 'kien-giang',
      code: '91',
      validFrom: null,
      names: [{ name: 'Kiên Giang', from: null }],
      predecessors: [],
    });
  });

  it('ends every predecessor the day before the merger and records the lineage both ways', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    expect(state.provinces.get('kien-giang')).toMatchObject({ validTo: '2025-06-30', successor: 'an-giang-2025' });
    expect(state.provinces.get('an-giang')).toMatchObject({ validTo: '2025-06-30', successor: 'an-giang-2025' });
    expect(state.provinces.get('an-giang-2025')).toMatchObject({
      validFrom: '2025-07-01',
      predecessors: ['an-giang', 'kien-giang'],
    });
    expect(state.provinces.get('an-giang-2025')?.validTo).toBeUndefined();
    expect(state.mergers).toEqual([
      {
        successor: 'an-giang-2025',
        predecessors: ['an-giang', 'kien-giang'],
        effectiveOn: '2025-07-01',
        legalBasis: LEGAL_BASIS,
      },
    ]);
  });

  it('keeps every name a province had', () => {
    const state = given(registered('thua-thien-hue', '46', 'Thừa Thiên Huế'), renamed('thua-thien-hue', 'Huế'));
    expect(state.provinces.get('thua-thien-hue')?.names).toEqual([
      { name: 'Thừa Thiên Huế', from: null },
      { name: 'Huế', from: '2025-07-01', legalBasis: LEGAL_BASIS },
    ]);
  });

  it('leaves the state it was given untouched', () => {
    const before = given(...BEFORE_AN_GIANG_MERGER);
    const snapshot = structuredClone(before);
    given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    expect(before).toEqual(snapshot);
  });

  it('skips events about provinces it never saw', () => {
    const state = given(renamed('nowhere', 'X'), merged('nowhere-2025', ['a', 'b']));
    expect(state.provinces.size).toBe(0);
    expect(state.mergers).toHaveLength(1);
  });
});

describe('validity', () => {
  it('computes the day before across months and leap years', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });

  it('treats a null start as "always before" and a missing end as open', () => {
    expect(validOn({ validFrom: null }, '1900-01-01')).toBe(true);
    expect(validOn({ validFrom: null, validTo: '2025-06-30' }, '2025-07-01')).toBe(false);
    expect(validitiesOverlap({ validFrom: null, validTo: '2025-06-30' }, { validFrom: '2025-07-01' })).toBe(false);
    expect(validitiesOverlap({ validFrom: null, validTo: '2025-07-01' }, { validFrom: '2025-07-01' })).toBe(true);
    expect(validitiesOverlap({ validFrom: null }, { validFrom: null })).toBe(true);
  });
});
