import { engines } from '@chitieu/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startE2E, THAI_NGUYEN } from '../../../gateway/src/e2e/support.js';
import { ensureConsoleBuilt, launchChromium } from './browser.js';
import { screenshot } from './screenshots.js';

// The three users' stories of issue 6's "Done when", in Debian's Chromium against the real gateway
// (seeds loaded, a free port), on PGlite and, with DATABASE_URL, on a fresh server database.

/** A story's budget: a browser, the gateway and PGlite share two cores. */
const STORY_MS = 90_000;

describe.each(engines)('the console in a browser (%s)', (engine) => {
  let e2e: Running;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    ensureConsoleBuilt();
    [e2e, browser] = await Promise.all([startE2E(engine), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  }, STORY_MS);

  const save = (name: string) => (engine === 'pglite' ? screenshot(page, name) : Promise.resolve());
  /** Each user in a context of their own: nothing of the previous user's session is left. */
  const signIn = async (token: string, viewport = { width: 1366, height: 900 }) => {
    await context?.close();
    context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'UTC' });
    page = await context.newPage();
    await page.goto(`${e2e.gateway.url}/`);
    await page.getByLabel('Mã truy cập').fill(token);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('main h1').waitFor();
  };
  const row = (province: string) => page.locator(`table.ranking tr[data-province="${province}"]`);
  const rankingRows = () => page.locator('table.ranking tbody tr');

  it(
    'the ministry ranks provinces on doctors per 10,000 in 2025, in both geographies',
    async () => {
      await signIn(e2e.tokens.ministry);
      await expect.poll(() => rankingRows().count()).toBe(34);
      const thaiNguyen = row(THAI_NGUYEN);
      await expect.poll(() => thaiNguyen.locator('td').first().innerText()).toBe('1');
      expect(await thaiNguyen.innerText()).toMatch(/Thái Nguyên\s+17,2\s+>= 19 \(2030\)/u);
      // The figures stand only for the merged province: the rows of the 34 say why they have none.
      expect(await row('an-giang-2025').locator('td.note').innerText()).toBe(
        'no value for an-giang, kien-giang; no population for an-giang, kien-giang',
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

      await page.getByLabel('63 tỉnh, thành trước 1/7/2025').check();
      await expect.poll(() => rankingRows().count()).toBe(63);
      // Before the merger Thái Nguyên's 2025 figure belongs to the merged province and cannot be split.
      expect(await row('thai-nguyen').locator('td.note').innerText()).toBe(
        'reported by thai-nguyen-2025 for the merged province; a merged figure cannot be split',
      );
      expect(await row('thai-nguyen').locator('td.number').innerText()).toBe('—');
    },
    STORY_MS,
  );

  it(
    'the province reports a figure: a refused form shows the error at its field and keeps what was typed',
    async () => {
      await signIn(e2e.tokens.province);
      await page.locator('tr[data-target="t5"]').first().waitFor();
      expect(await page.locator('main h1').innerText()).toBe('Kế hoạch của Thái Nguyên');
      await save('province');
      // The correction form offers the seeds' figures, 2025's 17,2 doctors per 10,000 among them.
      const corrects = page.locator('#correct-report option', { hasText: 'doctors_per_10000 · 2025 = 17,2' });
      await expect.poll(() => corrects.count()).toBe(1);

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

      await form.getByLabel('Nguồn').fill('Báo cáo Sở Y tế Thái Nguyên');
      await form.getByRole('button', { name: 'Báo cáo' }).click();
      await form.getByRole('status').filter({ hasText: 'Đã ghi' }).waitFor();

      await page.getByRole('link', { name: 'Xếp hạng toàn quốc' }).click();
      await page.getByLabel('Năm').fill('2026');
      await expect.poll(() => row(THAI_NGUYEN).innerText()).toMatch(/^1\s+Thái Nguyên\s+17,9/u);
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
    },
    STORY_MS,
  );

  it(
    'the auditor sees the ranking as it was before that report, the history, and verifies the chain',
    async () => {
      await signIn(e2e.tokens.auditor);
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
      await expect.poll(() => row(THAI_NGUYEN).innerText()).toMatch(/^—\s+Thái Nguyên\s+—/u);
      await page.getByRole('button', { name: 'Hiện tại' }).click();
      await expect.poll(() => row(THAI_NGUYEN).innerText()).toMatch(/^1\s+Thái Nguyên\s+17,9/u);
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
});
