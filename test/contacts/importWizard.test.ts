/**
 * The contact import wizard in a real Chromium: a CSV file is chosen, the suggested mapping and the refused
 * row (row number, column, reason) are shown before anything is written, a column's mapping is changed and
 * checked again, the import waits for "leave the refused rows out", and the contacts arrive in the list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg } from '../analytics/seed.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('contact import wizard', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let dir = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildAnalyticsOrg(server.pool, 'Wizard Org', 'Europe/Moscow');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, org.root, 'store', 'Тверская');
    await server.pool.query(`update locations set code = 'MSK-01' where id = $1`, [store.id]);
    await buildUser(server.pool, orgId, 'owner', 'owner@wizard.test');
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-contacts-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const contacts = async () =>
    (await server.pool.query(`select email, phone, name, segment from contacts where org_id = $1 order by email`, [orgId])).rows;

  it('maps, previews with per-row errors, then imports the good rows', async () => {
    const file = path.join(dir, 'clients.csv');
    fs.writeFileSync(file, ['Email,Phone,Name,Club', 'olga@example.ru,8 916 555-44-33,Ольга,vip', 'broken-address,,Пётр,regular', 'ivan@example.ru,,Иван,regular'].join('\n'));
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@wizard.test', TEST_PASSWORD, { lang: 'en' });
    await page.goto(`${server.baseUrl}/app/contacts`);
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-file').setInputFiles(file);

    await poll(() => page.getByTestId('import-summary').count()).toBe(1);
    // "Club" is not a known word: suggested as ignored; the others are recognised.
    expect(await page.getByTestId('map-0').inputValue()).toBe('email');
    expect(await page.getByTestId('map-1').inputValue()).toBe('phone');
    expect(await page.getByTestId('map-3').inputValue()).toBe('');
    const errors = page.getByTestId('import-errors');
    expect(await errors.locator('tbody tr').allInnerTexts()).toEqual(['3\tEmail\tnot an e-mail address']);
    expect(await contacts()).toEqual([]);

    await page.getByTestId('map-3').selectOption('segment');
    await page.getByTestId('import-recheck').click();
    await poll(() => page.getByTestId('import-summary').textContent()).toBe('3 rows read: 2 new contacts, 0 updates, 1 row refused.');

    const commit = page.getByTestId('import-commit');
    expect(await commit.isDisabled()).toBe(true);
    await page.getByTestId('import-skip').check();
    expect(await commit.textContent()).toBe('Import 2 contacts');
    await commit.click();
    await poll(() => page.getByRole('status').filter({ hasText: 'added' }).textContent()).toBe('2 contacts added, 0 updated.');
    expect(await contacts()).toEqual([
      { email: 'ivan@example.ru', phone: null, name: 'Иван', segment: 'regular' },
      { email: 'olga@example.ru', phone: '+79165554433', name: 'Ольга', segment: 'vip' },
    ]);
    await poll(() => page.getByTestId('contacts-table').locator('tbody tr').count()).toBe(2);
    await page.context().close();
  }, 120_000);
});
