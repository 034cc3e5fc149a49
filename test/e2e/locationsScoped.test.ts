/**
 * A location-scoped admin on the Locations page in a real Chromium: the code of their location is shown
 * read-only with the reason, the add-a-location form has no code field, and renaming keeps the code
 * (docs/api.md "Locations": such an admin sets no codes, so no answer reveals codes held elsewhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('locations page of a location-scoped admin', () => {
  let server: TestServer;
  let browser: Browser;
  let storeId = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Scoped Codes');
    const region = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'East');
    const store = await buildLocation(server.pool, org.orgId, region, 'store', 'East store');
    storeId = store.id;
    await server.pool.query(`update locations set code = 'E-1' where id = $1`, [store.id]);
    await buildUser(server.pool, org.orgId, 'admin', 'east@scoped.test', [region.id]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the code read-only with the reason, offers no code for new locations, and keeps the code on rename', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'east@scoped.test', TEST_PASSWORD, { lang: 'en' });
    await page.goto(`${server.baseUrl}/app/locations`);
    await poll(() => page.getByRole('treeitem', { name: /East store/ }).count()).toBe(1);
    await page.getByRole('treeitem', { name: /East store/ }).click();
    const details = page.locator('form[aria-labelledby="edit-loc-h"]');
    const code = details.getByLabel('Code');
    await poll(() => code.inputValue()).toBe('E-1');
    expect(await code.evaluate((el) => (el as HTMLInputElement).readOnly)).toBe(true);
    expect(await details.textContent()).toContain('Set by an organisation-wide admin: your access is limited to some locations.');
    expect(await page.locator('form[aria-labelledby="add-loc-h"]').getByLabel('Code').count()).toBe(0);

    await details.getByLabel('Name').fill('East store renamed');
    await details.getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await server.pool.query(`select name, code from locations where id = $1`, [storeId])).rows[0]).toEqual({ name: 'East store renamed', code: 'E-1' });
    await page.context().close();
  }, 120_000);
});
