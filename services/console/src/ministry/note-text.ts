import type { MessageKey } from '../i18n/en.js';
import type { Translate } from '../i18n/language.js';

/** One part of a ranking row's note, as the gateway sends it (`ComparisonRow.notes`). */
export interface NotePart {
  code: string;
  provinces: readonly string[];
  detail: string | null;
}

const NOTES: Readonly<Record<string, MessageKey>> = {
  no_figure: 'note.no_figure',
  combined: 'note.combined',
  merged_figure: 'note.merged_figure',
  no_value: 'note.no_value',
  no_weight: 'note.no_weight',
  not_combinable: 'note.not_combinable',
  no_predecessor: 'note.no_predecessor',
  overflow: 'note.overflow',
};

/** The words for a combination rule or a weight named in `detail`; another shows as sent. */
const DETAILS: Readonly<Record<string, MessageKey>> = {
  population_weighted_mean: 'rule.population_weighted_mean',
  sum: 'rule.sum',
  all_of: 'rule.all_of',
  population: 'weight.population',
};

/**
 * A row's note in the user's language, from its parts; the gateway's English `note` when a part is
 * of a kind this console does not know (a newer gateway), or when there are no parts.
 */
export function noteText(parts: readonly NotePart[], note: string | null, t: Translate): string {
  if (parts.length === 0 || parts.some((part) => !NOTES[part.code])) return note ?? '';
  return parts
    .map((part) => {
      const detailKey = part.detail === null ? undefined : DETAILS[part.detail];
      const detail = detailKey ? t(detailKey) : (part.detail ?? '');
      return t(NOTES[part.code] as MessageKey, { provinces: part.provinces.join(', '), detail });
    })
    .join('; ');
}
