/**
 * An ASCII identifier from a Vietnamese name: `Thái Nguyên` → `thai-nguyen`, `Bà Rịa - Vũng Tàu` →
 * `ba-ria-vung-tau`. Diacritics are dropped (đ → d); anything else becomes a single hyphen.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
