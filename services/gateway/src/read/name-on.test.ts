import { describe, expect, it } from 'vitest';
import { nameOn } from './reference.js';

describe('the name of a province on a day', () => {
  const hue = {
    name: 'Huế',
    names: [
      { name: 'Thừa Thiên Huế', from: null },
      { name: 'Huế', from: '2025-07-01' },
    ],
  };

  it('is the name in force that day, whatever was recorded since', () => {
    expect(nameOn(hue, '2025-06-30')).toBe('Thừa Thiên Huế');
    expect(nameOn(hue, '2025-07-01')).toBe('Huế');
    expect(nameOn(hue, '2030-01-01')).toBe('Huế');
  });

  it('keeps a rename decided for a later day from showing early', () => {
    const ahead = {
      name: 'Tên mới',
      names: [
        { name: 'Thái Nguyên', from: '2025-07-01' },
        { name: 'Tên mới', from: '2029-01-01' },
      ],
    };
    expect(nameOn(ahead, '2026-11-23')).toBe('Thái Nguyên');
    expect(nameOn(ahead, '2029-01-01')).toBe('Tên mới');
    // Before the province began, its first name.
    expect(nameOn(ahead, '2020-01-01')).toBe('Thái Nguyên');
  });

  it('falls back to the stored name for rows without a history', () => {
    expect(nameOn({ name: 'Lai Châu', names: [] }, '2025-01-01')).toBe('Lai Châu');
  });
});
