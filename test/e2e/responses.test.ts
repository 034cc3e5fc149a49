/**
 * The responses view in a real Chromium against a real server and database: the table with paging
 * and search, the single response page with its exclusion switch, the CSV export with its progress,
 * and the data-quality page's link to a response and "exclude all" of one reason.
 * Needs the SPA built into dist/web (`npm run build:web`) and Chromium.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

requirePageTestPrerequisites();

describe('responses view in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  let orgId = '';
  const rids: string[] = [];
  const email = `rs-owner-${Date.now()}@example.com`;
  const N = 30;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { pool } = server;
    const org = await buildOrg(pool, 'Responses Coffee');
    orgId = org.orgId;
    const store = await buildLocation(pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store A');
    await pool.query(`update locations set code = 'SA-1' where org_id = $1 and id = $2`, [orgId, store.id]);
    await buildUser(pool, orgId, 'owner', email);
    const s = await seedSurvey(pool, orgId, [
      { key: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?' } },
      { key: 'why', type: 'text', text: { en: 'What could we do better?' } },
    ], 'Store visit');
    surveyId = s.surveyId;
    // Response i was submitted i hours ago: index 0 is the newest.
    const seeds = Array.from({ length: N }, (_, i): SeedResponse => ({
      locationId: store.id,
      at: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      hidden: i === 0 ? { order: 'A-1001' } : {},
      durationMs: i === 3 || i === 7 ? 500 : 60_000,
      answers: { nps: { score: i % 11 }, ...(i === 2 ? { why: { text: 'The latte was cold' } } : {}) },
    }));
    rids.push(...(await seedResponses(pool, orgId, surveyId, s.ids, seeds)));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedInPage = (): Promise<Page> => openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { acceptDownloads: true });
  const rows = (page: Page) => page.getByTestId('responses-table').locator('tbody tr');
  const excludedInDb = async (id: string) => (await server.pool.query(`select excluded from responses where org_id = $1 and id = $2`, [orgId, id])).rows[0].excluded;

  it('lists responses in pages, searches comments and exports the selection as CSV', async () => {
    const page = await signedInPage();
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    // The tabs are styled on the dashboard too, before the responses page was ever opened (they ran together).
    await poll(() => page.getByTestId('tab-responses').evaluate((a) => getComputedStyle(a.parentElement!).display)).toBe('flex');
    await page.getByTestId('tab-responses').click();
    await page.waitForURL(new RegExp(`/app/surveys/${surveyId}/responses`));
    // 25 per page, newest first.
    await poll(() => rows(page).count()).toBe(25);
    expect(await rows(page).first().getAttribute('data-response')).toBe(rids[0]);
    expect(await page.getByTestId('page-newer').isDisabled()).toBe(true);
    await page.getByTestId('page-older').click();
    await poll(() => rows(page).count()).toBe(N - 25);
    expect(await rows(page).first().getAttribute('data-response')).toBe(rids[25]);
    expect(await page.getByTestId('page-older').isDisabled()).toBe(true);
    await page.getByTestId('page-newer').click();
    await poll(() => rows(page).first().getAttribute('data-response')).toBe(rids[0]);

    await page.getByTestId('responses-search').fill('LATTE');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('The latte was cold');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await poll(() => rows(page).count()).toBe(25);

    // The export of the whole selection: progress, then the file.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-responses-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await file.path(), 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + N);
    await poll(() => page.getByTestId('export-status').textContent()).toContain('Downloaded');
  });

  it('opens one response with its fields and flags, and switches its exclusion', async () => {
    const page = await signedInPage();
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/responses`);
    await poll(() => rows(page).count()).toBe(25);
    await rows(page).first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/app/responses/${rids[0]}`));
    const answers = page.getByTestId('response-answers');
    await poll(() => answers.textContent()).toContain('How likely are you to recommend us?');
    expect(await answers.textContent()).toContain('0 / 10');
    expect(await answers.textContent()).toContain('Not answered');
    expect(await page.getByTestId('response-hidden').textContent()).toContain('A-1001');
    expect(await page.textContent('body')).toContain('SA-1');

    const sw = page.getByRole('switch', { name: 'Excluded from metrics' });
    expect(await sw.getAttribute('aria-checked')).toBe('false');
    await sw.click();
    await poll(() => page.getByTestId('exclusion-status').textContent()).toBe('Response excluded from the metrics.');
    expect(await sw.getAttribute('aria-checked')).toBe('true');
    expect(await excludedInDb(rids[0])).toBe(true);
    // Keyboard: Space on the focused switch includes it again.
    await sw.focus();
    await page.keyboard.press('Space');
    await poll(() => page.getByTestId('exclusion-status').textContent()).toBe('Response counted in the metrics again.');
    expect(await excludedInDb(rids[0])).toBe(false);

    await page.getByRole('link', { name: 'All responses of this survey' }).click();
    await page.waitForURL(new RegExp(`/app/surveys/${surveyId}/responses`));
  });

  it('links flagged responses from data quality and excludes all of one reason', async () => {
    const page = await signedInPage();
    await page.goto(`${server.baseUrl}/app/validation?survey=${surveyId}&reason=speeder`);
    const table = page.getByTestId('quality-table');
    await poll(() => table.locator('tbody tr').count()).toBe(2);
    await table.locator(`tr[data-response="${rids[3]}"]`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/app/responses/${rids[3]}`));
    await poll(async () => (await page.textContent('body')) ?? '').toContain('Speeder');
    await page.goBack();

    await page.getByRole('button', { name: 'Exclude all “Speeder”' }).click();
    await page.getByRole('group', { name: 'Exclude 2 responses flagged “Speeder” from the metrics?' }).getByRole('button', { name: 'Yes' }).click();
    await poll(() => page.getByTestId('quality-status').textContent()).toBe('2 responses excluded from the metrics.');
    expect(await excludedInDb(rids[3])).toBe(true);
    expect(await excludedInDb(rids[7])).toBe(true);
    expect(await page.getByTestId('quality-exclude-all').count()).toBe(0);
  });
});
