import type { FieldIssue } from '@chitieu/errors';
import { parse } from 'csv-parse/sync';
import type { LegalDocument } from '../shared/document.js';
import { invalid } from '../shared/errors.js';
import { slugify } from '../shared/slug.js';
import type { MergeProvinces, RegisterProvince, RegistryCommand, RenameProvince } from './commands.js';

/** Resolution 202/2025/QH15 of the National Assembly: 63 provincial units become 34. */
export const RESOLUTION_202_2025: LegalDocument = {
  number: '202/2025/QH15',
  kind: 'Nghị quyết',
  issuer: 'Quốc hội',
  issuedOn: '2025-06-12',
};

/** The day the 2025 merger took effect; predecessors end the day before. */
export const MERGER_2025_EFFECTIVE_ON = '2025-07-01';

/** One row of `provinces-2025.csv`: a pre-merger province and the province it became. */
export interface ProvinceRow {
  /** 1-based line in the file, for error paths (`lines.7.successor_name`). */
  line: number;
  oldCode: string;
  oldName: string;
  successorCode: string;
  successorName: string;
}

const COLUMNS = ['old_code', 'old_name', 'successor_code', 'successor_name'] as const;

/** Reads the CSV text (header `old_code,old_name,successor_code,successor_name`). Throws VALIDATION_FAILED at `lines.N`. */
export function parseProvincesCsv(text: string): ProvinceRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw invalid({ path: `lines.${line}`, message: error instanceof Error ? error.message : String(error) });
  }
  const [header, ...rows] = records;
  if (!header || header.join(',') !== COLUMNS.join(',')) {
    throw invalid({ path: 'lines.1', message: `the header must be ${COLUMNS.join(',')}` });
  }
  const issues: FieldIssue[] = [];
  const result = rows.map((row, index) => {
    const line = index + 2;
    const [oldCode = '', oldName = '', successorCode = '', successorName = ''] = row;
    COLUMNS.forEach((column, at) => {
      if (!row[at]) issues.push({ path: `lines.${line}.${column}`, message: 'empty' });
    });
    return { line, oldCode, oldName, successorCode, successorName };
  });
  if (issues.length > 0) throw invalid(issues);
  return result;
}

/**
 * The registry commands that record the 2025 merger from the CSV text, in the one order the
 * registry decider accepts:
 *
 * 1. every pre-merger province, in file order, `validFrom: null`, id = slug of its name;
 * 2. per successor that absorbed two or more provinces, in order of successor code: its registration
 *    (id `<slug>-2025`, valid from 2025-07-01, `succeeds` its predecessors so that it may take one
 *    of their codes) immediately followed by the merger;
 * 3. the renames of unchanged provinces whose name changed (Thừa Thiên Huế → Huế), same id.
 *
 * Throws VALIDATION_FAILED at `lines.N.<column>` for a file that does not describe such a merger.
 */
export function loadProvincesCsv(
  text: string,
  options: { effectiveOn?: string; legalBasis?: LegalDocument } = {},
): RegistryCommand[] {
  const effectiveOn = options.effectiveOn ?? MERGER_2025_EFFECTIVE_ON;
  const legalBasis = options.legalBasis ?? RESOLUTION_202_2025;
  const rows = parseProvincesCsv(text);
  const issues: FieldIssue[] = [];
  const groups = new Map<string, ProvinceRow[]>();
  const seenIds = new Map<string, number>();
  for (const row of rows) {
    const id = slugify(row.oldName);
    const earlier = seenIds.get(id);
    if (earlier !== undefined)
      issues.push({ path: `lines.${row.line}.old_name`, message: `same id ${id} as line ${earlier}` });
    seenIds.set(id, row.line);
    const group = groups.get(row.successorCode) ?? [];
    const first = group[0];
    if (first && first.successorName !== row.successorName) {
      const message = `successor ${row.successorCode} is named ${first.successorName} on line ${first.line}`;
      issues.push({ path: `lines.${row.line}.successor_name`, message });
    }
    groups.set(row.successorCode, [...group, row]);
  }

  const registrations: RegisterProvince[] = rows.map((row) => ({
    type: 'RegisterProvince',
    province: slugify(row.oldName),
    code: row.oldCode,
    name: row.oldName,
    validFrom: null,
  }));
  const mergers: Array<RegisterProvince | MergeProvinces> = [];
  const renames: RenameProvince[] = [];
  const year = effectiveOn.slice(0, 4);
  for (const [successorCode, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [only, ...others] = group;
    if (!only) continue;
    if (others.length === 0) {
      if (only.oldCode !== successorCode) {
        // Identity is never the code, but a lone change of code is no merger and has no event.
        issues.push({
          path: `lines.${only.line}.successor_code`,
          message: 'a province that only changes code is not a merger',
        });
      } else if (only.oldName !== only.successorName) {
        renames.push({
          type: 'RenameProvince',
          province: slugify(only.oldName),
          name: only.successorName,
          effectiveOn,
          legalBasis,
        });
      }
      continue;
    }
    const successor = `${slugify(only.successorName)}-${year}`;
    const predecessors = group.map((row) => slugify(row.oldName));
    mergers.push(
      {
        type: 'RegisterProvince',
        province: successor,
        code: successorCode,
        name: only.successorName,
        validFrom: effectiveOn,
        legalBasis,
        succeeds: predecessors,
      },
      { type: 'MergeProvinces', successor, predecessors, effectiveOn, legalBasis },
    );
  }
  if (issues.length > 0) throw invalid(issues);
  return [...registrations, ...mergers, ...renames];
}
