import { fileURLToPath } from 'node:url';
import { engines } from '@chitieu/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, PLAN, type Running, startE2E, THAI_NGUYEN } from '../../../gateway/src/e2e/support.js';
import { tabOrder, wcagViolations } from './a11y.js';
import { ensureConsoleBuilt, launchChromium } from './browser.js';
import { xlsxRows } from './downloads.js';
import { screenshot } from './screenshots.js';

// The three users' stories of issue 6's "Done when", in Debian's Chromium against the real gateway
// (seeds loaded, a free port), on PGlite and, with DATABASE_URL, on a fresh server database. The
// stories run in order on one gateway: each starts from what the ones before it wrote, and those
// that change figures come after the stories that read them (the ranking's 17,9 for 2026).

/** A story's budget: a browser, the gateway and PGlite share two cores. */
const STORY_MS = 90_000;
/** How long a page may take to show what it read: expect.poll's default second is short on a busy CI machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Kiên Giang's table of seed 004 and a faulty one of the same shape, as the gateway's dry-run test reads them. */
const FIXTURES = fileURLToPath(new URL('../../../../packages/domain/src/import/fixtures/', import.meta.url));

const REPORT = `mutation ($input: ReportIndicatorInput!) { reportIndicator(input: $input) { projected } }`;
const ADD_TASK = `mutation ($input: AddPlanTaskInput!) { addPlanTask(input: $input) { projected } }`;

describe.each(engines)('the console in a browser (%s)', (engine) => {
  let e2e: Running;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    ensureConsoleBuilt();
    [e2e, browser] = await Promise.all([startE2E(engine, undefined, { devTokens: true }), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  }, STORY_MS);

  const save = (name: string) => (engine === 'pglite' ? screenshot(page, name) : Promise.resolve());
  /** Each user in a context of their own: nothing of the previous user's session is left. */
  const openSignIn = async (viewport = { width: 1366, height: 900 }) => {
    await context?.close();
    context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'UTC' });
    page = await context.newPage();
    await page.goto(`${e2e.gateway.url}/`);
  };
  const signIn = async (token: string, viewport?: { width: number; height: number }) => {
    await openSignIn(viewport);
    await page.getByLabel('Mã truy cập').fill(token);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('main h1').waitFor();
  };
  /**
   * In development, one click per user (`GET /console/dev-tokens`): the user lands on their own
   * page, signed in as who the button names.
   */
  const signInWithButton = async (role: 'Bộ Y tế' | 'tỉnh' | 'kiểm toán', hash: string, who: string) => {
    await openSignIn();
    await page.getByRole('button', { name: `Đăng nhập với vai trò ${role}` }).click();
    await page
      .locator('header .who')
      .filter({ hasText: `Đăng nhập: ${who} (${role})` })
      .waitFor();
    await poll(async () => new URL(page.url()).hash).toBe(hash);
  };
  const row = (province: string) => page.locator(`table.ranking tr[data-province="${province}"]`);
  const rankingRows = () => page.locator('table.ranking tbody tr');

  it(
    'the ministry, signed in with one click, ranks provinces on doctors per 10,000 in 2025, in both geographies',
    async () => {
      await signInWithButton('Bộ Y tế', '#/ministry', 'phan-tich@moh.gov.vn');
      await poll(() => rankingRows().count()).toBe(34);
      const thaiNguyen = row(THAI_NGUYEN);
      await poll(() => thaiNguyen.locator('td').first().innerText()).toBe('1');
      expect(await thaiNguyen.innerText()).toMatch(/Thái Nguyên\s+17,2\s+>= 19 \(2030\)/u);
      // The figures stand only for the merged province: the rows of the 34 say why they have none.
      expect(await row('an-giang-2025').locator('td.note').innerText()).toBe(
        'chưa có số liệu của an-giang, kien-giang; chưa có dân số của an-giang, kien-giang',
      );
      await save('ministry');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất CSV' }).click();
      const csv = await (await download).createReadStream().then(async (stream) => {
        let text = '';
        for await (const chunk of stream) text += chunk;
        return text;
      });
      expect(csv).toContain(`1,${THAI_NGUYEN},Thái Nguyên,17.2,per_10000,19,2030`);

      // The workbook keeps numbers as numbers: Excel sorts and sums them without a conversion.
      const xlsx = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất XLSX' }).click();
      expect((await xlsx).suggestedFilename()).toBe('doctors_per_10000-2025-current.xlsx');
      const [header, ...sheet] = await xlsxRows(await xlsx);
      expect(header?.slice(0, 7)).toEqual(['rank', 'province', 'name', 'value', 'unit', 'target', 'target_year']);
      expect(sheet).toHaveLength(34);
      expect(sheet.find((cells) => cells[1] === THAI_NGUYEN)?.slice(0, 7)).toEqual([
        1,
        THAI_NGUYEN,
        'Thái Nguyên',
        17.2,
        'per_10000',
        19,
        2030,
      ]);

      await page.getByLabel('63 tỉnh, thành trước 1/7/2025').check();
      await poll(() => rankingRows().count()).toBe(63);
      // Before the merger Thái Nguyên's 2025 figure belongs to the merged province and cannot be split.
      expect(await row('thai-nguyen').locator('td.note').innerText()).toBe(
        'thai-nguyen-2025 báo cáo cho tỉnh sau sáp nhập; số liệu đã gộp không tách được',
      );
      expect(await row('thai-nguyen').locator('td.number').innerText()).toBe('—');
    },
    STORY_MS,
  );

  it(
    'the ranking page has no WCAG 2 A/AA violation and its controls are reached with Tab, in order',
    async () => {
      // Loaded afresh (still the ministry's session), so that Tab starts from the top as a keyboard user's does.
      await page.goto(`${e2e.gateway.url}/#/ministry?geo=pre_merger`);
      await page.reload();
      await poll(() => rankingRows().count()).toBe(63);
      expect(await wcagViolations(page)).toEqual([]);
      // The skip link, the header, then the page's controls.
      const reached = await tabOrder(page, 30);
      expect(reached[0]).toBe('Chuyển đến nội dung');
      const controls = ['#indicator', '#year', 'radio pre_merger', 'Xuất CSV', 'Xuất XLSX'];
      expect(
        reached.filter((one) => controls.includes(one)),
        reached.join(' | '),
      ).toEqual(controls);
    },
    STORY_MS,
  );

  it(
    'the province, signed in with one click, reports a figure: a refused form shows the error at its field and keeps what was typed',
    async () => {
      await signInWithButton('tỉnh', `#/province/${THAI_NGUYEN}`, 'chuyen-vien@thai-nguyen');
      await page.locator('tr[data-target="t5"]').first().waitFor();
      expect(await page.locator('main h1').innerText()).toBe('Kế hoạch của Thái Nguyên');
      await save('province');
      // The correction form offers the seeds' figures, 2025's 17,2 doctors per 10,000 among them.
      const corrects = page.locator('#correct-report option', { hasText: 'doctors_per_10000 · 2025 = 17,2' });
      await poll(() => corrects.count()).toBe(1);

      const form = page.locator('form[aria-labelledby="report-title"]');
      await form.getByLabel('Chỉ số').selectOption('doctors_per_10000');
      await form.getByLabel('Năm').fill('2026');
      await form.getByLabel('Giá trị').fill('17,9');
      await form.getByLabel('Nguồn').fill('   ');
      await form.getByRole('button', { name: 'Báo cáo' }).click();
      // The gateway's VALIDATION_FAILED at `source`, shown under the field it names.
      const sourceError = form.locator('#report-source-error');
      await sourceError.waitFor();
      expect(await sourceError.innerText()).not.toBe('');
      expect(await form.getByLabel('Nguồn').getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByLabel('Giá trị').inputValue()).toBe('17,9');
      await save('province-form-error');

      // Sent from the keyboard: Enter in a field submits the form.
      await form.getByLabel('Nguồn').fill('Báo cáo Sở Y tế Thái Nguyên');
      await form.getByLabel('Nguồn').press('Enter');
      await form.getByRole('status').filter({ hasText: 'Đã ghi' }).waitFor();

      await page.getByRole('link', { name: 'Xếp hạng toàn quốc' }).click();
      await page.getByLabel('Năm').fill('2026');
      await poll(() => row(THAI_NGUYEN).innerText()).toMatch(/^1\s+Thái Nguyên\s+17,9/u);
    },
    STORY_MS,
  );

  it(
    'a province user who opens another province’s page is refused by the gateway',
    async () => {
      await page.goto(`${e2e.gateway.url}/#/province/lai-chau`);
      const refusal = page.locator('main [role="alert"]');
      await refusal.waitFor();
      expect(await refusal.innerText()).toMatch(/^Bị từ chối/u);
      expect(await refusal.getAttribute('data-code')).toBe('FORBIDDEN');

      // Signing out leaves Lai Châu's page: the next user, in the same tab, lands on their own.
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await poll(async () => new URL(page.url()).hash).toBe('#/sign-in');
      await page.getByLabel('Mã truy cập').fill(e2e.tokens.auditor);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await poll(async () => new URL(page.url()).hash).toBe('#/auditor');
    },
    STORY_MS,
  );

  it(
    'the auditor, signed in with one click, sees the ranking as it was before that report, the history, and verifies the chain',
    async () => {
      await signInWithButton('kiểm toán', '#/auditor', 'kiem-toan@sav.gov.vn');
      await page.getByLabel('Loại sự kiện').fill('IndicatorReported');
      await page.getByRole('button', { name: 'Lọc' }).click();
      const report = page.locator('li.event').filter({ hasText: 'chuyen-vien@thai-nguyen' }).last();
      await report.waitFor();
      await report.getByRole('button', { name: 'Xem như trước sự kiện này' }).click();
      await page.getByRole('status').filter({ hasText: 'Dữ liệu như đã biết lúc' }).waitFor();

      await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).first().click();
      const chain = page.locator('.chain-ok');
      await chain.waitFor();
      expect(await chain.innerText()).toMatch(/^Chuỗi nguyên vẹn: đã kiểm \d+ sự kiện/u);
      await save('auditor');

      // The as-of instant travels with the links: the 2026 ranking as it was has no Thái Nguyên figure.
      await page.getByRole('link', { name: 'Xếp hạng toàn quốc' }).click();
      await page.getByLabel('Năm').fill('2026');
      await poll(() => row(THAI_NGUYEN).innerText()).toMatch(/^—\s+Thái Nguyên\s+—/u);
      await page.getByRole('button', { name: 'Hiện tại' }).click();
      await poll(() => row(THAI_NGUYEN).innerText()).toMatch(/^1\s+Thái Nguyên\s+17,9/u);
    },
    STORY_MS,
  );

  it(
    'fits a phone: one column, the forms under the plans',
    async () => {
      await signIn(e2e.tokens.province, { width: 390, height: 844 });
      await page.locator('tr[data-target="t5"]').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await save('province-phone');
    },
    STORY_MS,
  );

  // The province's other forms write after every story above has read its figures.

  it(
    'the province marks a task of its plan done',
    async () => {
      // The console has no form to add a task (the plan's appendix is imported): the API adds one.
      const task = { task: 'nv-bac-si-xa', title: 'Rà soát bác sĩ tuyến xã', lead: 'Sở Y tế', deadline: 'Quý IV/2026' };
      dataOf(
        await e2e.gql(
          ADD_TASK,
          { input: { tenant: THAI_NGUYEN, plan: PLAN, data: { ...task, partners: [], product: 'Báo cáo rà soát' } } },
          e2e.tokens.province,
        ),
      );
      await signIn(e2e.tokens.province);
      const taskRow = page.locator('tr').filter({ has: page.getByRole('rowheader', { name: task.title }) });
      await taskRow.waitFor();
      expect(await taskRow.locator('td').nth(2).innerText()).toBe('chưa bắt đầu');

      await taskRow.getByRole('button', { name: `Đánh dấu hoàn thành ${task.task}` }).click();
      await poll(() => taskRow.locator('td').nth(2).innerText()).toBe('hoàn thành');
      expect(await taskRow.getByRole('button').count()).toBe(0);
    },
    STORY_MS,
  );

  it(
    'the province corrects its 2026 report with a reason, and the corrected figure replaces it',
    async () => {
      const form = page.locator('form[aria-labelledby="correct-title"]');
      const reported = form.locator('option', { hasText: 'doctors_per_10000 · 2026 = 17,9' });
      await poll(() => reported.count()).toBe(1);
      await form.getByLabel('Báo cáo cần đính chính').selectOption((await reported.getAttribute('value')) ?? '');
      await form.getByLabel('Giá trị').fill('18,1');
      await form.getByLabel('Lý do').fill('Sở Y tế rà soát lại số bác sĩ năm 2026');
      await form.getByLabel('Nguồn').fill('Công văn 88/SYT');
      await form.getByRole('button', { name: 'Đính chính' }).click();
      await form.getByRole('status').filter({ hasText: 'Đã ghi đính chính.' }).waitFor();
      // The reports the page lists hold the corrected figure, and no longer the one it replaced.
      await poll(() => form.locator('option', { hasText: 'doctors_per_10000 · 2026 = 18,1' }).count()).toBe(1);
      expect(await reported.count()).toBe(0);
    },
    STORY_MS,
  );

  it(
    'the province revises a target under a decision: without its number it is refused at that field, then written',
    async () => {
      const form = page.locator('form[aria-labelledby="revise-title"]');
      const t4 = form.locator('option', { hasText: 't4 · hospital_beds_per_10000 2030' });
      await form.getByLabel('Chỉ tiêu').selectOption((await t4.getAttribute('value')) ?? '');
      await form.getByLabel('Giá trị').fill('52');
      await form.getByLabel('Lý do').fill('Nâng chỉ tiêu giường bệnh theo quy hoạch');
      await form.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Thái Nguyên');
      await form.getByRole('button', { name: 'Điều chỉnh' }).click();
      // The document's number is required: the gateway's issue lands under that field.
      const numberError = form.locator('#revise-number-error');
      await numberError.waitFor();
      expect(await numberError.innerText()).not.toBe('');
      expect(await form.getByLabel('Số văn bản').getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByLabel('Giá trị').inputValue()).toBe('52');
      expect(await form.getByLabel('Lý do').inputValue()).toBe('Nâng chỉ tiêu giường bệnh theo quy hoạch');

      await form.getByLabel('Số văn bản').fill('45/QĐ-UBND');
      await form.getByRole('button', { name: 'Điều chỉnh' }).click();
      await form.getByRole('status').filter({ hasText: 'Đã ghi điều chỉnh.' }).waitFor();
      const target = page.locator(`article tr[data-target="t4"]`).first();
      // Target, revision and the document behind it, in the plan's table.
      await poll(() => target.innerText()).toMatch(/>= 52\s.*\s45\/QĐ-UBND\s+2$/su);
    },
    STORY_MS,
  );

  it(
    'the province imports a target table: a faulty one shows its faults by line and cannot be written, a good one is adopted',
    async () => {
      const form = page.locator('form[aria-labelledby="import-title"]');
      const check = form.getByRole('button', { name: 'Kiểm tra bảng (chưa ghi gì)' });
      const write = form.getByRole('button', { name: 'Ghi kế hoạch' });
      const events = await e2e.countEvents();

      await form.getByLabel('Tệp bảng (.csv, .xlsx, .json)').setInputFiles(`${FIXTURES}kien-giang-132-faulty.csv`);
      await check.click();
      await form.getByRole('alert').filter({ hasText: 'Chưa thể ghi khi còn dòng lỗi.' }).waitFor();
      const faults = form.locator('table', { has: page.locator('caption', { hasText: /^Lỗi$/u }) }).locator('tbody tr');
      expect(await faults.count()).toBe(11);
      expect(await faults.filter({ hasText: 'unknown unit "kg"' }).locator('td').first().innerText()).toBe('7');
      expect(await write.count()).toBe(0);

      await form.getByLabel('Tệp bảng (.csv, .xlsx, .json)').setInputFiles(`${FIXTURES}kien-giang-132.csv`);
      await check.click();
      await form.getByText('kien-giang-132.csv: 28 dòng, 13 số liệu gốc, 46 chỉ tiêu, 0 lỗi').waitFor();
      // The listing is shown before anything is written: the dry run added no event.
      expect(await e2e.countEvents()).toBe(events);
      expect(await page.getByRole('heading', { name: /Kế hoạch 45\/KH-UBND/u }).count()).toBe(0);

      await form.getByLabel('Số văn bản').fill('45/KH-UBND');
      await form.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Thái Nguyên');
      await form.getByLabel('Ngày ban hành').fill('2026-11-30');
      await write.click();
      await form.getByRole('status').filter({ hasText: 'Đã ban hành kế hoạch 45/KH-UBND với 46 chỉ tiêu.' }).waitFor();
      const plan = page.locator('article', { has: page.getByRole('heading', { name: /Kế hoạch 45\/KH-UBND/u }) });
      await poll(() => plan.locator('tr[data-target]').count()).toBe(46);
      expect(await plan.locator('tr[data-target="t1"]').innerText()).toMatch(
        /^t1\s+Tuổi thọ trung bình\s+2025\s+>= 75\s/u,
      );
    },
    STORY_MS,
  );

  it(
    'the province page, with its forms, listing and the new plan, has no WCAG 2 A/AA violation',
    async () => {
      expect(await wcagViolations(page)).toEqual([]);
    },
    STORY_MS,
  );

  it(
    'the auditor reads the correction with its reason and the revision with its document; no WCAG 2 A/AA violation',
    async () => {
      await signIn(e2e.tokens.auditor);
      const historyOf = page.getByLabel('Lịch sử của');
      const history = page.locator('table.history tbody tr');
      await historyOf.selectOption({ label: 'Số liệu đã báo cáo · doctors_per_10000 2026' });
      await poll(() => history.count()).toBe(2);
      expect(await history.nth(1).innerText()).toMatch(
        /^2\s+đính chính\s+18,1\s+chuyen-vien@thai-nguyen\s.*Công văn 88\/SYT\s+Sở Y tế rà soát lại số bác sĩ năm 2026$/su,
      );

      await historyOf.selectOption({ label: `Chỉ tiêu ${PLAN} t4 · hospital_beds_per_10000 2030` });
      await poll(() => history.count()).toBe(2);
      expect(await history.nth(1).innerText()).toMatch(
        /^2\s+điều chỉnh\s.*\s52\s+chuyen-vien@thai-nguyen\s.*Quyết định 45\/QĐ-UBND UBND tỉnh Thái Nguyên\s+Nâng chỉ tiêu giường bệnh theo quy hoạch$/su,
      );
      expect(await wcagViolations(page)).toEqual([]);
    },
    STORY_MS,
  );
  // Last: the figures it writes would push earlier stories' reports past the first page.
  it(
    'more reports than one page: the lists say they are partial, and the next page brings the oldest',
    async () => {
      // 2027–2076 yearly, after the seeds' 2025 and the stories' 2026 (the province exists from 2025,
      // and a second report of a year is refused): 52 in all, past the 50 a page holds.
      for (let year = 2027; year <= 2076; year++) {
        const period = { kind: 'year', year };
        const input = { province: THAI_NGUYEN, indicator: 'doctors_per_10000', period, value: 10, unit: 'per_10000' };
        dataOf(
          await e2e.gql(REPORT, { input: { ...input, status: 'final', source: 'Niên giám' } }, e2e.tokens.province),
        );
      }
      await signIn(e2e.tokens.province);
      const form = page.locator('form[aria-labelledby="correct-title"]');
      await form.getByLabel('Chỉ số').selectOption('doctors_per_10000');
      const note = form.getByRole('status').filter({ hasText: 'Đang hiện 50; còn nữa' });
      await note.waitFor();
      expect(await form.locator('#correct-report option').count()).toBe(50);
      await form.getByRole('button', { name: 'Xem thêm' }).click();
      await poll(() => form.locator('#correct-report option').count()).toBe(52);
      expect(await form.locator('#correct-report option', { hasText: '· 2025 = 17,2' }).count()).toBe(1);
      expect(await form.locator('#correct-report option', { hasText: '· 2076 = 10' }).count()).toBe(1);
      expect(await note.count()).toBe(0);

      await signIn(e2e.tokens.auditor);
      const history = page.locator('section[aria-labelledby="history-title"]');
      await history.getByRole('status').filter({ hasText: 'Đang hiện 50; còn nữa' }).waitFor();
      await history.getByRole('button', { name: 'Xem thêm' }).click();
      await poll(() => history.locator('option', { hasText: 'doctors_per_10000 2076' }).count()).toBe(1);
      expect(await history.locator('option', { hasText: 'Số liệu đã báo cáo · doctors_per_10000 2025' }).count()).toBe(
        1,
      );
    },
    STORY_MS,
  );
});
