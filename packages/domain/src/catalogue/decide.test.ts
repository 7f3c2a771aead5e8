import { describe, expect, it } from 'vitest';
import type { DefineIndicator, ReviseIndicator } from './commands.js';
import { definedEvent, given, POPULATION, refusal, UNDER5, when } from './test-support.js';

const paths = (decision: () => unknown) => refusal(decision).issues.map((issue) => issue.path);
const withPopulation = () => given(definedEvent(POPULATION));
const defined = () => given(definedEvent(POPULATION), definedEvent(UNDER5));
const revise = (fields: Partial<ReviseIndicator>): ReviseIndicator => ({
  type: 'ReviseIndicator',
  code: 'under5_mortality',
  reason: 'Thông tư 20/2026 đổi cách tính',
  ...fields,
});
const define = (fields: Partial<DefineIndicator>): DefineIndicator => ({ ...UNDER5, ...fields });

describe('DefineIndicator', () => {
  it('defines an indicator, with its aliases and source', () => {
    expect(when(withPopulation(), UNDER5)).toEqual([definedEvent(UNDER5)]);
  });

  it('gives no aliases when none are given', () => {
    expect(when(given(), POPULATION)[0]?.data).toMatchObject({ aliases: [] });
  });

  it('refuses a code defined before', () => {
    expect(paths(() => when(defined(), UNDER5))).toEqual(['code']);
  });

  it.each(['Under5', '5_under', 'under-5', 'dưới_5', ''])('refuses the code %j', (code) => {
    expect(paths(() => when(withPopulation(), define({ code })))).toEqual(['code']);
  });

  it('refuses an unknown unit, direction or rule, and a blank name', () => {
    const command = define({ unit: 'kg' as never, direction: 'up' as never, nameEn: ' ' });
    expect(paths(() => when(withPopulation(), command))).toEqual(['nameEn', 'unit', 'direction']);
    expect(paths(() => when(withPopulation(), define({ combine: { rule: 'median' } as never })))).toEqual([
      'combine.rule',
    ]);
  });

  it('refuses a weight that is not a defined count indicator other than itself', () => {
    const weightedBy = (weight: string) => define({ combine: { rule: 'population_weighted_mean', weight } });
    expect(paths(() => when(given(), UNDER5))).toEqual(['combine.weight']);
    expect(paths(() => when(withPopulation(), weightedBy('under5_mortality')))).toEqual(['combine.weight']);
    const rate = given(definedEvent(POPULATION), definedEvent(define({ code: 'rate' })));
    expect(paths(() => when(rate, weightedBy('rate')))).toEqual(['combine.weight']);
  });

  it('refuses a sum of rates, a mean of counts, all_of on figures, a milestone that is not one', () => {
    expect(paths(() => when(withPopulation(), define({ combine: { rule: 'sum' } })))).toEqual(['combine.rule']);
    expect(paths(() => when(withPopulation(), define({ unit: 'count' })))).toEqual(['combine.rule']);
    expect(paths(() => when(withPopulation(), define({ combine: { rule: 'all_of' } })))).toEqual(['combine.rule']);
    const milestone = define({
      code: 'centre_115',
      unit: 'milestone',
      direction: 'higher',
      combine: { rule: 'all_of' },
    });
    expect(paths(() => when(withPopulation(), milestone))).toEqual(['direction']);
  });
});

describe('ReviseIndicator', () => {
  it('records only the fields that change, with the reason and document', () => {
    const document = { number: '20/2026/TT-BYT' };
    const command = revise({ nameEn: 'Under-five mortality', direction: 'lower', document });
    expect(when(defined(), command)).toEqual([
      {
        type: 'IndicatorRevised',
        data: {
          code: 'under5_mortality',
          nameEn: 'Under-five mortality',
          reason: 'Thông tư 20/2026 đổi cách tính',
          document,
        },
      },
    ]);
  });

  it('refuses an unknown code at code', () => {
    const error = refusal(() => when(defined(), revise({ code: 'infant_mortality', nameEn: 'X' })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('code');
  });

  it('requires a reason', () => {
    expect(paths(() => when(defined(), revise({ nameEn: 'X', reason: '  ' })))).toEqual(['reason']);
  });

  it('refuses a revision that changes nothing', () => {
    expect(
      paths(() =>
        when(
          defined(),
          revise({ nameEn: UNDER5.nameEn, combine: { weight: 'population', rule: 'population_weighted_mean' } }),
        ),
      ),
    ).toEqual(['code']);
  });

  it('lets a rate move between percent and per mille', () => {
    expect(when(defined(), revise({ unit: 'percent' }))[0]?.data).toMatchObject({ unit: 'percent' });
  });

  it('refuses a unit that does not convert from the old one', () => {
    const error = refusal(() => when(defined(), revise({ unit: 'years' })));
    expect(error.issues).toEqual([{ path: 'unit', message: expect.stringContaining('define a new indicator') }]);
  });

  it('checks the revised definition as a whole', () => {
    expect(paths(() => when(defined(), revise({ combine: { rule: 'sum' } })))).toEqual(['combine.rule']);
    expect(paths(() => when(defined(), revise({ direction: 'milestone' })))).toEqual(['direction']);
  });
});

describe('who may decide', () => {
  it.each(['province', 'auditor'] as const)('refuses a %s actor', (role) => {
    expect(refusal(() => when(given(), POPULATION, role)).code).toBe('FORBIDDEN');
    expect(refusal(() => when(defined(), revise({ nameEn: 'X' }), role)).code).toBe('FORBIDDEN');
  });

  it.each(['ministry', 'system'] as const)('accepts a %s actor', (role) => {
    expect(when(given(), POPULATION, role)).toHaveLength(1);
  });
});
