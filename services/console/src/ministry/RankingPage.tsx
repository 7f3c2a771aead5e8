import { useMemo } from 'react';
import { chunk, useChunk } from '../chunk.js';
import { useLanguage } from '../i18n/language.js';
import { QueryProblem } from '../layout/QueryProblem.js';
import { useLiveQuery } from '../live/use-live-query.js';
import { withParams } from '../route.js';
import { useAsOf, useRoute } from '../use-route.js';
import { ExportButtons } from './ExportButtons.js';
import { IndicatorsQuery, RankingQuery } from './queries.js';
import { RankingTable } from './RankingTable.js';
import { byRank } from './rank-order.js';
import { rankingChoice } from './ranking-choice.js';
import { useSeries } from './series.js';

// The chart library is the largest part of the console: it loads once the table is on screen.
const seriesChart = chunk(() => import('./SeriesChart.js').then((m) => m.SeriesChart));

/** The ministry's page: one indicator and year, every province ranked, in either geography. */
export function RankingPage() {
  const { t, language } = useLanguage();
  const [route, navigate] = useRoute();
  const asOf = useAsOf();
  const { indicator, year, geography } = rankingChoice(route.params);
  const set = (changes: Record<string, string | undefined>) => navigate(withParams(route, changes));

  const [indicators] = useLiveQuery(IndicatorsQuery, { asOf: asOf ?? null }, { asOf });
  const [ranking] = useLiveQuery(RankingQuery, { indicator, year, geography, asOf: asOf ?? null }, { asOf });
  const comparison = ranking.data?.nationalComparison;
  const SeriesChart = useChunk(seriesChart, comparison !== undefined);
  const points = useSeries({ indicator, geography, asOf: asOf ?? null, enabled: comparison !== undefined });
  const info = indicators.data?.indicators.find((one) => one.code === indicator);
  const indicatorName = info ? (language === 'vi' ? info.nameVi : info.nameEn) : indicator;
  const sorted = useMemo(() => [...(comparison?.rows ?? [])].sort(byRank), [comparison]);

  return (
    <section aria-labelledby="ranking-title">
      <h1 id="ranking-title">{t('ranking.title')}</h1>
      <form className="controls" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="indicator">{t('ranking.indicator')}</label>
          <select id="indicator" value={indicator} onChange={(event) => set({ indicator: event.target.value })}>
            {(indicators.data?.indicators ?? [{ code: indicator, nameVi: indicator, nameEn: indicator }]).map((one) => (
              <option key={one.code} value={one.code}>
                {language === 'vi' ? one.nameVi : one.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">{t('ranking.year')}</label>
          <input
            id="year"
            type="number"
            min={2000}
            max={2050}
            value={year}
            onChange={(event) => event.target.value && set({ year: event.target.value })}
          />
        </div>
        <fieldset className="field">
          <legend>{t('ranking.geography')}</legend>
          {(['current', 'pre_merger'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="geography"
                value={value}
                checked={geography === value}
                onChange={() => set({ geo: value === 'current' ? undefined : value })}
              />
              {t(value === 'current' ? 'ranking.current' : 'ranking.preMerger')}
            </label>
          ))}
        </fieldset>
      </form>
      {ranking.error && <QueryProblem error={ranking.error} />}
      {!comparison && ranking.fetching && <p>{t('loading')}</p>}
      {comparison && (
        <>
          <div className="table-tools">
            <p>{t('ranking.on', { count: comparison.rows.length, day: comparison.on })}</p>
            <ExportButtons rows={sorted} name={`${indicator}-${year}-${geography}`} />
          </div>
          {sorted.every((row) => row.value === null) && <p>{t('ranking.none')}</p>}
          <RankingTable rows={sorted} caption={`${indicatorName} — ${year}`} />
          {SeriesChart ? (
            <SeriesChart indicatorName={indicatorName} rows={sorted} points={points} />
          ) : (
            <p>{t('loading')}</p>
          )}
        </>
      )}
    </section>
  );
}
