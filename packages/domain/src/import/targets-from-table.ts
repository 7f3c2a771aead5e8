import { ChitieuError, type FieldIssue } from '@chitieu/errors';
import type { z } from 'zod';
import { INDICATORS, type IndicatorData } from '../catalogue/indicators.js';
import { type ParsedFigure, parseFigure } from '../figures/parse-figure.js';
import type { baselineSchema, Target } from '../plan/events.js';
import { checkFigure } from '../shared/checks.js';
import type { Comparator } from '../shared/comparator.js';
import { invalid } from '../shared/errors.js';
import type { Direction, Reference } from '../shared/reference.js';
import type { Unit } from '../shared/units.js';
import type { TableRow } from './read-table.js';
import { type RowContext, type RowIndicator, resolveIndicator, resolveRow } from './resolve-indicator.js';

/** A baseline as `PlanAdopted` carries it. */
export type Baseline = z.infer<typeof baselineSchema>;

/** A row (and cell, when one) the importer could not turn into a baseline or target, and why. */
export interface TableFault {
  line: number;
  column?: string;
  reason: string;
}

/** What a target table gives a plan: its baselines and targets, and every row it could not read. */
export interface ImportedTargets {
  baselines: Baseline[];
  targets: Target[];
  faults: TableFault[];
}

export interface TargetsFromTableOptions {
  /** The file's name, for each figure's `source` (`"kien-giang-132.csv, line 5"`). */
  file: string;
  /** The indicators names resolve against; the catalogue by default. */
  catalogue?: readonly IndicatorData[];
}

/** A year column: `Năm 2017` holds baselines, `Đến năm 2025` targets. */
export interface YearColumn {
  header: string;
  year: number;
  kind: 'baseline' | 'target';
}

/**
 * Finds the columns of a target table by their headers: the indicator's name (`Chỉ tiêu`, `Các chỉ
 * tiêu`) and the year columns — any header holding a year. A year column is a target column when
 * its header says "by" or "target" (`Đến năm 2025`, `Mục tiêu 2030`, `Kế hoạch 2025`), otherwise a
 * baseline column (`Năm 2017`, `Thực hiện 2017`). Throws VALIDATION_FAILED at `columns` when either
 * kind of column is missing.
 */
export function findColumns(headers: readonly string[]): { name: string; years: YearColumn[] } {
  const name = headers.find((header) => /chỉ tiêu/iu.test(header.normalize('NFC')));
  const years = headers.flatMap((header): YearColumn[] => {
    const year = /\b(19|20)\d{2}\b/u.exec(header)?.[0];
    if (year === undefined) return [];
    const target = /đến|mục tiêu|kế hoạch/iu.test(header.normalize('NFC'));
    return [{ header, year: Number(year), kind: target ? 'target' : 'baseline' }];
  });
  const issues: FieldIssue[] = [];
  const found = `found: ${headers.map((header) => JSON.stringify(header)).join(', ')}`;
  if (name === undefined) issues.push({ path: 'columns', message: `no indicator column ("Chỉ tiêu"); ${found}` });
  if (years.length === 0) issues.push({ path: 'columns', message: `no year column ("Năm 2017"); ${found}` });
  if (name === undefined || issues.length > 0) throw invalid(issues);
  return { name, years };
}

// Bullets that open a sub-row ("- Nam"); a main row has none.
const BULLET = /^[-–—+•]\s*/u;
// A cell that states nothing: empty, or a dash for "no figure".
const NOTHING = /^[-–—]?$/u;

const BY_DIRECTION: Record<Direction, Comparator> = { higher: '>=', lower: '<=', neutral: '=', milestone: '=' };

/**
 * Turns the rows of a target table shaped like seed 004 II.2 (STT, Chỉ tiêu, Năm 2017, Đến năm 2025,
 * Đến năm 2030) into baselines and targets. Each row's name is resolved to an indicator
 * (`resolveRow`; a row opening with a bullet is a sub-row of the last main row); each cell is read
 * with `parseFigure`. A cell without a unit takes the indicator's, a target cell without a comparator
 * takes the indicator's direction (`higher` → `>=`, `lower` → `<=`), `-` and empty cells are skipped.
 * A main row that names no indicator and holds no figure is a heading ("Giảm tỷ suất tử vong trẻ em:").
 * Cells of a milestone indicator that are not figures are milestone targets; in a row that names no
 * indicator, a cell naming a milestone indicator (`Thành lập Trung tâm cấp cứu 115 tỉnh`) is one.
 * Every other problem — unknown indicator, unreadable figure, unit not convertible to the
 * indicator's, impossible value, comparator in a baseline — is a fault with its line and reason,
 * and the rest of the table is still read. Targets are numbered `t1`, `t2` … in table order.
 */
export function targetsFromTable(rows: readonly TableRow[], options: TargetsFromTableOptions): ImportedTargets {
  const catalogue = options.catalogue ?? INDICATORS;
  const columns = findColumns([...new Set(rows.flatMap((row) => Object.keys(row.cells)))]);
  const result: ImportedTargets = { baselines: [], targets: [], faults: [] };
  const reader = new RowReader(result, catalogue, options.file);
  let context: RowContext | undefined;

  for (const row of rows) {
    const label = (row.cells[columns.name] ?? '').trim();
    const filled = columns.years.flatMap((column) => {
      const text = (row.cells[column.header] ?? '').trim();
      return NOTHING.test(text) ? [] : [{ column, text }];
    });
    const sub = BULLET.test(label);
    const name = label.replace(BULLET, '');
    if (!sub) context = { name };
    const resolved = resolveRow(name, sub ? context : undefined, catalogue);
    if (!sub && context) context.indicator = resolved?.indicator;
    if (name === '' && filled.length === 0) continue;

    if (name === '') {
      reader.fault(row.line, 'the row has figures but no indicator name');
    } else if (resolved) {
      for (const { column, text } of filled) reader.cell(row.line, resolved, column, text);
    } else {
      const unplaced = filled.filter(({ column, text }) => !reader.milestoneByText(row.line, column, text));
      if (unplaced.length > 0) {
        const under = sub && context ? ` (under "${context.name}")` : '';
        const cells = unplaced.map(({ column }) => column.header).join(', ');
        const column = unplaced.length === 1 ? unplaced[0]?.column.header : undefined;
        reader.fault(row.line, `unknown indicator "${name}"${under}: its cells (${cells}) were not imported`, column);
      }
    }
  }
  return result;
}

/** Turns cells into baselines, targets and faults, numbering targets in the order they come. */
class RowReader {
  private readonly reference: Reference;

  constructor(
    private readonly result: ImportedTargets,
    private readonly catalogue: readonly IndicatorData[],
    private readonly file: string,
  ) {
    const byCode = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
    // The catalogue as `checkFigure` consults it; the importer knows no provinces.
    this.reference = { indicator: (code) => byCode.get(code), province: () => undefined };
  }

  fault(line: number, reason: string, column?: string) {
    this.result.faults.push({ line, ...(column === undefined ? {} : { column }), reason });
  }

  cell(line: number, { indicator, alongside }: RowIndicator, column: YearColumn, text: string) {
    let figure: ParsedFigure;
    try {
      figure = parseFigure(text, column.header);
    } catch (error) {
      if (!(error instanceof ChitieuError)) throw error;
      if (indicator.unit === 'milestone' && column.kind === 'target') this.milestone(line, indicator, column, text);
      else this.fault(line, error.issues[0]?.message ?? error.message, column.header);
      return;
    }
    const unit = figure.unit ?? indicator.unit;
    const issues: FieldIssue[] = [];
    checkFigure(this.reference, { indicator: indicator.code, value: figure.value, unit }, column.header, issues);
    if (issues.length > 0) {
      this.fault(line, `${JSON.stringify(text)}: ${issues.map((issue) => issue.message).join('; ')}`, column.header);
      return;
    }
    if (column.kind === 'baseline' && figure.comparator !== undefined) {
      const reason = `${JSON.stringify(text)}: a baseline is a figure, not a comparison (${figure.comparator})`;
      this.fault(line, reason, column.header);
      return;
    }
    this.figure(line, indicator, column, { ...figure, unit });
    if (alongside) {
      const { value, written } = alongside;
      this.figure(line, alongside.indicator, column, { value, unit: alongside.indicator.unit, written });
    }
  }

  /** A target cell of a row naming no indicator may name a milestone itself; true when it did. */
  milestoneByText(line: number, column: YearColumn, text: string): boolean {
    const indicator = column.kind === 'target' ? resolveIndicator(text, this.catalogue) : undefined;
    if (indicator?.unit !== 'milestone') return false;
    this.milestone(line, indicator, column, text);
    return true;
  }

  private figure(
    line: number,
    indicator: IndicatorData,
    column: YearColumn,
    figure: { value: number; unit: Unit; written: string; comparator?: Comparator | undefined },
  ) {
    const { value, unit, written } = figure;
    const source = this.source(line);
    if (column.kind === 'baseline') {
      this.result.baselines.push({ indicator: indicator.code, year: column.year, value, unit, written, source });
      return;
    }
    this.result.targets.push({
      kind: 'absolute',
      target: this.nextTarget(),
      indicator: indicator.code,
      year: column.year,
      comparator: figure.comparator ?? BY_DIRECTION[indicator.direction],
      value,
      unit,
      written,
      source,
    });
  }

  private milestone(line: number, indicator: IndicatorData, column: YearColumn, text: string) {
    const target = this.nextTarget();
    const source = this.source(line);
    this.result.targets.push({ kind: 'milestone', target, indicator: indicator.code, year: column.year, text, source });
  }

  private nextTarget(): string {
    return `t${this.result.targets.length + 1}`;
  }

  private source(line: number): string {
    return `${this.file}, line ${line}`;
  }
}
