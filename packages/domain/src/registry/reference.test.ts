import { describe, expect, it } from 'vitest';
import { predecessorsOf, provinceAt, provinceInfo, provincesOn, provinceWithCode, successorsOf } from './reference.js';
import { BEFORE_AN_GIANG_MERGER, given, merged, registered, renamed } from './test-support.js';

const state = given(
  ...BEFORE_AN_GIANG_MERGER,
  merged('an-giang-2025', ['an-giang', 'kien-giang']),
  registered('ca-mau', '96', 'Cà Mau'),
  registered('mekong-2030', '91', 'Mekong', '2030-01-01'),
  merged('mekong-2030', ['an-giang-2025', 'ca-mau'], '2030-01-01'),
  registered('thua-thien-hue', '46', 'Thừa Thiên Huế'),
  renamed('thua-thien-hue', 'Huế'),
);

describe('registry reference', () => {
  it('describes a merged province with its end and successor', () => {
    expect(provinceInfo(state, 'kien-giang')).toEqual({
      id: 'kien-giang',
      code: '91',
      name: 'Kiên Giang',
      validFrom: null,
      validTo: '2025-06-30',
      successor: 'an-giang-2025',
      predecessors: [],
    });
    expect(provinceInfo(state, 'atlantis')).toBeUndefined();
  });

  it('gives the current name, or the name in force on a date', () => {
    expect(provinceInfo(state, 'thua-thien-hue')?.name).toBe('Huế');
    expect(provinceAt(state, 'thua-thien-hue', '2025-06-30')?.name).toBe('Thừa Thiên Huế');
    expect(provinceAt(state, 'thua-thien-hue', '2025-07-01')?.name).toBe('Huế');
  });

  it('knows a province only while it exists', () => {
    expect(provinceAt(state, 'kien-giang', '2025-06-30')?.id).toBe('kien-giang');
    expect(provinceAt(state, 'kien-giang', '2025-07-01')).toBeUndefined();
    expect(provinceAt(state, 'an-giang-2025', '2025-06-30')).toBeUndefined();
  });

  it('finds the holder of a reused code on a date', () => {
    expect(provinceWithCode(state, '91', '2025-06-30')?.id).toBe('kien-giang');
    expect(provinceWithCode(state, '91', '2025-07-01')?.id).toBe('an-giang-2025');
    expect(provinceWithCode(state, '91', '2030-01-01')?.id).toBe('mekong-2030');
    expect(provinceWithCode(state, '89', '2025-07-01')).toBeUndefined();
  });

  it('follows lineage through successive mergers', () => {
    expect(successorsOf(state, 'kien-giang')).toEqual(['an-giang-2025', 'mekong-2030']);
    expect(successorsOf(state, 'thua-thien-hue')).toEqual([]);
    expect(predecessorsOf(state, 'mekong-2030')).toEqual(['an-giang-2025', 'ca-mau', 'an-giang', 'kien-giang']);
    expect(predecessorsOf(state, 'kien-giang')).toEqual([]);
  });

  it('lists the provinces valid on a date', () => {
    expect(provincesOn(state, '2025-06-30').map((province) => province.id)).toEqual([
      'an-giang',
      'kien-giang',
      'ca-mau',
      'thua-thien-hue',
    ]);
  });
});
