// The platform's story end to end, through the command bus, on the seeded platform: the plans of
// 2018, yearly reports and their corrections, the 2025 merger, a 2026–2030 plan and its revision, a
// provincial review round, and every tenant's hash chain intact at the end. The chapters share one
// seeded database and run in file order; each writes streams of its own.
import type { PlanAdoptedData, ReportIndicatorData, ReportingRoundOpenedData } from '@chitieu/domain';
import { streams } from '@chitieu/domain';
import { engines } from '@chitieu/testing';
import { describe, expect, it } from 'vitest';
import { countEvents, officer, refused, useSeededCommands } from './seeded-test-support.js';

const KIEN_GIANG = officer('kien-giang');
const BAC_KAN = officer('bac-kan');
const THAI_NGUYEN = officer('thai-nguyen-2025');
const HAI_DUONG = officer('hai-duong');

const THAI_NGUYEN_PLAN = 'de-an-2026-2030-chua-ghi-so';

describe.each(engines)('the chitieu story on %s', (engine) => {
  const ctx = useSeededCommands(engine);

  const planStream = (tenant: string, plan: string) =>
    ctx.store.readStream({ tenant, stream: `${tenant}/plan/${plan}` });

  it('holds the plans adopted in 2018: Kiên Giang 132/KH-UBND with its baselines and 20 tasks', async () => {
    const { events } = await planStream('kien-giang', '132-kh-ubnd');
    const [adopted, ...rest] = events;
    expect(adopted?.type).toBe('PlanAdopted');
    const data = adopted?.data as PlanAdoptedData;
    expect(data.document).toMatchObject({ number: '132/KH-UBND', issuedOn: '2018-08-14', kind: 'Kế hoạch' });
    expect(data.period).toEqual({ from: 2018, to: 2030 });
    expect(data.baselines).toContainEqual(
      expect.objectContaining({ indicator: 'life_expectancy', year: 2017, value: 74.3, written: '74,3' }),
    );
    expect(rest.map((event) => event.type)).toEqual(Array(20).fill('PlanTaskAdded'));
    // Lai Châu's 24-CTr/TU of 2018 (seed 001) is there too.
    const laiChau = await planStream('lai-chau', '24-ctr-tu');
    expect(laiChau.events[0]?.data).toMatchObject({ document: { number: '24-CTr/TU', issuedOn: '2018-01-22' } });
  });

  it('records yearly reports, and a correction with a reason beside the version it supersedes', async () => {
    // Illustrative figures: no seed gives Kiên Giang's life expectancy for 2018–2024.
    const illustrative = [74.4, 74.5, 74.6, 74.6, 74.7, 74.8, 74.9];
    const report = (year: number, value: number): ReportIndicatorData => ({
      province: 'kien-giang',
      indicator: 'life_expectancy',
      period: { kind: 'year', year },
      value,
      unit: 'years',
      written: String(value).replace('.', ','),
      status: 'final',
      source: `Báo cáo kết quả thực hiện năm ${year} (minh họa)`,
    });
    const filed = [];
    for (const [index, value] of illustrative.entries()) {
      const result = await ctx.bus.execute(
        { type: 'ReportIndicator', data: report(2018 + index, value) },
        { actor: KIEN_GIANG },
      );
      expect(result.appended).toMatchObject({ tenant: 'kien-giang', streamVersion: 1 });
      filed.push(result);
    }
    const first = filed[2]?.appended?.events[0]?.eventId as string;
    const correction = {
      ...report(2020, 74.65),
      corrects: first,
      reason: 'Tổng cục Thống kê công bố số liệu chính thức',
    };
    await ctx.bus.execute({ type: 'CorrectReport', data: correction }, { actor: KIEN_GIANG });

    const stream = streams.report('kien-giang', 'life_expectancy', { kind: 'year', year: 2020 });
    const { events } = await ctx.store.readStream({ tenant: 'kien-giang', stream });
    expect(events.map((event) => [event.type, (event.data as { value: number }).value])).toEqual([
      ['IndicatorReported', 74.6],
      ['ReportCorrected', 74.65],
    ]);
    expect(events[1]?.data).toMatchObject({ corrects: first, reason: correction.reason });

    // A correction without a reason says where it is wrong and writes nothing (nor does it touch the stream).
    const { reason: _reason, ...unexplained } = { ...correction, value: 74.7, corrects: events[1]?.eventId as string };
    const error = await refused(ctx.store, () =>
      ctx.bus.execute({ type: 'CorrectReport', data: unexplained as typeof correction }, { actor: KIEN_GIANG }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect((await ctx.store.readStream({ tenant: 'kien-giang', stream })).streamVersion).toBe(2);
  });

  it('keeps the 2025 figures Thái Nguyên reported in its Đề án (seed 002)', async () => {
    const stream = streams.report('thai-nguyen-2025', 'doctors_per_10000', { kind: 'year', year: 2025 });
    const { events } = await ctx.store.readStream({ tenant: 'thai-nguyen-2025', stream });
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ value: 17.2, unit: 'per_10000', written: '17,2 bác sĩ/10.000 dân' }),
    ]);
  });

  it('ends Bắc Kạn on 2025-06-30 and lets Thái Nguyên file its earlier figures on its behalf', async () => {
    const reference = await ctx.bus.reference();
    expect(reference.province('bac-kan')).toMatchObject({ validTo: '2025-06-30', successor: 'thai-nguyen-2025' });
    expect(reference.province('thai-nguyen-2025')?.predecessors).toEqual(
      expect.arrayContaining(['bac-kan', 'thai-nguyen']),
    );

    // Illustrative figures throughout this chapter.
    const doctors = (year: number, value: number): ReportIndicatorData => ({
      province: 'bac-kan',
      indicator: 'doctors_per_10000',
      period: { kind: 'year', year },
      value,
      unit: 'per_10000',
      status: 'final',
      source: 'Báo cáo thống kê y tế (minh họa)',
    });
    const merged = await refused(ctx.store, () =>
      ctx.bus.execute({ type: 'ReportIndicator', data: doctors(2026, 15) }, { actor: BAC_KAN }),
    );
    expect(merged).toMatchObject({
      code: 'PROVINCE_MERGED',
      details: { province: 'bac-kan', successor: 'thai-nguyen-2025' },
    });

    const filed = await ctx.bus.execute({ type: 'ReportIndicator', data: doctors(2024, 14.2) }, { actor: THAI_NGUYEN });
    expect(filed.appended).toMatchObject({ tenant: 'bac-kan', stream: 'bac-kan/report/doctors_per_10000/2024' });
    const { events } = await ctx.store.readStream({
      tenant: 'bac-kan',
      stream: 'bac-kan/report/doctors_per_10000/2024',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tenant: 'bac-kan',
      type: 'IndicatorReported',
      data: { province: 'bac-kan', value: 14.2, filedBy: 'thai-nguyen-2025' },
      metadata: { actor: THAI_NGUYEN },
    });
  });

  it("adopts Thái Nguyên's 2026–2030 Đề án and revises a target with a reason and a document", async () => {
    const before = await planStream('thai-nguyen-2025', THAI_NGUYEN_PLAN);
    const adopted = before.events[0]?.data as PlanAdoptedData;
    expect(adopted.period).toEqual({ from: 2026, to: 2030 });
    expect(adopted.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          target: 't5',
          indicator: 'doctors_per_10000',
          year: 2030,
          comparator: '>=',
          value: 19,
        }),
        expect.objectContaining({ target: 't4', indicator: 'hospital_beds_per_10000', year: 2030, value: 50 }),
      ]),
    );
    expect(adopted.budget.find((line) => line.line === 'b1')).toMatchObject({
      amount: 4_421_755,
      written: '4.421.755',
    });

    // Illustrative revision: no seed raises the target; the document number is invented for the test.
    const document = {
      number: '15/NQ-HĐND (minh họa)',
      kind: 'Nghị quyết',
      issuer: 'HĐND tỉnh Thái Nguyên',
      issuedOn: '2026-07-10',
    };
    await ctx.bus.execute(
      {
        type: 'ReviseTarget',
        tenant: 'thai-nguyen-2025',
        plan: THAI_NGUYEN_PLAN,
        data: {
          target: 't5',
          value: 20,
          written: 'từ 20 bác sĩ trở lên',
          reason: 'Nâng chỉ tiêu theo Nghị quyết 72-NQ/TW',
          document,
          effectiveOn: '2026-07-10',
        },
      },
      { actor: THAI_NGUYEN },
    );
    const after = await planStream('thai-nguyen-2025', THAI_NGUYEN_PLAN);
    expect(after.events.map((event) => event.type)).toEqual(['PlanAdopted', 'TargetRevised']);
    expect(after.events[1]).toMatchObject({ data: { target: 't5', value: 20, document }, metadata: { document } });

    // A withdrawn target no longer changes (illustrative withdrawal of t14, one digital hospital).
    await ctx.bus.execute(
      {
        type: 'WithdrawTarget',
        tenant: 'thai-nguyen-2025',
        plan: THAI_NGUYEN_PLAN,
        data: { target: 't14', reason: 'Gộp vào chỉ tiêu chuyển đổi số chung', document, effectiveOn: '2026-07-10' },
      },
      { actor: THAI_NGUYEN },
    );
    const withdrawn = await refused(ctx.store, () =>
      ctx.bus.execute(
        {
          type: 'ReviseTarget',
          tenant: 'thai-nguyen-2025',
          plan: THAI_NGUYEN_PLAN,
          data: {
            target: 't14',
            value: 2,
            reason: 'Tăng số bệnh viện thông minh',
            document,
            effectiveOn: '2026-08-01',
          },
        },
        { actor: THAI_NGUYEN },
      ),
    );
    expect(withdrawn).toMatchObject({ code: 'VALIDATION_FAILED', field: 'target' });
  });

  it("opens Hải Dương's review round with its deadlines and records a late district report", async () => {
    const stream = streams.round('hai-duong', 'so-ket-5-nam-20-nqtw');
    const opened = await ctx.store.readStream({ tenant: 'hai-duong', stream });
    expect(opened.events[0]?.type).toBe('ReportingRoundOpened');
    const levels = (opened.events[0]?.data as ReportingRoundOpenedData | undefined)?.levels ?? [];
    expect(levels.map(({ level, deadline }) => [level, deadline])).toEqual([
      ['commune', '2022-10-01'],
      ['district', '2022-10-15'],
      ['province', '2022-10-25'],
      ['province', '2022-10-30'],
    ]);

    // A district two days after its deadline of 15/10/2022: recorded, flagged, never refused.
    const submitted = await ctx.bus.execute(
      {
        type: 'SubmitRoundReport',
        data: {
          tenant: 'hai-duong',
          round: 'so-ket-5-nam-20-nqtw',
          level: 'district',
          unit: 'Huyện ủy Kinh Môn',
          submittedOn: '2022-10-17',
        },
      },
      { actor: HAI_DUONG, now: new Date('2022-10-17T09:00:00+07:00') },
    );
    expect(submitted.appended).toMatchObject({ tenant: 'hai-duong', stream, streamVersion: 2 });
    const { events } = await ctx.store.readStream({ tenant: 'hai-duong', stream });
    expect(events.map((event) => event.type)).toEqual(['ReportingRoundOpened', 'RoundReportSubmitted']);
    expect(events[1]?.data).toMatchObject({ level: 'district', late: true, daysLate: 2 });
  });

  it("verifies every tenant's hash chain at the end", async () => {
    expect(await countEvents(ctx.store)).toBeGreaterThan(0);
    for (const tenant of ['national', 'kien-giang', 'thai-nguyen-2025', 'bac-kan', 'hai-duong', 'lai-chau']) {
      const result = await ctx.store.verify(tenant);
      expect(result, tenant).toMatchObject({ ok: true, tenant });
      expect(result.checked, tenant).toBeGreaterThan(0);
    }
  });
});
