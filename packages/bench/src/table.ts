import type { ReaderResult } from './correctness.js';

export interface Measurement {
  operation: string;
  events: number;
  /** Events per second. */
  ours: number;
  raw: number;
  peer: number | null;
  oursOverRaw: number;
  oursOverPeer: number | null;
  /** The least ours / raw the issue asks for; null where it sets none (or on PGlite). */
  goal: number | null;
  met: boolean | null;
}

export interface EngineReport {
  engine: 'pglite' | 'postgres';
  header: { date: string; node: string; cpu: string; cores: number; engine: string; postgres: string };
  eventsPerMeasurement: number;
  writers: number;
  readPageSize: number;
  followerBatchSize: number;
  throughput: Measurement[];
  /** Read-all throughput on the larger log over the smaller one, per store. */
  readAllGrowth: { ours: number; raw: number; peer: number | null; goal: number | null; met: boolean | null };
  correctness: { events: number; readers: ReaderResult[] };
  notes: string[];
  seconds: number;
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const goal = (target: number | null, met: boolean | null) =>
  target === null ? '—' : `≥ ${target.toFixed(2)} ${met ? 'met' : 'MISSED'}`;

/** Left-aligns the first column and right-aligns the rest, two spaces apart. */
export function renderTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderReport(report: EngineReport): string {
  const { header } = report;
  const lines = [
    `${header.date} · node ${header.node} · ${header.cpu} × ${header.cores} cores · engine ${header.engine} · ${header.postgres}`,
    `${integer(report.eventsPerMeasurement)} events per measurement · ${report.writers} writers · read-all in pages of ${integer(report.readPageSize)}`,
    '',
    renderTable([
      ['operation', 'ours ev/s', 'raw ev/s', 'peer ev/s', 'ours/raw', 'goal', 'ours/peer'],
      ...report.throughput.map((row) => [
        row.operation,
        integer(row.ours),
        integer(row.raw),
        row.peer === null ? '—' : integer(row.peer),
        ratio(row.oursOverRaw),
        goal(row.goal, row.met),
        ratio(row.oursOverPeer),
      ]),
    ]),
    '',
    `read-all as the log grows (larger log / smaller, events/s): ours ${ratio(report.readAllGrowth.ours)} ` +
      `(flat: ${goal(report.readAllGrowth.goal, report.readAllGrowth.met)}), raw ${ratio(report.readAllGrowth.raw)}, ` +
      `peer ${ratio(report.readAllGrowth.peer)}`,
    '',
    `correctness under load: ${report.writers} writers append ${integer(report.correctness.events)} events on ` +
      `8 tenants, one event per transaction, while each reader follows the log in batches of ${report.followerBatchSize}`,
    renderTable([
      ['reader', 'written', 'delivered', 'skipped', 'duplicated', 'foreign'],
      ...report.correctness.readers.map((reader) => [
        reader.reader,
        integer(reader.written),
        integer(reader.delivered),
        integer(reader.skipped),
        integer(reader.duplicated),
        integer(reader.foreign),
      ]),
    ]),
    '',
    ...report.notes.map((note) => `- ${note}`),
    `- ${report.engine} took ${report.seconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}
