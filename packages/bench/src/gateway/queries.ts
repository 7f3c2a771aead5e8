// The GraphQL operations the bench sends, and the one shape their answers and the direct reads'
// are reduced to, so that "the same answer" can be checked field by field.

/** The national-comparison question of the issue. */
export const COMPARISON = { indicator: 'doctors_per_10000', year: 2025, geography: 'current' } as const;
/** The province of the users' stories (seed 002), merged from thai-nguyen and bac-kan. */
export const PROVINCE = 'thai-nguyen-2025';

export const COMPARISON_QUERY = `query NationalComparison {
  nationalComparison(indicator: "${COMPARISON.indicator}", year: ${COMPARISON.year}, geography: ${COMPARISON.geography}) {
    rows { province rank value targetValue status }
  }
}`;

/** A province's progress; sent without variables for now, with `asOf` for the past. */
export const PROGRESS_QUERY = `query ProvinceProgress($asOf: DateTime) {
  plans(province: "${PROVINCE}", asOf: $asOf) {
    edges { node { targets { target year value progress { status ratio } } } }
  }
}`;

/** The auditor's replay of the province from its events by the domain's evolve. */
export const REPLAY_QUERY = `query ProvinceState($asOf: DateTime!) {
  provinceState(province: "${PROVINCE}", asOf: $asOf)
}`;

/** The cheapest authenticated operation: what HTTP, the token and yoga cost with no read at all. */
export const TYPENAME_QUERY = 'query Typename { __typename }';

/** The body of a POST /graphql. */
export function body(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

export interface ComparisonView {
  province: string;
  rank: number | null;
  value: number | null;
  targetValue: number | null;
  status: string;
}

export interface TargetView {
  target: string;
  year: number;
  value: number | null;
  status: string | null;
  ratio: number | null;
}

// Floating-point sums in SQL and in JavaScript may differ in the last bits; 12 digits is agreement.
const number = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Number(value.toPrecision(12));

export function comparisonView(row: {
  province: string;
  rank?: number | null | undefined;
  value?: number | null | undefined;
  targetValue?: number | null | undefined;
  status: string;
}): ComparisonView {
  return {
    province: row.province,
    rank: row.rank ?? null,
    value: number(row.value),
    targetValue: number(row.targetValue),
    status: row.status,
  };
}

export function targetView(row: {
  target: string;
  year: number;
  value: number | null;
  status?: string | null | undefined;
  ratio?: number | null | undefined;
}): TargetView {
  return {
    target: row.target,
    year: row.year,
    value: number(row.value),
    status: row.status ?? null,
    ratio: number(row.ratio),
  };
}

/** The rows of a nationalComparison answer over HTTP. */
export function comparisonFromHttp(data: unknown): ComparisonView[] {
  const rows = (data as { nationalComparison: { rows: Parameters<typeof comparisonView>[0][] } | null })
    .nationalComparison?.rows;
  return (rows ?? []).map(comparisonView);
}

/** Every target of every plan of a plans answer over HTTP, with its progress. */
export function targetsFromHttp(data: unknown): TargetView[] {
  type Target = {
    target: string;
    year: number;
    value: number | null;
    progress: { status: string; ratio: number | null } | null;
  };
  const plans = (data as { plans: { edges: Array<{ node: { targets: Target[] } }> } }).plans.edges;
  return plans.flatMap((edge) =>
    edge.node.targets.map((target) =>
      targetView({ ...target, status: target.progress?.status ?? null, ratio: target.progress?.ratio ?? null }),
    ),
  );
}

/**
 * What differs between two answers, as lines to print (none when they agree). Order is ignored:
 * plans of one tenant and period, and provinces of equal rank, have no order to agree on.
 */
export function differences(label: string, expected: readonly object[], actual: readonly object[]): string[] {
  const keyed = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row)).sort();
  const want = keyed(expected);
  const got = keyed(actual);
  const missing = want.filter((row) => !got.includes(row));
  const extra = got.filter((row) => !want.includes(row));
  const count = want.length === got.length ? [] : [`${label}: ${want.length} rows expected, ${got.length} found`];
  return [
    ...count,
    ...missing.map((row) => `${label}: expected ${row}`),
    ...extra.map((row) => `${label}: unexpected ${row}`),
  ];
}
