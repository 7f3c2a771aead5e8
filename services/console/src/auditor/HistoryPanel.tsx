import { useState } from 'react';
import type { ResultOf } from '../graphql.js';
import { useLanguage } from '../i18n/language.js';
import { TableScroll } from '../layout/TableScroll.js';
import { formatNumber } from '../numbers/parse-number.js';
import { MoreButton } from '../paging/MoreButton.js';
import { pageOf } from '../paging/pages.js';
import { PageReaders, usePages } from '../paging/use-pages.js';
import { useAsOf } from '../use-route.js';
import { ReportHistoryQuery, TargetHistoryQuery } from './queries.js';

interface Version {
  revision: number;
  value: number | null;
  reason: string | null;
  recordedBy: unknown;
  knownFrom: string;
  change: string;
  document: string;
}

type PlanNode = ResultOf<typeof TargetHistoryQuery>['plans']['edges'][number]['node'];
type ReportNode = ResultOf<typeof ReportHistoryQuery>['reports']['edges'][number]['node'];

const plansPage = (data: ResultOf<typeof TargetHistoryQuery>) => pageOf(data.plans);
const reportsPage = (data: ResultOf<typeof ReportHistoryQuery>) => pageOf(data.reports);

/** A target's kinds of change (`TargetVersion.changeKind`), worded in i18n; another shows as sent. */
const TARGET_CHANGES = ['adopted', 'revised', 'withdrawn'] as const;
type TargetChange = (typeof TARGET_CHANGES)[number];
const isTargetChange = (kind: string): kind is TargetChange => (TARGET_CHANGES as readonly string[]).includes(kind);

const who = (recordedBy: unknown) =>
  typeof recordedBy === 'object' && recordedBy !== null && 'id' in recordedBy
    ? String(recordedBy.id)
    : JSON.stringify(recordedBy);

/** The history of any target or report of a province: each version with who, when and which document. */
export function HistoryPanel({ province }: { province: string }) {
  const { t, language } = useLanguage();
  const asOf = useAsOf();
  const variables = { province, asOf: asOf ?? null };
  const targets = usePages<PlanNode>(JSON.stringify(variables));
  const reports = usePages<ReportNode>(JSON.stringify(variables));
  const [chosen, setChosen] = useState('');
  // The readers render only their errors; they stay mounted whatever the panel shows.
  const readers = (
    <>
      <PageReaders pages={targets} query={TargetHistoryQuery} variables={variables} asOf={asOf} select={plansPage} />
      <PageReaders pages={reports} query={ReportHistoryQuery} variables={variables} asOf={asOf} select={reportsPage} />
    </>
  );
  if (!targets.loaded || !reports.loaded) {
    return (
      <>
        {readers}
        <p>{t('loading')}</p>
      </>
    );
  }

  const items = new Map<string, { label: string; versions: Version[] }>();
  for (const plan of targets.nodes) {
    for (const target of plan.targets) {
      items.set(`target:${target.id}`, {
        label: `${t('form.target')} ${plan.plan} ${target.target} · ${target.indicatorCode} ${target.year}`,
        versions: target.history.map((version) => ({
          revision: version.revision,
          value: version.value,
          reason: version.reason,
          recordedBy: version.recordedBy,
          knownFrom: version.knownFrom,
          change:
            (isTargetChange(version.changeKind) ? t(`change.${version.changeKind}`) : version.changeKind) +
            (version.effectiveOn ? ` (${version.effectiveOn})` : ''),
          document: [version.document?.kind, version.document?.number, version.document?.issuer]
            .filter(Boolean)
            .join(' '),
        })),
      });
    }
  }
  for (const report of reports.nodes) {
    items.set(`report:${report.id}`, {
      label: `${t('province.reports')} · ${report.indicator} ${report.period}`,
      versions: report.history.map((version) => ({
        revision: version.revision,
        value: version.value,
        reason: version.reason,
        recordedBy: version.recordedBy,
        knownFrom: version.knownFrom,
        change: t(version.corrects ? 'change.corrected' : 'change.reported'),
        document: version.source,
      })),
    });
  }
  const key = chosen || [...items.keys()][0] || '';
  const item = items.get(key);

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('audit.history')}</h2>
      {readers}
      <div className="field">
        <label htmlFor="history-of">{t('audit.historyOf')}</label>
        <select id="history-of" value={key} onChange={(event) => setChosen(event.target.value)}>
          {[...items].map(([id, one]) => (
            <option key={id} value={id}>
              {one.label}
            </option>
          ))}
        </select>
      </div>
      <MoreButton pages={targets} />
      <MoreButton pages={reports} />
      {item && (
        <TableScroll label={item.label}>
          <table className="history">
            <caption>{item.label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('province.revision')}</th>
                <th scope="col">{t('audit.change')}</th>
                <th scope="col">{t('ranking.value')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('ranking.document')}</th>
                <th scope="col">{t('form.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {item.versions.map((version) => (
                <tr key={version.revision}>
                  <td>{version.revision}</td>
                  <td>{version.change}</td>
                  <td className="number">{formatNumber(version.value, language)}</td>
                  <td>{who(version.recordedBy)}</td>
                  <td>
                    <time dateTime={version.knownFrom}>
                      {new Date(version.knownFrom).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}
                    </time>
                  </td>
                  <td>{version.document}</td>
                  <td>{version.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
