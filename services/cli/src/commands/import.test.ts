import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCommandBus, loadSeeds } from '@chitieu/commands';
import type { DatabaseHandle } from '@chitieu/database';
import { domainRegistry } from '@chitieu/domain';
import { ChitieuError } from '@chitieu/errors';
import { createEventStore } from '@chitieu/event-store';
import { createLogger } from '@chitieu/logging';
import { engines, freshDatabase, type TestDatabase } from '@chitieu/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../context.js';
import { importTable } from './import.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../packages/domain/src/import/fixtures/${name}`, import.meta.url));
const CSV = fixture('kien-giang-132.csv');

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
const FAULT_LINES = [26, 28, 29];

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

  async function run(args: string[], handle: DatabaseHandle = database.app) {
    const lines: string[] = [];
    const code = await importTable({
      handle,
      location: { engine, where: 'test' },
      logger: createLogger('test', 'silent'),
      signal: new AbortController().signal,
      args,
      out: (line) => lines.push(line),
    } satisfies CommandContext);
    return { code, lines, text: lines.join('\n') };
  }

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

  it('dry run: lists every row the catalogue cannot hold, with its line, and writes nothing', async () => {
    const before = await eventCount();
    const { code, lines } = await run([CSV, ...KIEN_GIANG, '--plan', '132/KH-UBND', '--dry-run']);
    expect(code).toBe(1);
    const faults = lines.filter((line) => line.startsWith('line '));
    expect(faults.map((line) => Number(/^line (\d+): /.exec(line)?.[1]))).toEqual(FAULT_LINES);
    expect(faults[0]).toBe(
      'line 26: unknown indicator "Cơ bản chấm dứt các dịch bệnh HIV/AIDS, lao và loại trừ sốt rét": its cells (Đến năm 2030) were not imported',
    );
    expect(lines).toContain('kien-giang-132.csv: 13 baselines, 43 targets, 3 faults');
    expect(await eventCount()).toBe(before);
  });

  it('without --dry-run refuses the same faulty rows and writes nothing', async () => {
    const before = await eventCount();
    const { code, lines } = await run([CSV, ...KIEN_GIANG, '--plan', '133/KH-TEST', ...DOCUMENT]);
    expect(code).toBe(1);
    expect(lines.filter((line) => line.startsWith('line ')).length).toBe(3);
    expect(lines.at(-1)).toBe('nothing written: fix the faulty rows and import again');
    expect(await eventCount()).toBe(before);
    expect((await planStream('133-kh-test')).streamVersion).toBe(0);
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

  it('reads the XLSX and JSON fixtures to the same dry-run result as the CSV', async () => {
    const dryRun = async (name: string) => {
      const { code, lines } = await run([fixture(name), ...KIEN_GIANG, '--plan', '132/KH-UBND', '--dry-run', '--json']);
      expect(code).toBe(1);
      expect(lines).toHaveLength(1);
      return JSON.parse(lines[0] as string) as {
        baselines: number;
        targets: number;
        faults: Array<{ line: number; reason: string }>;
        written: boolean;
      };
    };
    const csv = await dryRun('kien-giang-132.csv');
    expect([csv.baselines, csv.targets, csv.written]).toEqual([13, 43, false]);
    expect(csv.faults.map((fault) => fault.line)).toEqual(FAULT_LINES);
    const xlsx = await dryRun('kien-giang-132.xlsx');
    const json = await dryRun('kien-giang-132.json');
    // XLSX rows are the CSV's lines; a JSON row's line is where its object opens.
    expect(xlsx).toEqual({ ...csv, file: 'kien-giang-132.xlsx' });
    expect({ ...json, faults: json.faults.map((fault) => fault.reason) }).toEqual({
      ...csv,
      file: 'kien-giang-132.json',
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
