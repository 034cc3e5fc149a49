/**
 * Saved views and exports in a real Chromium (docs/analytics.md "Saved views", "Exports"): a view saved with a
 * filter and a comparison, opened from another page, restores exactly that state; the trend's Export menu
 * downloads a CSV. Needs the SPA built into dist/web and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

requirePageTestPrerequisites();

describe('saved views in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  const ids: Record<string, string> = {};
  const owner = `owner-${Date.now()}@views.test`;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { pool } = server;
    const org = await buildOrg(pool, 'Views Coffee');
    const root = { id: org.rootLocationId, path: org.rootPath };
    ids.A = (await buildLocation(pool, org.orgId, root, 'store', 'Store A')).id;
    ids.B = (await buildLocation(pool, org.orgId, root, 'store', 'Store B')).id;
    await buildUser(pool, org.orgId, 'owner', owner);
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }], 'Store visit');
    surveyId = s.surveyId;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const answers = (store: string, score: number, n: number) => Array.from({ length: n }, () => ({ locationId: ids[store], at: yesterday, answers: { nps: { score } } }));
    await seedResponses(pool, org.orgId, surveyId, s.ids, [...answers('A', 10, 20), ...answers('B', 0, 20)]);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves a view with a filter and a comparison, and opening it from another page restores both', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD, { acceptDownloads: true });
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=12m&interval=month`);
    const panel = page.locator('section[aria-labelledby="compare-title"]');
    await panel.getByTestId('compare-mode').selectOption('locations');
    await panel.getByRole('group', { name: 'Side A' }).getByRole('combobox', { name: 'Location' }).selectOption(ids.A);
    await panel.getByRole('group', { name: 'Side B' }).getByRole('combobox', { name: 'Location' }).selectOption(ids.B);
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get('cmp')).toBe('locations');
    const saved = new URL(page.url()).search;

    await page.getByTestId('views-menu').click();
    expect(await page.getByTestId('views-menu').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('view-name').fill('Stores A vs B');
    await page.getByTestId('view-shared').check();
    await page.getByTestId('view-save').click();
    await poll(() => page.getByTestId('views-list').textContent()).toContain('Stores A vs B');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('views-menu').getAttribute('aria-expanded')).toBe('false');

    // Elsewhere, then back through the menu.
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    await poll(() => panel.getByTestId('compare-mode').inputValue()).toBe('periods');
    await page.getByTestId('views-menu').click();
    await page.getByTestId('views-list').getByRole('button', { name: 'Stores A vs B' }).click();
    await poll(() => new URL(page.url()).search).toBe(saved);
    await poll(() => panel.getByTestId('compare-mode').inputValue()).toBe('locations');
    expect(await panel.getByRole('group', { name: 'Side A' }).getByRole('combobox', { name: 'Location' }).inputValue()).toBe(ids.A);
    expect(await panel.getByRole('group', { name: 'Side B' }).getByRole('combobox', { name: 'Location' }).inputValue()).toBe(ids.B);
    await poll(() => panel.getByTestId('compare-side-a').textContent()).toContain('Store A');
    expect(await page.getByTestId('interval-select').inputValue()).toBe('month');

    // The trend's Export menu downloads the server's CSV.
    await page.getByTestId('export-trend').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (spreadsheet text)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^nps-trend-\d{4}-\d{2}-\d{2}\.csv$/);
  }, 300_000);
});
