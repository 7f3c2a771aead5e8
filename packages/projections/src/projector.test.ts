import { officer, useSeededCommands } from '@chitieu/commands/test-support';
import { domainRegistry } from '@chitieu/domain';
import { engines, untilReadable } from '@chitieu/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { liveGeneration, PROJECTION_VERSION, READ_MODEL_TABLES, staleLiveGeneration } from './generations.js';
import { projectionLag } from './lag.js';
import { projectEvents } from './project-batch.js';
import { catchUp, startProjector } from './projector.js';
import { rebuildReadModels } from './rebuild.js';
import { sqlStore } from './sql-store.js';

const THAI_NGUYEN = 'thai-nguyen-2025';
const PLAN = 'de-an-2026-2030-chua-ghi-so';

describe.each(engines)('projector on %s', (engine) => {
  const context = useSeededCommands(engine);
  const project = async () => {
    await untilReadable(context.store.handle.db);
    return catchUp(context.store.handle, domainRegistry, { batchSize: 64 });
  };

  it('projects the seeds: provinces with lineage, targets, reports and the comparison', async () => {
    const lagBefore = await projectionLag(context.store.handle.db);
    expect(lagBefore.events).toBeGreaterThan(0);
    await project();
    const { db } = context.store.handle;
    expect((await projectionLag(db)).events).toBe(0);

    const provinces = await db.selectFrom('rm_provinces').selectAll().where('known_until', 'is', null).execute();
    expect(provinces).toHaveLength(63 + 23);
    const kienGiang = provinces.find((row) => row.province === 'kien-giang');
    expect(kienGiang).toMatchObject({ valid_to: '2025-06-30', successor: 'an-giang-2025' });
    const thaiNguyen = provinces.find((row) => row.province === THAI_NGUYEN);
    expect(thaiNguyen?.predecessors.sort()).toEqual(['bac-kan', 'thai-nguyen']);
    expect(thaiNguyen?.valid_from).toBe('2025-07-01');
    // The rename keeps the day it took effect, so readers show the name in force on their day.
    expect(provinces.find((row) => row.province === 'thua-thien-hue')?.names).toEqual([
      { name: 'Thừa Thiên Huế', from: null },
      { name: 'Huế', from: '2025-07-01' },
    ]);

    const t5 = await db
      .selectFrom('rm_targets')
      .selectAll()
      .where('tenant', '=', THAI_NGUYEN)
      .where('target', '=', 't5')
      .execute();
    expect(t5).toHaveLength(1);
    expect(t5[0]).toMatchObject({ indicator: 'doctors_per_10000', year: 2030, comparator: '>=', value: 19 });

    const comparison = await db
      .selectFrom('rm_comparison')
      .selectAll()
      .where('indicator', '=', 'doctors_per_10000')
      .where('year', '=', 2025)
      .where('known_until', 'is', null)
      .execute();
    const row = comparison.find((item) => item.tenant === THAI_NGUYEN);
    expect(row).toMatchObject({ value: 17.2, target: 't5', target_value: 19, target_year: 2030 });
    expect(row?.method).toMatch(/^open-sdg-cagr-ratio\//);

    // t8, "100 % insured by 2030", is a milestone stated under a percentage: the 2025 coverage of
    // 95 % says nothing of it (a figure ≥ 1 would otherwise read as "done").
    const t8 = await db
      .selectFrom('rm_progress')
      .select(['status'])
      .where('tenant', '=', THAI_NGUYEN)
      .where('target', '=', 't8')
      .where('known_until', 'is', null)
      .executeTakeFirst();
    expect(t8?.status).toBe('no_data');
    expect(row?.log_position).toMatch(/^\d+:\d+$/);
  });

  it('keeps every version of a revised target and answers as of before the revision', async () => {
    await project();
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await context.bus.execute(
      {
        type: 'ReviseTarget',
        tenant: THAI_NGUYEN,
        plan: PLAN,
        data: {
          target: 't5',
          value: 20,
          written: '20 bác sĩ',
          reason: 'test: the province raises its 2030 target',
          document: { number: '99/QĐ-UBND', kind: 'Quyết định', issuer: 'UBND tỉnh Thái Nguyên' },
          effectiveOn: '2026-03-02',
        },
      },
      { actor: officer(THAI_NGUYEN) },
    );
    expect(await project()).toBeGreaterThan(0);
    const { db } = context.store.handle;
    const versions = await db
      .selectFrom('rm_targets')
      .selectAll()
      .where('tenant', '=', THAI_NGUYEN)
      .where('target', '=', 't5')
      .orderBy('revision')
      .execute();
    expect(versions.map((version) => [version.revision, version.value, version.change_kind])).toEqual([
      [1, 19, 'adopted'],
      [2, 20, 'revised'],
    ]);
    expect(versions[0]?.known_until).toEqual(versions[1]?.known_from);
    expect(versions[1]?.document).toMatchObject({ number: '99/QĐ-UBND' });

    const asOf = await db
      .selectFrom('rm_comparison')
      .select(['target_value', 'known_from'])
      .where('tenant', '=', THAI_NGUYEN)
      .where('indicator', '=', 'doctors_per_10000')
      .where('year', '=', 2025)
      .where('known_from', '<=', before)
      .where((eb) => eb.or([eb('known_until', 'is', null), eb('known_until', '>', before)]))
      .execute();
    expect(asOf.map((item) => item.target_value)).toEqual([19]);
    const now = await db
      .selectFrom('rm_comparison')
      .select('target_value')
      .where('tenant', '=', THAI_NGUYEN)
      .where('indicator', '=', 'doctors_per_10000')
      .where('year', '=', 2025)
      .where('known_until', 'is', null)
      .execute();
    expect(now.map((item) => item.target_value)).toEqual([20]);
  });

  it('follows the log live and lets a writer wait until its own event is projected', async () => {
    const batches: number[] = [];
    const running = startProjector(context.store.handle, domainRegistry, {
      pollIntervalMs: 50,
      onBatch: (info) => batches.push(info.events),
    });
    const result = await context.bus.execute(
      {
        type: 'ReportIndicator',
        data: {
          province: THAI_NGUYEN,
          indicator: 'doctors_per_10000',
          period: { kind: 'year', year: 2026 },
          value: 17.9,
          unit: 'per_10000',
          written: '17,9',
          status: 'estimate',
          source: 'test: a form',
        },
      },
      { actor: officer(THAI_NGUYEN) },
    );
    const appended = result.appended?.events.at(-1);
    if (!appended) throw new Error('nothing appended');
    expect(await running.waitFor(appended, 20_000)).toBe(true);
    const row = await context.store.handle.db
      .selectFrom('rm_comparison')
      .select(['value', 'target', 'status'])
      .where('tenant', '=', THAI_NGUYEN)
      .where('indicator', '=', 'doctors_per_10000')
      .where('year', '=', 2026)
      .where('known_until', 'is', null)
      .executeTakeFirst();
    expect(row).toMatchObject({ value: 17.9, target: 't5' });
    expect(batches.length).toBeGreaterThan(0);
    await running.stop();
    await expect(running.done).resolves.toBeUndefined();
  });

  it('applies nothing twice: a second run finds nothing to do', async () => {
    await project();
    expect(await project()).toBe(0);
    const { db } = context.store.handle;
    const { rows } = await sql<{ events: bigint; log: bigint }>`
      SELECT (SELECT events FROM projection_generations WHERE status = 'live') AS events,
             (SELECT count(*) FROM events) AS log`.execute(db);
    expect(rows[0]?.events).toBe(rows[0]?.log);
  });

  it('moves no checkpoint and writes no row when a batch fails', async () => {
    const { db } = context.store.handle;
    const generation = (await liveGeneration(db)) ?? 1;
    const countRows = async () => {
      const { rows } = await sql<{ n: bigint }>`SELECT count(*) AS n FROM rm_targets`.execute(db);
      return rows[0]?.n;
    };
    const before = await countRows();
    const events = (await context.store.readAll({ limit: 50 })).events;
    await expect(
      db.transaction().execute(async (trx) => {
        await projectEvents(sqlStore(trx, generation), events);
        throw new Error('crash after applying');
      }),
    ).rejects.toThrow('crash after applying');
    expect(await countRows()).toBe(before);
  });

  it('rebuilds beside the live generation and switches to an identical one', async () => {
    await project();
    const { db } = context.store.handle;
    // Every row of every table, every column but the generation: the versions, not just the current rows.
    const snapshot = async (generation: number) => {
      const tables: Record<string, string[]> = {};
      for (const table of READ_MODEL_TABLES) {
        const rows = await db.selectFrom(table).selectAll().where('generation', '=', generation).execute();
        tables[table] = rows
          .map(({ generation: _, ...row }) =>
            JSON.stringify(
              Object.entries(row).sort(([a], [b]) => a.localeCompare(b)),
              (_, value) => (typeof value === 'bigint' ? value.toString() : value),
            ),
          )
          .sort();
      }
      return tables;
    };
    const old = (await liveGeneration(db)) as number;
    const before = await snapshot(old);
    expect(before.rm_targets?.length).toBeGreaterThan(40);
    expect(before.rm_comparison?.length).toBeGreaterThan(0);
    await untilReadable(db);
    const result = await rebuildReadModels(context.store.handle, domainRegistry, { batchSize: 7 });
    expect(result.retired).toBe(old);
    expect(await liveGeneration(db)).toBe(result.generation);
    expect(await snapshot(result.generation)).toEqual(before);
    for (const rows of Object.values(await snapshot(old))) expect(rows).toEqual([]);
    // The live projector carries on with the new generation.
    expect(await project()).toBe(0);
  });

  it('tells read models built by older projection code, which a rebuild replaces', async () => {
    await project();
    const { db } = context.store.handle;
    expect(await staleLiveGeneration(db)).toBeUndefined();
    await db.updateTable('projection_generations').set({ version: 'older' }).where('status', '=', 'live').execute();
    expect(await staleLiveGeneration(db)).toMatchObject({ version: 'older' });
    const result = await rebuildReadModels(context.store.handle, domainRegistry);
    expect(await staleLiveGeneration(db)).toBeUndefined();
    const live = await db
      .selectFrom('projection_generations')
      .select(['generation', 'version'])
      .where('status', '=', 'live')
      .execute();
    expect(live).toEqual([{ generation: result.generation, version: PROJECTION_VERSION }]);
  });

  it('lets a request role read only its own tenant (row-level security)', async () => {
    await project();
    const { db } = context.store.handle;
    const tenantsSeen = (role: string, tenants: string) =>
      db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('chitieu.role', ${role}, true), set_config('chitieu.tenants', ${tenants}, true)`.execute(
          trx,
        );
        await sql`SET LOCAL ROLE chitieu_api`.execute(trx);
        const targets = await trx.selectFrom('rm_targets').select('tenant').distinct().execute();
        const events = await trx.selectFrom('events').select('tenant_id').distinct().execute();
        const comparison = await trx.selectFrom('rm_comparison').select('tenant').distinct().execute();
        return {
          targets: targets.map((row) => row.tenant).sort(),
          events: events.map((row) => row.tenant_id).sort(),
          comparison: comparison.length,
        };
      });
    const province = await tenantsSeen('province', THAI_NGUYEN);
    expect(province.targets).toEqual([THAI_NGUYEN]);
    expect(province.events).toEqual([THAI_NGUYEN]);
    const ministry = await tenantsSeen('ministry', '');
    expect(ministry.targets.length).toBeGreaterThan(1);
    // The national comparison is every province's to read.
    expect(province.comparison).toBe(ministry.comparison);
    expect(province.comparison).toBeGreaterThan(0);
    const nobody = await tenantsSeen('', '');
    expect(nobody.targets).toEqual([]);
    expect(nobody.events).toEqual([]);
  });
});
