/**
 * The store imports page (/app/stores/imports; docs/store-economics.md "The page") in Chromium: a transaction CSV
 * with non-canonical headers gets a suggested mapping, one select is changed, the whole-file location is set, the
 * upload shows the import's progress and then the rows stored; a file with a bad row shows the refused row with its
 * line and reason and stores nothing; the past imports list both. Then ru and fa (right-to-left) at 1280 and 390 px
 * without a page-wide horizontal scroll. Screenshots go to STORE_IMPORT_SHOTS_DIR when it is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

const SHOTS = process.env.STORE_IMPORT_SHOTS_DIR;
const OWNER = 'owner@stipage.test';

// Semicolons, a decimal comma, and headers the canonical names do not match: "Check no" is no synonym of
// receipt_id (chosen by hand below); Time, Sum and Card are synonyms of at, amount and customer_id. No location
// column: the whole file is the store picked in the form.
const GOOD = 'Check no;Time;Sum;Card\nA-1;2026-03-02 10:15;"12,50";C1\nA-2;2026-03-02 11:40;7.25;\nA-3;2026-03-02 11:59;100;C1\n';
// Line 3 (the header is line 1) has no date.
const BAD = 'Check no;Time;Sum\nB-1;2026-03-03 09:00;5\nB-2;yesterday;6\n';

describe('store imports page', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let storeId = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Import Page Shops');
    orgId = org.orgId;
    storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5')).id;
    await buildUser(server.pool, orgId, 'owner', OWNER);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const sales = async () => (await server.pool.query(
    `select receipt_id, location_id, at, amount::text, customer_key from sales_transactions where org_id = $1 order by receipt_id`, [orgId],
  )).rows;

  async function chooseFile(page: Page, name: string, text: string) {
    await page.getByTestId('sti-kind').selectOption('transactions');
    await page.getByTestId('sti-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByTestId('sti-mapping').waitFor();
  }

  it('imports a file with a mapping and a whole-file location, then refuses a file with a bad row', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, OWNER, TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/stores/imports`);
    await page.getByRole('heading', { level: 1, name: 'Import footfall, sales and shifts' }).waitFor();
    await page.getByText('No imports yet.').waitFor();
    expect(await page.getByText('Choose a file to see its columns.').isVisible()).toBe(true);

    await chooseFile(page, 'till.csv', GOOD);
    // The suggested mapping: synonyms found, the rest "not in the file".
    const map = (field: string) => page.getByTestId(`sti-map-${field}`);
    expect(await map('at').inputValue()).toBe('Time');
    expect(await map('amount').inputValue()).toBe('Sum');
    expect(await map('customer_id').inputValue()).toBe('Card');
    expect(await map('receipt_id').inputValue()).toBe('');
    expect(await map('location').inputValue()).toBe('');
    expect(await map('receipt_id').locator('option').allInnerTexts()).toEqual(['— not in the file —', 'Check no', 'Time', 'Sum', 'Card']);
    await page.getByLabel('Receipt id').selectOption('Check no');
    await page.getByLabel('Location of rows without one').selectOption(storeId);
    await page.getByTestId('sti-tz').fill('UTC');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/form-en-1280.png`, fullPage: true });
    await page.getByTestId('sti-start').click();

    // The import's progress is shown until the first poll answers (at least 0.7 s), then the outcome.
    await page.getByRole('progressbar', { name: 'Import progress' }).or(page.getByRole('progressbar', { name: 'Upload progress' })).first().waitFor();
    const summary = page.getByTestId('sti-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('done');
    expect(await summary.getByRole('status').innerText()).toBe('Imported: 3 rows read, 3 rows stored.');
    expect(await sales()).toEqual([
      { receipt_id: 'A-1', location_id: storeId, at: new Date('2026-03-02T10:15:00Z'), amount: '12.50', customer_key: 'C1' },
      { receipt_id: 'A-2', location_id: storeId, at: new Date('2026-03-02T11:40:00Z'), amount: '7.25', customer_key: null },
      { receipt_id: 'A-3', location_id: storeId, at: new Date('2026-03-02T11:59:00Z'), amount: '100.00', customer_key: 'C1' },
    ]);
    await expect.poll(() => page.getByTestId('sti-recent').locator('tbody tr').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/done-en-1280.png`, fullPage: true });

    // A file with a bad row: nothing stored, the row with its line and reason.
    await page.getByTestId('sti-again').click();
    await chooseFile(page, 'bad.csv', BAD);
    await page.getByLabel('Receipt id').selectOption('Check no');
    await page.getByLabel('Location of rows without one').selectOption(storeId);
    await page.getByTestId('sti-start').click();
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('failed');
    expect(await summary.getByRole('status').innerText()).toBe(
      'Nothing was imported: 1 row was refused. Fix the file, or import it again with “If some rows cannot be read, import the others and list the bad ones” ticked.',
    );
    const problems = page.getByTestId('sti-problems');
    expect(await problems.locator('caption').innerText()).toBe('Refused rows');
    expect(await problems.locator('tbody tr td').allInnerTexts()).toEqual(['3', 'at: "yesterday" is not a date in the format ISO 8601']);
    expect(await sales()).toHaveLength(3);

    // Past imports, newest first.
    const recent = page.getByTestId('sti-recent');
    await expect.poll(() => recent.locator('tbody tr').count()).toBe(2);
    const cells = async (i: number) => (await recent.locator('tbody tr').nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
    expect((await cells(0)).filter((_, i) => i !== 2)).toEqual(['bad.csv', 'Transactions (receipts)', 'Not imported', '0', '1']);
    expect((await cells(1)).filter((_, i) => i !== 2)).toEqual(['till.csv', 'Transactions (receipts)', 'Done', '3', '0']);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/refused-en-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/refused-en-390.png`, fullPage: true });
    await page.context().close();
  });

  it('shows the page in fa (right-to-left) and ru at 1280 and 390 px, without a page-wide horizontal scroll', { timeout: 120_000 }, async () => {
    for (const lang of ['fa', 'ru'] as const) {
      const page = await openSignedInPage(browser, server.baseUrl, OWNER, TEST_PASSWORD, { lang });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.baseUrl}/app/stores/imports`);
      await page.getByTestId('sti-recent').waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
      await page.getByTestId('sti-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
      await page.getByTestId('sti-mapping').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/form-${lang}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/form-${lang}-390.png`, fullPage: true });
      await page.context().close();
    }
  });
});
