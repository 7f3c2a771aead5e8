import type { ChitieuError } from '@chitieu/errors';
import type { Comparator } from '../shared/comparator.js';
import { invalid } from '../shared/errors.js';
import { UNIT_SYMBOLS, type Unit } from '../shared/units.js';

/** A figure as a document writes it (`"> 95%"`), read: its value, unit and comparator when written. */
export interface ParsedFigure {
  value: number;
  /** Absent when the text names no unit: the caller takes the indicator's. */
  unit?: Unit;
  /** Absent when the text states none (`"75"`, `"đạt 95%"`): the caller decides by the indicator's direction. */
  comparator?: Comparator;
  /** The input, trimmed. */
  written: string;
}

/**
 * Bounds the work done on hostile input. Generous enough for any finite double written out in full
 * (`formatFigure(Number.MAX_VALUE)` is about 410 characters); events keep `written` to 100.
 */
const MAX_LENGTH = 500;

/**
 * Words in front of a number. `explicit` comparators conflict with each other; `soft` ones come from
 * verbs of movement and yield to an explicit one (`giảm còn dưới 15%` is `<`). `neutral` words
 * (`đạt`, `phấn đấu`) state no comparison: the target's direction decides. `from` opens
 * `từ … trở lên` / `từ … trở xuống`, which needs its closing words.
 */
type Lead = { kind: 'explicit' | 'soft'; comparator: Comparator } | { kind: 'neutral' } | { kind: 'from' };

const LEADS: ReadonlyArray<readonly [string, Lead]> = [
  // "not lower than", "not under", "not less than", "at minimum", "at least": the bound is allowed.
  ['không thấp hơn', { kind: 'explicit', comparator: '>=' }],
  ['không dưới', { kind: 'explicit', comparator: '>=' }],
  ['không ít hơn', { kind: 'explicit', comparator: '>=' }],
  ['tối thiểu', { kind: 'explicit', comparator: '>=' }],
  ['ít nhất', { kind: 'explicit', comparator: '>=' }],
  // "above", "more than", "higher than": strictly greater.
  ['trên', { kind: 'explicit', comparator: '>' }],
  ['cao hơn', { kind: 'explicit', comparator: '>' }],
  ['hơn', { kind: 'explicit', comparator: '>' }],
  // "below", "lower than": strictly less.
  ['dưới', { kind: 'explicit', comparator: '<' }],
  ['thấp hơn', { kind: 'explicit', comparator: '<' }],
  // "at most", "not more than", "not exceeding": the bound is allowed.
  ['tối đa', { kind: 'explicit', comparator: '<=' }],
  ['không quá', { kind: 'explicit', comparator: '<=' }],
  ['không vượt quá', { kind: 'explicit', comparator: '<=' }],
  // "reduce to", "bring down to", "remaining": the figure is a ceiling reached from above.
  ['giảm xuống còn', { kind: 'soft', comparator: '<=' }],
  ['giảm xuống', { kind: 'soft', comparator: '<=' }],
  ['giảm còn', { kind: 'soft', comparator: '<=' }],
  ['còn', { kind: 'soft', comparator: '<=' }],
  // "raise to": a floor reached from below.
  ['tăng lên', { kind: 'soft', comparator: '>=' }],
  // "reach", "strive to reach": no comparison in the words; the indicator's direction gives it.
  ['phấn đấu đạt', { kind: 'neutral' }],
  ['phấn đấu', { kind: 'neutral' }],
  ['đạt', { kind: 'neutral' }],
  ['từ', { kind: 'from' }],
];

// Longest first so that `không thấp hơn` wins over `hơn`; a phrase must end a word (`trên` ≠ `trênx`).
const LEAD_PATTERN = new RegExp(
  `^(${[...LEADS]
    .map(([phrase]) => phrase)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\p{N}])\\s*`,
  'u',
);
const LEAD_BY_PHRASE = new Map(LEADS);

const SIGNS: Readonly<Record<string, Comparator>> = {
  '≥': '>=',
  '>=': '>=',
  '≤': '<=',
  '<=': '<=',
  '>': '>',
  '<': '<',
  '=': '=',
};
const SIGN_PATTERN = /^(≥|>=|≤|<=|>|<|=)\s*/u;

/** Closing words of `từ … trở lên` ("… and above") and `từ … trở xuống` ("… and below"). */
const TAILS: ReadonlyArray<readonly [RegExp, Comparator]> = [
  [/\s*trở lên$/u, '>='],
  [/\s*trở xuống$/u, '<='],
];

const UNITS: ReadonlyArray<readonly [RegExp, Unit]> = [
  [/^%$/u, 'percent'],
  [/^‰$/u, 'per_mille'],
  [/^cm$/u, 'cm'],
  [/^(tuổi|năm)$/u, 'years'],
  [/^triệu đồng$/u, 'million_vnd'],
  // `/vạn dân`, `/10.000 dân`, `giường/vạn dân`, `bác sĩ/10.000 dân`, `giường trên 10.000 dân`:
  // a vạn is ten thousand, and what is counted may be named before the slash.
  [/^(?:\p{L}+ )*\p{L}*\s*(?:\/|trên )\s*(?:vạn|10\.000|10000) dân$/u, 'per_10000'],
];

// Vietnamese groups thousands with dots and writes decimals with a comma.
const GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/u;
const PLAIN = /^\d+(,\d+)?$/u;

/**
 * Reads a figure as the seed documents write it.
 *
 * Numbers: the decimal separator is a comma (`75,5`, `0,5`, `6,80`) and the thousands separator a dot
 * (`4.421.755`, `1.234,5`). A dot is therefore **always** a thousands separator: `4.421` is 4421, and
 * a dot not followed by exactly three digits (`2.8`, `12.34`) is refused rather than guessed, because
 * `2.800` and `2.80` would otherwise mean a thousand times apart. A comma is always decimal (`4,421` is
 * 4.421). A sign (`-`, `−`, `+`) may stand right before the digits.
 *
 * Units after the number: `%`, `‰`, `cm`, `tuổi` / `năm` (years), `triệu đồng`, and per 10,000
 * people written `/vạn dân`, `/10.000 dân`, `giường/vạn dân`, `bác sĩ/10.000 dân`. None: no unit.
 *
 * Comparators before the number, in signs (`>`, `<`, `≥`, `>=`, `≤`, `<=`, `=`) or words (see `LEADS`):
 * `tối thiểu`, `ít nhất`, `không thấp hơn`, `không dưới` → `>=`; `trên`, `hơn`, `cao hơn` → `>`;
 * `dưới`, `thấp hơn` → `<`; `tối đa`, `không quá`, `không vượt quá` → `<=`; `giảm còn`, `giảm xuống`,
 * `còn` → `<=` and `tăng lên` → `>=` unless an explicit comparator follows; `đạt`, `phấn đấu (đạt)` →
 * none. After the unit: `trở lên` → `>=`, `trở xuống` → `<=`, optionally opened by `từ`.
 *
 * Throws VALIDATION_FAILED at `path` naming the text and what could not be read.
 */
export function parseFigure(text: string, path = 'value'): ParsedFigure {
  const written = text.trim();
  const fail = (why: string): ChitieuError =>
    invalid({ path, message: `cannot read ${JSON.stringify(written)} as a figure: ${why}` });
  if (written === '') throw fail('it is empty');
  if (written.length > MAX_LENGTH) throw fail(`it is longer than ${MAX_LENGTH} characters`);

  let rest = written.normalize('NFC').replace(/\s+/gu, ' ').toLowerCase();
  let explicit: Comparator | undefined;
  let soft: Comparator | undefined;
  let from = false;
  const setExplicit = (comparator: Comparator, said: string) => {
    if (explicit !== undefined && explicit !== comparator) throw fail(`"${said}" contradicts ${explicit}`);
    explicit = comparator;
  };

  for (let match = matchLead(rest); match; match = matchLead(rest)) {
    rest = rest.slice(match.length);
    const lead = match.lead;
    if (lead.kind === 'explicit') setExplicit(lead.comparator, match.said);
    else if (lead.kind === 'soft') soft ??= lead.comparator;
    else if (lead.kind === 'from') from = true;
  }

  const number = /^([-−+]?)(\d[\d.,]*)/u.exec(rest);
  if (!number) throw fail(rest === '' ? 'there is no number' : `expected a number at "${rest}"`);
  const value = readNumber(number[2] ?? '', fail) * (number[1] === '' || number[1] === '+' ? 1 : -1);
  rest = rest.slice(number[0].length).trim();

  const tail = TAILS.find(([pattern]) => pattern.test(rest));
  if (tail) {
    rest = rest.replace(tail[0], '');
    setExplicit(tail[1], tail[1] === '>=' ? 'trở lên' : 'trở xuống');
  } else if (from) {
    throw fail('"từ" needs "trở lên" or "trở xuống" after the figure (a range "từ … đến …" is not one figure)');
  }

  let unit: Unit | undefined;
  if (rest !== '') {
    unit = UNITS.find(([pattern]) => pattern.test(rest))?.[1];
    if (unit === undefined) throw fail(`unknown unit "${rest}"`);
  }

  const comparator = explicit ?? soft;
  return {
    value: Object.is(value, -0) ? 0 : value,
    ...(unit === undefined ? {} : { unit }),
    ...(comparator === undefined ? {} : { comparator }),
    written,
  };
}

function matchLead(rest: string): { length: number; lead: Lead; said: string } | undefined {
  const sign = SIGN_PATTERN.exec(rest);
  if (sign?.[1] !== undefined) {
    const comparator = SIGNS[sign[1]];
    if (comparator) return { length: sign[0].length, lead: { kind: 'explicit', comparator }, said: sign[1] };
  }
  const word = LEAD_PATTERN.exec(rest);
  const lead = word?.[1] === undefined ? undefined : LEAD_BY_PHRASE.get(word[1]);
  return word?.[1] !== undefined && lead ? { length: word[0].length, lead, said: word[1] } : undefined;
}

function readNumber(digits: string, fail: (why: string) => ChitieuError): number {
  if (GROUPED.test(digits) || PLAIN.test(digits)) {
    const [whole = '', fraction] = digits.replace(/\./gu, '').split(',');
    return Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  }
  if (/,.*\./u.test(digits)) throw fail(`"${digits}" has a dot after the comma (English notation?)`);
  if (/[.,]$/u.test(digits)) throw fail(`"${digits}" ends with a separator`);
  if (/,.*,/u.test(digits)) throw fail(`"${digits}" has more than one decimal comma`);
  throw fail(
    `in "${digits}" a dot does not separate groups of three digits; Vietnamese decimals take a comma (2,8), thousands a dot (4.421.755)`,
  );
}

/**
 * Writes a value the Vietnamese way, with the unit's symbol: `75,5`, `4.421.755`, `18,47‰`, `95%`,
 * `167 cm`, `74,3 năm`, `30/10.000 dân`. Exact: `parseFigure(formatFigure(v, unit)).value === v` for
 * every finite `v` (the shortest decimal that identifies the double is written out in full).
 */
export function formatFigure(value: number, unit?: Unit): string {
  if (!Number.isFinite(value)) throw invalid({ path: 'value', message: `cannot format ${value}` });
  const [whole = '0', fraction] = plainDecimal(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/gu, '.');
  const number = `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
  const symbol = unit === undefined ? '' : UNIT_SYMBOLS[unit];
  if (symbol === '') return number;
  return symbol.startsWith('/') || symbol === '%' || symbol === '‰' ? `${number}${symbol}` : `${number} ${symbol}`;
}

/** `1e+21` → `1000000000000000000000`, `1.5e-7` → `0.00000015`: the shortest digits, without exponent. */
function plainDecimal(value: number): string {
  const text = String(value);
  const exponent = /^(\d)(?:\.(\d+))?e([+-]\d+)$/u.exec(text);
  if (!exponent) return text;
  const digits = `${exponent[1]}${exponent[2] ?? ''}`;
  const point = 1 + Number(exponent[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
