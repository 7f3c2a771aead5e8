import { Field } from '../forms/Field.js';
import { useLanguage } from '../i18n/language.js';

/** The periods a report takes (the domain's `periodSchema`): a year, a half-year or a quarter. */
export type PeriodKind = 'year' | 'half' | 'quarter';
export interface PeriodChoice {
  kind: PeriodKind;
  year: string;
  half: 1 | 2;
  quarter: 1 | 2 | 3 | 4;
}
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };

/** The form's fields a period's issues land on (`period.quarter` …, `period` for the whole). */
export const PERIOD_FIELDS = ['period.kind', 'period.year', 'period.half', 'period.quarter', 'period'];

/** The command's period: only the fields of the chosen kind, since the schema is strict. */
export function periodOf(choice: PeriodChoice): Period {
  const year = Number(choice.year);
  switch (choice.kind) {
    case 'year':
      return { kind: 'year', year };
    case 'half':
      return { kind: 'half', year, half: choice.half };
    case 'quarter':
      return { kind: 'quarter', year, quarter: choice.quarter };
  }
}

/** `2025`, `2025-H1`, `2025-Q3`: how the reports' list names a period. */
export function periodKeyOf(choice: PeriodChoice): string {
  switch (choice.kind) {
    case 'year':
      return choice.year;
    case 'half':
      return `${choice.year}-H${choice.half}`;
    case 'quarter':
      return `${choice.year}-Q${choice.quarter}`;
  }
}

/**
 * The kind, the year and, for a half or a quarter, which one. `yearError` also takes what concerns
 * the period as a whole (already reported, before the province existed): the year is what the user
 * then changes.
 */
export function PeriodFields(props: {
  id: string;
  value: PeriodChoice;
  onChange(next: PeriodChoice): void;
  errors: Record<string, string>;
  yearError: string | undefined;
}) {
  const { t } = useLanguage();
  const { id, value, onChange, errors } = props;
  return (
    <>
      <Field id={`${id}-kind`} label={t('form.periodKind')} error={errors['period.kind']}>
        {(aria) => (
          <select
            {...aria}
            value={value.kind}
            onChange={(event) => onChange({ ...value, kind: event.target.value as PeriodKind })}
          >
            <option value="year">{t('period.year')}</option>
            <option value="half">{t('period.half')}</option>
            <option value="quarter">{t('period.quarter')}</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-year`} label={t('form.year')} error={props.yearError}>
        {(aria) => (
          <input
            {...aria}
            inputMode="numeric"
            value={value.year}
            onChange={(event) => onChange({ ...value, year: event.target.value })}
          />
        )}
      </Field>
      {value.kind === 'half' && (
        <Field id={`${id}-half`} label={t('form.half')} error={errors['period.half']}>
          {(aria) => (
            <select
              {...aria}
              value={value.half}
              onChange={(event) => onChange({ ...value, half: Number(event.target.value) as 1 | 2 })}
            >
              <option value={1}>{t('period.half1')}</option>
              <option value={2}>{t('period.half2')}</option>
            </select>
          )}
        </Field>
      )}
      {value.kind === 'quarter' && (
        <Field id={`${id}-quarter`} label={t('form.quarter')} error={errors['period.quarter']}>
          {(aria) => (
            <select
              {...aria}
              value={value.quarter}
              onChange={(event) =>
                onChange({ ...value, quarter: Number(event.target.value) as PeriodChoice['quarter'] })
              }
            >
              {([1, 2, 3, 4] as const).map((quarter) => (
                <option key={quarter} value={quarter}>
                  {t('period.quarterN', { quarter })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}
