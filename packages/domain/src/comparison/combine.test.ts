import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/indicators.js';
import { loadProvincesCsv } from '../registry/load-provinces-csv.js';
import { readProvincesCsv } from '../registry/read-provinces-csv.js';
import type { Combine } from '../shared/reference.js';
import { combineParts } from './combine.js';

const byPopulation: Combine = { rule: 'population_weighted_mean', weight: 'population' };

async function predecessorsOf(successor: string): Promise<string[]> {
  const commands = loadProvincesCsv(await readProvincesCsv());
  const merger = commands.find((command) => command.type === 'MergeProvinces' && command.successor === successor);
  return merger?.type === 'MergeProvinces' ? merger.predecessors : [];
}

describe('combineParts', () => {
  it('population-weighted mean: the predecessors of thai-nguyen-2025 in provinces-2025.csv (illustrative figures)', async () => {
    const predecessors = await predecessorsOf('thai-nguyen-2025');
    expect(predecessors).toEqual(['bac-kan', 'thai-nguyen']);
    const figures: Record<string, { value: number; weight: number }> = {
      'bac-kan': { value: 73.2, weight: 320_000 },
      'thai-nguyen': { value: 74.8, weight: 1_340_000 },
    };
    // (73.2 × 320,000 + 74.8 × 1,340,000) / 1,660,000 = (23,424,000 + 100,232,000) / 1,660,000 = 74.4916…
    const combined = combineParts(
      byPopulation,
      predecessors.map((province) => ({ province, ...figures[province] })),
    );
    expect(combined).toEqual({ ok: true, value: expect.closeTo(74.4916, 4), parts: 2 });
  });

  it('the rule the catalogue gives life expectancy is the population-weighted mean', () => {
    expect(INDICATORS.find((indicator) => indicator.code === 'life_expectancy')?.combine).toEqual(byPopulation);
  });

  it('a missing value or weight names the provinces and the weight indicator', () => {
    expect(
      combineParts(byPopulation, [
        { province: 'an-giang', value: 74.1, weight: 1_900_000 },
        { province: 'kien-giang', weight: 1_760_000 },
      ]),
    ).toEqual({
      ok: false,
      reason: 'no value for kien-giang',
      problems: [{ code: 'no_value', provinces: ['kien-giang'] }],
    });
    expect(
      combineParts(byPopulation, [
        { province: 'an-giang', value: 74.1 },
        { province: 'kien-giang', value: 74.3, weight: 0 },
      ]),
    ).toEqual({
      ok: false,
      reason: 'no population for an-giang, kien-giang',
      problems: [{ code: 'no_weight', provinces: ['an-giang', 'kien-giang'], weight: 'population' }],
    });
    expect(
      combineParts(byPopulation, [
        { province: 'an-giang', value: 74.1 },
        { province: 'kien-giang', weight: 1_760_000 },
      ]),
    ).toEqual({
      ok: false,
      reason: 'no value for kien-giang; no population for an-giang',
      problems: [
        { code: 'no_value', provinces: ['kien-giang'] },
        { code: 'no_weight', provinces: ['an-giang'], weight: 'population' },
      ],
    });
  });

  it('sum: counts add up; a NaN is a missing value', () => {
    expect(
      combineParts({ rule: 'sum' }, [
        { province: 'bac-kan', value: 12 },
        { province: 'thai-nguyen', value: 30 },
      ]),
    ).toEqual({ ok: true, value: 42, parts: 2 });
    expect(
      combineParts({ rule: 'sum' }, [
        { province: 'bac-kan', value: Number.NaN },
        { province: 'thai-nguyen', value: 30 },
      ]),
    ).toMatchObject({ ok: false, reason: 'no value for bac-kan' });
  });

  it('all_of: a milestone is met by the successor only when every predecessor met it', () => {
    const done = [
      { province: 'bac-kan', value: 1 },
      { province: 'thai-nguyen', value: 1 },
    ];
    expect(combineParts({ rule: 'all_of' }, done)).toEqual({ ok: true, value: 1, parts: 2 });
    expect(combineParts({ rule: 'all_of' }, [...done.slice(0, 1), { province: 'thai-nguyen', value: 0 }])).toEqual({
      ok: true,
      value: 0,
      parts: 2,
    });
  });

  it('not_combinable: the rule’s reason, even when values are missing', () => {
    const rule: Combine = {
      rule: 'not_combinable',
      reason: 'a share of each province’s communes, whose numbers changed in 2025',
    };
    expect(combineParts(rule, [{ province: 'bac-kan' }])).toEqual({
      ok: false,
      reason: rule.reason,
      problems: [{ code: 'not_combinable', reason: rule.reason }],
    });
  });

  it('no predecessor: nothing to combine', () => {
    expect(combineParts({ rule: 'sum' }, [])).toEqual({
      ok: false,
      reason: 'no predecessor to combine',
      problems: [{ code: 'no_predecessor' }],
    });
  });

  it('an overflowing sum is refused rather than reported as Infinity', () => {
    const huge = [
      { province: 'bac-kan', value: Number.MAX_VALUE },
      { province: 'thai-nguyen', value: Number.MAX_VALUE },
    ];
    expect(combineParts({ rule: 'sum' }, huge)).toEqual({
      ok: false,
      reason: 'the combined value overflows',
      problems: [{ code: 'overflow' }],
    });
  });
});
