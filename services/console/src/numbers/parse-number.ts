const VIETNAMESE = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/u;
const ENGLISH = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/u;

export type Language = 'vi' | 'en';

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'decimal_dot' };

/**
 * A number as a user types it. Vietnamese (the documents' format): decimal comma, thousands dot
 * (`75,5`, `4.421.755`, `4.421.755,5`). English: decimal point, thousands comma. A Vietnamese
 * `17.2` is refused rather than read as 172: a dot there must group thousands, and a user who
 * meant a decimal is told to write `17,2`.
 */
export function parseNumber(text: string, language: Language): ParsedNumber {
  const trimmed = text.trim().replace(/[\s\u00a0]/gu, '');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const [group, decimal] = language === 'vi' ? ['.', ','] : [',', '.'];
  const pattern = language === 'vi' ? VIETNAMESE : ENGLISH;
  if (!pattern.test(trimmed)) {
    const dotDecimal = language === 'vi' && /^[-+]?\d+\.\d{1,2}$|^[-+]?\d+\.\d{4,}$/u.test(trimmed);
    return { ok: false, reason: dotDecimal ? 'decimal_dot' : 'not_a_number' };
  }
  const plain = trimmed.split(group).join('').replace(decimal, '.');
  return { ok: true, value: Number(plain) };
}

// One formatter per language and precision: making one costs far more than formatting with it
// (the ranking's 70 figures took 15–50 ms to format, each with a formatter of its own).
const formats = new Map<string, Intl.NumberFormat>();

/** A number as the language writes it, with up to `digits` decimals: `17,2` or `17.2`. */
export function formatNumber(value: number | null | undefined, language: Language, digits = 2): string {
  if (value === null || value === undefined) return '—';
  const key = `${language} ${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}
