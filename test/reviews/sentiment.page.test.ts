/**
 * The Reviews page in Chromium: each analysed review shows its sentiment badge (with its source), the
 * sentiment filter narrows the list through the URL, in English and Persian (RTL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

describe('reviews page sentiment', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-10-30T12:00:00Z') });
    const { orgId } = await buildOrg(server.pool, 'Sentiment Page Org');
    await buildUser(server.pool, orgId, 'owner', 'owner@revpage.test');
    const rows: [string, string | null, string | null][] = [
      ['Ужасное обслуживание, персонал грубый.', 'negative', 'lexicon'],
      ['Excellent coffee, friendly staff!', 'positive', 'model'],
      ['Так себе, но исправили вручную.', 'neutral', 'manual'],
      ['', null, null],
    ];
    for (const [i, [text, sentiment, source]] of rows.entries()) {
      await server.pool.query(
        `insert into reviews (org_id, source, text, rating, rating_scale, published_at, content_hash, sentiment, sentiment_p, sentiment_source)
         values ($1, 'google', $2, 4, 5, $3, $4, $5, $6, $7)`,
        [orgId, text, `2026-10-${10 + i}T10:00:00Z`, `h${i}`, sentiment, sentiment ? 0.8 : null, source],
      );
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows badges and filters by sentiment (en)', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@revpage.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/reviews`);
    await page.getByTestId('reviews-list').waitFor();
    expect(await page.getByTestId('sentiment').allTextContents()).toEqual(['Neutral', 'Positive', 'Negative']);
    await page.getByTestId('filter-sentiment').selectOption('negative');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/sentiment=negative/);
    await page.locator('.rv-item').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.rv-item').length === 1);
    expect(await page.locator('.rv-text').allTextContents()).toEqual(['Ужасное обслуживание, персонал грубый.']);
    expect(await page.locator('.rv-item .tx-source').allTextContents()).toEqual(['lexicon']);
    // Key phrases set negative against positive reviews: with only negative ones there is nothing to compare.
    await expect.poll(() => page.getByTestId('kp-positive').locator('h3').textContent(), { timeout: 15_000 }).toBe('Positive (0 reviews)');
    expect(await page.getByTestId('kp-negative').locator('p').textContent()).toBe('Nothing to compare with: there are no positive reviews in these filters.');
    expect(await page.getByTestId('kp-positive').locator('p').textContent()).toBe('No reviews in these filters.');
    await page.close();
  });

  it('speaks Persian on the filter and the badges', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@revpage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/reviews?sentiment=none`);
    await page.waitForFunction(() => document.querySelectorAll('.rv-item').length === 1);
    expect(await page.getByTestId('sentiment').count()).toBe(0);
    expect(await page.getByTestId('filter-sentiment').inputValue()).toBe('none');
    expect(await page.locator('[data-testid=filter-sentiment] option:checked').textContent()).toBe('تحلیل‌نشده');
    await page.close();
  });
});
