import { type FormEvent, useState } from 'react';
import { Field } from '../forms/Field.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useCommand } from '../forms/use-command.js';
import { useLanguage } from '../i18n/language.js';
import { useSession } from '../session/session.js';
import { DryRunListing } from './DryRunListing.js';
import type { DryRun } from './dry-run.js';
import { AdoptMutation } from './queries.js';

const STEPS = ['import.step.reading', 'import.step.checked', 'import.step.writing', 'import.step.done'] as const;
const FIELDS = ['document.number', 'document.issuer', 'document.issuedOn', 'document.kind', 'file'];

/**
 * Import a target table: the gateway's dry run lists what the file holds and every faulty row
 * before anything is written; only a clean listing can then be adopted as a plan (`adoptPlan`).
 */
export function ImportPanel({ province, disabled }: { province: string; disabled: boolean }) {
  const { t } = useLanguage();
  const { token } = useSession();
  const command = useCommand(AdoptMutation, FIELDS);
  const [file, setFile] = useState<File | undefined>();
  const [number, setNumber] = useState('');
  const [kind, setKind] = useState('Kế hoạch');
  const [issuer, setIssuer] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [dryRun, setDryRun] = useState<DryRun | undefined>();
  const [step, setStep] = useState(-1);
  const [fileError, setFileError] = useState<string | undefined>();

  const check = async () => {
    if (!file) return setFileError(t('form.empty'));
    setStep(0);
    setDryRun(undefined);
    setFileError(undefined);
    const body = new FormData();
    body.set('file', file);
    const response = await fetch('/console/import/dry-run', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}` },
    });
    const json = (await response.json()) as DryRun & { errors?: Array<{ message: string }> };
    if (!response.ok) {
      setStep(-1);
      return setFileError(json.errors?.[0]?.message ?? response.statusText);
    }
    setDryRun(json);
    setStep(1);
  };

  const write = async (event: FormEvent) => {
    event.preventDefault();
    if (!dryRun?.period || dryRun.faults.length > 0) return;
    setStep(2);
    const input = {
      tenant: province,
      data: {
        province,
        document: { number, kind, issuer, issuedOn },
        implements: ['20-NQ/TW'],
        period: dryRun.period,
        baselines: dryRun.baselines,
        targets: dryRun.targets,
        budget: [],
        source: dryRun.file,
      },
    };
    // The listing's figures have the command's shape (the gateway's importer produced them).
    const ok = await command.submit(
      { input } as never,
      {},
      t('import.written', { number, targets: dryRun.targets.length }),
    );
    setStep(ok ? 3 : 1);
  };

  return (
    <form className="card form" onSubmit={write} aria-labelledby="import-title" noValidate>
      <h2 id="import-title">{t('form.import')}</h2>
      <fieldset disabled={disabled}>
        <Field id="import-file" label={t('import.file')} error={fileError ?? command.errors.fields.file}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,.xlsx,.json"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setDryRun(undefined);
                setStep(-1);
              }}
            />
          )}
        </Field>
        <button type="button" className="secondary" onClick={check}>
          {t('import.check')}
        </button>
        {step >= 0 && (
          <div className="progress" role="status">
            <progress max={STEPS.length - 1} value={step} aria-label={t('import.progress')} />
            <span>{t(STEPS[step] ?? 'import.step.reading')}</span>
          </div>
        )}
        {dryRun && <DryRunListing dryRun={dryRun} />}
        {dryRun && dryRun.faults.length === 0 && (
          <>
            <Field id="import-number" label={t('form.documentNumber')} error={command.errors.fields['document.number']}>
              {(aria) => <input {...aria} value={number} onChange={(event) => setNumber(event.target.value)} />}
            </Field>
            <Field id="import-kind" label={t('form.documentKind')} error={command.errors.fields['document.kind']}>
              {(aria) => <input {...aria} value={kind} onChange={(event) => setKind(event.target.value)} />}
            </Field>
            <Field id="import-issuer" label={t('form.documentIssuer')} error={command.errors.fields['document.issuer']}>
              {(aria) => <input {...aria} value={issuer} onChange={(event) => setIssuer(event.target.value)} />}
            </Field>
            <Field id="import-issued" label={t('form.issuedOn')} error={command.errors.fields['document.issuedOn']}>
              {(aria) => (
                <input {...aria} type="date" value={issuedOn} onChange={(event) => setIssuedOn(event.target.value)} />
              )}
            </Field>
            <FormStatus errors={command.errors} done={command.done} />
            <button type="submit" disabled={command.sending || step === 3}>
              {t('import.write')}
            </button>
          </>
        )}
      </fieldset>
    </form>
  );
}
