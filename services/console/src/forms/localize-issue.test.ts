import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { fill, type Translate } from '../i18n/language.js';
import { vi } from '../i18n/vi.js';
import { localizeIssue } from './localize-issue.js';

const tVi: Translate = (key, values) => fill(vi[key], values);
const tEn: Translate = (key, values) => fill(en[key], values);

describe('localizeIssue', () => {
  it('words zod’s codes with zod’s Vietnamese locale, from the code and params alone', () => {
    const year = { path: 'period.year', message: 'Too small: expected number to be >=1990' };
    const tooSmall = { ...year, code: 'too_small', params: { origin: 'number', minimum: 1990, inclusive: true } };
    expect(localizeIssue(tooSmall, 'vi', tVi)).toBe('Quá nhỏ: mong đợi number >=1990');
    const invalidType = {
      path: 'period.quarter',
      message: 'Invalid input: expected number, received undefined',
      code: 'invalid_type',
      params: { expected: 'number', received: 'undefined' },
    };
    expect(localizeIssue(invalidType, 'vi', tVi)).toBe('Đầu vào không hợp lệ: mong đợi số, nhận được undefined');
    expect(localizeIssue({ ...invalidType, params: { expected: 'number', received: 'string' } }, 'vi', tVi)).toBe(
      'Đầu vào không hợp lệ: mong đợi số, nhận được string',
    );
    expect(localizeIssue(invalidType, 'en', tEn)).toBe(invalidType.message);
  });

  it('says "Required." for a blank required text, in either language', () => {
    const blank = {
      path: 'source',
      message: 'Too small: expected string to have >=1 characters',
      code: 'too_small',
      params: { origin: 'string', minimum: 1, inclusive: true },
    };
    expect(localizeIssue(blank, 'vi', tVi)).toBe('Bắt buộc.');
    expect(localizeIssue(blank, 'en', tEn)).toBe('Required.');
  });

  it('words the domain’s coded rules in i18n, with numbers and dates as the language writes them', () => {
    const early = {
      path: 'province',
      message: 'thai-nguyen-2025 exists from 2025-07-01',
      code: 'province_not_yet',
      params: { province: 'thai-nguyen-2025', from: '2025-07-01' },
    };
    expect(localizeIssue(early, 'vi', tVi)).toBe('thai-nguyen-2025 chỉ có từ ngày 1/7/2025.');
    const percent = { path: 'value', message: '…', code: 'percent_out_of_range', params: { value: 100.5 } };
    expect(localizeIssue(percent, 'vi', tVi)).toBe('Tỷ lệ phần trăm phải trong khoảng 0–100, nhận được 100,5.');
  });

  it('falls back to the message without a code, for an unknown code, or when a param is missing', () => {
    const slug = { path: 'province', message: 'a province id is a slug' };
    expect(localizeIssue(slug, 'vi', tVi)).toBe('a province id is a slug');
    expect(localizeIssue({ ...slug, code: 'some_new_rule' }, 'vi', tVi)).toBe('a province id is a slug');
    const broken = { path: 'year', message: 'Too big: expected number to be <=2100', code: 'too_big', params: {} };
    expect(localizeIssue(broken, 'vi', tVi)).toBe('Too big: expected number to be <=2100');
    const odd = { ...broken, code: 'invalid_type', params: { expected: 'number', received: 'Date' } };
    expect(localizeIssue(odd, 'vi', tVi)).toBe(odd.message);
  });
});
