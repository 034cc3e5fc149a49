/**
 * /app's "what changed" in Chromium (en and fa) over data built here: the headline change of a store that rose
 * significantly carries an arrow and the words "significant", a change that is not significant has no arrow, the
 * movers list names the store that moved, and in Persian the page is right to left with Persian digits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

requirePageTestPrerequisites();

// Today 2026-03-15: the last 30 days are 2026-02-13..2026-03-14, the 30 before 2026-01-14..2026-02-12.
const NOW = new Date('2026-03-15T12:00:00Z');

describe('home page (/app)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => NOW });
    const { pool } = server;
    const { orgId, root } = await buildAnalyticsOrg(pool, 'Home Page Org');
    const up = (await buildLocation(pool, orgId, root, 'store', 'Riverside')).id;
    const flat = (await buildLocation(pool, orgId, root, 'store', 'Hilltop')).id;
    await buildUser(pool, orgId, 'owner', 'owner@homepage.test');
    await buildUser(pool, orgId, 'location_manager', 'flat@homepage.test', [flat]);
    const s = await seedSurvey(pool, orgId, [{ key: 'nps', type: 'nps' }], 'Store visit');
    const at = (when: string, locationId: string, scores: number[]): SeedResponse[] => scores.map((score) => ({ locationId, at: when, answers: { nps: { score } } }));
    const n = (count: number, score: number) => Array<number>(count).fill(score);
    await seedResponses(pool, orgId, s.surveyId, s.ids, [
      // Riverside: NPS 0 (20 promoters, 20 detractors) -> 100 (40 promoters): significant.
      ...at('2026-02-01T10:00:00Z', up, [...n(20, 10), ...n(20, 0)]), ...at('2026-03-01T10:00:00Z', up, n(40, 10)),
      // Hilltop: NPS 0 -> 10 (22 promoters, 18 detractors of 40): not significant.
      ...at('2026-02-01T10:00:00Z', flat, [...n(20, 10), ...n(20, 0)]), ...at('2026-03-01T10:00:00Z', flat, [...n(22, 10), ...n(18, 0)]),
    ]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the sections, with an arrow for the significant mover only (en)', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@homepage.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app`);
    const home = page.getByTestId('home');
    await home.getByRole('heading', { name: 'What changed' }).waitFor();
    await home.getByTestId('home-movers').waitFor();
    // Whole company: 40 + 22 = 62 promoters, 18 detractors of 80 now (NPS 55), 40 and 40 before (NPS 0): +55, significant.
    const nps = home.getByTestId('home-headline-nps');
    expect(await nps.getByTestId('home-change').textContent()).toBe('↑ up 55, significant');
    expect(await nps.getByTestId('home-arrow').count()).toBe(1);
    // The arrow is decoration for screen readers: the words say it.
    expect(await nps.getByTestId('home-arrow').getAttribute('aria-hidden')).toBe('true');
    const upList = home.getByTestId('home-up');
    expect(await upList.locator('li').allTextContents()).toEqual(['Riverside: 100 (before 0) ↑ up 100, significant']);
    expect(await home.getByTestId('home-down').count()).toBe(0);
    expect(await home.getByText('Hilltop').count()).toBe(0);
    // The survey cards stay below.
    expect(await page.getByTestId('overview-card').count()).toBe(1);
  });

  it('shows a store manager no arrow for an insignificant change, in Persian, right to left', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'flat@homepage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app`);
    const home = page.getByTestId('home');
    await home.getByRole('heading', { name: 'چه چیزی تغییر کرد' }).waitFor();
    await home.getByTestId('home-movers').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const nps = home.getByTestId('home-headline-nps');
    // Hilltop: 0 -> 10, not significant: no arrow, and the words say so (Persian digits).
    expect(await nps.getByTestId('home-arrow').count()).toBe(0);
    expect(await nps.getByTestId('home-change').getAttribute('data-significant')).toBe('no');
    expect(await nps.getByTestId('home-change').textContent()).toContain('نامعنادار');
    expect(await nps.getByTestId('home-change').textContent()).toMatch(/۱۰/);
    expect(await home.getByText('هیچ مکانی تغییر معناداری نداشت.').count()).toBe(1);
    expect(await home.getByText('Riverside').count()).toBe(0);
  });
});
