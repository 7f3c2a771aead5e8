import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { useLive } from '../live/live-events.js';
import { RankingQuery } from './queries.js';

/** The chart's years: one ranking read per year. */
export const YEARS = Array.from({ length: 16 }, (_, index) => 2015 + index);

/** One year of the chart: each province's value, and its governing target as `province:target`. */
export type Point = { year: number } & Record<string, number | null>;

/**
 * One indicator's yearly figures for every province, read once `enabled` (once the ranking is on
 * screen). Here rather than in the chart's chunk: the reads go out while the chart library loads,
 * not after it has loaded and drawn an empty chart.
 */
export function useSeries(props: {
  indicator: string;
  geography: 'current' | 'pre_merger';
  asOf: string | null;
  enabled: boolean;
}): Point[] {
  const { indicator, geography, asOf, enabled } = props;
  const client = useClient();
  const { version } = useLive();
  const [points, setPoints] = useState<Point[]>([]);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    // Once the log has grown (version > 0), past the cache like every other read of the page.
    const requestPolicy = version > 0 ? 'network-only' : 'cache-first';
    void Promise.all(
      YEARS.map((year) =>
        client.query(RankingQuery, { indicator, year, geography, asOf }, { requestPolicy }).toPromise(),
      ),
    ).then((results) => {
      if (cancelled) return;
      setPoints(
        results.map((result, index) => {
          const point: Point = { year: YEARS[index] as number } as Point;
          for (const row of result.data?.nationalComparison?.rows ?? []) {
            point[row.province] = row.value;
            point[`${row.province}:target`] = row.targetValue;
          }
          return point;
        }),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [client, indicator, geography, asOf, version, enabled]);

  return points;
}
