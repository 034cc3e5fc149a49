/**
 * The Reviews page in Chromium (docs/reviews.md "Sentiment and themes"): theme chips and the theme filter,
 * a review's sentiment corrected with the keyboard (shown at once while the request is held, stored as
 * manual, still there after a reload), a refused correction shown as an error with the stored sentiment
 * back, and the Persian interface of the control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

describe('reviews page: themes and sentiment correction', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  const ids: Record<string, string> = {};

  const storedOf = async (key: string) =>
    (await server.pool.query(`select sentiment, sentiment_source from reviews where org_id = $1 and external_id = $2`, [orgId, key])).rows[0];

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-10-30T12:00:00Z') });
    orgId = (await buildOrg(server.pool, 'Correction Page Org')).orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@revcorrect.test');
    // Newest first on the page: queue, clean, price.
    const rows: Array<[string, string, string, string[]]> = [
      ['price', 'Prices are a bit high but fine.', 'neutral', ['price']],
      ['clean', 'Clean store, friendly staff!', 'positive', ['cleanliness', 'staff_politeness']],
      ['queue', 'Очень долго ждали в очереди.', 'negative', ['waiting_time']],
    ];
    for (const [i, [key, text, sentiment, themes]] of rows.entries()) {
      const { rows: [r] } = await server.pool.query(
        `insert into reviews (org_id, source, external_id, text, rating, rating_scale, published_at, content_hash, sentiment, sentiment_p, sentiment_source, themes, analysed_at)
         values ($1, 'google', $2, $3, 3, 5, $4, $2, $5, 0.8, 'lexicon', $6, now()) returning id`,
        [orgId, key, text, `2026-10-${10 + i}T10:00:00Z`, sentiment, themes],
      );
      ids[key] = r.id;
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows theme chips, filters by theme and counts themes', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@revcorrect.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/reviews`);
    await page.getByTestId('reviews-list').waitFor();
    const chips = page.locator(`[data-review="${ids.clean}"] .tx-theme`);
    await chips.first().waitFor();
    expect(await chips.allTextContents()).toEqual(['Cleanliness', 'Staff politeness']);
    await page.getByTestId('filter-theme').selectOption('waiting_time');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/theme=waiting_time/);
    await page.waitForFunction(() => document.querySelectorAll('.rv-item').length === 1);
    expect(await page.locator('.rv-text').allTextContents()).toEqual(['Очень долго ждали в очереди.']);
    // The theme panel counts the reviews in the filters: only the chosen theme now.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=theme-counts] tbody tr').length === 1);
    expect(await page.locator('[data-testid=theme-counts] tbody tr').first().innerText()).toMatch(/^Waiting time\s+1\s+1\s+0$/);
    await page.close();
  });

  it('corrects a sentiment with the keyboard: shown at once, stored as manual, kept after a reload', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@revcorrect.test', TEST_PASSWORD);
    // Hold the correction request to see the page before the server answers.
    let held: Route | null = null;
    await page.route('**/api/v1/reviews/*/sentiment', (route) => {
      held = route;
    });
    await page.goto(`${server.baseUrl}/app/reviews`);
    const item = page.locator(`[data-review="${ids.queue}"]`);
    await item.waitFor();
    expect(await item.getByTestId('sentiment').textContent()).toBe('Negative');
    const toggle = item.getByRole('button', { name: 'Correct sentiment' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const group = item.getByRole('group', { name: 'Sentiment of this review' });
    await group.waitFor();
    expect(await group.getByRole('button', { name: 'Negative' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Positive');
    await page.keyboard.press('Enter');
    // Optimistic: the badge says so while the request is still held; the group closed, focus back on its button.
    await item.locator('.tx-source', { hasText: 'corrected' }).waitFor();
    expect(await item.getByTestId('sentiment').textContent()).toBe('Positive');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await storedOf('queue')).toEqual({ sentiment: 'negative', sentiment_source: 'lexicon' });
    expect(held).not.toBeNull();
    await held!.continue();
    await page.getByText('Sentiment corrected: Positive.', { exact: false }).waitFor();
    expect(await storedOf('queue')).toEqual({ sentiment: 'positive', sentiment_source: 'manual' });
    await page.reload();
    await item.getByTestId('sentiment').waitFor();
    expect(await item.getByTestId('sentiment').textContent()).toBe('Positive');
    expect(await item.locator('.tx-source').textContent()).toBe('corrected');
    await page.close();
  });

  it('shows a refused correction as an error and the stored sentiment again', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@revcorrect.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/reviews`);
    const item = page.locator(`[data-review="${ids.price}"]`);
    await item.waitFor();
    // Someone deletes the review meanwhile: the server answers 404.
    await server.pool.query(`delete from reviews where org_id = $1 and id = $2`, [orgId, ids.price]);
    await item.getByRole('button', { name: 'Correct sentiment' }).click();
    await item.getByRole('group').getByRole('button', { name: 'Negative' }).click();
    await item.getByRole('alert').waitFor();
    expect(await item.getByRole('alert').textContent()).toBe('The correction was not saved: Review not found');
    expect(await item.getByTestId('sentiment').textContent()).toBe('Neutral');
    expect(await item.locator('.tx-source').textContent()).toBe('lexicon');
    await page.close();
  });

  it('speaks Persian on the correction control and the theme filter', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@revcorrect.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/reviews`);
    const item = page.locator(`[data-review="${ids.clean}"]`);
    await item.waitFor();
    await item.getByRole('button', { name: 'اصلاح احساس' }).click();
    expect(await item.getByRole('group', { name: 'احساس این نظر' }).getByRole('button').allTextContents()).toEqual(['منفی', 'خنثی', 'مثبت']);
    expect(await page.locator('[data-testid=filter-theme] option').first().textContent()).toBe('همه موضوع‌ها');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.close();
  });
});
