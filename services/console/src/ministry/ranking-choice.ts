import type { Client } from '@urql/core';
import { EARLY } from '../early-reads.js';
import { formatNumber } from '../numbers/parse-number.js';
import { IndicatorsQuery, RankingQuery } from './queries.js';
import { warmRankOrder } from './rank-order.js';

const DEFAULT_INDICATOR = 'doctors_per_10000';

/** What the ranking page shows, from its address's parameters. */
export function rankingChoice(params: URLSearchParams) {
  return {
    indicator: params.get('indicator') ?? DEFAULT_INDICATOR,
    year: Number(params.get('year') ?? 2025),
    geography: params.get('geo') === 'pre_merger' ? ('pre_merger' as const) : ('current' as const),
    asOf: params.get('asOf') ?? null,
  };
}

/**
 * The ranking page's two reads, asked for before the page renders (see early-reads.ts). While
 * their answers are on their way, ICU loads the data the render sorts names and writes numbers
 * with (20–60 ms here on first use), instead of in the render itself.
 */
export function readRankingEarly(client: Client, params: URLSearchParams): void {
  const choice = rankingChoice(params);
  void client.query(IndicatorsQuery, { asOf: choice.asOf }, EARLY).toPromise();
  void client.query(RankingQuery, choice, EARLY).toPromise();
  setTimeout(() => {
    warmRankOrder();
    formatNumber(0, 'vi');
    formatNumber(0, 'en');
  }, 0);
}
