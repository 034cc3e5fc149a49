/**
 * The loyalty page in Chromium: the owner at 1280 px in English sees the figures worked out by hand, the
 * retention and cohort tables and the Lorenz curve's table alternative, and the what-if result follows
 * the assumptions typed in; the same page at 390 px in Persian (right to left) and in Russian.
 * Screenshots go to $LOYALTY_SHOTS when set (to look at them).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();
vi.setConfig({ testTimeout: 180_000 });

const shots = process.env.LOYALTY_SHOTS;

describe('loyalty page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Loyalty Page Org');
    await server.pool.query(`update orgs set timezone = 'UTC' where id = $1`, [org.orgId]);
    const store = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@loyaltypage.test');
    const tx = [['r1', '2026-01-05 10:00Z', 100, 'c1'], ['r2', '2026-02-10 10:00Z', 50, 'c1'], ['r3', '2026-01-20 10:00Z', 30, 'c2'], ['r4', '2026-02-15 10:00Z', 20, 'c3']];
    for (const [receipt, at, amount, customer] of tx) {
      await server.pool.query(`insert into sales_transactions(org_id, location_id, receipt_id, at, amount, customer_key) values ($1, $2, $3, $4, $5, $6)`, [org.orgId, store.id, receipt, at, amount, customer]);
    }
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the figures, the tables and a what-if that follows the inputs (1280 px, English)', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@loyaltypage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/stores/loyalty`);
    await page.getByRole('heading', { level: 1, name: 'Loyalty economics' }).waitFor();
    // c1 150 (2 days), c2 30, c3 20: 3 customers, 4 transactions, 200; top 1 of 3: 150 / 200; repeat 1 / 3
    await expect.poll(() => page.getByTestId('ly-customers').textContent()).toBe('3');
    expect(await page.getByTestId('ly-transactions').textContent()).toBe('4');
    expect(await page.getByTestId('ly-revenue').textContent()).toBe('200');
    expect(await page.getByTestId('ly-value').textContent()).toBe('66.67');
    expect(await page.getByTestId('ly-top20').textContent()).toBe('75%');
    expect(await page.getByTestId('ly-repeat').textContent()).toBe('33.3%');
    // Jan: c1 c2 -> Feb: c1 (1 of 2); Feb last
    const retention = page.getByTestId('ly-retention');
    expect(await retention.locator('caption').textContent()).toContain('(Month)');
    expect(await retention.locator('tbody tr').allTextContents()).toEqual(['2026-012150%']);
    // cohorts: Jan c1 c2 (Feb: c1, 50%), Feb c3
    expect(await page.getByTestId('ly-cohorts').locator('tbody tr').allTextContents()).toEqual(['2026-012100%50%', '2026-021100%']);
    // the Lorenz curve and its table: ascending 20, 30, 150 -> 10%, 25%, 100%
    await page.getByRole('img', { name: /top 20% of customers bring 75%/ }).waitFor();
    // no NPS answers: every customer has none
    expect(await page.getByTestId('ly-nps').locator('tbody tr').last().textContent()).toBe('No NPS answer320066.67');
    // default what-if: 3 × 5 / 100 = 0.15 kept × 66.67 = 10; acquisition 13.33, keeping 2.67: 0.15 × 10.67 = 1.6; total 11.6
    const result = page.getByTestId('ly-whatif-result');
    await expect.poll(() => result.locator('.ly-total').textContent()).toBe('Worth about 11.6 over the period');
    await page.getByTestId('ly-in-retentionPoints').fill('10');
    // 0.3 × 66.67 = 20; 0.3 × 10.67 = 3.2; 23.2
    await expect.poll(() => result.locator('.ly-total').textContent()).toBe('Worth about 23.2 over the period');
    await page.getByTestId('ly-in-acquisitionCost').fill('100');
    // saving 0.3 × (100 − 20) = 24; 20 + 24 = 44
    await expect.poll(() => result.locator('.ly-total').textContent()).toBe('Worth about 44 over the period');
    expect(await page.getByTestId('ly-formula-saving').textContent()).toBe('Saved on winning customers (24) = Customers kept (0.3) × (Cost of winning a customer (100) − Cost of winning a customer (100) ÷ Winning costs × keeping (5))');
    if (shots) await page.screenshot({ path: path.join(shots, 'loyalty-en-1280.png'), fullPage: true });
    await page.context().close();
  });

  it('Persian at 390 px, right to left, and Russian', async () => {
    const fa = await openSignedInPage(browser, server.baseUrl, 'owner@loyaltypage.test', TEST_PASSWORD, { lang: 'fa' });
    await fa.setViewportSize({ width: 390, height: 800 });
    await fa.goto(`${server.baseUrl}/app/stores/loyalty`);
    await fa.getByRole('heading', { level: 1, name: 'اقتصاد وفاداری' }).waitFor();
    await expect.poll(() => fa.getByTestId('ly-customers').textContent()).toContain('۳');
    expect(await fa.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // nothing wider than the phone but the scrolling tables
    expect(await fa.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (shots) await fa.screenshot({ path: path.join(shots, 'loyalty-fa-390.png'), fullPage: true });
    await fa.context().close();
    const ru = await openSignedInPage(browser, server.baseUrl, 'owner@loyaltypage.test', TEST_PASSWORD, { lang: 'ru' });
    await ru.setViewportSize({ width: 1280, height: 900 });
    await ru.goto(`${server.baseUrl}/app/stores/loyalty`);
    await ru.getByRole('heading', { level: 1, name: 'Экономика лояльности' }).waitFor();
    await expect.poll(() => ru.getByTestId('ly-top20').textContent()).toMatch(/^75\s?%$/);
    if (shots) await ru.screenshot({ path: path.join(shots, 'loyalty-ru-1280.png'), fullPage: true });
    await ru.context().close();
  });
});
