/**
 * The filter bar's Sentiment and Theme filters in a real Chromium: picking "Negative" narrows the KPI
 * tile and the response count, goes to the URL and shows a removable chip; a theme is added from its
 * localised name; removing the chips brings every response back; a theme badge in the analysed comments
 * sets the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg, seedCommentAnalyses, seedResponses, seedSurvey, seedThemes } from './seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
/** A number as shown, without the isolation marks Persian numbers get. */
const shown = async (l: { textContent(): Promise<string | null> }) => (await l.textContent())?.replace(/[\u200e\u200f\u2066-\u2069]/g, '');

requirePageTestPrerequisites();

// Five responses; three have a negative comment (scores 2, 4, 9: NPS -33.3), two a positive one (10, 10).
// All five: 3 promoters, 2 detractors: NPS 20. Waiting time: the first two (2, 4).
const ROWS = [
  { score: 2, sentiment: 'negative', themes: ['waiting_time'] },
  { score: 4, sentiment: 'negative', themes: ['waiting_time', 'price'] },
  { score: 9, sentiment: 'negative', themes: ['price'] },
  { score: 10, sentiment: 'positive', themes: [] },
  { score: 10, sentiment: 'positive', themes: ['cleanliness'] },
] as const;

describe('sentiment and theme filters in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  const email = 'owner@text-filters-page.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildAnalyticsOrg(server.pool, 'Text Filters Page Org');
    const store = await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store A');
    await buildUser(server.pool, org.orgId, 'owner', email);
    const s = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    surveyId = s.surveyId;
    const ids = await seedResponses(server.pool, org.orgId, surveyId, s.ids, ROWS.map((r, i) => ({
      locationId: store.id, at: `2026-10-0${i + 1}T10:00:00Z`, answers: { nps: { score: r.score }, why: { text: `comment ${i}` } },
    })));
    const names: Record<string, Record<string, string>> = {
      waiting_time: { en: 'Waiting time', ru: 'Ожидание', fa: 'زمان انتظار' }, price: { en: 'Price', ru: 'Цена', fa: 'قیمت' }, cleanliness: { en: 'Cleanliness' },
    };
    await seedThemes(server.pool, org.orgId, names);
    await seedCommentAnalyses(server.pool, org.orgId, ROWS.map((r, i) => ({ responseId: ids[i], questionId: s.ids.why, text: `comment ${i}`, ...r })));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picking "Negative" narrows the tile, shows a chip and keeps the filter in the URL; themes add up as chips', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all`);
    const tile = page.getByTestId('kpi-nps');
    await poll(() => tile.textContent()).toContain('n = 5');
    expect(await tile.getByTestId('metric-number').textContent()).toBe('20');
    await poll(() => page.getByTestId('responses-count').textContent()).toContain('5 responses');

    await page.getByTestId('filter-sentiment').selectOption({ label: 'Negative' });
    await poll(() => tile.textContent()).toContain('n = 3');
    expect(await tile.getByTestId('metric-number').textContent()).toBe('-33.3');
    await poll(() => page.getByTestId('responses-count').textContent()).toContain('3 responses');
    expect(new URL(page.url()).searchParams.get('sentiment')).toBe('negative');
    const chips = page.getByRole('list', { name: 'Comment filters' });
    await poll(() => chips.getByRole('listitem').allTextContents()).toEqual(['Negative×']);

    // A theme by its name: negative comments about waiting time (scores 2 and 4).
    await page.getByTestId('filter-theme').selectOption({ label: 'Waiting time' });
    await poll(() => tile.textContent()).toContain('n = 2');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('waiting_time');
    // A second theme widens the themes (any of them): waiting time or price, still negative.
    await page.getByTestId('filter-theme').selectOption({ label: 'Price' });
    await poll(() => tile.textContent()).toContain('n = 3');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('waiting_time,price');
    await poll(() => chips.getByRole('listitem').allTextContents()).toEqual(['Negative×', 'Waiting time×', 'Price×']);

    // Removing the chips (keyboard: focus and Enter) brings every response back.
    for (const name of ['Negative', 'Waiting time', 'Price']) {
      await page.getByRole('button', { name: `Remove the filter ${name}` }).focus();
      await page.keyboard.press('Enter');
    }
    await poll(() => tile.textContent()).toContain('n = 5');
    await poll(() => page.getByTestId('filter-chips').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('sentiment')).toBe(false);

    // Back in history: the view before the last removal (price only: scores 4 and 9) returns with its figures.
    await page.goBack();
    await poll(() => chips.getByRole('listitem').allTextContents()).toEqual(['Price×']);
    await poll(() => tile.textContent()).toContain('n = 2');
    await page.close();
  }, 120_000);

  it('a theme badge of an analysed comment filters the dashboard (Persian names, right to left)', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'fa' });
    // A link with the sentiment filter: the analysed list is open, negative comments only (scores 2, 4, 9: NPS −33.3).
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all&sentiment=negative`);
    const tile = page.getByTestId('kpi-nps');
    await poll(() => shown(tile.getByTestId('metric-number'))).toBe('−۳۳٫۳');
    const badge = page.getByTestId('text-comments').locator('li', { hasText: 'comment 2' }).getByRole('button', { name: /قیمت/ });
    await badge.click();
    await poll(() => new URL(page.url()).searchParams.get('theme')).toBe('price');
    await poll(() => page.getByTestId('filter-chips').getByRole('listitem').allTextContents()).toEqual(['منفی×', 'قیمت×']);
    // Negative about price: the scores 4 and 9, one detractor and one promoter, NPS 0.
    await poll(() => shown(tile.getByTestId('metric-number'))).toBe('۰');
    await page.close();
  }, 120_000);
});
