import { type RuleCode, ZOD_ISSUE_CODES } from '@chitieu/errors';
import { vi } from 'zod/v4/locales';
import type { MessageKey } from '../i18n/en.js';
import type { Translate } from '../i18n/language.js';
import { formatNumber, type Language } from '../numbers/parse-number.js';

/** One of the gateway's `extensions.issues`: the English message, and what it says for a machine. */
export interface WireIssue {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/**
 * zod's Vietnamese words for its issue codes; the gateway sends the code and params, never the
 * input. English needs no locale here: the gateway attaches a zod code only to a message that is
 * zod's English for it (`fieldIssueOf`), so `z.locales.en()` would give the message back, for ~5 kB.
 */
const zodVietnamese = vi().localeError;

const ZOD_CODES: ReadonlySet<string> = new Set(ZOD_ISSUE_CODES);

/** The domain's rules that the forms commonly hit (packages/errors `RuleCode`), worded in i18n. */
const RULES: Readonly<Record<RuleCode, MessageKey>> = {
  province_not_yet: 'issue.province_not_yet',
  province_merged: 'issue.province_merged',
  unit_not_convertible: 'issue.unit_not_convertible',
  percent_out_of_range: 'issue.percent_out_of_range',
  negative_value: 'issue.negative_value',
  already_reported: 'issue.already_reported',
  correction_identical: 'issue.correction_identical',
  revision_identical: 'issue.revision_identical',
  date_in_future: 'issue.date_in_future',
};

/**
 * A value of the type an `invalid_type` issue received, for zod's locale to name it again: the
 * locale reads the type from the input, which the gateway does not send back.
 */
const SAMPLES: Readonly<Record<string, unknown>> = {
  string: '',
  number: 0,
  nan: Number.NaN,
  boolean: false,
  undefined: undefined,
  null: null,
  array: [],
  object: {},
};

/**
 * An issue in the user's language: a zod code with zod's Vietnamese locale, a known rule with the console's
 * words, anything else (a schema's own wording, a rule without a code) with the gateway's English
 * message. A blank required text says "Required." rather than zod's "expected string to have >=1
 * characters", which is what it means to the user.
 */
export function localizeIssue(issue: WireIssue, language: Language, t: Translate): string {
  const { code, params = {} } = issue;
  if (code === undefined) return issue.message;
  const rule = Object.hasOwn(RULES, code) ? RULES[code as RuleCode] : undefined;
  if (rule) return t(rule, wordedParams(params, language));
  if (!ZOD_CODES.has(code)) return issue.message;
  if (code === 'too_small' && params.origin === 'string' && params.minimum === 1) return t('form.empty');
  if (language === 'en') return issue.message;
  let input: unknown;
  if (code === 'invalid_type') {
    const received = String(params.received);
    if (!Object.hasOwn(SAMPLES, received)) return issue.message;
    input = SAMPLES[received];
  }
  try {
    // The raw issue a locale expects; params come first so that they cannot replace code or path.
    const raw = { ...params, code, path: [], message: issue.message, input } as never;
    const worded = zodVietnamese(raw);
    return (typeof worded === 'string' ? worded : worded?.message) || issue.message;
  } catch {
    // A parameter the locale needs did not survive the trip (it was not plain JSON).
    return issue.message;
  }
}

/** Numbers and ISO dates as the language writes them; lists joined. */
function wordedParams(params: Record<string, unknown>, language: Language): Record<string, string> {
  const worded: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'number') worded[key] = formatNumber(value, language);
    else if (Array.isArray(value)) worded[key] = value.join(', ');
    else if (typeof value === 'string') worded[key] = isoDate(value, language) ?? value;
    else worded[key] = String(value);
  }
  return worded;
}

function isoDate(value: string, language: Language): string | undefined {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value) ?? [];
  if (!year) return undefined;
  return language === 'vi' ? `${Number(day)}/${Number(month)}/${year}` : value;
}
