import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import type { Logger } from '@chitieu/logging';
import type { Kysely } from 'kysely';
import {
  comparisonByOneQuery,
  comparisonByResolverReads,
  emptyScope,
  progressByOneQuery,
  progressByResolverReads,
  progressByScopePerRead,
} from './direct.js';
import type { LoadProcess } from './load.js';
import { type LoadShape, runPool, type Sample, summarise } from './pool.js';
import { body, COMPARISON_QUERY, PROGRESS_QUERY, PROVINCE, REPLAY_QUERY, TYPENAME_QUERY } from './queries.js';
import type { LatencyRow, RatioRow } from './report.js';

/** The goals: HTTP within 3 × the direct SQL, asOf within 5 × the current state (p99). */
export const GOALS = { http: 3, asOf: 5 } as const;

/** One latency row: an id the ratios name it by, its label in the table, and what runs. */
interface Case {
  id: string;
  operation: string;
  run: (shape: LoadShape) => Promise<Sample>;
  /** The replay folds events on every request: fewer of them. */
  replay?: boolean;
}

/**
 * The ratios of p99 (and p50) the report gives, same concurrency: the issue's goals, each against
 * both baselines — the resolvers' own reads (what the gateway adds) and one hand-written query (what
 * the database needs for the answer) — and, without goals, what explains them.
 */
const RATIOS: ReadonlyArray<{ label: string; of: string; over: string; goal: number | null }> = [
  { label: 'nationalComparison: HTTP / its reads', of: 'comparison.http', over: 'comparison.reads', goal: GOALS.http },
  { label: 'nationalComparison: HTTP / one query', of: 'comparison.http', over: 'comparison.query', goal: GOALS.http },
  { label: 'progress: HTTP / its reads', of: 'progress.http', over: 'progress.reads', goal: GOALS.http },
  { label: 'progress: HTTP / one query', of: 'progress.http', over: 'progress.query', goal: GOALS.http },
  { label: 'progress: its reads / one query', of: 'progress.reads', over: 'progress.query', goal: null },
  { label: 'asOf: HTTP plans(asOf) / HTTP plans', of: 'past.http', over: 'progress.http', goal: GOALS.asOf },
  { label: 'asOf: direct reads asOf / now', of: 'past.reads', over: 'progress.reads', goal: null },
  { label: 'replay: provinceState(asOf) / HTTP plans', of: 'past.replay', over: 'progress.http', goal: null },
];

export interface LatencyInput {
  url: string;
  db: Kysely<Database>;
  load: LoadProcess;
  tokens: { ministry: string; province: string; auditor: string };
  actors: { ministry: Actor; province: Actor };
  asOf: Date;
}

/** The rows, by section; each section runs at every concurrency before the next starts. */
function sections(input: LatencyInput): Array<[string, Case[]]> {
  const { db, actors, tokens, asOf } = input;
  const http = (query: string, token: string, variables?: Record<string, unknown>) => (shape: LoadShape) =>
    input.load.run({ url: input.url, body: body(query, variables), token }, shape);
  const direct = (call: () => Promise<unknown>) => (shape: LoadShape) => runPool(shape, call);
  const past = { asOf: asOf.toISOString() };
  return [
    [
      'national comparison (ministry)',
      [
        {
          id: 'comparison.reads',
          operation: 'direct: its reads (nationalComparison), one scope',
          run: direct(() => comparisonByResolverReads(db, actors.ministry)),
        },
        {
          id: 'comparison.query',
          operation: 'direct: one hand-written query',
          run: direct(() => comparisonByOneQuery(db)),
        },
        { id: 'comparison.http', operation: 'HTTP nationalComparison', run: http(COMPARISON_QUERY, tokens.ministry) },
      ],
    ],
    [
      `progress of ${PROVINCE} (province token)`,
      [
        {
          id: 'progress.reads',
          operation: 'direct: its reads (plans, targets, progress), one scope',
          run: direct(() => progressByResolverReads(db, actors.province, undefined)),
        },
        {
          id: 'progress.scopes',
          operation: 'direct: the same reads, a scope each (the gateway until f00811a)',
          run: direct(() => progressByScopePerRead(db, actors.province, undefined)),
        },
        {
          id: 'progress.query',
          operation: 'direct: one hand-written query',
          run: direct(() => progressByOneQuery(db, undefined)),
        },
        {
          id: 'progress.http',
          operation: 'HTTP plans { targets { progress } }',
          run: http(PROGRESS_QUERY, tokens.province),
        },
      ],
    ],
    [
      'asOf: the same progress as of a past instant',
      [
        {
          id: 'past.reads',
          operation: 'direct: its reads with asOf, one scope',
          run: direct(() => progressByResolverReads(db, actors.province, asOf)),
        },
        { id: 'past.http', operation: 'HTTP plans(asOf)', run: http(PROGRESS_QUERY, tokens.province, past) },
        {
          id: 'past.replay',
          operation: 'HTTP provinceState(asOf) replay (auditor)',
          run: http(REPLAY_QUERY, tokens.auditor, past),
          replay: true,
        },
      ],
    ],
    [
      'fixed costs (what every request pays)',
      [
        {
          id: 'fixed.scope',
          operation: 'direct: an empty read scope',
          run: direct(() => emptyScope(db, actors.province)),
        },
        {
          id: 'fixed.http',
          operation: 'HTTP { __typename } (token checked, no read)',
          run: http(TYPENAME_QUERY, tokens.province),
        },
      ],
    ],
  ];
}

/** Every ratio the report gives, at each concurrency measured. */
function ratios(rows: readonly LatencyRow[]): RatioRow[] {
  const find = (id: string, concurrency: number) =>
    rows.find((row) => row.id === id && row.latency.concurrency === concurrency)?.latency;
  const concurrencies = [...new Set(rows.map((row) => row.latency.concurrency))];
  return RATIOS.flatMap(({ label, of, over, goal }) =>
    concurrencies.flatMap((concurrency) => {
      const top = find(of, concurrency);
      const bottom = find(over, concurrency);
      if (!top || !bottom) return [];
      const p99 = top.p99 / bottom.p99;
      return [{ label, concurrency, p50: top.p50 / bottom.p50, p99, goal, met: goal === null ? null : p99 <= goal }];
    }),
  );
}

/** Measures every row at every concurrency, one row at a time, then the ratios between them. */
export async function measureLatency(
  input: LatencyInput,
  options: { concurrencies: number[]; requests: number; warmUp: number; replayRequests: number },
  logger: Logger,
): Promise<{ latency: LatencyRow[]; ratios: RatioRow[] }> {
  const rows: LatencyRow[] = [];
  for (const [section, cases] of sections(input)) {
    for (const concurrency of options.concurrencies) {
      for (const { id, operation, run, replay } of cases) {
        const requests = replay ? options.replayRequests : options.requests;
        const shape = { concurrency, requests, warmUp: Math.min(options.warmUp, requests) };
        const latency = summarise(shape, await run(shape));
        rows.push({ section, id, operation, latency });
        logger.info({ id, ...latency }, 'measured');
      }
    }
  }
  return { latency: rows, ratios: ratios(rows) };
}
