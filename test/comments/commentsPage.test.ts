/**
 * The comment analysis panels in a real Chromium: sentiment badges and theme chips, the model status
 * line, and a correction made with the keyboard only, stored as 'manual'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { buildLocation } from '../helpers/app.ts';
import { analyseOrgComments } from '../../src/server/text/analyseComments.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

/** WCAG 2 contrast ratio of two opaque `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Holds the page's `method` requests to `url` (counting them) until release(): a save "on its way". */
async function holdRequests(page: Page, url: string, method: string) {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => { release = r; });
  const state = { count: 0, release: () => release() };
  await page.route(url, async (route) => {
    if (route.request().method() === method) {
      state.count += 1;
      await held;
    }
    await route.continue();
  });
  return state;
}

requirePageTestPrerequisites();

describe('comments view in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let surveyId = '';
  let wideSurveyId = '';
  const rids: string[] = [];
  const email = 'owner@comments-page.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildAnalyticsOrg(server.pool, 'Comments Page Org');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, org.root, 'store', 'Store A');
    await buildUser(server.pool, orgId, 'owner', email);
    const s = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    surveyId = s.surveyId;
    rids.push(...(await seedResponses(server.pool, orgId, surveyId, s.ids, [
      { locationId: store.id, at: '2026-10-01T10:00:00Z', answers: { nps: { score: 2 }, why: { text: 'Terrible service, we waited in the queue forever.' } } },
      { locationId: store.id, at: '2026-10-02T10:00:00Z', answers: { nps: { score: 10 }, why: { text: 'Excellent, very friendly staff!' } } },
    ])));
    // A second survey answered at nine stores: its themes-by-location table is wider than a phone.
    const wide = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    wideSurveyId = wide.surveyId;
    const stores = [];
    for (const name of ['North', 'South', 'East', 'West', 'Airport', 'Harbour', 'Station', 'Old town', 'Riverside']) {
      stores.push(await buildLocation(server.pool, orgId, org.root, 'store', name));
    }
    await seedResponses(server.pool, orgId, wideSurveyId, wide.ids, stores.map((st, i) => (
      { locationId: st.id, at: `2026-10-${String(i + 1).padStart(2, '0')}T10:00:00Z`, answers: { nps: { score: 3 }, why: { text: 'We waited in the queue for half an hour.' } } }
    )));
    await analyseOrgComments(server.pool, orgId);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows sentiment and themes, and saves a correction made with the keyboard', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all`);
    // The analysed list opens on demand (the latest comments are listed above it), by keyboard too.
    const open = page.getByRole('button', { name: 'Show the 2 analysed comments' });
    await open.focus();
    await page.keyboard.press('Enter');
    const list = page.getByTestId('text-comments');
    await poll(() => list.locator('li').count()).toBe(2);
    await poll(() => page.getByTestId('text-model-status').textContent()).toContain('Built-in lexicon (lower accuracy)');
    const negative = list.locator('li', { hasText: 'Terrible service' });
    expect(await negative.getByTestId('sentiment').textContent()).toBe('Negative');
    await poll(() => negative.locator('.tx-theme').allTextContents()).toContain('Waiting time');
    // Themes by month counts it as negative, in brackets.
    const waitingRow = page.getByRole('table', { name: 'Comments per theme and month (negative ones in brackets)' }).getByRole('row', { name: /Waiting time/ });
    await poll(() => waitingRow.locator('td').allTextContents()).toEqual(['1 (1)']);
    // Keyboard only: focus "Correct", open it, pick "Neutral" with the arrow keys, save.
    await negative.getByRole('button', { name: 'Correct' }).focus();
    await page.keyboard.press('Enter');
    const form = negative.getByRole('form', { name: 'Correct the analysis of this comment' });
    await form.getByRole('radio', { name: 'Negative' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: 'Neutral' }).isChecked()).toBe(true);
    // Held on its way: a second Enter meanwhile must not send the correction twice.
    const patches = await holdRequests(page, '**/api/v1/text/comments/**', 'PATCH');
    await form.getByRole('button', { name: 'Save correction' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => form.getByRole('button', { name: 'Saving…' }).isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    patches.release();
    await poll(() => negative.getByTestId('sentiment').textContent()).toBe('Neutral');
    expect(patches.count).toBe(1);
    // Every sentiment badge is readable: WCAG contrast of at least 4.5 (the neutral one was white on light grey).
    for (const badge of await list.getByTestId('sentiment').all()) {
      expect(contrast(...(await badge.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor] as const)))).toBeGreaterThanOrEqual(4.5);
    }
    expect(await negative.locator('.tx-source').textContent()).toBe('corrected');
    // The panels that count sentiments follow the correction without a page reload.
    await poll(() => waitingRow.locator('td').allTextContents()).toEqual(['1 (0)']);
    const stored = await server.pool.query(`select sentiment, source from comment_analysis where org_id = $1 and response_id = $2`, [orgId, rids[0]]);
    expect(stored.rows[0]).toEqual({ sentiment: 'neutral', source: 'manual' });
    await page.context().close();
  }, 60_000);

  it('Cancel discards what was picked in the correction form and gives the focus back to "Correct"', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all`);
    await page.getByRole('button', { name: 'Show the 2 analysed comments' }).click();
    const positive = page.getByTestId('text-comments').locator('li', { hasText: 'Excellent, very friendly staff' });
    await poll(() => positive.getByTestId('sentiment').textContent()).toBe('Positive');
    const correct = positive.getByRole('button', { name: 'Correct' });
    await correct.focus();
    await page.keyboard.press('Enter');
    const form = positive.getByRole('form', { name: 'Correct the analysis of this comment' });
    await form.getByRole('radio', { name: 'Negative' }).check();
    await form.getByRole('checkbox', { name: 'Price' }).check();
    await form.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => form.count()).toBe(0);
    // The keyboard user is back where they were, not at the top of the page.
    expect(await correct.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    // Reopened: the comment's stored analysis again, not the cancelled picks.
    expect(await form.getByRole('radio', { name: 'Positive' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Price' }).isChecked()).toBe(false);
    const stored = await server.pool.query(`select sentiment, source from comment_analysis where org_id = $1 and response_id = $2`, [orgId, rids[1]]);
    expect(stored.rows[0].source).not.toBe('manual');
    await page.context().close();
  }, 60_000);

  it('theme dictionary: "Theme saved." clears on the next edit, unsaved edits are not lost to another theme, one save at a time', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all`);
    const panel = page.locator('section[aria-labelledby="text-themes-title"]');
    const id = panel.getByLabel('Id');
    const words = panel.getByLabel('Words, comma-separated (English)');
    const status = panel.getByTestId('theme-status');
    // Hold the dictionary's PUT until released: while it is on its way, a second Enter must not send it again.
    const puts = await holdRequests(page, '**/api/v1/text/themes', 'PUT');
    await panel.getByRole('button', { name: 'Price', exact: true }).click();
    await poll(() => id.inputValue()).toBe('price');
    await words.fill(`${await words.inputValue()}, pricey`);
    await words.press('Enter');
    const save = panel.getByRole('button', { name: 'Saving…' });
    await poll(() => save.isDisabled()).toBe(true);
    await words.press('Enter');
    puts.release();
    await poll(() => status.textContent()).toBe('Theme saved.');
    expect(puts.count).toBe(1);
    // The next edit makes "Theme saved." stale: it goes at once.
    await words.press('End');
    await page.keyboard.type(', dear');
    expect(await status.textContent()).toBe('');
    // Another theme while the form holds unsaved words: a dialog asks; Escape keeps the edits.
    await panel.getByRole('button', { name: 'Waiting time', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await id.inputValue()).toBe('price');
    expect(await words.inputValue()).toMatch(/, pricey, dear$/);
    // Asked again, "Discard changes" (keyboard) opens the other theme and puts the focus in the form.
    await panel.getByRole('button', { name: 'Waiting time', exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Discard changes' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => id.inputValue()).toBe('waiting_time');
    expect(await id.evaluate((el) => el === document.activeElement)).toBe(true);
    const stored = await server.pool.query(`select terms from org_themes where org_id = $1 and id = 'price'`, [orgId]);
    expect(stored.rows[0].terms.en).toContain('pricey');
    expect(stored.rows[0].terms.en).not.toContain('dear');
    await page.context().close();
  }, 60_000);

  it('key phrases say there is nothing to compare when a filter leaves one group empty', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    // Only detractors: no promoter's comment to set them against ("not yet 15 mentions" would mislead).
    await page.goto(`${server.baseUrl}/app/surveys/${wideSurveyId}?range=all`);
    const panel = page.locator('section[aria-labelledby="text-keyphrases-title"]');
    await poll(() => panel.locator('h3').allTextContents()).toEqual(['Detractors (9 comments)', 'Promoters (0 comments)']);
    expect(await panel.locator('p.muted').allTextContents()).toEqual([
      'Nothing to compare with: the other group has no comments in these filters.',
      'No comments in these filters.',
    ]);
    await page.context().close();
  }, 60_000);

  it('shows the whole caption of the themes-by-location table on a phone, where the table scrolls sideways', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.baseUrl}/app/surveys/${wideSurveyId}?range=all`);
    const caption = 'Comments per theme and location (negative ones in brackets)';
    // The caption names the table for screen readers and is read by sighted users too.
    const table = page.getByRole('table', { name: caption });
    await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    // The table is wider than the phone and scrolls sideways (inside itself: styles.css, phones).
    await poll(() => table.evaluate((el) => el.scrollWidth > el.clientWidth || el.parentElement!.scrollWidth > el.parentElement!.clientWidth)).toBe(true);
    const panel = (await page.locator('section[aria-labelledby="text-heat-title"]').boundingBox())!;
    const box = (await page.getByText(caption, { exact: true }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(panel.x);
    expect(box.x + box.width).toBeLessThanOrEqual(Math.min(390, panel.x + panel.width) + 0.5);
    await page.context().close();
  }, 60_000);
});
