/**
 * The dashboard's dates follow the organisation's time zone, not the browser's: the organisation is in
 * Pacific/Auckland, the browser in America/Los_Angeles, and both clocks (page and server) are fixed at
 * 2026-11-29T12:30Z, which is Monday 30 Nov 01:30 in Auckland but Sunday 29 Nov 04:30 in Los Angeles.
 * Needs the SPA built into dist/web and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

const NOW = new Date('2026-11-29T12:30:00Z');
// Signing in and loading a whole dashboard twice takes more than the default 30 s on a busy 2-core machine.
const PAGE_TEST_TIMEOUT = 120_000;

describe('dashboard dates in the organisation\'s time zone', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  const email = 'owner@auckland.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => NOW });
    const { pool } = server;
    const org = await buildOrg(pool, 'Auckland Coffee');
    await pool.query(`update orgs set timezone = 'Pacific/Auckland' where id = $1`, [org.orgId]);
    await buildUser(pool, org.orgId, 'owner', email);
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }], 'Auckland visit');
    surveyId = s.surveyId;
    await seedResponses(pool, org.orgId, surveyId, s.ids, [
      { at: '2026-09-03T00:00:00Z', answers: { nps: { score: 9 } } }, // Auckland Thu 3 Sep: week of 31 Aug, cut by from = 2 Sep
      { at: '2026-10-14T00:00:00Z', answers: { nps: { score: 7 } } }, // Wed 14 Oct: a whole week
      { at: '2026-11-29T11:30:00Z', answers: { nps: { score: 10 } } }, // Mon 30 Nov 00:30: this week, still running
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signed in, in a browser whose zone is Los Angeles and whose clock stands at NOW. */
  async function losAngelesPage(): Promise<{ page: Page; summaries: string[] }> {
    const context = await browser.newContext({ locale: 'en', timezoneId: 'America/Los_Angeles' });
    await context.addInitScript(() => localStorage.setItem('sarafan.lang', 'en'));
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    const summaries: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/analytics/summary')) summaries.push(new URL(r.url()).search);
    });
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/app$/);
    // The page itself believes it is Sunday 29 Nov (Los Angeles): the dates below must not.
    expect(await page.evaluate(() => new Date().toDateString())).toBe('Sun Nov 29 2026');
    return { page, summaries };
  }

  it('asks for the default 90 days and the 30-day preset ending on Auckland\'s today', async () => {
    const { page, summaries } = await losAngelesPage();
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    // 90 days ending Mon 30 Nov: 29 back to 1 Nov, 31 to 1 Oct (60), 29 to 2 Sep (89).
    // (The browser's own date would have given 31 Aug .. 29 Nov.)
    await poll(() => summaries.at(-1)).toBe('?from=2026-09-02&to=2026-11-30');
    await page.locator('[data-testid=filter-range]').selectOption('30d');
    await poll(() => summaries.at(-1)).toBe('?from=2026-11-01&to=2026-11-30'); // 30 Nov and the 29 days before
    // Choosing "custom" starts from the window shown (the 30 days), in Auckland's dates too.
    await page.locator('[data-testid=filter-range]').selectOption('custom');
    await poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-11-01');
    await poll(() => new URL(page.url()).searchParams.get('to')).toBe('2026-11-30');
    await page.context().close();
  }, PAGE_TEST_TIMEOUT);

  it('draws the cut first week and the running last week as partial periods', async () => {
    const { page } = await losAngelesPage();
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    const trend = page.locator('section[aria-labelledby="trend-title"]');
    await poll(() => trend.locator('svg text', { hasText: 'Partial period' }).count()).toBeGreaterThan(0);
    // The data table says which rows are partial: weeks of 31 Aug (cut by 2 Sep) and 30 Nov (running).
    const rows = trend.locator('table tbody tr');
    await poll(() => rows.count()).toBe(14); // Mondays 31 Aug .. 30 Nov: 13 weeks apart
    expect(await rows.first().locator('td').last().textContent()).toBe('yes');
    expect(await rows.nth(1).locator('td').last().textContent()).toBe('');
    expect(await rows.last().locator('td').last().textContent()).toBe('yes');
    await page.context().close();
  }, PAGE_TEST_TIMEOUT);
});
