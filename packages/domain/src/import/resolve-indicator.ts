import { INDICATORS, type IndicatorData } from '../catalogue/indicators.js';

/**
 * A name reduced for comparison: without diacritics (đ → d), lower case, punctuation as single
 * spaces, "10.000" as "vạn" (its Vietnamese word) and a consonant + y syllable spelt with i, since
 * documents alternate the two spellings (`bác sỹ` / `bác sĩ`, `tỷ lệ`).
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\b10[.,]?000\b/g, ' van ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\b([b-df-hj-np-tv-xz])y\b/g, '$1i');
}

// Words that open a row's name without naming what is measured: "rate of", "number of", "of which".
const GENERIC_LEAD = /^(?:(?:ti le|so|trong do)\s+)+/;

interface Key {
  indicator: IndicatorData;
  full: string;
  bare: string;
  words: number;
}

/** How an indicator was matched: its data and the key (name or alias, normalised) that matched. */
export interface IndicatorMatch {
  indicator: IndicatorData;
  key: string;
}

const keysCache = new WeakMap<readonly IndicatorData[], Key[]>();

function keysOf(catalogue: readonly IndicatorData[]): Key[] {
  const cached = keysCache.get(catalogue);
  if (cached) return cached;
  const keys = catalogue.flatMap((indicator) =>
    [indicator.nameVi, ...indicator.aliases].map((name) => {
      const full = normalizeName(name);
      return { indicator, full, bare: full.replace(GENERIC_LEAD, ''), words: full.split(' ').length };
    }),
  );
  keysCache.set(catalogue, keys);
  return keys;
}

function startsWithWords(text: string, prefix: string): boolean {
  return prefix !== '' && (text === prefix || text.startsWith(`${prefix} `));
}

/**
 * The best match of `name` among the catalogue's names and aliases. Ranked: the whole name equals a
 * key; the name starts with a key; the same two once a generic lead ("tỷ lệ", "số", "trong đó") is
 * dropped from both — and within a rank, the longest key. A one-word key (`Nam`, `Nữ`) only matches
 * a whole name: as a prefix it would catch any row starting with that word.
 */
export function matchIndicator(
  name: string,
  catalogue: readonly IndicatorData[] = INDICATORS,
): IndicatorMatch | undefined {
  const full = normalizeName(name);
  const bare = full.replace(GENERIC_LEAD, '');
  let best: { match: IndicatorMatch; score: number } | undefined;
  for (const key of keysOf(catalogue)) {
    const prefixOk = key.words > 1;
    const rank =
      full === key.full
        ? 4
        : prefixOk && startsWithWords(full, key.full)
          ? 3
          : bare === key.bare
            ? 2
            : prefixOk && startsWithWords(bare, key.bare)
              ? 1
              : 0;
    const score = rank * 10_000 + key.full.length;
    // Ties keep the first in catalogue order: the catalogue lists the more specific indicator first.
    if (rank > 0 && (!best || score > best.score)) best = { match: { indicator: key.indicator, key: key.full }, score };
  }
  return best?.match;
}

/**
 * The indicator a name denotes, matched against each indicator's Vietnamese name and aliases without
 * case or diacritics, also when the name merely starts with one (`… phấn đấu đạt`); see `matchIndicator`.
 */
export function resolveIndicator(
  name: string,
  catalogue: readonly IndicatorData[] = INDICATORS,
): IndicatorData | undefined {
  return matchIndicator(name, catalogue)?.indicator;
}

/** The main row a sub-row ("- Nam") belongs to: its name, and its indicator when it names one. */
export interface RowContext {
  name: string;
  indicator?: IndicatorData | undefined;
}

/**
 * What a table row measures: its indicator, and for a sub-row that qualifies its main row by a count
 * (`- 8 loại vắc xin` under `Tỷ lệ tiêm chủng mở rộng`) a second figure `alongside` — the count,
 * as an indicator of its own (`vaccine_count` = 8).
 */
export interface RowIndicator {
  indicator: IndicatorData;
  alongside?: { indicator: IndicatorData; value: number; written: string };
}

/**
 * Resolves a row's name (without its bullet). A main row is resolved by its name alone. A sub-row is
 * read in the context of its main row:
 * - `<number> <what>` where `<what>` names a count indicator and the main row names an indicator:
 *   the figures are the main row's indicator, qualified by the count;
 * - otherwise by its own name; but a name matched only through a one-word alias (`Nam`, `Nữ`) is
 *   accepted only when the main row's name begins like the indicator's (at least half its words),
 *   so that `- Nam` under "Chiều cao trung bình thanh niên 18 tuổi" is the height of men and under
 *   anything else is unknown.
 */
export function resolveRow(
  name: string,
  context: RowContext | undefined,
  catalogue: readonly IndicatorData[] = INDICATORS,
): RowIndicator | undefined {
  if (context === undefined) {
    const indicator = resolveIndicator(name, catalogue);
    return indicator && { indicator };
  }
  const counted = /^(\d+)\s+(.+)$/u.exec(name.trim());
  if (counted?.[1] !== undefined && counted[2] !== undefined && context.indicator) {
    const count = resolveIndicator(counted[2], catalogue);
    if (count?.unit === 'count') {
      return {
        indicator: context.indicator,
        alongside: { indicator: count, value: Number(counted[1]), written: name },
      };
    }
  }
  const match = matchIndicator(name, catalogue);
  if (!match) return undefined;
  if (match.key.includes(' ')) return { indicator: match.indicator };
  const own = normalizeName(match.indicator.nameVi).split(' ');
  const main = normalizeName(context.name).split(' ');
  let shared = 0;
  while (shared < own.length && own[shared] === main[shared]) shared++;
  return shared * 2 >= own.length ? { indicator: match.indicator } : undefined;
}
