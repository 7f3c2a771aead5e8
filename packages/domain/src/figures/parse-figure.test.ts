import { ChitieuError } from '@chitieu/errors';
import { describe, expect, it } from 'vitest';
import { refusal } from '../shared/test-refusal.js';
import { formatFigure, parseFigure } from './parse-figure.js';

const failure = (text: string, path?: string) => refusal(() => parseFigure(text, path));

describe('parseFigure: numbers', () => {
  it.each([
    ['75,5', 75.5],
    ['74,3', 74.3],
    ['0,5', 0.5],
    ['6,80', 6.8],
    ['75', 75],
    ['4.421.755', 4421755],
    ['1.234,5', 1234.5],
    ['4.421', 4421],
    ['2.800', 2800],
    ['4,421', 4.421],
    ['-5,25', -5.25],
    ['−10', -10],
    ['+3', 3],
  ])('%s → %d', (text, value) => {
    expect(parseFigure(text)).toEqual({ value, written: text });
  });

  it('keeps the trimmed input as written and normalises spacing only for reading', () => {
    expect(parseFigure('  > 95%\u00a0')).toEqual({ value: 95, unit: 'percent', comparator: '>', written: '> 95%' });
    expect(parseFigure('>\u00a0\u00a095 %').value).toBe(95);
  });

  it('reads text in decomposed Unicode (NFD) like precomposed text', () => {
    expect(parseFigure('tối thiểu 67 tuổi'.normalize('NFD'))).toMatchObject({
      value: 67,
      unit: 'years',
      comparator: '>=',
    });
  });
});

describe('parseFigure: units', () => {
  it.each([
    ['95%', 'percent'],
    ['95 %', 'percent'],
    ['18,47‰', 'per_mille'],
    ['167 cm', 'cm'],
    ['168,5cm', 'cm'],
    ['75 tuổi', 'years'],
    ['74,3 năm', 'years'],
    ['30/vạn dân', 'per_10000'],
    ['30 /10.000 dân', 'per_10000'],
    ['26,57 giường/vạn dân', 'per_10000'],
    ['11 bác sĩ/10.000 dân', 'per_10000'],
    ['30 giường bệnh trên 10.000 dân', 'per_10000'],
    ['4.421.755 triệu đồng', 'million_vnd'],
  ])('%s is in %s', (text, unit) => {
    expect(parseFigure(text).unit).toBe(unit);
  });

  it('leaves the unit out when none is written', () => {
    expect(parseFigure('26,57')).not.toHaveProperty('unit');
  });
});

describe('parseFigure: comparators', () => {
  it.each([
    ['> 95%', '>'],
    ['< 12%', '<'],
    ['≥ 95%', '>='],
    ['>= 95%', '>='],
    ['≤ 10‰', '<='],
    ['<= 10‰', '<='],
    ['= 19', '='],
    ['tối thiểu 67', '>='],
    ['ít nhất 90%', '>='],
    ['không thấp hơn 90%', '>='],
    ['không dưới 90%', '>='],
    ['từ 95% trở lên', '>='],
    ['95% trở lên', '>='],
    ['từ 5 trở xuống', '<='],
    ['trên 95%', '>'],
    ['hơn 95%', '>'],
    ['cao hơn 70 tuổi', '>'],
    ['dưới 15%', '<'],
    ['thấp hơn 15%', '<'],
    ['tối đa 30%', '<='],
    ['không quá 30%', '<='],
    ['không vượt quá 30%', '<='],
    ['giảm còn 15‰', '<='],
    ['giảm xuống 15‰', '<='],
    ['giảm xuống còn 15‰', '<='],
    ['còn 15‰', '<='],
    ['tăng lên 75', '>='],
    ['giảm còn dưới 15%', '<'],
    ['Đạt trên 95%', '>'],
    ['TỐI THIỂU 67', '>='],
  ])('%s → %s', (text, comparator) => {
    expect(parseFigure(text).comparator).toBe(comparator);
  });

  it.each(['đạt 95%', 'phấn đấu đạt 95%', 'phấn đấu 95%', '95%'])('%s states no comparator', (text) => {
    const figure = parseFigure(text);
    expect(figure).toEqual({ value: 95, unit: 'percent', written: text });
    expect(figure).not.toHaveProperty('comparator');
  });
});

describe('parseFigure: refusals', () => {
  it.each([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['-', 'expected a number at "-"'],
    ['Đạt', 'there is no number'],
    ['Hoàn thành', 'expected a number at "hoàn thành"'],
    ['2.8', 'a dot does not separate groups of three digits'],
    ['12.34', 'a dot does not separate groups of three digits'],
    ['1234.567', 'a dot does not separate groups of three digits'],
    ['1,234.5', 'has a dot after the comma'],
    ['75,5,5', 'more than one decimal comma'],
    ['95.', 'ends with a separator'],
    ['95 kg', 'unknown unit "kg"'],
    ['95% năm 2025', 'unknown unit "% năm 2025"'],
    ['từ 90 đến 95%', '"từ" needs "trở lên" or "trở xuống"'],
    ['> < 5', '"<" contradicts >'],
    ['trên 5 trở xuống', '"trở xuống" contradicts >'],
    ['x'.repeat(501), 'longer than 500 characters'],
  ])('%j: %s', (text, why) => {
    const error = failure(text);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues[0]?.path).toBe('value');
    expect(error.issues[0]?.message).toContain(why);
    if (text.length < 100) expect(error.message).toContain(JSON.stringify(text.trim()));
  });

  it('names the field it was given', () => {
    expect(failure('abc', 'targets.3.value').field).toBe('targets.3.value');
  });
});

describe('formatFigure', () => {
  it.each([
    [75.5, undefined, '75,5'],
    [4421755, undefined, '4.421.755'],
    [4421755, 'million_vnd', '4.421.755 triệu đồng'],
    [18.47, 'per_mille', '18,47‰'],
    [95, 'percent', '95%'],
    [167, 'cm', '167 cm'],
    [74.3, 'years', '74,3 năm'],
    [30, 'per_10000', '30/10.000 dân'],
    [12, 'count', '12'],
    [-10.5, 'percent', '-10,5%'],
    [-0, undefined, '0'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [1.5e-7, undefined, '0,00000015'],
  ] as const)('%d %s → %s', (value, unit, text) => {
    expect(formatFigure(value, unit)).toBe(text);
  });

  it('refuses what is not a finite number', () => {
    expect(() => formatFigure(Number.NaN)).toThrow(ChitieuError);
    expect(() => formatFigure(Number.POSITIVE_INFINITY)).toThrow(ChitieuError);
  });
});
