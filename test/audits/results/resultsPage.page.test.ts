/**
 * The audit results page in Chromium over the hand-made data set of fixture.ts (numbers worked out in
 * results.test.ts): tiles, tables and their order at 1280 px in English; a store manager's page in Persian,
 * right to left, at 390 px without sideways scrolling of the page; the empty state of an organisation without visits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../../helpers/browser.ts';
import { seedResultsFixture, type ResultsFixture } from './fixture.ts';

requirePageTestPrerequisites();

const MARCH = 'period=custom&from=2026-03-01&to=2026-03-31';
const DOMAIN = 'arpage.test';

describe('audit results page', () => {
  let server: TestServer;
  let browser: Browser;
  let fx: ResultsFixture;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-04-10T12:00:00Z') });
    fx = await seedResultsFixture(server.pool, DOMAIN);
    await seedResultsFixture(server.pool, `empty.${DOMAIN}`, { withData: false });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tile = (page: Page, id: string) => page.getByTestId(`ar-kpi-${id}`).getByTestId('ar-kpi-value');
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('shows the organisation\'s results at 1280 px (en)', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, `admin@${DOMAIN}`, TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audits' }).click();
    await page.waitForURL(/\/app\/audits$/);
    await page.goto(`${server.baseUrl}/app/audits?${MARCH}`);
    await tile(page, 'mean').waitFor();
    // six own published visits: 600/7, 0, 100, 400/6, 500/7, 400/7 -> mean 63.49; February's one visit 100
    const mean = (600 / 7 + 0 + 100 + 400 / 6 + 500 / 7 + 400 / 7) / 6;
    expect(await tile(page, 'visits').textContent()).toBe('6');
    expect(await tile(page, 'mean').textContent()).toBe(`${mean.toFixed(1)}%`);
    expect(await tile(page, 'autofail').textContent()).toBe('16.7%');
    expect(await tile(page, 'change').textContent()).toBe(`−${(100 - mean).toFixed(1)} pts`);
    // standards: greeting 11/18, checkout 15/18, cleanliness 4/5
    const standards = await page.locator('[data-testid=ar-standards] tbody tr').allTextContents();
    expect(standards).toEqual([expect.stringMatching(/^Checkout speed83\.3%6/), expect.stringMatching(/^Cleanliness80(\.0)?%5/), expect.stringMatching(/^Greeting61\.1%12/)]);
    // locations by mean ascending: A (42.9) first; by name after a click on its header
    const names = () => page.locator('[data-testid=ar-locations] tbody th').allTextContents();
    expect(await names()).toEqual(['Store A', 'Store E', 'Store C', 'Store D', 'Store B']);
    await page.getByTestId('ar-sort-name').click();
    expect(await names()).toEqual(['Store A', 'Store B', 'Store C', 'Store D', 'Store E']);
    expect(await page.locator('[data-testid=ar-locations] thead th[aria-sort=ascending]').textContent()).toContain('Location');
    expect(await page.getByRole('link', { name: 'Visits of Store B' }).getAttribute('href')).toBe(`/app/audits/visits?locationId=${fx.stores.B}`);
    // what fails most often: g2 (3 of 6) first; its text is shown as written, not as markup
    const first = page.locator('[data-testid=ar-failing] tbody tr').first();
    expect(await first.locator('th bdi').first().textContent()).toBe('Smiled <b>warmly</b>');
    expect(await page.locator('[data-testid=ar-failing] b').count()).toBe(0);
    expect(await first.textContent()).toContain('3 of 6');
    // the autofail of store A on 20 March, with its critical item
    expect(await page.getByTestId('ar-autofails').textContent()).toContain('Receipt given');
    // the competitor beside, by name only
    expect(await page.getByTestId('ar-competitors').textContent()).toContain('Rival Mart');
    expect(await page.locator('[data-testid=ar-locations]').textContent()).not.toContain('Rival Mart');
    // audits and customers: five stores, the caveat, a correlation for greeting and "too few" for cleanliness (4 stores)
    expect(await page.locator('[data-testid=ar-customers] tbody tr').count()).toBe(5);
    expect(await page.getByTestId('ar-caveat').textContent()).toContain('correlation, not cause');
    const corr = await page.locator('[data-testid=ar-correlations] tbody tr').allTextContents();
    expect(corr.find((r) => r.startsWith('Greeting'))).toMatch(/r = 0\.\d\d \(5 locations\), p = /);
    expect(corr.find((r) => r.startsWith('Cleanliness'))).toContain('too few locations (4 locations)');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.context().close();
  });

  it('gives a store manager their store and the items to fix, in Persian at 390 px', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, `a@${DOMAIN}`, TEST_PASSWORD, { lang: 'fa' });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.baseUrl}/app/audits?${MARCH}`);
    await tile(page, 'visits').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await tile(page, 'visits').textContent()).toContain('۲');
    expect(await page.getByTestId('ar-kpi-mean').textContent()).toContain('کل شرکت');
    // the latest visit of store A (20 March) failed the receipt: the item to fix, in Persian
    await page.getByTestId('ar-tofix').waitFor();
    expect(await page.getByTestId('ar-tofix').textContent()).toContain('رسید داده شد');
    expect(await page.locator('[data-testid=ar-locations] tbody th').allTextContents()).toEqual(['Store A']);
    expect(await page.locator('[data-testid=ar-customers] tbody tr').count()).toBe(1);
    expect(await noSidewaysScroll(page)).toBe(true);
    // another store named in the address is not found
    await page.goto(`${server.baseUrl}/app/audits?${MARCH}&location=${fx.stores.B}`);
    await page.getByRole('alert').first().waitFor();
    await page.context().close();
  });

  it('says how to get results when there are no published visits', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, `admin@empty.${DOMAIN}`, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/audits`);
    await page.getByTestId('ar-empty').waitFor();
    expect(await page.getByTestId('ar-empty').textContent()).toContain('Plan a wave');
    expect(await page.getByRole('link', { name: 'Plan a wave' }).getAttribute('href')).toBe('/app/audits/waves');
    await page.context().close();
  });
});
