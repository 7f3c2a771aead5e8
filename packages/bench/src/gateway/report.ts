import { renderTable } from '../table.js';
import type { Agreement } from './agreement.js';
import type { Latency } from './pool.js';
import type { Loaded } from './prepare.js';
import type { Profile, ProjectionFigures, Rate } from './projection.js';

/** One measured row: `id` is what the ratios name it by. */
export interface LatencyRow {
  section: string;
  id: string;
  operation: string;
  latency: Latency;
}

/** One row's p50 and p99 over another's at the same concurrency, with the most the issue allows. */
export interface RatioRow {
  label: string;
  concurrency: number;
  p50: number;
  p99: number;
  /** The largest p99 ratio the issue accepts; null where it sets none. */
  goal: number | null;
  met: boolean | null;
}

export interface GatewayReport {
  engine: 'pglite' | 'postgres';
  header: { date: string; node: string; cpu: string; cores: number; postgres: string };
  seeds: Loaded;
  dataset: Loaded & { scale: number; seed: number };
  projection: ProjectionFigures;
  /** The instant of the asOf rows (past-instant.ts). */
  asOf: string;
  requests: number;
  warmUp: number;
  latency: LatencyRow[];
  ratios: RatioRow[];
  sizes: Agreement['sizes'];
  /** Where the HTTP answer and a direct one differ; empty when every answer agreed. */
  mismatches: string[];
  notes: string[];
  seconds: number;
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
const seconds = (value: number) => `${value.toFixed(1)} s`;
// A ratio far below 0.01 would print as 0.00 and hide how far below the goal it is.
const ratio2 = (value: number) => (value >= 0.01 ? value.toFixed(2) : value.toPrecision(2));

function verdict(goal: number | null, met: boolean | null, sign: '≤' | '≥'): string {
  return goal === null ? '—' : `${sign} ${goal.toFixed(2)} ${met ? 'met' : 'MISSED'}`;
}

function projectionTable(report: GatewayReport): string {
  const { readAll, catchUp, rebuild, ratio, goal, met } = report.projection;
  const row = (label: string, figures: Rate, over: string, target: string, profile?: Profile) => [
    label,
    integer(figures.events),
    figures.seconds.toFixed(2),
    integer(figures.perSecond),
    over,
    target,
    profile ? profile.statementsPerEvent.toFixed(1) : '—',
    profile ? `${Math.round(profile.databaseShare * 100)} %` : '—',
  ];
  return renderTable([
    ['projection', 'events', 'seconds', 'events/s', '/ read-all', 'goal', 'statements/event', 'in database'],
    row('read-all (readAllBatches, pages of 1,000)', readAll, '1.00', '—'),
    ...(catchUp
      ? [
          row(
            'catchUp from zero (the live projector, batches of 500)',
            catchUp,
            ratio2(catchUp.perSecond / readAll.perSecond),
            '—',
            catchUp,
          ),
        ]
      : []),
    row('rebuildReadModels (batches of 1,000, switch included)', rebuild, ratio2(ratio), verdict(goal, met, '≥')),
  ]);
}

function latencyTable(report: GatewayReport): string {
  const rows: string[][] = [['operation', 'conc', 'p50 ms', 'p99 ms', 'req/s']];
  let section = '';
  for (const { section: name, operation, latency } of report.latency) {
    if (name !== section) {
      section = name;
      rows.push([section, '', '', '', '']);
    }
    rows.push([
      `  ${operation}${latency.failures ? ` (${latency.failures} FAILED)` : ''}`,
      String(latency.concurrency),
      ms(latency.p50),
      ms(latency.p99),
      integer(latency.perSecond),
    ]);
  }
  return renderTable(rows);
}

function ratioTable(report: GatewayReport): string {
  return renderTable([
    ['ratio (same concurrency)', 'conc', 'p50 ×', 'p99 ×', 'goal (p99)'],
    ...report.ratios.map((ratio) => [
      ratio.label,
      String(ratio.concurrency),
      ratio.p50.toFixed(2),
      ratio.p99.toFixed(2),
      verdict(ratio.goal, ratio.met, '≤'),
    ]),
  ]);
}

/** The report as the text `pnpm bench -- --gateway` prints. */
export function renderGatewayReport(report: GatewayReport): string {
  const { header, dataset, seeds } = report;
  const lines = [
    `${header.date} · node ${header.node} · ${header.cpu} × ${header.cores} cores · engine ${report.engine} · ${header.postgres}`,
    `dataset scale ${dataset.scale} (seed ${dataset.seed}): ${integer(dataset.events)} events in ${seconds(dataset.seconds)} ` +
      `(${integer(dataset.perSecond)} events/s, 8 tenants at once) after ${integer(seeds.events)} seed events in ${seconds(seeds.seconds)}`,
    '',
    projectionTable(report),
    `  rebuild: ${integer(report.projection.rebuild.rows)} rows; after folding the log, writing them, catching up ` +
      `and switching took ${seconds(report.projection.rebuild.switchSeconds)}; then deleting the retired generation ` +
      `${seconds(report.projection.rebuild.retireSeconds)}`,
    '',
    `latency: ${integer(report.requests)} requests after ${integer(report.warmUp)} of warm-up per row; asOf ${report.asOf}`,
    `answers: comparison ${report.sizes.comparisonRows} provinces; progress ${report.sizes.targetsNow} targets now, ` +
      `${report.sizes.targetsAsOf} as of (${report.sizes.differingAsOf} lines differ); replay folds ${report.sizes.replayedEvents} events`,
    latencyTable(report),
    '',
    ratioTable(report),
    '',
    ...report.notes.map((note) => `- ${note}`),
    report.mismatches.length === 0
      ? '- answers: HTTP and every direct read agree.'
      : `- ANSWERS DIFFER (${report.mismatches.length}):\n${report.mismatches.map((line) => `    ${line}`).join('\n')}`,
    `- ${report.engine} took ${seconds(report.seconds)}`,
  ];
  return lines.join('\n');
}
