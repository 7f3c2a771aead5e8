import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from './parse-number.js';

describe('parseNumber', () => {
  it.each([
    ['75,5', 75.5],
    ['17,2', 17.2],
    ['4.421.755', 4_421_755],
    ['4.421.755,5', 4_421_755.5],
    [' 19 ', 19],
    ['-3', -3],
  ])('reads the Vietnamese %s as %d', (text, value) => {
    expect(parseNumber(text, 'vi')).toEqual({ ok: true, value });
  });

  it.each([
    ['75.5', 75.5],
    ['4,421,755.5', 4_421_755.5],
  ])('reads the English %s as %d', (text, value) => {
    expect(parseNumber(text, 'en')).toEqual({ ok: true, value });
  });

  it('refuses a Vietnamese decimal point rather than reading 17.2 as 172', () => {
    expect(parseNumber('17.2', 'vi')).toEqual({ ok: false, reason: 'decimal_dot' });
  });

  it('refuses what is not a number, and says when nothing was typed', () => {
    expect(parseNumber('mười bảy', 'vi')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseNumber('4.42.1', 'vi')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseNumber('  ', 'en')).toEqual({ ok: false, reason: 'empty' });
  });

  it('writes numbers back in the language of the page', () => {
    expect(formatNumber(17.2, 'vi')).toBe('17,2');
    expect(formatNumber(4_421_755, 'vi')).toBe('4.421.755');
    expect(formatNumber(17.2, 'en')).toBe('17.2');
    expect(formatNumber(null, 'en')).toBe('—');
  });
});
