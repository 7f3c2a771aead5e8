import { useLanguage } from '../i18n/language.js';
import { TableScroll } from '../layout/TableScroll.js';
import { formatNumber } from '../numbers/parse-number.js';
import type { DryRun } from './dry-run.js';

/** The dry run's listing: a summary, every faulty row, then what would be written. */
export function DryRunListing({ dryRun }: { dryRun: DryRun }) {
  const { t, language } = useLanguage();
  const lineOf = (source?: string) => /line (\d+)$/u.exec(source ?? '')?.[1] ?? '';
  return (
    <div className="dry-run">
      <p>
        <strong>
          {t('import.rows', {
            file: dryRun.file,
            rows: dryRun.rows,
            baselines: dryRun.baselines.length,
            targets: dryRun.targets.length,
            faults: dryRun.faults.length,
          })}
        </strong>
      </p>
      {dryRun.faults.length > 0 && (
        <>
          <p role="alert">{t('import.faulty')}</p>
          <table>
            <caption>{t('import.fault')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.fault')}</th>
              </tr>
            </thead>
            <tbody>
              {dryRun.faults.map((fault) => (
                <tr key={`${fault.line}-${fault.column}-${fault.reason}`}>
                  <td>{fault.line}</td>
                  <td>{fault.column ? `[${fault.column}] ${fault.reason}` : fault.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <TableScroll label={t('province.targets')}>
        <table>
          <caption>{t('province.targets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.kind')}</th>
              <th scope="col">{t('province.indicator')}</th>
              <th scope="col">{t('province.year')}</th>
              <th scope="col">{t('ranking.value')}</th>
            </tr>
          </thead>
          <tbody>
            {dryRun.baselines.map((baseline) => (
              <tr key={`b-${baseline.indicator}-${baseline.year}-${baseline.source}`}>
                <td>{lineOf(baseline.source)}</td>
                <td>{t('import.baseline')}</td>
                <td>{baseline.indicator}</td>
                <td>{baseline.year}</td>
                <td>{baseline.written ?? formatNumber(baseline.value, language)}</td>
              </tr>
            ))}
            {dryRun.targets.map((target) => (
              <tr key={`t-${target.target}`}>
                <td>{lineOf(target.source)}</td>
                <td>{target.target}</td>
                <td>{target.indicator}</td>
                <td>{target.year}</td>
                <td>{target.written ?? `${target.comparator ?? ''} ${formatNumber(target.value, language)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
