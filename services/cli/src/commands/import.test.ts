import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCommandBus, loadSeeds } from '@chitieu/commands';
import type { DatabaseHandle } from '@chitieu/database';
import { domainRegistry, seed004 } from '@chitieu/domain';
import { ChitieuError } from '@chitieu/errors';
import { createEventStore } from '@chitieu/event-store';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../run-command.js';
import { importTable } from './import.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../packages/domain/src/import/fixtures/${name}`, import.meta.url));
// The whole table of seed 004 II.2, which the catalogue now reads without a fault, and a table of the
// same shape with faults on most rows.
const CSV = fixture('kien-giang-132.csv');
const FAULTY = fixture('kien-giang-132-faulty.csv');

// Three rows of seed 004 II.2, figures exactly as the document writes them; line 1 is the header.
const CLEAN = `STT,Các chỉ tiêu,Năm 2017,Đến năm 2025,Đến năm 2030
1,Tuổi thọ trung bình (năm),"74,3",75,"75,5"
2,"Tỷ lệ tham gia bảo hiểm y tế trên dân số, phấn đấu đạt","83,14",95%,> 95%
6,Tỷ lệ suy dinh dưỡng thể thấp còi của trẻ em dưới 5 tuổi,"21,5%",< 20%,< 15%
`;
const directory = mkdtempSync(join(tmpdir(), 'chitieu-import-'));
const clean = join(directory, 'clean.csv');
writeFileSync(clean, CLEAN);
writeFileSync(join(directory, 'table.ods'), CLEAN);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const KIEN_GIANG = ['--province', 'kien-giang'];
const DOCUMENT = ['--issuer', 'Ủy ban nhân dân tỉnh Kiên Giang', '--issued-on', '2018-09-01'];
// The faulty table's lines, once per fault (line 10 has two).
const FAULT_LINES = [2, 3, 4, 5, 7, 9, 10, 10, 12, 13, 14];

describe.each(engines)('pnpm cli import on %s', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    const store = createEventStore(database.app, domainRegistry);
    await loadSeeds(store, createCommandBus(store));
  });
  afterEach(async () => {
    await database.close();
  });

  const run = (args: string[], handle: DatabaseHandle = database.app) => runCommand(importTable, handle, args);

  async function refusal(args: string[]): Promise<ChitieuError> {
    const error = await run(args).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ChitieuError);
    return error as ChitieuError;
  }

  async function eventCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(database.app.db);
    return rows[0]?.n ?? 0;
  }

  const planStream = (slug: string) =>
    createEventStore(database.app, domainRegistry).readStream({
      tenant: 'kien-giang',
      stream: `kien-giang/plan/${slug}`,
    });

  it('dry run: lists every faulty row with its line, and writes nothing', async () => {
    const before = await eventCount();
    const { code, lines } = await run([FAULTY, ...KIEN_GIANG, '--plan', '133/KH-TEST', '--dry-run']);
    expect(code).toBe(1);
    const faults = lines.filter((line) => line.startsWith('line '));
    expect(faults.map((line) => Number(/^line (\d+): /.exec(line)?.[1]))).toEqual(FAULT_LINES);
    expect(faults[1]).toBe(
      'line 3: unknown indicator "Tỷ lệ người dân biết bơi": its cells (Đến năm 2025, Đến năm 2030) were not imported',
    );
    expect(lines).toContain('kien-giang-132-faulty.csv: 3 baselines, 9 targets, 11 faults');
    expect(lines.at(-1)).toBe('nothing written: dry run');
    expect(await eventCount()).toBe(before);
  });

  it('without --dry-run refuses the same faulty rows and writes nothing', async () => {
    const before = await eventCount();
    const { code, lines } = await run([FAULTY, ...KIEN_GIANG, '--plan', '133/KH-TEST', ...DOCUMENT]);
    expect(code).toBe(1);
    expect(lines.filter((line) => line.startsWith('line ')).length).toBe(FAULT_LINES.length);
    expect(lines.at(-1)).toBe('nothing written: fix the faulty rows and import again');
    expect(await eventCount()).toBe(before);
    expect((await planStream('133-kh-test')).streamVersion).toBe(0);
  });

  it('adopts the whole table of seed 004 II.2 as a new plan: every row, milestones included', async () => {
    const before = await eventCount();
    const { code, lines } = await run([CSV, ...KIEN_GIANG, '--plan', '134/KH-TEST', ...DOCUMENT]);
    expect(code).toBe(0);
    expect(lines.filter((line) => line.startsWith('line '))).toEqual([]);
    expect(lines).toContain('kien-giang-132.csv: 13 baselines, 46 targets, 0 faults');
    expect(lines.at(-1)).toBe('adopted 134/KH-TEST in kien-giang: kien-giang/plan/134-kh-test version 1 (2017–2030)');
    expect(await eventCount()).toBe(before + 1);

    const { events } = await planStream('134-kh-test');
    expect(events.map((event) => event.type)).toEqual(['PlanAdopted']);
    const data = events[0]?.data as {
      baselines: Array<{ source?: string }>;
      targets: Array<{ source?: string; target: string; indicator: string; year: number; text?: string }>;
    };
    expect(data.baselines).toHaveLength(13);
    expect(data.targets).toHaveLength(46);
    expect(
      data.targets.filter((t) => t.text !== undefined).map((t) => `${t.target} ${t.indicator} ${t.year} ${t.text}`),
    ).toEqual([
      't41 communicable_disease_elimination 2030 Đạt',
      't44 regional_hospitals 2030 Hoàn thành',
      't45 emergency_115_centre 2025 Thành lập Trung tâm cấp cứu 115 tỉnh',
      't46 emergency_115_centre 2030 Hoàn thiện mạng lưới cấp cứu toàn tỉnh',
    ]);
    // The same targets as the seed's own 132/KH-UBND holds from its table, bar where each was read.
    const withoutSource = <T extends { source?: string }>(items: readonly T[]) =>
      items.map(({ source: _, ...rest }) => rest);
    const seeded = (seed004.plan?.targets ?? []).filter((t) => /, II\.2 row /.test(t.source ?? ''));
    expect(withoutSource(data.targets)).toEqual(withoutSource(seeded));
    expect(data.targets[40]?.source).toBe('kien-giang-132.csv, line 26');
  });

  it('adopts a clean table as a new plan, once: a second import of the number is refused', async () => {
    const before = await eventCount();
    const { code, text } = await run([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST', ...DOCUMENT]);
    expect(code).toBe(0);
    expect(text).toContain('clean.csv: 3 baselines, 6 targets, 0 faults');
    expect(text).toContain('adopted 999/KH-TEST in kien-giang: kien-giang/plan/999-kh-test version 1 (2017–2030)');
    expect(await eventCount()).toBe(before + 1);

    const { events } = await planStream('999-kh-test');
    expect(events.map((event) => event.type)).toEqual(['PlanAdopted']);
    const [adopted] = events;
    expect(adopted?.metadata).toMatchObject({
      actor: { id: 'cli-import', role: 'province', province: 'kien-giang' },
      source: 'clean.csv',
      document: { number: '999/KH-TEST', issuedOn: '2018-09-01' },
    });
    expect(adopted?.data).toMatchObject({
      plan: '999-kh-test',
      province: 'kien-giang',
      document: {
        number: '999/KH-TEST',
        kind: 'Kế hoạch',
        issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
        issuedOn: '2018-09-01',
      },
      implements: ['20-NQ/TW'],
      period: { from: 2017, to: 2030 },
    });
    const data = adopted?.data as {
      baselines: Array<Record<string, unknown>>;
      targets: Array<Record<string, unknown>>;
    };
    expect(data.baselines.map((b) => `${b.indicator} ${b.year} ${b.value} ${b.unit} ${b.written}`)).toEqual([
      'life_expectancy 2017 74.3 years 74,3',
      'health_insurance_coverage 2017 83.14 percent 83,14',
      'stunting_under5 2017 21.5 percent 21,5%',
    ]);
    expect(
      data.targets.map((t) => `${t.target} ${t.indicator} ${t.year} ${t.comparator} ${t.value} ${t.written}`),
    ).toEqual([
      't1 life_expectancy 2025 >= 75 75',
      't2 life_expectancy 2030 >= 75.5 75,5',
      't3 health_insurance_coverage 2025 >= 95 95%',
      't4 health_insurance_coverage 2030 > 95 > 95%',
      't5 stunting_under5 2025 < 20 < 20%',
      't6 stunting_under5 2030 < 15 < 15%',
    ]);
    expect(data.targets[2]?.source).toBe('clean.csv, line 3');

    const again = await refusal([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST', ...DOCUMENT]);
    expect([again.code, again.field]).toEqual(['VALIDATION_FAILED', 'document.number']);
    expect(await eventCount()).toBe(before + 1);
  });

  it.each([
    ['kien-giang-132', 0, [13, 46, []]],
    ['kien-giang-132-faulty', 1, [3, 9, FAULT_LINES]],
  ] as const)('reads %s.xlsx and .json to the same dry-run result as the CSV', async (name, exit, expected) => {
    const dryRun = async (file: string) => {
      const { code, lines } = await run([fixture(file), ...KIEN_GIANG, '--plan', '135/KH-TEST', '--dry-run', '--json']);
      expect(code).toBe(exit);
      expect(lines).toHaveLength(1);
      return JSON.parse(lines[0] as string) as {
        baselines: number;
        targets: number;
        faults: Array<{ line: number; reason: string }>;
        written: boolean;
      };
    };
    const csv = await dryRun(`${name}.csv`);
    expect([csv.baselines, csv.targets, csv.faults.map((fault) => fault.line)]).toEqual(expected);
    expect(csv.written).toBe(false);
    const xlsx = await dryRun(`${name}.xlsx`);
    const json = await dryRun(`${name}.json`);
    // XLSX rows are the CSV's lines; a JSON row's line is where its object opens.
    expect(xlsx).toEqual({ ...csv, file: `${name}.xlsx` });
    expect({ ...json, faults: json.faults.map((fault) => fault.reason) }).toEqual({
      ...csv,
      file: `${name}.json`,
      faults: csv.faults.map((fault) => fault.reason),
    });
  });

  it('reports rows outside --period at their lines, and passes a clean dry run with exit 0', async () => {
    const narrow = await run([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST', '--period', '2018-2025', '--dry-run']);
    expect(narrow.code).toBe(1);
    expect(narrow.lines.filter((line) => line.startsWith('line '))).toEqual(
      [2, 3, 4].map((line) => `line ${line}: a target for 2030 lies outside the plan's period (2018–2025)`),
    );
    const ok = await run([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST', '--dry-run']);
    expect(ok.code).toBe(0);
    expect(ok.lines.at(-1)).toBe(
      'dry run, nothing written: the table would adopt 999/KH-TEST in kien-giang (2017–2030)',
    );
    expect((await planStream('999-kh-test')).streamVersion).toBe(0);
  });

  it('refuses with typed errors: unknown format, missing document, merged province, no seeds', async () => {
    const before = await eventCount();
    const ods = await refusal([join(directory, 'table.ods'), ...KIEN_GIANG, '--plan', '1/KH', '--dry-run']);
    expect([ods.code, ods.field]).toEqual(['VALIDATION_FAILED', 'file']);
    const missing = await refusal([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST']);
    expect(missing.issues.map((issue) => issue.path)).toEqual(['issuer', 'issued-on']);
    // Kiên Giang ended on 2025-06-30: a plan it issues afterwards is the domain's refusal, as is.
    const merged = await refusal([
      clean,
      ...KIEN_GIANG,
      '--plan',
      '9/KH',
      '--issuer',
      'UBND',
      '--issued-on',
      '2025-08-01',
    ]);
    expect(merged.code).toBe('PROVINCE_MERGED');
    expect(await eventCount()).toBe(before);

    const empty = await freshDatabase(engine);
    try {
      const unseeded = await run([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST', ...DOCUMENT], empty.app).catch(
        (error: unknown) => error as ChitieuError,
      );
      expect(unseeded).toMatchObject({ code: 'NOT_FOUND', field: 'province' });
      // The dry run needs no seeds: it checks the table against the catalogue in the code.
      expect((await run([clean, ...KIEN_GIANG, '--plan', '999/KH-TEST', '--dry-run'], empty.app)).code).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
