import { describe, expect, it } from 'vitest';
import { testReference } from '../shared/test-reference.js';
import { plansInView, predecessorChain, seriesSources } from './inheritance.js';

const reference = testReference();
// Kiên Giang's 132/KH-UBND (seed 004) and an illustrative plan of the old An Giang; a 2026 plan of
// the new An Giang (illustrative: no seed gives one).
const plans = [
  { province: 'kien-giang', plan: '132-kh-ubnd', effectiveFrom: '2018-08-14' },
  { province: 'an-giang', plan: 'illustrative-ag', effectiveFrom: '2019-01-01' },
  { province: 'an-giang-2025', plan: 'illustrative-2026', effectiveFrom: '2026-03-01' },
  { province: 'thai-nguyen-2025', plan: 'de-an-2026-2030-chua-ghi-so', effectiveFrom: '2026-01-01' },
];

describe('a successor’s view of its predecessors’ plans', () => {
  it('shows the predecessors’ plans, marked inherited, until it has a plan of its own in effect', () => {
    expect(plansInView(reference, 'an-giang-2025', plans, '2025-12-31')).toEqual([
      { province: 'kien-giang', plan: '132-kh-ubnd', effectiveFrom: '2018-08-14', inheritedFrom: 'kien-giang' },
      { province: 'an-giang', plan: 'illustrative-ag', effectiveFrom: '2019-01-01', inheritedFrom: 'an-giang' },
    ]);
    expect(plansInView(reference, 'an-giang-2025', plans, '2026-03-01')).toEqual([plans[2]]);
  });

  it('leaves a predecessor’s own view and history as they were', () => {
    expect(plansInView(reference, 'kien-giang', plans, '2030-01-01')).toEqual([plans[0]]);
  });

  it('carries the series of every predecessor, nearest first', () => {
    expect(predecessorChain(reference, 'thai-nguyen-2025')).toEqual(['bac-kan', 'thai-nguyen']);
    expect(seriesSources(reference, 'thai-nguyen-2025')).toEqual([
      { province: 'thai-nguyen-2025', inherited: false },
      { province: 'bac-kan', inherited: true },
      { province: 'thai-nguyen', inherited: true },
    ]);
    expect(seriesSources(reference, 'lai-chau')).toEqual([{ province: 'lai-chau', inherited: false }]);
  });
});
