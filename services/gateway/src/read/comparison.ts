import type { Combine, CombineProblem, Direction } from '@chitieu/domain';
import { assertNever, combineParts, dayBefore, rankRows } from '@chitieu/domain';
import { comparisonInputs, type StoredFigure } from './comparison-inputs.js';
import { nameOn } from './reference.js';
import type { ReadScope } from './scope.js';

/** Which provinces a comparison lists: the ones in force now, or the ones as they were before the merger. */
export type Geography = 'current' | 'pre_merger';

/** The note's reasons for a machine: `note` in parts, each with the provinces it names. */
export interface ComparisonNote {
  code: 'no_figure' | 'combined' | 'merged_figure' | CombineProblem['code'];
  provinces: string[];
  /** combined: the rule; no_weight: the weight (population); not_combinable: the catalogue's reason. */
  detail: string | undefined;
}

export interface ComparisonRow {
  province: string;
  name: string;
  value: number | undefined;
  unit: string | undefined;
  /** reported: the province's own figure; combined: from its predecessors; none: no figure. */
  source: 'reported' | 'combined' | 'none';
  /** Why there is no figure, or how it was combined, in English. */
  note: string | undefined;
  notes: ComparisonNote[];
  combinedFrom: string[];
  reportStatus: string | undefined;
  plan: string | undefined;
  target: string | undefined;
  targetYear: number | undefined;
  comparator: string | undefined;
  targetValue: number | undefined;
  documentNumber: string | undefined;
  status: string;
  progress: unknown;
  method: string | undefined;
  logPosition: string | undefined;
  rank: number | undefined;
}

export interface NationalComparison {
  indicator: string;
  year: number;
  geography: Geography;
  /** The day whose provinces are listed. */
  on: string;
  rows: ComparisonRow[];
}

/**
 * For an indicator and a year, every province's value, target, progress and rank. In the current
 * geography a successor without a figure of its own gets its predecessors' combined by the
 * indicator's rule (population-weighted by default); before the merger, a province whose figure was
 * only reported by its successor for the merged province has none, and the row says why.
 */
export async function nationalComparison(
  scope: ReadScope,
  input: { indicator: string; year: number; geography: Geography },
): Promise<NationalComparison | undefined> {
  const inputs = await comparisonInputs(scope, input.indicator, input.year);
  if (!inputs) return undefined;
  const { indicator, provinces, figures: stored, weights } = inputs;
  const combine = indicator.combine as Combine;
  const mergedOn = provinces
    .filter((province) => province.predecessors.length > 0 && province.valid_from)
    .map((province) => province.valid_from as string)
    .sort()[0];
  const on = input.geography === 'pre_merger' && mergedOn ? dayBefore(mergedOn) : (mergedOn ?? '9999-12-31');
  const listed = provinces.filter(
    (province) =>
      (province.valid_from === null || province.valid_from <= on) &&
      (input.geography === 'current'
        ? province.valid_to === null
        : province.valid_to === null || province.valid_to >= on),
  );

  const rows = listed.map((listedProvince): ComparisonRow => {
    const province = { ...listedProvince, name: nameOn(listedProvince, on) };
    const own = stored.get(province.province);
    if (own) return fromStored(province, own);
    if (input.geography === 'current' && province.predecessors.length > 0) {
      const parts = province.predecessors.map((id) => ({
        province: id,
        value: stored.get(id)?.value,
        weight: weights.get(id),
      }));
      const combined = combineParts(combine, parts);
      if (combined.ok) {
        return {
          ...empty(province, 'combined'),
          value: combined.value,
          unit: indicator.unit,
          combinedFrom: province.predecessors,
          note: `combined from ${province.predecessors.join(', ')} by ${combine.rule}`,
          notes: [{ code: 'combined', provinces: province.predecessors, detail: combine.rule }],
          status: 'no_target',
        };
      }
      const notes = combined.problems.map(noteOf);
      return { ...empty(province, 'none'), note: combined.reason, notes, combinedFrom: province.predecessors };
    }
    if (input.geography === 'pre_merger' && province.successor && stored.has(province.successor)) {
      return {
        ...empty(province, 'none'),
        note: `reported by ${province.successor} for the merged province; a merged figure cannot be split`,
        notes: [{ code: 'merged_figure', provinces: [province.successor], detail: undefined }],
      };
    }
    return empty(province, 'none');
  });
  const ranked = rankRows(rows, indicator.direction as Direction).map((row) => ({ ...row, rank: row.rank }));
  return { indicator: input.indicator, year: input.year, geography: input.geography, on, rows: ranked };
}

function noteOf(problem: CombineProblem): ComparisonNote {
  switch (problem.code) {
    case 'no_value':
      return { code: problem.code, provinces: problem.provinces, detail: undefined };
    case 'no_weight':
      return { code: problem.code, provinces: problem.provinces, detail: problem.weight };
    case 'not_combinable':
      return { code: problem.code, provinces: [], detail: problem.reason };
    case 'no_predecessor':
    case 'overflow':
      return { code: problem.code, provinces: [], detail: undefined };
    default:
      return assertNever(problem);
  }
}

function empty(province: { province: string; name: string }, source: ComparisonRow['source']): ComparisonRow {
  return {
    province: province.province,
    name: province.name,
    value: undefined,
    unit: undefined,
    source,
    note: source === 'none' ? 'no figure reported' : undefined,
    notes: source === 'none' ? [{ code: 'no_figure', provinces: [], detail: undefined }] : [],
    combinedFrom: [],
    reportStatus: undefined,
    plan: undefined,
    target: undefined,
    targetYear: undefined,
    comparator: undefined,
    targetValue: undefined,
    documentNumber: undefined,
    status: 'no_data',
    progress: undefined,
    method: undefined,
    logPosition: undefined,
    rank: undefined,
  };
}

function fromStored(province: { province: string; name: string }, row: StoredFigure): ComparisonRow {
  return {
    ...empty(province, 'reported'),
    note: undefined,
    notes: [],
    value: row.value,
    unit: row.unit,
    reportStatus: row.report_status,
    plan: row.plan ?? undefined,
    target: row.target ?? undefined,
    targetYear: row.target_year ?? undefined,
    comparator: row.comparator ?? undefined,
    targetValue: row.target_value ?? undefined,
    documentNumber: row.document_number ?? undefined,
    status: row.status,
    progress: row.progress,
    method: row.method,
    logPosition: row.log_position,
  };
}
