import {
  type Baseline,
  baselineSchema,
  findColumns,
  parseCsvTable,
  parseJsonTable,
  parseXlsxTable,
  type TableFault,
  type TableRow,
  type Target,
  targetSchema,
  targetsFromTable,
} from '@chitieu/domain';
import { ChitieuError } from '@chitieu/errors';

export interface DryRun {
  file: string;
  rows: number;
  period: { from: number; to: number } | null;
  baselines: Baseline[];
  targets: Target[];
  faults: TableFault[];
}

/**
 * What `pnpm cli import --dry-run` reports, for a file sent by the console: the baselines and
 * targets the table holds and every row it cannot hold, nothing written. The console then sends
 * `adoptPlan` with these figures, so the write goes through the same command, checks and policies
 * as any other.
 */
export async function dryRunImport(file: string, content: Buffer): Promise<DryRun> {
  const rows = await readRows(file, content);
  const imported = targetsFromTable(rows, { file });
  const period = tablePeriod(rows);
  const faults: TableFault[] = [...imported.faults];
  // The event schema's refusals at the row they come from, not as `targets.17.year` after the write.
  for (const figure of [...imported.baselines, ...imported.targets]) {
    const line = Number(/line (\d+)$/u.exec(figure.source ?? '')?.[1] ?? 0);
    const isTarget = 'target' in figure;
    const shape = (isTarget ? targetSchema : baselineSchema).safeParse(figure);
    if (!shape.success)
      faults.push({ line, reason: `${figure.indicator} ${figure.year}: ${shape.error.issues[0]?.message}` });
  }
  faults.sort((a, b) => a.line - b.line);
  return { file, rows: rows.length, period, baselines: imported.baselines, targets: imported.targets, faults };
}

async function readRows(file: string, content: Buffer): Promise<TableRow[]> {
  const extension = file.split('.').pop()?.toLowerCase();
  try {
    if (extension === 'xlsx') return await parseXlsxTable(content);
    if (extension === 'csv') return parseCsvTable(content.toString('utf8'));
    if (extension === 'json') return parseJsonTable(content.toString('utf8'));
  } catch (error) {
    const message = `${file}: ${(error as Error).message}`;
    throw new ChitieuError('VALIDATION_FAILED', message, { file }, [{ path: 'file', message }], { cause: error });
  }
  const message = `unknown table format "${file}": expected .csv, .xlsx or .json`;
  throw new ChitieuError('VALIDATION_FAILED', message, { file }, [{ path: 'file', message }]);
}

/** The plan spans the table: from its first year column to its last (as the CLI does without --period). */
function tablePeriod(rows: readonly TableRow[]): { from: number; to: number } | null {
  const { years } = findColumns([...new Set(rows.flatMap((row) => Object.keys(row.cells)))]);
  if (years.length === 0) return null;
  const all = years.map((column) => column.year);
  return { from: Math.min(...all), to: Math.max(...all) };
}
