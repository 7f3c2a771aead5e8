import { describe, expect, it } from 'vitest';
import { rankRows } from './rank.js';

// Life expectancy in 2024 (illustrative) for successors and unchanged provinces of the 2025 merger.
const rows = [
  { province: 'thai-nguyen-2025', value: 74.5 },
  { province: 'an-giang-2025', value: 74.5 },
  { province: 'ha-noi', value: 76.2 },
  { province: 'cao-bang' },
  { province: 'lai-chau', value: 71.1 },
  { province: 'dien-bien', value: Number.NaN },
];

describe('rankRows', () => {
  it('higher is better: 1224 ranking, ties by province id, rows without a value last and unranked', () => {
    expect(rankRows(rows, 'higher')).toEqual([
      { province: 'ha-noi', value: 76.2, rank: 1 },
      { province: 'an-giang-2025', value: 74.5, rank: 2 },
      { province: 'thai-nguyen-2025', value: 74.5, rank: 2 },
      { province: 'lai-chau', value: 71.1, rank: 4 },
      { province: 'cao-bang' },
      { province: 'dien-bien', value: Number.NaN },
    ]);
  });

  it('lower is better: ascending', () => {
    expect(rankRows(rows, 'lower').map(({ province, rank }) => [province, rank])).toEqual([
      ['lai-chau', 1],
      ['an-giang-2025', 2],
      ['thai-nguyen-2025', 2],
      ['ha-noi', 4],
      ['cao-bang', undefined],
      ['dien-bien', undefined],
    ]);
  });

  it('neutral: no ranks at all, rows with a value first, by province id', () => {
    const ranked = rankRows(rows, 'neutral');
    expect(ranked.every((row) => row.rank === undefined)).toBe(true);
    expect(ranked.map((row) => row.province)).toEqual([
      'an-giang-2025',
      'ha-noi',
      'lai-chau',
      'thai-nguyen-2025',
      'cao-bang',
      'dien-bien',
    ]);
  });

  it('milestones: done (1) ranks before not done (0)', () => {
    const milestones = [
      { province: 'bac-kan', value: 0 },
      { province: 'thai-nguyen', value: 1 },
    ];
    expect(rankRows(milestones, 'milestone').map((row) => row.rank)).toEqual([1, 2]);
  });

  it('keeps the caller’s fields, replaces a stale rank and does not touch the input', () => {
    const input = [
      { province: 'b', value: 1, name: 'B', rank: 7 },
      { province: 'a', value: 2, name: 'A', rank: 9 },
      { province: 'c', name: 'C', rank: 3 },
    ];
    expect(rankRows(input, 'higher')).toEqual([
      { province: 'a', value: 2, name: 'A', rank: 1 },
      { province: 'b', value: 1, name: 'B', rank: 2 },
      { province: 'c', name: 'C' },
    ]);
    expect(input[0]).toEqual({ province: 'b', value: 1, name: 'B', rank: 7 });
  });

  it('the order of the input does not matter', () => {
    expect(rankRows([...rows].reverse(), 'higher')).toEqual(rankRows(rows, 'higher'));
  });
});
