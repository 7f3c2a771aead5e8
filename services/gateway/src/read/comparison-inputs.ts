import { sql } from 'kysely';
import type { ReadScope } from './scope.js';
import { visibleIn } from './visible.js';

/** A province's stored comparison row: its figure for the year with the target that governs it. */
export interface StoredFigure {
  value: number;
  unit: string;
  report_status: string;
  plan: string | null;
  target: string | null;
  target_year: number | null;
  comparator: string | null;
  target_value: number | null;
  document_number: string | null;
  progress: unknown;
  status: string;
  method: string;
  log_position: string;
}

/** Everything a national comparison is made of, read at the scope's instant. */
export interface ComparisonInputs {
  indicator: { direction: string; combine: unknown; unit: string };
  provinces: Array<{
    province: string;
    name: string;
    names: unknown;
    valid_from: string | null;
    valid_to: string | null;
    successor: string | null;
    predecessors: string[];
  }>;
  /** By province: its own figure of the indicator for the year. */
  figures: Map<string, StoredFigure>;
  /** By province: its figure of the indicator's weight (population) for the year, when the rule has one. */
  weights: Map<string, number>;
}

const FIGURE_COLUMNS = [
  'value',
  'unit',
  'report_status',
  'plan',
  'target',
  'target_year',
  'comparator',
  'target_value',
  'document_number',
  'progress',
  'status',
  'method',
  'log_position',
] as const;

/**
 * The indicator, every province, and each province's figure and weight for the year, in one
 * statement: one row per province (one row with no province when there is none), none when the
 * indicator is unknown at that instant.
 */
export async function comparisonInputs(
  scope: ReadScope,
  code: string,
  year: number,
): Promise<ComparisonInputs | undefined> {
  const rows = await scope.trx
    .with('indicator', (db) =>
      db
        .selectFrom('rm_indicators')
        .select(['direction', 'combine', 'unit'])
        .where(visibleIn(scope))
        .where('code', '=', code),
    )
    .with('province', (db) =>
      db
        .selectFrom('rm_provinces')
        .select(['province', 'name', 'names', 'valid_from', 'valid_to', 'successor', 'predecessors'])
        .where(visibleIn(scope)),
    )
    .with('figure', (db) =>
      db
        .selectFrom('rm_comparison')
        .select(['tenant', ...FIGURE_COLUMNS])
        .where(visibleIn(scope))
        .where('indicator', '=', code)
        .where('year', '=', year),
    )
    // The weight is another indicator, named by the rule (`{ rule, weight: 'population' }`).
    .with('weight', (db) =>
      db
        .selectFrom('rm_comparison')
        .select(['tenant', 'value'])
        .where(visibleIn(scope))
        .where('indicator', '=', (eb) =>
          eb.selectFrom('indicator').select(sql<string>`combine ->> 'weight'`.as('code')),
        )
        .where('year', '=', year),
    )
    .selectFrom('indicator')
    .leftJoin('province', (join) => join.onTrue())
    .leftJoin('figure', 'figure.tenant', 'province.province')
    .leftJoin('weight', 'weight.tenant', 'province.province')
    .select(['indicator.direction', 'indicator.combine', 'indicator.unit as indicator_unit'])
    .select([
      'province.province',
      'province.name',
      'province.names',
      'province.valid_from',
      'province.valid_to',
      'province.successor',
      'province.predecessors',
    ])
    .select(['figure.tenant as reported', ...FIGURE_COLUMNS.map((column) => `figure.${column}` as const)])
    .select('weight.value as weight')
    .execute();
  const first = rows[0];
  if (!first) return undefined;

  const inputs: ComparisonInputs = {
    indicator: { direction: first.direction, combine: first.combine, unit: first.indicator_unit },
    provinces: [],
    figures: new Map(),
    weights: new Map(),
  };
  for (const row of rows) {
    if (row.province === null) continue;
    inputs.provinces.push({
      ...row,
      province: row.province,
      name: row.name as string,
      predecessors: row.predecessors ?? [],
    });
    if (row.reported !== null) inputs.figures.set(row.province, row as StoredFigure);
    if (row.weight !== null) inputs.weights.set(row.province, row.weight);
  }
  return inputs;
}
