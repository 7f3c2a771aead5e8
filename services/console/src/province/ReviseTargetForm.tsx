import { type FormEvent, useState } from 'react';
import { Field } from '../forms/Field.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useCommand } from '../forms/use-command.js';
import { useLanguage } from '../i18n/language.js';
import { formatNumber, parseNumber } from '../numbers/parse-number.js';
import { ReviseMutation } from './queries.js';

export interface TargetChoice {
  plan: string;
  target: string;
  indicatorCode: string;
  year: number;
  value: number | null;
  comparator: string | null;
}

const FIELDS = ['target', 'value', 'reason', 'effectiveOn', 'document.number', 'document.kind', 'document.issuer'];

/** Revise a target under the legal document that changes it, from the day it takes effect. */
export function ReviseTargetForm({
  province,
  targets,
  disabled,
}: {
  province: string;
  targets: readonly TargetChoice[];
  disabled: boolean;
}) {
  const { t, language } = useLanguage();
  const command = useCommand(ReviseMutation, FIELDS);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(new Date().toISOString().slice(0, 10));
  const [number, setNumber] = useState('');
  const [kind, setKind] = useState('Quyết định');
  const [issuer, setIssuer] = useState('');
  const target = targets.find((one) => `${one.plan}/${one.target}` === key) ?? targets[0];
  const { fields } = command.errors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const parsed = parseNumber(value, language);
    const local: Record<string, string> = parsed.ok ? {} : { value: t(`form.${parsed.reason}`) };
    const input = {
      tenant: province,
      plan: target.plan,
      data: {
        target: target.target,
        ...(target.comparator && { comparator: target.comparator }),
        value: parsed.ok ? parsed.value : 0,
        written: value.trim(),
        reason,
        effectiveOn,
        document: { number, kind, issuer },
      },
    };
    await command.submit({ input }, local, t('form.revise.done'));
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="revise-title" noValidate>
      <h2 id="revise-title">{t('form.revise')}</h2>
      <fieldset disabled={disabled || targets.length === 0}>
        <Field id="revise-target" label={t('form.target')} error={fields.target}>
          {(aria) => (
            <select
              {...aria}
              value={target ? `${target.plan}/${target.target}` : ''}
              onChange={(event) => setKey(event.target.value)}
            >
              {targets.map((one) => (
                <option key={`${one.plan}/${one.target}`} value={`${one.plan}/${one.target}`}>
                  {one.target} · {one.indicatorCode} {one.year}: {one.comparator ?? ''}{' '}
                  {formatNumber(one.value, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="revise-value"
          label={t('form.value')}
          help={t(language === 'vi' ? 'form.valueHelp' : 'form.valueHelpEn')}
          error={fields.value}
        >
          {(aria) => (
            <input {...aria} inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} />
          )}
        </Field>
        <Field id="revise-reason" label={t('form.reason')} error={fields.reason}>
          {(aria) => <input {...aria} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <Field id="revise-effective" label={t('form.effectiveOn')} error={fields.effectiveOn}>
          {(aria) => (
            <input {...aria} type="date" value={effectiveOn} onChange={(event) => setEffectiveOn(event.target.value)} />
          )}
        </Field>
        <Field id="revise-number" label={t('form.documentNumber')} error={fields['document.number']}>
          {(aria) => <input {...aria} value={number} onChange={(event) => setNumber(event.target.value)} />}
        </Field>
        <Field id="revise-kind" label={t('form.documentKind')} error={fields['document.kind']}>
          {(aria) => <input {...aria} value={kind} onChange={(event) => setKind(event.target.value)} />}
        </Field>
        <Field id="revise-issuer" label={t('form.documentIssuer')} error={fields['document.issuer']}>
          {(aria) => <input {...aria} value={issuer} onChange={(event) => setIssuer(event.target.value)} />}
        </Field>
        <FormStatus errors={command.errors} done={command.done} />
        <button type="submit" disabled={command.sending}>
          {t('form.revise.submit')}
        </button>
      </fieldset>
    </form>
  );
}
