// Plans from the seed documents (and a few illustrative ones, marked so) for the plan decider's tests.
import type { AdoptPlanData } from './commands.js';
import type { PlanEvent } from './events.js';

const KG = 'seeds/004_fa9921fae8fdacda.txt';

/** Kiên Giang, Kế hoạch 132/KH-UBND of 2018-08-14: four rows of its table II.2 and one milestone. */
export const KIEN_GIANG_132: AdoptPlanData = {
  province: 'kien-giang',
  document: {
    number: '132/KH-UBND',
    kind: 'Kế hoạch',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuedOn: '2018-08-14',
    title: 'Kế hoạch thực hiện Nghị quyết số 139/NQ-CP và Chương trình hành động số 33-CTr/TU',
  },
  implements: ['139/NQ-CP', '33-CTr/TU', '20-NQ/TW'],
  period: { from: 2018, to: 2030 },
  baselines: [
    {
      indicator: 'life_expectancy',
      year: 2017,
      value: 74.3,
      unit: 'years',
      written: '74,3',
      source: `${KG}, II.2, row 1`,
    },
    { indicator: 'health_insurance_coverage', year: 2017, value: 83.14, unit: 'percent', written: '83,14' },
    { indicator: 'under5_mortality', year: 2017, value: 18.47, unit: 'per_mille', written: '18,47‰' },
    { indicator: 'stunting_under5', year: 2017, value: 21.5, unit: 'percent', written: '21,5%' },
  ],
  targets: [
    {
      kind: 'absolute',
      target: 't1',
      indicator: 'life_expectancy',
      year: 2025,
      comparator: '>=',
      value: 75,
      unit: 'years',
      written: '75',
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
    },
    {
      kind: 'absolute',
      target: 't3',
      indicator: 'health_insurance_coverage',
      year: 2025,
      comparator: '>=',
      value: 95,
      unit: 'percent',
      written: '95%',
    },
    {
      kind: 'absolute',
      target: 't4',
      indicator: 'health_insurance_coverage',
      year: 2030,
      comparator: '>',
      value: 95,
      unit: 'percent',
      written: '> 95%',
    },
    {
      kind: 'absolute',
      target: 't5',
      indicator: 'under5_mortality',
      year: 2025,
      comparator: '<=',
      value: 17.5,
      unit: 'per_mille',
      written: '17,5‰',
    },
    {
      kind: 'absolute',
      target: 't6',
      indicator: 'under5_mortality',
      year: 2030,
      comparator: '<=',
      value: 15,
      unit: 'per_mille',
      written: '15‰',
    },
    {
      kind: 'absolute',
      target: 't7',
      indicator: 'stunting_under5',
      year: 2025,
      comparator: '<',
      value: 20,
      unit: 'percent',
      written: '< 20%',
    },
    {
      kind: 'absolute',
      target: 't8',
      indicator: 'stunting_under5',
      year: 2030,
      comparator: '<',
      value: 15,
      unit: 'percent',
      written: '< 15%',
    },
    {
      kind: 'milestone',
      target: 't9',
      indicator: 'emergency_115_centre',
      year: 2025,
      text: 'Thành lập Trung tâm cấp cứu 115 tỉnh',
      source: `${KG}, II.2, row 19`,
    },
  ],
  budget: [],
  source: KG,
};

/** The first task of 132/KH-UBND's appendix. */
export const KIEN_GIANG_TASK_1 = {
  task: 'I.1',
  title: 'Xây dựng Đề án phát triển mạng lưới y tế cơ sở giai đoạn 2018 - 2020, tầm nhìn đến năm 2025',
  lead: 'Sở Y tế',
  partners: ['Các sở, ban, ngành, đơn vị liên quan'],
  product: 'Đề án',
  deadline: 'Hoàn thành tháng 9/2018',
  dueBy: '2018-09-30',
  source: `${KG}, Phụ lục, I.1`,
};

const LC = 'seeds/001_7633f38724703827.txt';

/**
 * Lai Châu, Chương trình hành động 24-CTr/TU of 2018-01-22: "giảm tối thiểu bình quân 10% đơn vị sự
 * nghiệp công lập … so với năm 2015" by 2021, 10% more by 2025 against 2021. The document names the
 * baseline years but not the counts, so the baselines carry no value.
 */
export const LAI_CHAU_24: AdoptPlanData = {
  province: 'lai-chau',
  document: { number: '24-CTr/TU', kind: 'Chương trình hành động', issuer: 'Tỉnh ủy Lai Châu', issuedOn: '2018-01-22' },
  implements: ['19-NQ/TW'],
  period: { from: 2018, to: 2030 },
  baselines: [
    { indicator: 'public_service_units', year: 2015, unit: 'count', written: 'năm 2015', source: `${LC}, II.2` },
    { indicator: 'public_service_units', year: 2021, unit: 'count', written: 'năm 2021', source: `${LC}, II.2` },
  ],
  targets: [
    {
      kind: 'relative',
      target: 't1',
      indicator: 'public_service_units',
      year: 2021,
      baselineYear: 2015,
      comparator: '<=',
      change: -10,
      changeUnit: 'percent_of_baseline',
      written: 'Giảm tối thiểu bình quân 10% đơn vị sự nghiệp công lập',
    },
    {
      kind: 'relative',
      target: 't2',
      indicator: 'public_service_units',
      year: 2025,
      baselineYear: 2021,
      comparator: '<=',
      change: -10,
      changeUnit: 'percent_of_baseline',
      written: 'Tiếp tục giảm tối thiểu bình quân 10% đơn vị sự nghiệp công lập … so với năm 2021',
    },
    {
      kind: 'absolute',
      target: 't3',
      indicator: 'autonomous_units_share',
      year: 2021,
      comparator: '>=',
      value: 10,
      unit: 'percent',
      written: '10% đơn vị tự chủ tài chính',
    },
  ],
  budget: [],
  source: LC,
};

const TN = 'seeds/002_984fd90bb022b937.txt';

/**
 * Thái Nguyên (the 2025 province), Đề án phát triển y tế 2026–2030. The seed states neither its number
 * nor its date; both are placeholders (it cites 04-CTr/TU of 2025-10-27, so it is later).
 */
export const THAI_NGUYEN_2026: AdoptPlanData = {
  province: 'thai-nguyen-2025',
  document: {
    number: 'ĐA-YT/2026-2030',
    kind: 'Đề án',
    issuer: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    issuedOn: '2025-11-15',
  },
  implements: ['72-NQ/TW', '20-NQ/TW'],
  period: { from: 2026, to: 2030 },
  baselines: [
    {
      indicator: 'hospital_beds_per_10000',
      year: 2025,
      value: 49,
      unit: 'per_10000',
      written: '49 giường bệnh/10.000 dân',
    },
    { indicator: 'doctors_per_10000', year: 2025, value: 17.2, unit: 'per_10000', written: '17,2 bác sĩ/10.000 dân' },
  ],
  targets: [
    {
      kind: 'absolute',
      target: 't1',
      indicator: 'life_expectancy',
      year: 2030,
      comparator: '>=',
      value: 75.5,
      unit: 'years',
      written: 'từ 75,5 tuổi trở lên',
    },
    {
      kind: 'absolute',
      target: 't2',
      indicator: 'hospital_beds_per_10000',
      year: 2030,
      comparator: '>=',
      value: 50,
      unit: 'per_10000',
      written: '50 giường bệnh',
    },
    {
      kind: 'absolute',
      target: 't3',
      indicator: 'doctors_per_10000',
      year: 2030,
      comparator: '>=',
      value: 19,
      unit: 'per_10000',
      written: '19 bác sĩ',
      source: `${TN}, 2.4`,
    },
    {
      kind: 'absolute',
      target: 't4',
      indicator: 'health_insurance_coverage',
      year: 2026,
      comparator: '>',
      value: 95,
      unit: 'percent',
      written: 'trên 95%',
    },
  ],
  budget: [
    {
      line: 'b1',
      title: 'Nguồn NSNN chi đầu tư phát triển (vốn Đầu tư công)',
      amount: 2_000_000,
      unit: 'million_vnd',
      written: '2.000.000 triệu đồng',
    },
    {
      line: 'b2',
      title: 'Nguồn NSNN chi thường xuyên không thực hiện tự chủ',
      amount: 2_421_755,
      unit: 'million_vnd',
      written: '2.421.755 triệu đồng',
    },
  ],
  source: TN,
};

/** A plan of Bắc Kạn (illustrative: no seed has one) issued on `issuedOn`. */
export function bacKanPlan(issuedOn: string, period = { from: 2025, to: 2030 }): AdoptPlanData {
  return {
    province: 'bac-kan',
    document: { number: '150/KH-UBND', kind: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh Bắc Kạn', issuedOn },
    implements: ['20-NQ/TW'],
    period,
    baselines: [],
    targets: [
      {
        kind: 'absolute',
        target: 't1',
        indicator: 'doctors_per_10000',
        year: 2030,
        comparator: '>=',
        value: 15,
        unit: 'per_10000',
      },
    ],
    budget: [],
  };
}

/** Kiên Giang's 132/KH-UBND as adopted: the first event of its stream. */
export const kienGiangAdopted = (): PlanEvent => ({
  type: 'PlanAdopted',
  data: { plan: '132-kh-ubnd', ...KIEN_GIANG_132 },
});

/** An illustrative revision document of Kiên Giang (no seed revises 132/KH-UBND). */
export const KG_REVISION_DOC = { number: '45/KH-UBND', kind: 'Kế hoạch', issuedOn: '2021-03-10' };
