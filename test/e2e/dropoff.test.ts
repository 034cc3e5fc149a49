/**
 * The drop-off view and the dashboard's statement about unfinished responses, in Chromium: hand-built progress
 * rows, the numbers in the table, the questions where people leave highlighted, phone width and right to left.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites();

let server: TestServer;
let browser: Browser;
let survey: SurveyFixture;

describe('drop-off view in Chromium', () => {
  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { orgId } = await buildOrg(server.pool, 'Dropoff Org');
    await buildUser(server.pool, orgId, 'owner', 'owner@dropoff.test');
    survey = await buildSurvey(server.pool, orgId);
    // Five respondents: two finished; one left at the score, two at the comment.
    const rows: Array<[boolean, Record<string, unknown>, string, Record<string, number>]> = [
      [true, { nps: { score: 9 }, why: { text: 'ok' }, service: { score: 5 } }, 'service', { nps: 4000, why: 9000, service: 2000 }],
      [true, { nps: { score: 10 }, service: { score: 4 } }, 'service', { nps: 3000, why: 5000, service: 3000 }],
      [false, {}, 'nps', {}],
      [false, { nps: { score: 4 } }, 'why', { nps: 6000 }],
      [false, { nps: { score: 2 } }, 'why', { nps: 5000 }],
    ];
    for (const [finished, answers, at, times] of rows) {
      await server.pool.query(
        `insert into response_progress(org_id, survey_id, idempotency_key, channel, language, answers, at_key, times, finished)
         values ($1, $2, $3, 'link', 'en', $4, $5, $6, $7)`,
        [orgId, survey.id, crypto.randomBytes(12).toString('base64url'), answers, at, times, finished],
      );
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows started, finished and each question, highlighting where people leave', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@dropoff.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/dropoff`);
    await page.getByTestId('dropoff-table').waitFor();
    expect(await page.getByTestId('dropoff-started').textContent()).toBe('5');
    expect(await page.getByTestId('dropoff-finished').textContent()).toBe('2');
    expect(await page.getByTestId('partial-note').textContent()).toBe('Unfinished responses are not counted.');
    const cells = (key: string) => page.locator(`tr[data-key=${key}] td`).allTextContents();
    // nps: all five reached it, four answered, one left (20%); times 3, 4, 5, 6 s → 4.5 s.
    expect(await cells('nps')).toEqual(['5', '4', '1 (20%)', '4.5 s']);
    // why: four reached it (two answered by skipping the comment and two left there: 50%); times 5 and 9 s.
    expect(await cells('why')).toEqual(['4', '1', '2 (50%)', '7 s']);
    expect(await cells('service')).toEqual(['2', '2', '0', '2.5 s']);
    expect(await cells('reasons')).toEqual(['0', '0', '0', '—']);
    expect(await page.locator('tr.dr-leaves').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')))).toEqual(['nps', 'why']);

    // The dashboard says whether unfinished responses count.
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}`);
    await page.getByTestId('tab-dropoff').waitFor();
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.getByTestId('partial-note').textContent()).toBe('Unfinished responses are not counted.');
    await page.context().close();
  });

  it('reads at phone width in Persian, right to left, with the figures in Persian digits', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@dropoff.test', TEST_PASSWORD, { lang: 'fa' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/dropoff`);
    await page.getByTestId('dropoff-table').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Persian digits, isolated for the bidirectional text (U+2068 … U+2069).
    expect(await page.getByTestId('dropoff-started').textContent()).toBe('\u2068۵\u2069');
    expect(await page.getByTestId('partial-note').textContent()).toBe('پاسخ‌های ناتمام شمرده نمی‌شوند.');
    // Nothing wider than the phone but the table's own scroller.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
