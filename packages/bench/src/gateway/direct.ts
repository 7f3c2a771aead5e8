// The baselines: the same answers as the GraphQL operations, computed in process without HTTP or
// GraphQL — by the resolvers' own reads, and by one hand-written query each.
import type { Database } from '@chitieu/database';
import type { Actor } from '@chitieu/domain';
import {
  listProvinces,
  nationalComparison,
  plansOf,
  progressOfTargets,
  type ReadScope,
  targetsOfPlans,
  withReadScope,
} from '@chitieu/gateway';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { COMPARISON, type ComparisonView, comparisonView, PROVINCE, type TargetView, targetView } from './queries.js';

/** Weights of the indicator's combination rule (population-weighted mean), as the resolver reads them. */
const WEIGHT = 'population';

type Reader = <T>(run: (scope: ReadScope) => Promise<T>) => Promise<T>;

/** nationalComparison's reads, called as its resolver calls them: one read scope. */
export async function comparisonByResolverReads(db: Kysely<Database>, actor: Actor): Promise<ComparisonView[]> {
  const answer = await withReadScope(db, actor, undefined, (scope) => nationalComparison(scope, COMPARISON));
  return (answer?.rows ?? []).map(comparisonView);
}

/**
 * The comparison in one statement: the provinces in force, their own figure for the year, else
 * their predecessors' combined by population, ranked highest first (competition ranking).
 */
export async function comparisonByOneQuery(db: Kysely<Database>): Promise<ComparisonView[]> {
  const { rows } = await sql<{
    province: string;
    rank: string | null;
    value: number | null;
    target_value: number | null;
    status: string;
  }>`
    WITH live AS (SELECT generation FROM projection_generations WHERE status = 'live'),
    province AS (
      SELECT p.* FROM rm_provinces p JOIN live USING (generation) WHERE p.known_until IS NULL
    ),
    listed AS (
      SELECT province, predecessors FROM province
      WHERE valid_to IS NULL AND (valid_from IS NULL OR valid_from <= coalesce(
        (SELECT min(valid_from) FROM province WHERE cardinality(predecessors) > 0), '9999-12-31'))
    ),
    figure AS (
      SELECT c.tenant, c.indicator, c.value, c.target_value, c.status FROM rm_comparison c JOIN live USING (generation)
      WHERE c.known_until IS NULL AND c.year = ${COMPARISON.year} AND c.indicator IN (${COMPARISON.indicator}, ${WEIGHT})
    ),
    combined AS (
      SELECT l.province, sum(f.value * w.value) / sum(w.value) AS value,
             bool_and(f.value IS NOT NULL AND w.value > 0) AS complete
      FROM listed l CROSS JOIN unnest(l.predecessors) AS part(province)
      LEFT JOIN figure f ON f.tenant = part.province AND f.indicator = ${COMPARISON.indicator}
      LEFT JOIN figure w ON w.tenant = part.province AND w.indicator = ${WEIGHT}
      GROUP BY l.province
    ),
    answer AS (
      SELECT l.province, coalesce(f.value, CASE WHEN c.complete THEN c.value END) AS value, f.target_value,
             CASE WHEN f.tenant IS NOT NULL THEN f.status WHEN c.complete THEN 'no_target' ELSE 'no_data' END AS status
      FROM listed l
      LEFT JOIN figure f ON f.tenant = l.province AND f.indicator = ${COMPARISON.indicator}
      LEFT JOIN combined c ON c.province = l.province
    )
    SELECT province, value, target_value, status,
           CASE WHEN value IS NOT NULL THEN rank() OVER (ORDER BY value DESC NULLS LAST) END AS rank
    FROM answer`.execute(db);
  return rows.map((row) =>
    comparisonView({ ...row, rank: row.rank === null ? null : Number(row.rank), targetValue: row.target_value }),
  );
}

/** What the plans field and its nested loaders read: the province, its plans, their targets, their progress. */
async function progressReads(read: Reader): Promise<TargetView[]> {
  const [province] = await read((scope) => listProvinces(scope, { ids: [PROVINCE] }));
  const tenants = [PROVINCE, ...(province?.predecessors ?? [])];
  const plans = await read((scope) => plansOf(scope, tenants));
  if (plans.length === 0) return [];
  const targets = (
    await read((scope) =>
      targetsOfPlans(
        scope,
        plans.map((plan) => `${plan.tenant}/${plan.plan}`),
      ),
    )
  ).flat();
  if (targets.length === 0) return [];
  const keys = targets.map((target) => `${target.tenant}/${target.plan}/${target.target}`);
  const progress = await read((scope) => progressOfTargets(scope, keys));
  return targets.map((target, index) => {
    const result = progress[index]?.result as { status?: string; ratio?: number } | undefined;
    return targetView({ ...target, status: result?.status ?? null, ratio: result?.ratio ?? null });
  });
}

/** The province's progress by the resolvers' reads, all four in one read scope (one transaction). */
export function progressByResolverReads(db: Kysely<Database>, actor: Actor, asOf: Date | undefined) {
  return withReadScope(db, actor, asOf, (scope) => progressReads((run) => run(scope)));
}

/**
 * The same four reads in a read scope each, as the gateway ran them until a query's reads shared one
 * transaction (f00811a): the province loader, the plans field and the two nested loaders each
 * opened their own. The difference to the one-scope figure is what that change saved.
 */
export function progressByScopePerRead(db: Kysely<Database>, actor: Actor, asOf: Date | undefined) {
  return progressReads((run) => withReadScope(db, actor, asOf, run));
}

/** A read-model row's version visible now, or as of `asOf` (the rule of services/gateway/src/read/visible.ts). */
function visible(alias: string, asOf: Date | undefined): RawBuilder<boolean> {
  const until = sql.ref(`${alias}.known_until`);
  if (!asOf) return sql<boolean>`${until} IS NULL`;
  return sql<boolean>`${sql.ref(`${alias}.known_from`)} <= ${asOf} AND (${until} IS NULL OR ${until} > ${asOf})`;
}

/** The province's targets with their progress in one statement. */
export async function progressByOneQuery(db: Kysely<Database>, asOf: Date | undefined): Promise<TargetView[]> {
  const { rows } = await sql<{
    target: string;
    year: number;
    value: number | null;
    status: string | null;
    ratio: number | null;
  }>`
    WITH live AS (SELECT generation FROM projection_generations WHERE status = 'live'),
    own AS (
      SELECT ARRAY[${PROVINCE}::text] || coalesce((
        SELECT v.predecessors FROM rm_provinces v JOIN live USING (generation)
        WHERE v.province = ${PROVINCE} AND ${visible('v', asOf)}), '{}') AS tenants
    )
    SELECT t.target, t.year, t.value, r.result->>'status' AS status, (r.result->>'ratio')::float8 AS ratio
    FROM rm_plans p JOIN live USING (generation) JOIN own ON p.tenant = ANY (own.tenants)
    JOIN rm_targets t ON t.generation = p.generation AND t.tenant = p.tenant AND t.plan = p.plan AND ${visible('t', asOf)}
    LEFT JOIN rm_progress r ON r.generation = t.generation AND r.tenant = t.tenant AND r.plan = t.plan
      AND r.target = t.target AND ${visible('r', asOf)}
    WHERE ${visible('p', asOf)}
    ORDER BY p.tenant, p.period_from, t.target`.execute(db);
  return rows.map(targetView);
}

/** A read scope that reads nothing: the fixed cost of every `read` of a request. */
export function emptyScope(db: Kysely<Database>, actor: Actor) {
  return withReadScope(db, actor, undefined, async () => null);
}
