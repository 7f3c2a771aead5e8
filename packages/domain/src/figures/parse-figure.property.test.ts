import { ChitieuError } from '@chitieu/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparator } from '../shared/comparator.js';
import { type Unit, unitSchema } from '../shared/units.js';
import { formatFigure, parseFigure } from './parse-figure.js';

// Written independently of formatFigure, from an integer number of hundredths, so that the first
// property does not test the formatter against itself.
function vietnamese(hundredths: number, keepTrailingZero: boolean): string {
  const absolute = Math.abs(hundredths);
  const whole = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+$)/g, '.');
  const cents = String(absolute % 100).padStart(2, '0');
  const fraction = keepTrailingZero ? cents : cents.replace(/0+$/, '');
  return `${hundredths < 0 ? '-' : ''}${whole}${cents === '00' ? '' : `,${fraction}`}`;
}

const units: ReadonlyArray<readonly [string, Unit | undefined]> = [
  ['', undefined],
  ['%', 'percent'],
  [' %', 'percent'],
  ['‰', 'per_mille'],
  [' cm', 'cm'],
  [' tuổi', 'years'],
  [' năm', 'years'],
  ['/vạn dân', 'per_10000'],
  ['/10.000 dân', 'per_10000'],
  [' giường/vạn dân', 'per_10000'],
  [' bác sĩ/10.000 dân', 'per_10000'],
  [' triệu đồng', 'million_vnd'],
];

// How a comparator is written around a figure: [before, after, comparator].
const comparators: ReadonlyArray<readonly [string, string, Comparator | undefined]> = [
  ['', '', undefined],
  ['đạt ', '', undefined],
  ['> ', '', '>'],
  ['>', '', '>'],
  ['< ', '', '<'],
  ['≥ ', '', '>='],
  ['>= ', '', '>='],
  ['≤ ', '', '<='],
  ['<= ', '', '<='],
  ['= ', '', '='],
  ['tối thiểu ', '', '>='],
  ['ít nhất ', '', '>='],
  ['không thấp hơn ', '', '>='],
  ['từ ', ' trở lên', '>='],
  ['trên ', '', '>'],
  ['hơn ', '', '>'],
  ['dưới ', '', '<'],
  ['tối đa ', '', '<='],
  ['không quá ', '', '<='],
  ['giảm còn ', '', '<='],
  ['giảm xuống ', '', '<='],
];

// Two decimals on integers up to 2^53 keep n / 100 the double nearest the decimal written.
const hundredths = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('parseFigure properties', () => {
  it('recovers value, unit and comparator of any figure written the Vietnamese way', () => {
    fc.assert(
      fc.property(
        hundredths,
        fc.boolean(),
        fc.constantFrom(...units),
        fc.constantFrom(...comparators),
        (n, trailingZero, [unitText, unit], [before, after, comparator]) => {
          const text = `${before}${vietnamese(n, trailingZero)}${unitText}${after}`;
          const figure = parseFigure(text);
          expect(figure.value).toBe(n / 100 === 0 ? 0 : n / 100);
          expect(figure.unit).toBe(unit);
          expect(figure.comparator).toBe(comparator);
          expect(figure.written).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips formatFigure for every finite number and unit', () => {
    // Every unit of the schema, so that a unit added later is round-tripped too; a milestone has no figure.
    const figureUnits = unitSchema.options.filter((unit) => unit !== 'milestone');
    const unitOrNone = fc.constantFrom<Unit | undefined>(undefined, ...figureUnits);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), unitOrNone, (value, unit) => {
        const figure = parseFigure(formatFigure(value, unit));
        // -0 is written "0": the sign of zero is not a figure a document states.
        expect(figure.value === value).toBe(true);
        // A count is written without a symbol, so it reads back as "no unit": the indicator's.
        expect(figure.unit).toBe(unit === 'count' ? undefined : unit);
      }),
      { numRuns: 2000 },
    );
  });

  it('fails on any text only with a ChitieuError', () => {
    const pieces = fc.constantFrom(
      '1',
      '0',
      '23',
      '456',
      '.',
      ',',
      '-',
      '−',
      '+',
      ' ',
      '\u00a0',
      '%',
      '‰',
      '>',
      '<',
      '=',
      '≥',
      'cm',
      'năm',
      '/',
      'vạn dân',
      '10.000',
      'tối thiểu',
      'từ',
      'trở lên',
      'trên',
      'giảm còn',
      'đạt',
      'triệu đồng',
      'e',
      '\u0301',
    );
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        try {
          const figure = parseFigure(text);
          expect(Number.isFinite(figure.value)).toBe(true);
          expect(figure.written).toBe(text.trim());
        } catch (error) {
          expect(error).toBeInstanceOf(ChitieuError);
          expect((error as ChitieuError).code).toBe('VALIDATION_FAILED');
        }
      }),
      { numRuns: 5000 },
    );
  });
});
