import { type FormEvent, useState } from 'react';
import { Field } from '../forms/Field.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useCommand } from '../forms/use-command.js';
import { useLanguage } from '../i18n/language.js';
import { parseNumber } from '../numbers/parse-number.js';
import { PERIOD_FIELDS, type PeriodChoice, PeriodFields, periodKeyOf, periodOf } from './PeriodFields.js';
import { ReportMutation } from './queries.js';

type Unit = 'cm' | 'count' | 'milestone' | 'million_vnd' | 'per_10000' | 'per_mille' | 'percent' | 'years';
export interface IndicatorChoice {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
}

type Status = 'estimate' | 'preliminary' | 'final';
const STATUSES: readonly Status[] = ['estimate', 'preliminary', 'final'];

// `province`: the form's province is fixed, so a refusal there (not yet existing, merged) is about
// the period and is shown under the year.
const FIELDS = ['indicator', 'value', 'unit', 'status', 'source', 'province', ...PERIOD_FIELDS];

/** Report a figure for an indicator and a year, half-year or quarter, typed as the documents write it (`17,9`). */
export function ReportForm({
  province,
  indicators,
  disabled,
}: {
  province: string;
  indicators: readonly IndicatorChoice[];
  disabled: boolean;
}) {
  const { t, language } = useLanguage();
  const command = useCommand(ReportMutation, FIELDS);
  const [indicator, setIndicator] = useState('doctors_per_10000');
  const [period, setPeriod] = useState<PeriodChoice>({
    kind: 'year',
    year: String(new Date().getFullYear()),
    half: 1,
    quarter: 1,
  });
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<Status>('preliminary');
  const [source, setSource] = useState('');
  const chosen = indicators.find((one) => one.code === indicator);
  const { fields } = command.errors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseNumber(value, language);
    const local: Record<string, string> = {};
    if (!parsed.ok) local.value = t(`form.${parsed.reason}`);
    if (!/^\d{4}$/u.test(period.year.trim())) local['period.year'] = t('form.not_a_number');
    const input = {
      province,
      indicator,
      period: periodOf({ ...period, year: period.year.trim() }),
      value: parsed.ok ? parsed.value : 0,
      unit: (chosen?.unit ?? 'count') as Unit,
      written: value.trim(),
      status,
      source,
    };
    const shown = value.trim();
    const done = t('form.report.done', { indicator, year: periodKeyOf(period), value: shown });
    await command.submit({ input }, local, done);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="report-title" noValidate>
      <h2 id="report-title">{t('form.report')}</h2>
      <fieldset disabled={disabled}>
        <Field id="report-indicator" label={t('form.indicator')} error={fields.indicator ?? fields.unit}>
          {(aria) => (
            <select {...aria} value={indicator} onChange={(event) => setIndicator(event.target.value)}>
              {indicators.map((one) => (
                <option key={one.code} value={one.code}>
                  {language === 'vi' ? one.nameVi : one.nameEn} ({one.unit})
                </option>
              ))}
            </select>
          )}
        </Field>
        <PeriodFields
          id="report-period"
          value={period}
          onChange={setPeriod}
          errors={fields}
          yearError={joined(fields['period.year'], fields.period, fields.province)}
        />
        <Field
          id="report-value"
          label={t('form.value')}
          help={t(language === 'vi' ? 'form.valueHelp' : 'form.valueHelpEn')}
          error={fields.value}
        >
          {(aria) => (
            <input {...aria} inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} />
          )}
        </Field>
        <Field id="report-status" label={t('form.reportStatus')} error={fields.status}>
          {(aria) => (
            <select {...aria} value={status} onChange={(event) => setStatus(event.target.value as typeof status)}>
              {STATUSES.map((one) => (
                <option key={one} value={one}>
                  {t(`reportStatus.${one}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="report-source" label={t('form.source')} error={fields.source}>
          {(aria) => <input {...aria} value={source} onChange={(event) => setSource(event.target.value)} />}
        </Field>
        <FormStatus errors={command.errors} done={command.done} />
        <button type="submit" disabled={command.sending}>
          {t('form.report.submit')}
        </button>
      </fieldset>
    </form>
  );
}

function joined(...messages: Array<string | undefined>): string | undefined {
  return messages.filter(Boolean).join(' ') || undefined;
}
