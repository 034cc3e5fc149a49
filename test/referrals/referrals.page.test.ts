/**
 * "Bring a friend" in Chromium: the owner turns the codes on (with the preview of the promoter's block), a
 * promoter answering on a phone with the enhancement script lands on the thank-you page with their code and a
 * copy button, and the report shows the funnel per location at 1280 px and on a 390 px phone, in en, ru and fa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites();

const SHOTS = process.env.REFERRAL_SHOTS_DIR;

describe('referral pages', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let storeId = '';
  let survey: SurveyFixture;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Page Bakery');
    orgId = org.orgId;
    storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5')).id;
    await buildUser(server.pool, orgId, 'owner', 'owner@rfpage.test');
    survey = await buildSurvey(server.pool, orgId);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns the codes on; a promoter gets a code on the thank-you page', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@rfpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/stores/referrals`);
    await page.getByText('No referrals in this period').waitFor();
    expect(await page.locator('.empty-state').innerText()).toContain('Referral codes are off: turn them on above to start.');
    expect(await page.getByTestId('rf-preview').innerText()).toContain('K7M2QX9A');
    const toggle = page.getByLabel('Give promoters a personal referral code');
    expect(await toggle.isChecked()).toBe(false);
    // Saved at once: checked once the server has it.
    await toggle.click();
    await page.getByRole('status').filter({ hasText: 'Referral codes are on.' }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    const { rows } = await server.pool.query(`select referrals_enabled from orgs where id = $1`, [orgId]);
    expect(rows[0].referrals_enabled).toBe(true);
    await expect.poll(() => page.locator('.empty-state').innerText()).not.toContain('Referral codes are off');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/empty-en-1280.png`, fullPage: true });
    await page.context().close();

    // A promoter on a phone, with the script: the JSON submit opens the thank-you page with the code.
    const phone = await browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 } });
    const answer = await phone.newPage();
    await answer.goto(`${server.baseUrl}/s/${survey.slug}?lang=en&loc=${storeId}`);
    await answer.locator('label:has(input[name=q_nps][value="10"])').click();
    await answer.getByRole('button', { name: 'Send' }).or(answer.getByRole('button', { name: 'Next' })).first().waitFor();
    // One question per screen on a phone: go on until Send.
    for (let i = 0; i < 5 && !(await answer.getByRole('button', { name: 'Send' }).isVisible()); i++) await answer.getByRole('button', { name: 'Next' }).click();
    await answer.getByRole('button', { name: 'Send' }).click();
    await answer.waitForURL(/\/thanks\?lang=en&ref=[A-Z0-9]{8}$/);
    const { rows: [code] } = await server.pool.query(`select code from referral_codes where org_id = $1`, [orgId]);
    expect(await answer.locator('.rf .code').innerText()).toBe(code.code);
    expect(await answer.locator('.rf').innerText()).toContain(`/r/${code.code}`);
    await answer.getByRole('heading', { name: 'Bring a friend' }).waitFor();
    expect(await answer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) await answer.screenshot({ path: `${SHOTS}/thanks-en-390.png`, fullPage: true });
    await answer.goto(`${server.baseUrl}/r/${code.code}?lang=fa`);
    if (SHOTS) await answer.screenshot({ path: `${SHOTS}/invite-fa-390.png`, fullPage: true });
    expect(await answer.locator('.code').innerText()).toBe(code.code);
    await phone.close();
  });

  it('shows the funnel per location in en, ru and fa, at 1280 and 390 px', { timeout: 120_000 }, async () => {
    // One code (the promoter's above) at Arbat 5, a second visit (the phone opened the link above), a claimed
    // friend who bought twice (12.50 + 30).
    const { rows: [c] } = await server.pool.query(`select code from referral_codes where org_id = $1`, [orgId]);
    await server.pool.query(`insert into referral_visits(org_id, code, day, visitor) values ($1, $2, current_date, 'v')`, [orgId, c.code]);
    await server.pool.query(`insert into referral_claims(org_id, customer_key, code, claimed_at) values ($1, 'friend-1', $2, now() - interval '2 hours')`, [orgId, c.code]);
    await server.pool.query(
      `insert into sales_transactions(org_id, location_id, receipt_id, at, amount, customer_key) values
       ($1, $2, 'r1', now() - interval '1 hour', 12.50, 'friend-1'), ($1, $2, 'r2', now() - interval '30 minutes', 30, 'friend-1')`,
      [orgId, storeId],
    );
    for (const lang of ['en', 'ru', 'fa'] as const) {
      const page = await openSignedInPage(browser, server.baseUrl, 'owner@rfpage.test', TEST_PASSWORD, { lang });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.baseUrl}/app/stores/referrals`);
      const table = page.getByTestId('rf-locations');
      await table.waitFor();
      const head = await page.locator('h1').innerText();
      expect(head).toBe({ en: 'Bring a friend', ru: 'Приведи друга', fa: 'دوستتان را بیاورید' }[lang]);
      if (lang === 'en') {
        // 1 issued, 2 visits, 1 referred, 1 bought (100%), 12.50 + 30 = 42.50
        const row = await table.locator('tbody tr').first().allInnerTexts();
        expect(row[0].replace(/\s+/g, ' ').trim()).toBe('Arbat 5 1 2 1 1 100% 42.50');
        expect(await page.getByTestId('rf-funnel').innerText()).toContain('42.50');
        expect(await page.getByTestId('rf-latest').locator('tbody tr').count()).toBe(1);
        expect(await page.getByTestId('rf-latest').innerText()).not.toContain('friend-1');
      } else {
        expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-${lang}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-${lang}-390.png`, fullPage: true });
      await page.context().close();
    }
  });
});
