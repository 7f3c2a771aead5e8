import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import type { Kysely } from 'kysely';
import {
  comparisonByOneQuery,
  comparisonByResolverReads,
  progressByOneQuery,
  progressByResolverReads,
  progressByScopePerRead,
} from './direct.js';
import {
  body,
  COMPARISON_QUERY,
  comparisonFromHttp,
  differences,
  PROGRESS_QUERY,
  REPLAY_QUERY,
  type TargetView,
  targetsFromHttp,
} from './queries.js';

/** One GraphQL POST from this process; the data, or an error naming what came back instead. */
export async function postGraphQL(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body(query, variables),
  });
  const answer = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (response.status !== 200 || answer.errors?.length || !answer.data) {
    throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
  }
  return answer.data;
}

/** How the answers compare, and how big they are: what the latency rows measured. */
export interface Agreement {
  /** Where the HTTP answer and a direct one differ; empty when every answer agreed. */
  mismatches: string[];
  sizes: {
    comparisonRows: number;
    targetsNow: number;
    targetsAsOf: number;
    /** Lines of difference between the current and the past answer: a past state, not the present again. */
    differingAsOf: number;
    replayedEvents: number;
  };
}

/**
 * Asks each question once over HTTP and once by every direct read, and lists where the answers
 * differ. A benchmark whose baseline computes another answer measures nothing, so this runs before
 * any timing; an empty answer would agree with itself, so it counts as a difference too.
 */
export async function checkAnswers(input: {
  url: string;
  db: Kysely<Database>;
  tokens: { ministry: string; province: string; auditor: string };
  actors: { ministry: Actor; province: Actor };
  asOf: Date;
}): Promise<Agreement> {
  const { url, db, tokens, actors, asOf } = input;
  const found: string[] = [];
  const answers: Record<string, TargetView[]> = {};

  const comparison = comparisonFromHttp(await postGraphQL(url, tokens.ministry, COMPARISON_QUERY));
  if (comparison.length === 0) found.push('nationalComparison: no rows over HTTP');
  found.push(
    ...differences(
      'nationalComparison, resolver reads',
      comparison,
      await comparisonByResolverReads(db, actors.ministry),
    ),
    ...differences('nationalComparison, one query', comparison, await comparisonByOneQuery(db)),
  );

  for (const at of [undefined, asOf]) {
    const label = at ? 'plans(asOf)' : 'plans';
    const variables = at ? { asOf: at.toISOString() } : undefined;
    const targets = targetsFromHttp(await postGraphQL(url, tokens.province, PROGRESS_QUERY, variables));
    answers[label] = targets;
    if (targets.length === 0) found.push(`${label}: no targets over HTTP`);
    found.push(
      ...differences(`${label}, reads in one scope`, targets, await progressByResolverReads(db, actors.province, at)),
      ...differences(`${label}, a scope per read`, targets, await progressByScopePerRead(db, actors.province, at)),
      ...differences(`${label}, one query`, targets, await progressByOneQuery(db, at)),
    );
  }

  const replay = (await postGraphQL(url, tokens.auditor, REPLAY_QUERY, { asOf: asOf.toISOString() })) as {
    provinceState: { events: number };
  };
  if (!(replay.provinceState.events > 0)) found.push('provinceState: replayed no event');
  const now = answers.plans ?? [];
  const past = answers['plans(asOf)'] ?? [];
  return {
    mismatches: found,
    sizes: {
      comparisonRows: comparison.length,
      targetsNow: now.length,
      targetsAsOf: past.length,
      differingAsOf: differences('', now, past).length,
      replayedEvents: replay.provinceState.events,
    },
  };
}
