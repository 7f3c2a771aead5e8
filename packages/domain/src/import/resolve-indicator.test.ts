import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/indicators.js';
import { normalizeName, resolveIndicator, resolveRow } from './resolve-indicator.js';

const code = (name: string) => resolveIndicator(name)?.code;
const indicator = (wanted: string) => {
  const found = INDICATORS.find((item) => item.code === wanted);
  if (!found) throw new Error(wanted);
  return found;
};

describe('normalizeName', () => {
  it('drops diacritics and case, spells 10.000 as vạn and consonant + y with i', () => {
    expect(normalizeName('Tỷ lệ Bác sỹ/10.000 dân')).toBe('ti le bac si van dan');
    expect(normalizeName('Số bác sĩ/vạn dân')).toBe('so bac si van dan');
    expect(normalizeName('Đầu tư; y tế')).toBe('dau tu y te');
  });
});

describe('resolveIndicator', () => {
  it.each([
    ['Tuổi thọ trung bình', 'life_expectancy'],
    ['TUỔI THỌ TRUNG BÌNH', 'life_expectancy'],
    ['tuoi tho trung binh', 'life_expectancy'],
    ['Tuổi thọ trung bình (năm)', 'life_expectancy'],
    ['Tỷ lệ tham gia bảo hiểm y tế trên dân số, phấn đấu đạt', 'health_insurance_coverage'],
    ['Dân số được quản lý sức khỏe, phấn đấu:', 'population_health_managed'],
    ['Dân số', 'population'],
    ['Tỷ lệ giường bệnh/10.000 dân', 'hospital_beds_per_10000'],
    ['Trong đó: Giường bệnh tư nhân phấn đấu đạt', 'private_beds_share'],
    ['Tỷ lệ bác sỹ/10.000 dân', 'doctors_per_10000'],
    ['Tỷ lệ dược sỹ đại học/10.000 dân', 'pharmacists_per_10000'],
    ['Tỷ lệ điều dưỡng viên/10.000 dân', 'nurses_per_10000'],
    [
      'Tỷ lệ khám chữa bệnh bằng y học cổ truyền hoặc kết hợp giữa y học cổ truyền với y học hiện đại',
      'traditional_medicine_share',
    ],
    ['Dưới 5 tuổi còn', 'under5_mortality'],
    ['Thành lập Trung tâm cấp cứu 115 tỉnh', 'emergency_115_centre'],
    // 004 II.2 rows 16, 18 and 19, and 000's wording of row 16.
    ['Cơ bản chấm dứt các dịch bệnh HIV/AIDS, lao và loại trừ sốt rét', 'communicable_disease_elimination'],
    ['Cơ bản chấm dứt các dịch bệnh AIDS, lao và loại trừ bệnh sốt rét.', 'communicable_disease_elimination'],
    [
      'Đầu tư xây dựng 4 bệnh viện đa khoa khu vực tương ứng tại 4 vùng kinh tế - địa lý gồm: U Minh Thượng, Tây sông Hậu, Tứ giác Long Xuyên và hải đảo đạt tiêu chuẩn chăm sóc cấp 2',
      'regional_hospitals',
    ],
    ['Xây dựng và phát triển mạng lưới cấp cứu ngoại viện', 'emergency_115_centre'],
    ['Mạng lưới cấp cứu ngoại viện', 'emergency_115_centre'],
  ])('%s → %s', (name, expected) => {
    expect(code(name)).toBe(expected);
  });

  it.each([
    ['Giảm tỷ suất tử vong trẻ em:'],
    ['Chiều cao trung bình thanh niên 18 tuổi đối với:'],
    // A milestone's cell, not its indicator: read under the row's indicator.
    ['Hoàn thiện mạng lưới cấp cứu toàn tỉnh'],
    // A one-word alias ("Nam") matches a whole name only, never a prefix.
    ['Nam Định'],
  ])('%s names no indicator', (name) => {
    expect(code(name)).toBeUndefined();
  });
});

describe('resolveRow', () => {
  const height = { name: 'Chiều cao trung bình thanh niên 18 tuổi đối với:' };

  it('reads "Nam" / "Nữ" under the height heading as the height of men / women', () => {
    expect(resolveRow('Nam', height)?.indicator.code).toBe('height_18_male');
    expect(resolveRow('Nữ', height)?.indicator.code).toBe('height_18_female');
  });

  it('refuses "Nam" under any other heading', () => {
    expect(resolveRow('Nam', { name: 'Tuổi thọ trung bình', indicator: indicator('life_expectancy') })).toBeUndefined();
    expect(resolveRow('Nam', { name: 'Tỷ lệ suy dinh dưỡng:' })).toBeUndefined();
  });

  it('reads "<n> loại vắc xin" as the main row’s indicator qualified by a count', () => {
    const main = { name: 'Tỷ lệ tiêm chủng mở rộng:', indicator: indicator('immunisation_coverage') };
    const row = resolveRow('8 loại vắc xin', main);
    expect(row?.indicator.code).toBe('immunisation_coverage');
    expect(row?.alongside).toMatchObject({ value: 8, written: '8 loại vắc xin' });
    expect(row?.alongside?.indicator.code).toBe('vaccine_count');
  });

  it('reads a sub-row that names its own indicator by its name', () => {
    expect(resolveRow('Dưới 1 tuổi còn', { name: 'Giảm tỷ suất tử vong trẻ em:' })?.indicator.code).toBe(
      'under1_mortality',
    );
  });
});
