import { fileURLToPath } from 'node:url';
import { ChitieuError } from '@chitieu/errors';
import { describe, expect, it } from 'vitest';
import { baselineSchema, targetSchema } from '../plan/events.js';
import { seed004 } from '../seed/fixtures/index.js';
import { readTable } from './read-table.js';
import { findColumns, type ImportedTargets, targetsFromTable } from './targets-from-table.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function importFixture(name: string): Promise<ImportedTargets> {
  return targetsFromTable(await readTable(fixture(name)), { file: name });
}

function withoutSource<T extends { source?: string | undefined }>(items: readonly T[]) {
  return items.map(({ source: _, ...rest }) => rest);
}

// Every target of seed 004 II.2 as the importer must read it: id, indicator, year, comparator, value, unit.
const TARGETS_004 = [
  't1 life_expectancy 2025 >= 75 years',
  't2 life_expectancy 2030 >= 75.5 years',
  't3 healthy_life_years 2025 >= 67 years',
  't4 healthy_life_years 2030 >= 68 years',
  't5 health_insurance_coverage 2025 >= 95 percent',
  't6 health_insurance_coverage 2030 > 95 percent',
  't7 out_of_pocket_share 2025 <= 35 percent',
  't8 out_of_pocket_share 2030 <= 30 percent',
  't9 immunisation_coverage 2025 >= 95 percent',
  't10 vaccine_count 2025 >= 12 count',
  't11 immunisation_coverage 2030 >= 95 percent',
  't12 vaccine_count 2030 >= 14 count',
  't13 under5_mortality 2025 <= 17.5 per_mille',
  't14 under5_mortality 2030 <= 15 per_mille',
  't15 under1_mortality 2025 <= 11.5 per_mille',
  't16 under1_mortality 2030 <= 10 per_mille',
  't17 stunting_under5 2025 < 20 percent',
  't18 stunting_under5 2030 < 15 percent',
  't19 adult_obesity 2025 < 12 percent',
  't20 adult_obesity 2030 < 10 percent',
  't21 height_18_male 2025 >= 167 cm',
  't22 height_18_male 2030 >= 168.5 cm',
  't23 height_18_female 2025 >= 156 cm',
  't24 height_18_female 2030 >= 157.5 cm',
  't25 population_health_managed 2025 > 90 percent',
  't26 population_health_managed 2030 > 95 percent',
  't27 communes_ncd_care 2025 >= 95 percent',
  't28 communes_ncd_care 2030 >= 100 percent',
  't29 hospital_beds_per_10000 2025 >= 30 per_10000',
  't30 hospital_beds_per_10000 2030 >= 32 per_10000',
  't31 private_beds_share 2025 >= 10 percent',
  't32 private_beds_share 2030 >= 15 percent',
  't33 doctors_per_10000 2025 >= 10 per_10000',
  't34 doctors_per_10000 2030 >= 11 per_10000',
  't35 pharmacists_per_10000 2025 >= 2.8 per_10000',
  't36 pharmacists_per_10000 2030 >= 3 per_10000',
  't37 nurses_per_10000 2025 >= 25 per_10000',
  't38 nurses_per_10000 2030 >= 33 per_10000',
  't39 satisfaction 2025 > 80 percent',
  't40 satisfaction 2030 > 90 percent',
  't41 communicable_disease_elimination 2030 milestone "Đạt"',
  't42 traditional_medicine_share 2025 >= 20 percent',
  't43 traditional_medicine_share 2030 >= 25 percent',
  't44 regional_hospitals 2030 milestone "Hoàn thành"',
  't45 emergency_115_centre 2025 milestone "Thành lập Trung tâm cấp cứu 115 tỉnh"',
  't46 emergency_115_centre 2030 milestone "Hoàn thiện mạng lưới cấp cứu toàn tỉnh"',
];

const BASELINES_004 = [
  'life_expectancy 2017 74.3 years "74,3"',
  'health_insurance_coverage 2017 83.14 percent "83,14"',
  'immunisation_coverage 2017 99.5 percent "99,5%"',
  'vaccine_count 2017 8 count "8 loại vắc xin"',
  'under5_mortality 2017 18.47 per_mille "18,47‰"',
  'under1_mortality 2017 12.33 per_mille "12,33‰"',
  'stunting_under5 2017 21.5 percent "21,5%"',
  'hospital_beds_per_10000 2017 26.57 per_10000 "26,57"',
  'private_beds_share 2017 8.4 percent "8,4%"',
  'doctors_per_10000 2017 6.8 per_10000 "6,80"',
  'pharmacists_per_10000 2017 1.36 per_10000 "1,36"',
  'nurses_per_10000 2017 18.61 per_10000 "18,61"',
  'traditional_medicine_share 2017 12 percent "12%"',
];

describe('targetsFromTable on seed 004 II.2 (Kiên Giang, 132/KH-UBND)', () => {
  it('reads every baseline and target of the table', async () => {
    const { baselines, targets } = await importFixture('kien-giang-132.csv');
    expect(
      targets.map((t) =>
        t.kind === 'absolute'
          ? `${t.target} ${t.indicator} ${t.year} ${t.comparator} ${t.value} ${t.unit}`
          : `${t.target} ${t.indicator} ${t.year} ${t.kind} ${t.kind === 'milestone' ? JSON.stringify(t.text) : ''}`,
      ),
    ).toEqual(TARGETS_004);
    expect(baselines.map((b) => `${b.indicator} ${b.year} ${b.value} ${b.unit} ${JSON.stringify(b.written)}`)).toEqual(
      BASELINES_004,
    );
  });

  it('keeps exact values, as written, with file and line', async () => {
    const { baselines, targets } = await importFixture('kien-giang-132.csv');
    expect(baselines[0]).toEqual({
      indicator: 'life_expectancy',
      year: 2017,
      value: 74.3,
      unit: 'years',
      written: '74,3',
      source: 'kien-giang-132.csv, line 2',
    });
    expect(targets.slice(0, 2)).toEqual([
      {
        kind: 'absolute',
        target: 't1',
        indicator: 'life_expectancy',
        year: 2025,
        comparator: '>=',
        value: 75,
        unit: 'years',
        written: '75',
        source: 'kien-giang-132.csv, line 2',
      },
      {
        kind: 'absolute',
        target: 't2',
        indicator: 'life_expectancy',
        year: 2030,
        comparator: '>=',
        value: 75.5,
        unit: 'years',
        written: '75,5',
        source: 'kien-giang-132.csv, line 2',
      },
    ]);
    expect(targets.find((t) => t.target === 't6')).toEqual({
      kind: 'absolute',
      target: 't6',
      indicator: 'health_insurance_coverage',
      year: 2030,
      comparator: '>',
      value: 95,
      unit: 'percent',
      written: '> 95%',
      source: 'kien-giang-132.csv, line 4',
    });
    expect(baselines.find((b) => b.indicator === 'under5_mortality')).toEqual({
      indicator: 'under5_mortality',
      year: 2017,
      value: 18.47,
      unit: 'per_mille',
      written: '18,47‰',
      source: 'kien-giang-132.csv, line 11',
    });
  });

  it('produces figures the PlanAdopted schema accepts', async () => {
    const { baselines, targets } = await importFixture('kien-giang-132.csv');
    for (const baseline of baselines) expect(baselineSchema.parse(baseline)).toEqual(baseline);
    for (const target of targets) expect(targetSchema.parse(target)).toEqual(target);
  });

  it('reads every row, the milestone rows 16, 18 and 19 included: no fault', async () => {
    const { faults } = await importFixture('kien-giang-132.csv');
    expect(faults).toEqual([]);
  });

  it('reads the table as the seed 004 fixture transcribes it: same ids, figures and milestones', async () => {
    const { baselines, targets } = await importFixture('kien-giang-132.csv');
    const plan = seed004.plan;
    const fromTable = (plan?.targets ?? []).filter((t) => /, II\.2 row /.test(t.source ?? ''));
    expect(withoutSource(targets)).toEqual(withoutSource(fromTable));
    expect(withoutSource(baselines)).toEqual(withoutSource(plan?.baselines ?? []));
  });

  it.each([
    ['kien-giang-132', 0],
    ['kien-giang-132-faulty', 11],
  ])('gives the same baselines, targets and faults from %s.csv, .json and .xlsx', async (name, faultCount) => {
    const csv = await importFixture(`${name}.csv`);
    const json = await importFixture(`${name}.json`);
    const xlsx = await importFixture(`${name}.xlsx`);
    expect(csv.faults).toHaveLength(faultCount);
    for (const other of [json, xlsx]) {
      expect(withoutSource(other.baselines)).toEqual(withoutSource(csv.baselines));
      expect(withoutSource(other.targets)).toEqual(withoutSource(csv.targets));
      expect(other.faults.map((fault) => [fault.column, fault.reason])).toEqual(
        csv.faults.map((fault) => [fault.column, fault.reason]),
      );
    }
    // XLSX rows are the CSV's lines; a JSON row is the line its object opens on.
    const rename = (source?: string) => source?.replace('.xlsx', '.csv');
    expect(xlsx.targets.map((t) => rename(t.source))).toEqual(csv.targets.map((t) => t.source));
    expect(xlsx.faults.map((fault) => fault.line)).toEqual(csv.faults.map((fault) => fault.line));
    const jsonLine = (csvLine: number) => 2 + 7 * (csvLine - 2);
    expect(json.faults.map((fault) => fault.line)).toEqual(csv.faults.map((fault) => jsonLine(fault.line)));
    expect(json.targets.map((t) => t.source)).toEqual(
      csv.targets.map((t) => `${name}.json, line ${jsonLine(Number(t.source?.split('line ')[1]))}`),
    );
  });
});

describe('targetsFromTable on a faulty table', () => {
  it('lists each fault with its line and reason, and still reads the rest', async () => {
    const { baselines, targets, faults } = await importFixture('kien-giang-132-faulty.csv');
    expect(faults).toEqual([
      {
        line: 2,
        column: 'Đến năm 2025',
        reason: '"75%": life_expectancy is measured in years; a figure in percent cannot be converted',
      },
      {
        line: 3,
        reason:
          'unknown indicator "Tỷ lệ người dân biết bơi": its cells (Đến năm 2025, Đến năm 2030) were not imported',
      },
      {
        line: 4,
        column: 'Năm 2017',
        reason:
          'cannot read "83.14" as a figure: in "83.14" a dot does not separate groups of three digits; Vietnamese decimals take a comma (2,8), thousands a dot (4.421.755)',
      },
      {
        line: 5,
        column: 'Đến năm 2025',
        reason: 'cannot read "khoảng 12%" as a figure: expected a number at "khoảng 12%"',
      },
      { line: 7, column: 'Đến năm 2025', reason: 'cannot read "167 kg" as a figure: unknown unit "kg"' },
      {
        line: 9,
        reason:
          'unknown indicator "Nam" (under "Tỷ lệ suy dinh dưỡng:"): its cells (Đến năm 2025, Đến năm 2030) were not imported',
      },
      { line: 10, column: 'Năm 2017', reason: '"> 70%": a baseline is a figure, not a comparison (>)' },
      { line: 10, column: 'Đến năm 2025', reason: '"120%": a percentage must be within 0–100, got 120' },
      { line: 12, reason: 'the row has figures but no indicator name' },
      { line: 13, column: 'Đến năm 2025', reason: '"-30": a per_10000 figure cannot be negative, got -30' },
      {
        line: 14,
        column: 'Đến năm 2025',
        reason:
          'cannot read "từ 90 đến 95%" as a figure: "từ" needs "trở lên" or "trở xuống" after the figure (a range "từ … đến …" is not one figure)',
      },
    ]);
    expect(baselines.map((b) => `${b.indicator} ${b.value} ${b.unit}`)).toEqual([
      'life_expectancy 74.3 years',
      // Written in %, kept in % : ‰ and % convert, so this is no fault.
      'under5_mortality 1.847 percent',
      'hospital_beds_per_10000 26.57 per_10000',
    ]);
    expect(targets.map((t) => `${t.target} ${t.indicator} ${t.year} ${t.kind === 'absolute' ? t.value : ''}`)).toEqual([
      't1 life_expectancy 2030 75.5',
      't2 health_insurance_coverage 2025 95',
      't3 health_insurance_coverage 2030 95',
      't4 adult_obesity 2030 10',
      't5 height_18_male 2030 168.5',
      't6 satisfaction 2030 90',
      't7 under5_mortality 2025 17',
      't8 under5_mortality 2030 1.5',
      't9 hospital_beds_per_10000 2030 32',
    ]);
  });
});

describe('targetsFromTable rules', () => {
  const table = (...rows: Array<[string, string, string]>) =>
    rows.map(([name, baseline, target], index) => ({
      line: index + 2,
      cells: { 'Chỉ tiêu': name, 'Thực hiện năm 2020': baseline, 'Mục tiêu 2025': target },
    }));

  it('takes the comparator from the indicator’s direction only when the cell states none', () => {
    const { targets } = targetsFromTable(
      table(
        ['Tỷ lệ béo phì ở người trưởng thành', '', '10%'],
        ['Dân số', '', '1.723.067'],
        ['Tuổi thọ trung bình', '', 'đạt 75'],
      ),
      { file: 't.csv' },
    );
    expect(targets.map((t) => (t.kind === 'absolute' ? `${t.comparator} ${t.value}` : t.kind))).toEqual([
      '<= 10',
      '= 1723067',
      '>= 75',
    ]);
  });

  it('reads a milestone indicator’s text cells as milestone targets', () => {
    const { targets, faults } = targetsFromTable(table(['Trung tâm cấp cứu 115', '', 'Hoàn thành']), { file: 't.csv' });
    expect(faults).toEqual([]);
    expect(targets).toEqual([
      {
        kind: 'milestone',
        target: 't1',
        indicator: 'emergency_115_centre',
        year: 2025,
        text: 'Hoàn thành',
        source: 't.csv, line 2',
      },
    ]);
  });

  it('finds year columns by the year in their header, targets by "đến" / "mục tiêu" / "kế hoạch"', () => {
    expect(findColumns(['TT', 'Các chỉ tiêu', 'Năm 2017', 'Đến năm 2025', 'Kế hoạch 2030', 'Ghi chú'])).toEqual({
      name: 'Các chỉ tiêu',
      years: [
        { header: 'Năm 2017', year: 2017, kind: 'baseline' },
        { header: 'Đến năm 2025', year: 2025, kind: 'target' },
        { header: 'Kế hoạch 2030', year: 2030, kind: 'target' },
      ],
    });
  });

  it('refuses a table without an indicator column or year columns', () => {
    const error = (() => {
      try {
        targetsFromTable([{ line: 2, cells: { Tên: 'x', 'Ghi chú': 'y' } }], { file: 't.csv' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ChitieuError);
    expect((error as ChitieuError).code).toBe('VALIDATION_FAILED');
    expect((error as ChitieuError).issues.map((issue) => issue.path)).toEqual(['columns', 'columns']);
  });
});
