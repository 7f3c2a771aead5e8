import type { ResultOf } from '../graphql.js';
import { useLanguage } from '../i18n/language.js';
import { type Status, StatusBadge } from '../layout/StatusBadge.js';
import { TableScroll } from '../layout/TableScroll.js';
import { formatNumber } from '../numbers/parse-number.js';
import { noteText } from './note-text.js';
import type { RankingQuery } from './queries.js';

export type RankingRow = NonNullable<ResultOf<typeof RankingQuery>['nationalComparison']>['rows'][number];

/** Every province ranked: value, target, progress in colour and words, the document behind the target. */
export function RankingTable({ rows, caption }: { rows: readonly RankingRow[]; caption: string }) {
  const { t, language } = useLanguage();
  return (
    <TableScroll label={caption}>
      <table className="ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ranking.rank')}</th>
            <th scope="col">{t('ranking.province')}</th>
            <th scope="col" className="number">
              {t('ranking.value')}
            </th>
            <th scope="col">{t('ranking.target')}</th>
            <th scope="col">{t('ranking.status')}</th>
            <th scope="col">{t('ranking.document')}</th>
            <th scope="col">{t('ranking.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.province} data-province={row.province}>
              <td>{row.rank ?? '—'}</td>
              <th scope="row">{row.name}</th>
              <td className="number">{formatNumber(row.value, language)}</td>
              <td>
                {row.targetValue === null
                  ? '—'
                  : `${row.comparator ?? ''} ${formatNumber(row.targetValue, language)} (${row.targetYear})`.trim()}
              </td>
              <td>
                <StatusBadge status={row.status as Status} />
              </td>
              <td>{row.documentNumber ?? '—'}</td>
              <td className="note">{noteText(row.notes, row.note, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
