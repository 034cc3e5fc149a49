/**
 * The Kiosks section of a survey's distribution page in Chromium: an owner creates a kiosk for a store
 * with a PIN, gets its address once, the address opens the kiosk; switching it off makes the address
 * refuse. In Persian the section is laid out right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildLocation, buildOrg, buildUser, Client, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites();

let server: TestServer;
let browser: Browser;
let survey: SurveyFixture;

beforeAll(async () => {
  server = await startTestServer({ webDir: WEB_DIR });
  const org = await buildOrg(server.pool, 'Kiosk Dashboard');
  await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Exit store');
  survey = await buildSurvey(server.pool, org.orgId);
  await buildUser(server.pool, org.orgId, 'owner', 'owner@kiosk-dash.test');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Kiosks on the distribution page', () => {
  it('creates a kiosk, shows its address once, and switches it off', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@kiosk-dash.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/distribute`);
    const section = page.getByRole('region', { name: 'In-store kiosks' });
    await section.getByText('No kiosks yet').waitFor();

    // Nothing is sent until name, location and a 4-8 digit PIN are given.
    await section.getByRole('button', { name: 'Create kiosk' }).click();
    await section.getByText('Give the kiosk a name.').waitFor();
    await section.getByText('Choose the location the kiosk stands at.').waitFor();
    await section.getByText('Use 4 to 8 digits.').waitFor();
    expect(Number((await server.pool.query(`select count(*)::int as n from kiosks`)).rows[0].n)).toBe(0);

    await section.getByLabel('Kiosk name').fill('Left door');
    await section.getByLabel('Location').selectOption({ label: 'Exit store' });
    await section.getByLabel('Staff PIN').fill('5555');
    await section.getByRole('button', { name: 'Create kiosk' }).click();
    const address = section.locator('.kiosk-created input');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${server.baseUrl}/k/[A-Za-z0-9_-]{43}/$`));
    const row = section.getByRole('row', { name: /Left door/ });
    await row.getByText('Active').waitFor();
    expect(await row.textContent()).toContain('never');
    expect((await new Client(server.baseUrl).get(new URL(url).pathname)).status).toBe(200);

    await row.getByRole('button', { name: 'Switch off' }).click();
    await section.getByRole('button', { name: 'Yes' }).click();
    await section.getByRole('status').filter({ hasText: 'Kiosk Left door switched off.' }).waitFor();
    await row.getByText(/^Switched off/).waitFor();
    expect((await new Client(server.baseUrl).get(new URL(url).pathname)).status).toBe(403);
    await page.context().close();
  }, 60_000);

  it('lays the section out right to left in Persian', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@kiosk-dash.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/distribute`);
    const section = page.getByRole('region', { name: 'کیوسک‌های فروشگاه' });
    await section.waitFor();
    expect(await section.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.context().close();
  }, 60_000);
});
