/**
 * The store funnel page in Chromium over the SQL fixture (funnelFixture.ts): the three steps with their rates
 * and trends, the stores table worst conversion first and sorted from the keyboard, Persian digits, and the
 * empty state that leads to the imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg } from '../analytics/seed.ts';
import { buildFunnelStores, FOOTFALL, insertAudits, insertFootfall, insertSales, insertShift, SALES } from './funnelFixture.ts';

requirePageTestPrerequisites();

describe('store funnel page', () => {
  let server: TestServer;
  let browser: Browser;
  let query = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-03-20T12:00:00Z') });
    const org = await buildAnalyticsOrg(server.pool, 'Funnel Page Org', 'Europe/Moscow');
    const stores = await buildFunnelStores(server.pool, org.orgId, org.root);
    await insertFootfall(server.pool, org.orgId, stores, FOOTFALL);
    await insertSales(server.pool, org.orgId, stores, SALES);
    await insertShift(server.pool, org.orgId, stores.A, 's1', '2026-03-10T06:30:00Z', '2026-03-10T08:00:00Z');
    await insertAudits(server.pool, org.orgId, stores.A);
    await buildUser(server.pool, org.orgId, 'owner', 'owner@fnpage.test');
    const empty = await buildOrg(server.pool, 'Empty Funnel Org');
    await buildUser(server.pool, empty.orgId, 'owner', 'owner@fnempty.test');
    query = `period=custom&from=2026-03-10&to=2026-03-11&location=${stores.North}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const value = (page: Page, id: string) => page.getByTestId(id).locator('strong').textContent();

  it('shows the funnel with its numbers and the stores worst conversion first (en)', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@fnpage.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Stores' }).click();
    await page.waitForURL(/\/app\/stores$/);
    await page.goto(`${server.baseUrl}/app/stores?${query}`);
    await page.getByTestId('fn-steps').waitFor();
    // North (stores A and B) on 10-11 March, Moscow days (funnel.test.ts computes the same by hand).
    expect(await value(page, 'fn-step-passersBy')).toBe('1,540');
    expect(await value(page, 'fn-step-visitors')).toBe('460');
    expect(await value(page, 'fn-step-buyers')).toBe('37');
    expect(await value(page, 'fn-rate-capture')).toBe('20.1%'); // 310 / 1540
    expect(await value(page, 'fn-rate-conversion')).toBe('12.3%'); // 32 / 260
    expect(await value(page, 'fn-rate-average-check')).toBe('31.08'); // 1150 / 37
    // Previous period 8-9 March: capture 20%, conversion 20%, average check 25.
    expect(await page.getByTestId('fn-rate-conversion').locator('.fn-rate-trend').textContent()).toBe('-7.7 pp vs previous period');
    expect(await page.getByTestId('fn-rate-average-check').locator('.fn-rate-trend').textContent()).toBe('+24.3% vs previous period');

    const table = page.getByTestId('fn-stores');
    await table.waitFor();
    const names = () => table.locator('tbody th').allTextContents();
    // B converts 10 of 100, A 22 of 160 (13.8%).
    expect(await names()).toEqual(['Store B', 'Store A']);
    const a = table.locator('tbody tr').nth(1);
    expect(await a.locator('td').allTextContents()).toEqual(['160', '20.4%', '13.8%', '27.78', '—', '—', '75%', 'In line with the median store.']);
    // Sorting from the keyboard: the store name column, then descending.
    const nameHeader = table.locator('thead th').first();
    await nameHeader.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await names()).toEqual(['Store A', 'Store B']);
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual(['Store B', 'Store A']);
    await page.context().close();
  });

  it('writes Persian digits right to left (fa)', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@fnpage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/stores?${query}`);
    await page.getByTestId('fn-steps').waitFor();
    // Each Persian number is its own isolate (FSI ... PDI) inside the right-to-left text.
    expect(await value(page, 'fn-step-visitors')).toBe('\u2068۴۶۰\u2069');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.context().close();
  });

  it('leads an organisation without footfall or sales to the imports', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@fnempty.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/stores`);
    await page.getByTestId('fn-empty').waitFor();
    expect(await page.getByTestId('fn-empty').getByRole('link').getAttribute('href')).toBe('/app/stores/imports');
    await page.context().close();
  });
});
