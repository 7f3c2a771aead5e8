import { type FormEvent, type ReactNode, useState } from 'react';
import { Field } from '../forms/Field.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useCommand } from '../forms/use-command.js';
import { useLanguage } from '../i18n/language.js';
import { formatNumber, parseNumber } from '../numbers/parse-number.js';
import { CorrectMutation } from './queries.js';
import type { IndicatorChoice } from './ReportForm.js';

export interface ReportChoice {
  eventId: string;
  province: string;
  indicator: string;
  period: string;
  value: number;
  unit: string;
  status: string;
}

type Unit = 'cm' | 'count' | 'milestone' | 'million_vnd' | 'per_10000' | 'per_mille' | 'percent' | 'years';
type Period = { kind: string; year: number; half?: number; quarter?: number };

/** `2025`, `2025-H1`, `2025-Q3` back into the period the command takes. */
export function periodOf(key: string): Period {
  const [, year, half, quarter] = /^(\d{4})(?:-H(\d)|-Q(\d))?$/u.exec(key) ?? [];
  if (half) return { kind: 'half', year: Number(year), half: Number(half) };
  if (quarter) return { kind: 'quarter', year: Number(year), quarter: Number(quarter) };
  return { kind: 'year', year: Number(year) };
}

const FIELDS = ['corrects', 'value', 'reason', 'source', 'status'];

/**
 * Correct a reported figure: a new version naming the one it replaces, with a reason. The
 * indicator narrows which reports are asked for; `children` says when the list is partial.
 */
export function CorrectForm(props: {
  reports: readonly ReportChoice[];
  indicators: readonly IndicatorChoice[];
  indicator: string;
  onIndicator: (code: string) => void;
  disabled: boolean;
  children?: ReactNode;
}) {
  const { reports, disabled } = props;
  const { t, language } = useLanguage();
  const command = useCommand(CorrectMutation, FIELDS);
  const [corrects, setCorrects] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [source, setSource] = useState('');
  const report = reports.find((one) => one.eventId === corrects) ?? reports[0];
  const { fields } = command.errors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!report) return;
    const parsed = parseNumber(value, language);
    const local: Record<string, string> = parsed.ok ? {} : { value: t(`form.${parsed.reason}`) };
    const input = {
      corrects: report.eventId,
      province: report.province,
      indicator: report.indicator,
      period: periodOf(report.period),
      value: parsed.ok ? parsed.value : 0,
      unit: report.unit as Unit,
      written: value.trim(),
      status: report.status as 'estimate' | 'preliminary' | 'final',
      reason,
      source,
    };
    await command.submit({ input }, local, t('form.correct.done'));
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="correct-title" noValidate>
      <h2 id="correct-title">{t('form.correct')}</h2>
      <fieldset disabled={disabled}>
        <Field id="correct-indicator" label={t('form.indicator')}>
          {(aria) => (
            <select {...aria} value={props.indicator} onChange={(event) => props.onIndicator(event.target.value)}>
              <option value="">{t('form.allIndicators')}</option>
              {props.indicators.map((one) => (
                <option key={one.code} value={one.code}>
                  {one.code} · {language === 'vi' ? one.nameVi : one.nameEn}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="correct-report" label={t('form.whichReport')} error={fields.corrects}>
          {(aria) => (
            <select {...aria} value={report?.eventId ?? ''} onChange={(event) => setCorrects(event.target.value)}>
              {reports.map((one) => (
                <option key={one.eventId} value={one.eventId}>
                  {one.province} · {one.indicator} · {one.period} = {formatNumber(one.value, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {props.children}
        <Field
          id="correct-value"
          label={t('form.value')}
          help={t(language === 'vi' ? 'form.valueHelp' : 'form.valueHelpEn')}
          error={fields.value}
        >
          {(aria) => (
            <input {...aria} inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} />
          )}
        </Field>
        <Field id="correct-reason" label={t('form.reason')} error={fields.reason}>
          {(aria) => <input {...aria} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <Field id="correct-source" label={t('form.source')} error={fields.source}>
          {(aria) => <input {...aria} value={source} onChange={(event) => setSource(event.target.value)} />}
        </Field>
        <FormStatus errors={command.errors} done={command.done} />
        <button type="submit" disabled={command.sending || !report}>
          {t('form.correct.submit')}
        </button>
      </fieldset>
    </form>
  );
}
