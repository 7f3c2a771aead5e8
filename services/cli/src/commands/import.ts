import { basename, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createCommandBus } from '@chitieu/commands';
import { ensureSchema } from '@chitieu/database';
import {
  type AdoptPlanData,
  type Baseline,
  baselineSchema,
  domainRegistry,
  findColumns,
  type ImportedTargets,
  NATIONAL_TENANT,
  planDocumentKindSchema,
  readTable,
  streams,
  type TableFault,
  type TableRow,
  type Target,
  targetSchema,
  targetsFromTable,
} from '@chitieu/domain';
import { ChitieuError, type FieldIssue } from '@chitieu/errors';
import { createEventStore } from '@chitieu/event-store';
import { createProgress, type Progress } from '@chitieu/logging';
import type { Command } from '../context.js';

interface ImportOptions {
  file: string;
  province: string;
  plan: string;
  kind: AdoptPlanData['document']['kind'];
  issuer?: string | undefined;
  issuedOn?: string | undefined;
  title?: string | undefined;
  period?: { from: number; to: number } | undefined;
  implements: string[];
  dryRun: boolean;
  json: boolean;
}

/**
 * `import FILE --province P --plan NUMBER [--kind K] [--issuer I] [--issued-on DATE] [--title T]
 * [--period FROM-TO] [--implements R …] [--dry-run] [--json]`: reads a target table (CSV, XLSX, JSON),
 * lists every row it cannot hold, and — only when there is none and this is not a dry run — adopts
 * the plan in province P through the command bus. Exit 0 when clean, 1 when any row is faulty (then
 * nothing is written); the domain's refusals (unknown province, duplicate number) propagate.
 */
export const importTable: Command = async ({ handle, logger, signal, args, out }) => {
  const options = parseOptions(args);
  // `pnpm cli` runs in services/cli; INIT_CWD is where the user typed the command.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), options.file);
  const file = basename(path);
  const rows = await readTable(path);
  const imported = targetsFromTable(rows, { file });
  const period = options.period ?? tablePeriod(rows);

  const progress = createProgress(`import ${file}`, logger);
  const faults = await checkRows(rows, imported, period, file, progress, signal);
  if (faults === undefined) return 130;
  const summary = {
    file,
    province: options.province,
    plan: options.plan,
    period,
    baselines: imported.baselines.length,
    targets: imported.targets.length,
    faults,
  };
  logger.info({ ...summary, faults: faults.length }, 'table read');
  const report = (status: string, extra: Record<string, unknown> = {}) => {
    if (options.json) {
      out(JSON.stringify({ ...summary, dryRun: options.dryRun, written: false, ...extra, status }));
      return;
    }
    for (const fault of faults) out(formatFault(fault));
    out(
      `${file}: ${count(summary.baselines, 'baseline')}, ${count(summary.targets, 'target')}, ${count(faults.length, 'fault')}`,
    );
    out(status);
  };

  if (faults.length > 0) {
    report(`nothing written: ${options.dryRun ? 'dry run' : 'fix the faulty rows and import again'}`);
    return 1;
  }
  if (options.dryRun) {
    report(`dry run, nothing written: the table would adopt ${options.plan} in ${options.province} (${span(period)})`);
    return 0;
  }
  if (signal.aborted) return 130;

  const { applied } = await ensureSchema(handle.db);
  logger.info({ applied }, 'database ready');
  const store = createEventStore(handle, domainRegistry);
  const registry = await store.readStream({ tenant: NATIONAL_TENANT, stream: streams.registry(), limit: 1 });
  if (registry.streamVersion === 0) {
    // Without this the domain's answer would be "unknown province", which sends people looking for a typo.
    const message = 'the province registry is empty: load the seeds first (`pnpm start` does on its first run)';
    throw new ChitieuError('NOT_FOUND', message, { province: options.province }, [{ path: 'province', message }]);
  }
  const result = await createCommandBus(store).execute(
    {
      type: 'AdoptPlan',
      tenant: options.province,
      data: {
        province: options.province,
        document: {
          number: options.plan,
          kind: options.kind,
          issuer: options.issuer as string,
          issuedOn: options.issuedOn as string,
          ...(options.title !== undefined && { title: options.title }),
        },
        implements: options.implements,
        period,
        baselines: imported.baselines,
        targets: imported.targets,
        budget: [],
        source: file,
      },
    },
    { actor: { id: 'cli-import', role: 'province', province: options.province }, source: file },
  );
  const stream = streams.plan(options.province, options.plan);
  const version = result.appended?.streamVersion;
  report(`adopted ${options.plan} in ${options.province}: ${stream} version ${version} (${span(period)})`, {
    written: true,
    stream,
    streamVersion: version,
  });
  return 0;
};

function parseOptions(args: string[]): ImportOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    // parseArgs throws a bare TypeError on an unknown option; main prints ChitieuErrors as usage errors.
    throw usage([{ path: 'args', message: (error as Error).message }]);
  }
  const { values, positionals } = parsed;
  const issues: FieldIssue[] = [];
  if (positionals.length !== 1)
    issues.push({ path: 'file', message: 'name exactly one table file (.csv, .xlsx, .json)' });
  if (!values.province)
    issues.push({ path: 'province', message: '--province is required (a province id: kien-giang)' });
  if (!values.plan) issues.push({ path: 'plan', message: '--plan is required (the document number: 132/KH-UBND)' });
  // A dry run checks the table only; recording the plan needs the document it rests on.
  if (!values['dry-run']) {
    if (!values.issuer) issues.push({ path: 'issuer', message: '--issuer is required (Ủy ban nhân dân tỉnh …)' });
    if (!values['issued-on']) issues.push({ path: 'issued-on', message: '--issued-on is required (YYYY-MM-DD)' });
  }
  const kind = planDocumentKindSchema.safeParse(values.kind);
  if (!kind.success) {
    const kinds = planDocumentKindSchema.options.join(', ');
    issues.push({ path: 'kind', message: `--kind must be one of ${kinds}; got ${values.kind}` });
  }
  const period = values.period === undefined ? undefined : parsePeriod(values.period, issues);
  if (issues.length > 0) throw usage(issues);
  return {
    file: positionals[0] as string,
    province: values.province as string,
    plan: values.plan as string,
    kind: kind.data as ImportOptions['kind'],
    issuer: values.issuer,
    issuedOn: values['issued-on'],
    title: values.title,
    period,
    implements: values.implements ?? ['20-NQ/TW'],
    dryRun: values['dry-run'],
    json: values.json,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      province: { type: 'string' },
      plan: { type: 'string' },
      kind: { type: 'string', default: 'Kế hoạch' },
      issuer: { type: 'string' },
      'issued-on': { type: 'string' },
      title: { type: 'string' },
      period: { type: 'string' },
      implements: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
}

function parsePeriod(text: string, issues: FieldIssue[]): { from: number; to: number } | undefined {
  const match = /^(\d{4})\s*[-–]\s*(\d{4})$/u.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from > to) {
    issues.push({ path: 'period', message: `--period must be FROM-TO in years (2018-2030), got ${text}` });
    return undefined;
  }
  return { from, to };
}

/** Without --period the plan spans the table: from its first year column to its last. */
function tablePeriod(rows: readonly TableRow[]): { from: number; to: number } {
  const { years } = findColumns([...new Set(rows.flatMap((row) => Object.keys(row.cells)))]);
  const all = years.map((column) => column.year);
  return { from: Math.min(...all), to: Math.max(...all) };
}

/**
 * The importer's faults, plus what the plan would refuse of each row's figures — the event schema,
 * a year outside the period, a second baseline for one indicator and year — so that every refusal
 * is reported at its line, not as `targets.17.year`. Undefined when interrupted.
 */
async function checkRows(
  rows: readonly TableRow[],
  imported: ImportedTargets,
  period: { from: number; to: number },
  file: string,
  progress: Progress,
  signal: AbortSignal,
): Promise<TableFault[] | undefined> {
  const byLine = groupBySource([...imported.baselines, ...imported.targets]);
  const faults: TableFault[] = [...imported.faults];
  const seen = new Set<string>();
  progress.total(rows.length);
  for (const [index, row] of rows.entries()) {
    // Yield now and then so that the bar redraws and Ctrl-C is heard on a large table.
    if (index % 200 === 199) {
      await nextTurn();
      if (signal.aborted) {
        progress.stop();
        return undefined;
      }
    }
    for (const figure of byLine.get(`${file}, line ${row.line}`) ?? []) {
      const fault = (reason: string) => faults.push({ line: row.line, reason });
      const isTarget = 'target' in figure;
      const shape = (isTarget ? targetSchema : baselineSchema).safeParse(figure);
      if (!shape.success) fault(`${figure.indicator} ${figure.year}: ${shape.error.issues[0]?.message}`);
      if (isTarget && (figure.year < period.from || figure.year > period.to)) {
        fault(`a target for ${figure.year} lies outside the plan's period (${span(period)})`);
      }
      if (!isTarget && figure.year > period.to) {
        fault(`a baseline of ${figure.year} lies after the plan's period (${span(period)})`);
      }
      const key = `${figure.indicator}/${figure.year}`;
      if (!isTarget && seen.has(key)) fault(`a second baseline of ${figure.indicator} for ${figure.year}`);
      if (!isTarget) seen.add(key);
    }
    progress.update(index + 1);
  }
  progress.stop();
  // Stable: the importer's faults of a line stay before the plan's.
  return faults.sort((a, b) => a.line - b.line);
}

/** Figures by their `source` (`"file.csv, line 5"`), as targetsFromTable writes it. */
function groupBySource(figures: ReadonlyArray<Baseline | Target>): Map<string, Array<Baseline | Target>> {
  const groups = new Map<string, Array<Baseline | Target>>();
  for (const figure of figures) {
    const list = groups.get(figure.source ?? '') ?? [];
    list.push(figure);
    groups.set(figure.source ?? '', list);
  }
  return groups;
}

function formatFault(fault: TableFault): string {
  // Most reasons quote the cell; the column says where it was when the reason does not.
  const column = fault.column && !fault.reason.includes(fault.column) ? ` [${fault.column}]` : '';
  return `line ${fault.line}: ${fault.reason}${column}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function span(period: { from: number; to: number }): string {
  return `${period.from}–${period.to}`;
}

function usage(issues: FieldIssue[]): ChitieuError {
  const message = issues.map((issue) => issue.message).join('; ');
  return new ChitieuError('VALIDATION_FAILED', message, {}, issues);
}
