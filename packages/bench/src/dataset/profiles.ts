import { assertNever, type IndicatorInfo, type Unit } from '@chitieu/domain';

/**
 * How an indicator's figures look in a province: the range of its 2015 figure across provinces, the
 * yearly change a plan aims at (a magnitude: its sign comes from the indicator's direction), and how
 * the documents write it. Magnitudes follow Vietnam's statistical yearbooks closely enough that
 * rankings, weighted means and sums come out plausible.
 */
export interface Profile {
  start: readonly [number, number];
  /** The planned yearly change: in the indicator's unit, or with `growth` a share of the figure. */
  step: readonly [number, number];
  growth?: boolean;
  /** Decimals the figure is written with. */
  decimals: number;
  /** A ceiling no province passes (coverage saturates). */
  max?: number;
}

const PROFILES: Record<string, Profile> = {
  life_expectancy: { start: [70, 77], step: [0.1, 0.3], decimals: 1, max: 82 },
  healthy_life_years: { start: [58, 66], step: [0.1, 0.3], decimals: 1, max: 72 },
  health_insurance_coverage: { start: [68, 92], step: [1, 3], decimals: 1, max: 99.5 },
  out_of_pocket_share: { start: [40, 50], step: [0.5, 1.5], decimals: 1 },
  immunisation_coverage: { start: [88, 98], step: [0.1, 0.6], decimals: 1, max: 99.8 },
  vaccine_count: { start: [8, 10], step: [0.1, 0.4], decimals: 0, max: 14 },
  under5_mortality: { start: [15, 40], step: [0.3, 1.2], decimals: 2 },
  under1_mortality: { start: [9, 26], step: [0.2, 0.8], decimals: 2 },
  stunting_under5: { start: [18, 35], step: [0.3, 1], decimals: 1 },
  adult_obesity: { start: [2, 8], step: [0.05, 0.2], decimals: 1 },
  height_18_male: { start: [163, 168], step: [0.1, 0.3], decimals: 1 },
  height_18_female: { start: [152, 157], step: [0.1, 0.3], decimals: 1 },
  population_health_managed: { start: [30, 80], step: [2, 5], decimals: 1, max: 100 },
  communes_ncd_care: { start: [30, 70], step: [2, 6], decimals: 1, max: 100 },
  hospital_beds_per_10000: { start: [20, 35], step: [0.3, 1], decimals: 1 },
  private_beds_share: { start: [2, 8], step: [0.2, 0.8], decimals: 1, max: 40 },
  doctors_per_10000: { start: [5, 12], step: [0.2, 0.6], decimals: 1 },
  pharmacists_per_10000: { start: [1.5, 3.2], step: [0.05, 0.2], decimals: 2 },
  nurses_per_10000: { start: [8, 16], step: [0.2, 0.6], decimals: 1 },
  satisfaction: { start: [75, 85], step: [0.5, 1.5], decimals: 1, max: 98 },
  traditional_medicine_share: { start: [15, 30], step: [0.5, 1.2], decimals: 1, max: 60 },
  preventive_budget_share: { start: [20, 30], step: [0.3, 1], decimals: 1, max: 40 },
  // Hà Nội and Hồ Chí Minh get their own range (see populationStart).
  population: { start: [300_000, 3_500_000], step: [0.005, 0.016], growth: true, decimals: 0 },
  public_service_units: { start: [100, 600], step: [0.01, 0.04], growth: true, decimals: 0 },
  payroll_staff: { start: [3_000, 20_000], step: [0.005, 0.025], growth: true, decimals: 0 },
  autonomous_units_share: { start: [5, 30], step: [1, 3], decimals: 1, max: 100 },
  budget_spending_on_units: { start: [300_000, 3_000_000], step: [0.005, 0.03], growth: true, decimals: 0 },
  professional_positions_share: { start: [60, 80], step: [0.5, 1.5], decimals: 1, max: 95 },
  e_health_records_share: { start: [0, 8], step: [4, 10], decimals: 1, max: 100 },
  hospitals_with_emr_share: { start: [0, 5], step: [3, 8], decimals: 1, max: 100 },
  digital_hospitals: { start: [0, 2], step: [0.1, 0.6], decimals: 0 },
  commune_stations_with_doctor_share: { start: [60, 95], step: [0.5, 2.5], decimals: 1, max: 100 },
  commune_insured_care_share: { start: [70, 95], step: [0.3, 1.5], decimals: 1, max: 100 },
  communes_meeting_health_criteria_share: { start: [40, 80], step: [2, 5], decimals: 1, max: 100 },
  height_1_18_mean: { start: [118, 124], step: [0.05, 0.2], decimals: 1 },
};

// An indicator the ministry adds later still gets figures of the right kind.
const BY_UNIT: Record<Unit, Profile> = {
  years: { start: [65, 75], step: [0.1, 0.3], decimals: 1 },
  percent: { start: [40, 80], step: [0.5, 2], decimals: 1, max: 100 },
  per_mille: { start: [10, 30], step: [0.2, 0.8], decimals: 2 },
  per_10000: { start: [5, 20], step: [0.2, 0.6], decimals: 1 },
  cm: { start: [150, 165], step: [0.1, 0.3], decimals: 1 },
  count: { start: [100, 1_000], step: [0.005, 0.02], growth: true, decimals: 0 },
  million_vnd: { start: [100_000, 1_000_000], step: [0.005, 0.03], growth: true, decimals: 0 },
  milestone: { start: [0, 0], step: [0, 0], decimals: 0 },
};

/** The profile of an indicator: its own, or one for its unit. */
export function profileOf(indicator: IndicatorInfo): Profile {
  return PROFILES[indicator.code] ?? BY_UNIT[indicator.unit];
}

/** The two provinces far above the others in population (2015: about 7.3 and 8.2 million). */
export const POPULATION_GIANTS: Record<string, readonly [number, number]> = {
  'ha-noi': [7_000_000, 7_600_000],
  'ho-chi-minh': [7_800_000, 8_000_000],
};

/** Vietnamese milestone wording per milestone indicator; one generic text for any other. */
export const MILESTONE_TEXTS: Record<string, readonly string[]> = {
  communicable_disease_elimination: ['Đạt', 'Cơ bản chấm dứt dịch bệnh AIDS, lao; loại trừ sốt rét'],
  hospitals_using_ai: ['Bệnh viện tuyến tỉnh ứng dụng AI hỗ trợ chẩn đoán', 'Đạt'],
  regional_hospitals: ['Hoàn thành', 'Đưa vào sử dụng bệnh viện đa khoa khu vực'],
  provincial_hospital_level3: ['Đạt tiêu chuẩn chăm sóc cấp 3', 'Hoàn thành'],
  emergency_115_centre: ['Thành lập Trung tâm cấp cứu 115 tỉnh', 'Hoàn thiện mạng lưới cấp cứu toàn tỉnh'],
};

/** `74,3`, `18,47‰`, `1.234.567`: a figure as the documents write it (decimal comma, thousands dot). */
export function written(value: number, unit: Unit, decimals: number): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const number = `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
  switch (unit) {
    case 'percent':
      return `${number}%`;
    case 'per_mille':
      return `${number}‰`;
    case 'per_10000':
      return `${number}/10.000 dân`;
    case 'cm':
      return `${number} cm`;
    case 'years':
      return `${number} tuổi`;
    case 'million_vnd':
      return `${number} triệu đồng`;
    case 'count':
    case 'milestone':
      return number;
    default:
      return assertNever(unit);
  }
}

/** `value` rounded to `decimals`, without the binary noise of `x * 10 ** d / 10 ** d`. */
export function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}
