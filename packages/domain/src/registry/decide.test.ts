import { describe, expect, it } from 'vitest';
import type { MergeProvinces, RegisterProvince, RenameProvince } from './commands.js';
import {
  BEFORE_AN_GIANG_MERGER,
  given,
  LEGAL_BASIS,
  merged,
  refusal,
  registered,
  renamed,
  when,
} from './test-support.js';

const register = (fields: Partial<RegisterProvince> = {}): RegisterProvince => ({
  type: 'RegisterProvince',
  province: 'lai-chau',
  code: '12',
  name: 'Lai Châu',
  validFrom: null,
  ...fields,
});

const mergeAnGiang = (fields: Partial<MergeProvinces> = {}): MergeProvinces => ({
  type: 'MergeProvinces',
  successor: 'an-giang-2025',
  predecessors: ['an-giang', 'kien-giang'],
  effectiveOn: '2025-07-01',
  legalBasis: LEGAL_BASIS,
  ...fields,
});

const renameHue = (fields: Partial<RenameProvince> = {}): RenameProvince => ({
  type: 'RenameProvince',
  province: 'thua-thien-hue',
  name: 'Huế',
  effectiveOn: '2025-07-01',
  legalBasis: LEGAL_BASIS,
  ...fields,
});

const paths = (decision: () => unknown) => refusal(decision).issues.map((issue) => issue.path);

describe('RegisterProvince', () => {
  it('registers a province that predates the platform', () => {
    expect(when(given(), register())).toEqual([
      { type: 'ProvinceRegistered', data: { province: 'lai-chau', code: '12', name: 'Lai Châu', validFrom: null } },
    ]);
  });

  it('trims the name and keeps the legal basis', () => {
    const [event] = when(given(), register({ name: ' Lai Châu ', legalBasis: LEGAL_BASIS }));
    expect(event?.data).toMatchObject({ name: 'Lai Châu', legalBasis: LEGAL_BASIS });
  });

  it('refuses a duplicate id at province', () => {
    const error = refusal(() => when(given(registered('lai-chau', '12', 'Lai Châu')), register({ code: '99' })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.path)).toEqual(['province']);
  });

  it('refuses an id that is not a slug, a code that is not digits, an empty name', () => {
    expect(paths(() => when(given(), register({ province: 'Lai Châu', code: 'LC', name: ' ' })))).toEqual([
      'province',
      'code',
      'name',
    ]);
  });

  it('refuses the national tenant as a province id', () => {
    expect(paths(() => when(given(), register({ province: 'national' })))).toEqual(['province']);
  });

  it('refuses a code held by a province valid at the same time', () => {
    const state = given(registered('kien-giang', '91', 'Kiên Giang'));
    expect(
      paths(() => when(state, register({ province: 'an-giang-2025', code: '91', validFrom: '2025-07-01' }))),
    ).toEqual(['code']);
  });

  it('accepts a code whose previous holder ended before the new province starts', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    const command = register({ province: 'phu-quoc-2026', code: '89', name: 'Phú Quốc', validFrom: '2026-01-01' });
    expect(when(state, command)).toHaveLength(1);
  });

  it('refuses a code reused on the very day its previous holder still exists', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    const command = register({ province: 'x', code: '89', name: 'X', validFrom: '2025-06-30' });
    expect(paths(() => when(state, command))).toEqual(['code']);
  });

  it('lets a successor take the code of a province it succeeds', () => {
    const state = given(registered('an-giang', '89', 'An Giang'), registered('kien-giang', '91', 'Kiên Giang'));
    const command = register({
      province: 'an-giang-2025',
      code: '91',
      name: 'An Giang',
      validFrom: '2025-07-01',
      succeeds: ['an-giang', 'kien-giang'],
    });
    expect(when(state, command)[0]).toEqual({
      type: 'ProvinceRegistered',
      data: { province: 'an-giang-2025', code: '91', name: 'An Giang', validFrom: '2025-07-01' },
    });
  });

  it('still refuses a code held by a province it does not succeed', () => {
    const state = given(registered('an-giang', '89', 'An Giang'), registered('kien-giang', '91', 'Kiên Giang'));
    const command = register({ province: 'a-2025', code: '91', validFrom: '2025-07-01', succeeds: ['an-giang'] });
    expect(paths(() => when(state, command))).toEqual(['code']);
  });

  it('refuses a successor without a start date, or succeeding unknown, ended or repeated provinces', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    expect(paths(() => when(state, register({ province: 'a', code: '01', succeeds: ['an-giang-2025'] })))).toEqual([
      'validFrom',
    ]);
    const command = register({
      province: 'b-2026',
      code: '02',
      validFrom: '2026-01-01',
      succeeds: ['kien-giang', 'nowhere', 'an-giang-2025', 'an-giang-2025'],
    });
    expect(paths(() => when(state, command))).toEqual(['succeeds.0', 'succeeds.1', 'succeeds.3']);
  });
});

describe('MergeProvinces', () => {
  it('merges the predecessors into a registered successor', () => {
    expect(when(given(...BEFORE_AN_GIANG_MERGER), mergeAnGiang())).toEqual([
      merged('an-giang-2025', ['an-giang', 'kien-giang']),
    ]);
  });

  it('refuses a successor that is not registered first', () => {
    const state = given(registered('an-giang', '89', 'An Giang'), registered('kien-giang', '91', 'Kiên Giang'));
    expect(paths(() => when(state, mergeAnGiang()))).toEqual(['successor']);
  });

  it('refuses an unknown predecessor at its index', () => {
    const command = mergeAnGiang({ predecessors: ['an-giang', 'kien-giang', 'atlantis'] });
    expect(paths(() => when(given(...BEFORE_AN_GIANG_MERGER), command))).toEqual(['predecessors.2']);
  });

  it('refuses a predecessor that already ended, naming its successor', () => {
    const state = given(
      ...BEFORE_AN_GIANG_MERGER,
      merged('an-giang-2025', ['an-giang', 'kien-giang']),
      registered('ca-mau', '96', 'Cà Mau'),
      registered('x-2026', '96', 'X', '2026-01-01'),
    );
    const error = refusal(() =>
      when(
        state,
        mergeAnGiang({ successor: 'x-2026', predecessors: ['kien-giang', 'ca-mau'], effectiveOn: '2026-01-01' }),
      ),
    );
    expect(error.issues).toEqual([
      { path: 'predecessors.0', message: expect.stringContaining('merged into an-giang-2025') },
    ]);
  });

  it('refuses the same merger twice', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    expect(paths(() => when(state, mergeAnGiang()))).toEqual(['successor', 'predecessors.0', 'predecessors.1']);
  });

  it('refuses an effective date other than the successor’s first day', () => {
    expect(paths(() => when(given(...BEFORE_AN_GIANG_MERGER), mergeAnGiang({ effectiveOn: '2025-08-01' })))).toEqual([
      'effectiveOn',
    ]);
    expect(paths(() => when(given(...BEFORE_AN_GIANG_MERGER), mergeAnGiang({ effectiveOn: '1 July' })))).toEqual([
      'effectiveOn',
    ]);
  });

  it('refuses fewer than two predecessors, repeated ones, and the successor among them', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER);
    expect(paths(() => when(state, mergeAnGiang({ predecessors: ['kien-giang'] })))).toEqual(['predecessors']);
    expect(paths(() => when(state, mergeAnGiang({ predecessors: ['kien-giang', 'kien-giang'] })))).toEqual([
      'predecessors.1',
    ]);
    expect(paths(() => when(state, mergeAnGiang({ predecessors: ['kien-giang', 'an-giang-2025'] })))).toEqual([
      'predecessors.1',
    ]);
  });

  it('refuses a merger that leaves the successor’s code with a province that does not end', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, registered('ha-tien', '90', 'Hà Tiên'));
    // Kiên Giang keeps going: code 91 would be held twice from 2025-07-01.
    expect(paths(() => when(state, mergeAnGiang({ predecessors: ['an-giang', 'ha-tien'] })))).toEqual(['successor']);
  });

  it('refuses a predecessor that starts on the merger day', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, registered('late', '90', 'Late', '2025-07-01'));
    expect(paths(() => when(state, mergeAnGiang({ predecessors: ['an-giang', 'kien-giang', 'late'] })))).toEqual([
      'predecessors.2',
    ]);
  });

  it('requires a legal basis', () => {
    const command = { ...mergeAnGiang(), legalBasis: undefined } as unknown as MergeProvinces;
    expect(paths(() => when(given(...BEFORE_AN_GIANG_MERGER), command))).toEqual(['legalBasis']);
  });
});

describe('RenameProvince', () => {
  const hue = registered('thua-thien-hue', '46', 'Thừa Thiên Huế');

  it('renames a province, same identity', () => {
    expect(when(given(hue), renameHue())).toEqual([renamed('thua-thien-hue', 'Huế')]);
  });

  it('refuses an unknown province', () => {
    expect(paths(() => when(given(), renameHue()))).toEqual(['province']);
  });

  it('refuses the same rename twice, and a rename dated before the last one', () => {
    const state = given(hue, renamed('thua-thien-hue', 'Huế'));
    expect(paths(() => when(state, renameHue({ effectiveOn: '2025-08-01' })))).toEqual(['name']);
    expect(paths(() => when(state, renameHue({ name: 'Thuận Hóa', effectiveOn: '2025-01-01' })))).toEqual([
      'effectiveOn',
    ]);
  });

  it('refuses a rename after the province ended, or on or before its first day', () => {
    const state = given(...BEFORE_AN_GIANG_MERGER, merged('an-giang-2025', ['an-giang', 'kien-giang']));
    expect(paths(() => when(state, renameHue({ province: 'kien-giang', name: 'Rạch Giá' })))).toEqual(['effectiveOn']);
    expect(paths(() => when(state, renameHue({ province: 'an-giang-2025', name: 'Long Xuyên' })))).toEqual([
      'effectiveOn',
    ]);
  });
});

describe('who may decide', () => {
  it.each(['province', 'auditor'] as const)('refuses a %s actor', (role) => {
    expect(refusal(() => when(given(), register(), role)).code).toBe('FORBIDDEN');
    expect(refusal(() => when(given(), mergeAnGiang(), role)).code).toBe('FORBIDDEN');
  });

  it.each(['ministry', 'system'] as const)('accepts a %s actor', (role) => {
    expect(when(given(), register(), role)).toHaveLength(1);
  });
});
