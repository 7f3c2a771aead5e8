import { describe, expect, it } from 'vitest';
import type { RegistryCommand } from './commands.js';
import type { RegistryEvent } from './events.js';
import { evolveRegistry, initialRegistryState, type RegistryState } from './evolve.js';
import { loadProvincesCsv, parseProvincesCsv, RESOLUTION_202_2025 } from './load-provinces-csv.js';
import { readProvincesCsv } from './read-provinces-csv.js';
import { provinceAt, provinceInfo, provincesOn, provinceWithCode } from './reference.js';
import { refusal, when } from './test-support.js';

// Decides every command in order on the state the previous ones made, as the seed loader will.
function run(commands: RegistryCommand[]): { state: RegistryState; events: RegistryEvent[] } {
  let state = initialRegistryState();
  const events: RegistryEvent[] = [];
  for (const command of commands) {
    for (const event of when(state, command, 'system')) {
      events.push(event);
      state = evolveRegistry(state, event);
    }
  }
  return { state, events };
}

const text = await readProvincesCsv();
const commands = loadProvincesCsv(text);
const { state, events } = run(commands);

describe('the 2025 merger from provinces-2025.csv', () => {
  it('gives 63 registrations, then 23 successor registrations each followed by its merger, then one rename', () => {
    const types = commands.map((command) => command.type);
    expect(types.slice(0, 63)).toEqual(Array(63).fill('RegisterProvince'));
    expect(types.slice(63, 109)).toEqual(Array(23).fill(['RegisterProvince', 'MergeProvinces']).flat());
    expect(types.slice(109)).toEqual(['RenameProvince']);
    expect(events).toHaveLength(110);
  });

  it('has 63 provinces on 2025-06-30 and 34 on 2025-07-01', () => {
    expect(provincesOn(state, '2025-06-30')).toHaveLength(63);
    expect(provincesOn(state, '2025-07-01')).toHaveLength(34);
    expect(state.provinces.size).toBe(86);
  });

  it('never gives one code to two provinces on the same day', () => {
    for (const date of ['2025-06-30', '2025-07-01']) {
      const codes = provincesOn(state, date).map((province) => province.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('ends Kiên Giang on 2025-06-30; its successor An Giang takes code 91', () => {
    expect(provinceInfo(state, 'kien-giang')).toMatchObject({
      code: '91',
      validTo: '2025-06-30',
      successor: 'an-giang-2025',
    });
    expect(provinceInfo(state, 'an-giang-2025')).toMatchObject({
      code: '91',
      name: 'An Giang',
      validFrom: '2025-07-01',
      predecessors: ['an-giang', 'kien-giang'],
    });
    expect(provinceWithCode(state, '91', '2025-07-01')?.id).toBe('an-giang-2025');
  });

  it('ends both Bắc Kạn and the old Thái Nguyên, merged into thai-nguyen-2025', () => {
    expect(provinceInfo(state, 'bac-kan')).toMatchObject({ validTo: '2025-06-30', successor: 'thai-nguyen-2025' });
    expect(provinceInfo(state, 'thai-nguyen')).toMatchObject({ validTo: '2025-06-30', successor: 'thai-nguyen-2025' });
    expect(provinceInfo(state, 'thai-nguyen-2025')).toMatchObject({
      code: '19',
      predecessors: ['bac-kan', 'thai-nguyen'],
    });
  });

  it('keeps Lai Châu unchanged, with no end', () => {
    expect(provinceInfo(state, 'lai-chau')).toEqual({
      id: 'lai-chau',
      code: '12',
      name: 'Lai Châu',
      validFrom: null,
      validTo: undefined,
      successor: undefined,
      predecessors: [],
    });
  });

  it('renames Thừa Thiên Huế to Huế from 2025-07-01, same identity', () => {
    expect(provinceAt(state, 'thua-thien-hue', '2025-06-30')?.name).toBe('Thừa Thiên Huế');
    expect(provinceAt(state, 'thua-thien-hue', '2025-07-01')).toMatchObject({ name: 'Huế', code: '46' });
    expect(state.provinces.has('hue-2025')).toBe(false);
  });

  it('merges three provinces where the resolution says so, under Resolution 202/2025/QH15', () => {
    const hcm = state.mergers.find((merger) => merger.successor === 'ho-chi-minh-2025');
    expect(hcm).toEqual({
      successor: 'ho-chi-minh-2025',
      predecessors: ['binh-duong', 'ba-ria-vung-tau', 'ho-chi-minh'],
      effectiveOn: '2025-07-01',
      legalBasis: RESOLUTION_202_2025,
    });
    expect(state.mergers).toHaveLength(23);
  });
});

describe('parseProvincesCsv', () => {
  it('accepts a byte-order mark, CRLF and blank lines', () => {
    const rows = parseProvincesCsv(
      '\uFEFFold_code,old_name,successor_code,successor_name\r\n\r\n12,Lai Châu,12,Lai Châu\r\n',
    );
    expect(rows).toEqual([
      { line: 2, oldCode: '12', oldName: 'Lai Châu', successorCode: '12', successorName: 'Lai Châu' },
    ]);
  });

  it('refuses a wrong header, an empty cell, a ragged row', () => {
    expect(refusal(() => parseProvincesCsv('code,name\n12,Lai Châu\n')).field).toBe('lines.1');
    expect(
      refusal(() => parseProvincesCsv('old_code,old_name,successor_code,successor_name\n12,,12,Lai Châu\n')).field,
    ).toBe('lines.2.old_name');
    expect(
      refusal(() => parseProvincesCsv('old_code,old_name,successor_code,successor_name\n12,Lai Châu\n')).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('refuses a successor named two ways, and a province that only changes code', () => {
    const header = 'old_code,old_name,successor_code,successor_name\n';
    expect(refusal(() => loadProvincesCsv(`${header}01,A,01,A\n02,B,01,Z\n`)).field).toBe('lines.3.successor_name');
    expect(refusal(() => loadProvincesCsv(`${header}01,A,05,A\n`)).field).toBe('lines.2.successor_code');
  });
});
