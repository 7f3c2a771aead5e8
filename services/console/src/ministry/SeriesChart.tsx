import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLanguage } from '../i18n/language.js';
import { formatNumber } from '../numbers/parse-number.js';
import { withParams } from '../route.js';
import { useRoute } from '../use-route.js';
import type { RankingRow } from './RankingTable.js';
import { type Point, YEARS } from './series.js';

/** 1 July 2025 as a fraction of the year axis. */
const MERGER = 2025 + 181 / 365;
// Colours distinguishable by the common colour blindnesses (Okabe–Ito), each with a dash of its own too.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** The yearly series (useSeries) of chosen provinces, each against its governing target, the merger marked. */
export function SeriesChart(props: { indicatorName: string; rows: readonly RankingRow[]; points: Point[] }) {
  const { t, language } = useLanguage();
  const [route, navigate] = useRoute();
  const { points } = props;

  const withFigures = props.rows.filter((row) => row.value !== null || row.targetValue !== null);
  const chosen = useMemo(() => {
    const asked = route.params.get('chart')?.split(',').filter(Boolean);
    if (asked?.length) return asked;
    return props.rows
      .filter((row) => row.value !== null)
      .slice(0, 3)
      .map((row) => row.province);
  }, [route, props.rows]);
  const names = new Map(props.rows.map((row) => [row.province, row.name]));

  const toggle = (province: string) => {
    const next = chosen.includes(province) ? chosen.filter((one) => one !== province) : [...chosen, province];
    navigate(withParams(route, { chart: next.join(',') || undefined }));
  };
  const summary = t('chart.summary', { indicator: props.indicatorName, from: YEARS[0] ?? '', to: YEARS.at(-1) ?? '' });

  return (
    <section aria-labelledby="chart-title" className="chart">
      <h2 id="chart-title">{t('chart.title')}</h2>
      <details>
        <summary>{t('chart.provinces')}</summary>
        <fieldset className="chart-provinces">
          <legend className="visually-hidden">{t('chart.provinces')}</legend>
          {withFigures.map((row) => (
            <label key={row.province} className="choice">
              <input type="checkbox" checked={chosen.includes(row.province)} onChange={() => toggle(row.province)} />
              {row.name}
            </label>
          ))}
        </fieldset>
      </details>
      <figure role="img" aria-label={`${summary}: ${chosen.map((one) => names.get(one) ?? one).join(', ')}`}>
        <ResponsiveContainer width="100%" height={320}>
          <LineChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="year"
              type="number"
              domain={[YEARS[0] ?? 2015, YEARS.at(-1) ?? 2030]}
              tickCount={8}
              allowDecimals={false}
            />
            <YAxis tickFormatter={(value: number) => formatNumber(value, language)} />
            <Tooltip
              formatter={(value) => formatNumber(Number(value), language)}
              labelFormatter={(year) => String(year)}
            />
            <Legend />
            <ReferenceLine
              x={MERGER}
              stroke="#333"
              strokeDasharray="4 2"
              label={{ value: t('chart.merger'), position: 'insideTopRight' }}
            />
            {chosen.flatMap((province, index) => {
              const colour = COLOURS[index % COLOURS.length];
              const name = names.get(province) ?? province;
              return [
                <Line key={province} dataKey={province} name={name} stroke={colour} strokeWidth={2} connectNulls dot />,
                <Line
                  key={`${province}:target`}
                  dataKey={`${province}:target`}
                  name={`${name} (${t('chart.target')})`}
                  stroke={colour}
                  strokeDasharray="6 4"
                  connectNulls
                  dot={false}
                />,
              ];
            })}
          </LineChart>
        </ResponsiveContainer>
        <figcaption>{summary}</figcaption>
      </figure>
    </section>
  );
}
