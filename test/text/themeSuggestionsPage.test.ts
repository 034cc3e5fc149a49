/**
 * Suggested themes in a real Chromium: the owner looks for new themes, renames a suggestion inline with
 * the keyboard, accepts it, and finds it among the themes (dictionary and stored), while the suggestion
 * leaves the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { analyseOrgComments } from '../../src/server/text/analyseComments.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

requirePageTestPrerequisites();

const PARKING = ['No parking space near the store', 'Could not find a parking space', 'Parking space too small for my car', 'Parking space always full'];
const WIFI = ['No wifi signal in the store', 'Wifi signal very weak', 'Wifi signal keeps dropping', 'Weak wifi signal near the entrance', 'Wifi signal weak again'];

describe('suggested themes in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let surveyId = '';
  const email = 'owner@suggestions-page.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildAnalyticsOrg(server.pool, 'Suggestions Page Org');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, org.root, 'store', 'Store A');
    await buildUser(server.pool, orgId, 'owner', email);
    const s = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    surveyId = s.surveyId;
    await seedResponses(server.pool, orgId, surveyId, s.ids, [...PARKING, ...WIFI].map((text, i) => ({
      locationId: store.id, at: `2026-10-${String(20 - i).padStart(2, '0')}T10:00:00Z`, answers: { nps: { score: 6 }, why: { text } },
    })));
    await analyseOrgComments(server.pool, orgId);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('accepts a suggestion under a new name and shows it among the themes', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Suggested themes' }) });
    await panel.getByRole('button', { name: 'Look for new themes' }).click();
    const list = panel.getByTestId('theme-suggestions');
    // The card is found by an example (its heading changes while renaming).
    const card = list.locator('li.tx-sug', { hasText: PARKING[0] });
    await poll(() => card.count()).toBe(1);
    expect(await card.getByRole('heading').textContent()).toBe('Parking');
    await poll(() => list.locator('li.tx-sug', { has: page.getByRole('heading', { name: 'Signal' }) }).count()).toBe(1);
    expect(await card.textContent()).toContain('4 comments');
    expect(await card.getByRole('list', { name: 'Examples' }).getByRole('listitem').allTextContents()).toEqual(PARKING.slice(0, 3));
    // Rename inline with the keyboard: the name field replaces the heading; Enter ends editing.
    await card.getByRole('button', { name: 'Rename' }).focus();
    await page.keyboard.press('Enter');
    const name = card.getByLabel('Name of the new theme');
    await poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Car park');
    await page.keyboard.press('Enter');
    expect(await card.getByRole('heading').textContent()).toBe('Car park');
    // Escape leaves the name as it was.
    await card.getByRole('button', { name: 'Rename' }).click();
    await name.fill('Not this');
    await name.press('Escape');
    expect(await card.getByRole('heading').textContent()).toBe('Car park');
    expect(await card.getByLabel('Words that mark the theme (English), comma-separated').inputValue()).toBe('parking, space, always, car');
    await card.getByLabel('Words that mark the theme (English), comma-separated').fill('parking, car park');
    await card.getByRole('button', { name: 'Accept as a new theme' }).click();
    await poll(() => panel.getByRole('status').first().textContent()).toBe('Theme “Car park” created. Comments are being re-analysed.');
    // Among the themes at once (the dictionary editor's list), and stored; the suggestion is gone, the other stays.
    await poll(() => page.locator('.tx-theme-list').getByRole('button', { name: 'Car park' }).count()).toBe(1);
    await poll(() => card.count()).toBe(0);
    expect(await list.locator('li.tx-sug', { has: page.getByRole('heading', { name: 'Signal' }) }).count()).toBe(1);
    const stored = await server.pool.query(`select names->>'en' as name, terms from org_themes where org_id = $1 and id = 'car_park'`, [orgId]);
    expect(stored.rows).toEqual([{ name: 'Car park', terms: { en: ['parking', 'car park'] } }]);
    await page.context().close();
  }, 90_000);
});
