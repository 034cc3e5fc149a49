/**
 * The support contact import page in a real Chromium: a file with a bad row is refused (line and reason
 * shown, nothing stored), the same file with "import the others" ticked reaches "done" through the upload,
 * the job and the progress poll, and uploading it again says it was imported already. Persian: RTL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { countEvents, EVENTS_CSV, tempDir } from './fixtures.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
requirePageTestPrerequisites();

describe('support import page', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  const files = tempDir();

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    orgId = (await buildOrg(server.pool, 'Wizard Support Org')).orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@support-wizard.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    files.remove();
  });

  it('refuses a bad file with its lines, imports it with bad rows left out, then says a re-upload changed nothing', async () => {
    // Line 13 is not a canonical event kind.
    const file = files.write('tickets.csv', `${EVENTS_CSV}T3,c,2026-03-04T10:00:00Z,escalated,,,,,,,,\n`);
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@support-wizard.test', TEST_PASSWORD, { lang: 'en' });
    await page.goto(`${server.baseUrl}/app/support/import`);
    await page.getByTestId('si-file').setInputFiles(file);
    await page.getByTestId('si-start').click();
    await poll(() => page.getByTestId('si-summary').getAttribute('data-status')).toBe('failed');
    expect(await page.getByTestId('si-problems').locator('tbody tr td').first().innerText()).toBe('13');
    expect(await page.getByTestId('si-summary').innerText()).toContain('Nothing was imported: 1 row cannot be read');
    expect(await countEvents(server.pool, orgId)).toBe(0);

    await page.getByTestId('si-again').click();
    await page.getByTestId('si-file').setInputFiles(file);
    await page.getByTestId('si-skip').check();
    await page.getByTestId('si-start').click();
    await poll(() => page.getByTestId('si-summary').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('si-summary').innerText()).toContain('Imported: 12 rows read, 11 new events, 2 contacts updated.');
    expect(await countEvents(server.pool, orgId)).toBe(11);
    await poll(() => page.getByTestId('si-recent').locator('tbody tr').count()).toBe(2);

    await page.getByTestId('si-again').click();
    await page.getByTestId('si-file').setInputFiles(file);
    await page.getByTestId('si-skip').check();
    await page.getByTestId('si-start').click();
    await poll(() => page.getByTestId('si-summary').getAttribute('data-status')).toBe('already');
    expect(await countEvents(server.pool, orgId)).toBe(11);
    await page.context().close();
  });

  it('is right-to-left and translated in Persian', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@support-wizard.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/support/import`);
    await poll(() => page.locator('h1').innerText()).toBe('درون‌ریزی تماس‌های پشتیبانی');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.context().close();
  });
});
