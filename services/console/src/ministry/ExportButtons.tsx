import { useLanguage } from '../i18n/language.js';
import { download, type ExportTable, toCsv, toXlsx } from './export-table.js';
import type { RankingRow } from './RankingTable.js';

function tableOf(rows: readonly RankingRow[], name: string): ExportTable {
  return {
    name,
    header: ['rank', 'province', 'name', 'value', 'unit', 'target', 'target_year', 'status', 'document', 'note'],
    rows: rows.map((row) => [
      row.rank,
      row.province,
      row.name,
      row.value,
      row.unit,
      row.targetValue,
      row.targetYear,
      row.status,
      row.documentNumber,
      row.note,
    ]),
  };
}

/** The ranking as shown, as CSV or XLSX. */
export function ExportButtons({ rows, name }: { rows: readonly RankingRow[]; name: string }) {
  const { t } = useLanguage();
  return (
    <div className="buttons">
      <button
        type="button"
        className="secondary"
        onClick={() => download(`${name}.csv`, toCsv(tableOf(rows, name)), 'text/csv;charset=utf-8')}
      >
        {t('ranking.exportCsv')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={async () =>
          download(
            `${name}.xlsx`,
            await toXlsx(tableOf(rows, name)),
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
        }
      >
        {t('ranking.exportXlsx')}
      </button>
    </div>
  );
}
