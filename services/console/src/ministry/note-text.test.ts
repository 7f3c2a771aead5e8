import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { fill, type Translate } from '../i18n/language.js';
import { vi } from '../i18n/vi.js';
import { noteText } from './note-text.js';

const tVi: Translate = (key, values) => fill(vi[key], values);
const tEn: Translate = (key, values) => fill(en[key], values);
const missing = [
  { code: 'no_value', provinces: ['an-giang', 'kien-giang'], detail: null },
  { code: 'no_weight', provinces: ['an-giang', 'kien-giang'], detail: 'population' },
];

describe('noteText', () => {
  it('words each part of the note, the weight too, in Vietnamese and in English as the gateway does', () => {
    expect(noteText(missing, 'no value for …', tVi)).toBe(
      'chưa có số liệu của an-giang, kien-giang; chưa có dân số của an-giang, kien-giang',
    );
    expect(noteText(missing, 'no value for …', tEn)).toBe(
      'no value for an-giang, kien-giang; no population for an-giang, kien-giang',
    );
    const combined = [{ code: 'combined', provinces: ['bac-kan', 'thai-nguyen'], detail: 'population_weighted_mean' }];
    expect(noteText(combined, '', tVi)).toBe('gộp từ bac-kan, thai-nguyen: bình quân gia quyền theo dân số');
  });

  it('falls back to the English note for an unknown kind of part, or without parts', () => {
    const newer = [...missing, { code: 'something_new', provinces: [], detail: null }];
    expect(noteText(newer, 'the English note', tVi)).toBe('the English note');
    expect(noteText([], 'the English note', tVi)).toBe('the English note');
    expect(noteText([], null, tVi)).toBe('');
  });
});
