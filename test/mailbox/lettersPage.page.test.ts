/**
 * The feedback letters page in Chromium: an owner connects the mailbox through the form (a private Dovecot), the
 * status announces the read, the letter shows with its store, sentiment and case; a wrong password is shown in
 * plain words and the typed values stay; a store manager sees no settings and only their store's letter; the
 * Persian page is right-to-left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { startDovecot, type TestImapServer } from '../helpers/dovecot.ts';

requirePageTestPrerequisites();

const MAILBOX = { user: 'pagebox', pass: 'page-mailbox-pass' };

function letter(id: string, from: string, subject: string, body: string) {
  return [`From: ${from}`, 'To: feedback@shop.example', `Subject: ${subject}`, 'Date: Mon, 30 Nov 2026 10:00:00 +0000', `Message-ID: ${id}`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body].join('\r\n');
}

describe('feedback letters page', () => {
  let server: TestServer;
  let imap: TestImapServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, imap] = await Promise.all([startTestServer({ webDir: WEB_DIR }), startDovecot([MAILBOX])]);
    const org = await buildOrg(server.pool, 'Letters Page Org');
    const root = { id: org.rootLocationId, path: org.rootPath };
    const a = await buildLocation(server.pool, org.orgId, root, 'store', 'Store Alpha');
    const b = await buildLocation(server.pool, org.orgId, root, 'store', 'Store Beta');
    await server.pool.query(`update locations set code = 'A-1' where org_id = $1 and id = $2`, [org.orgId, a.id]);
    await server.pool.query(`update locations set code = 'B-1' where org_id = $1 and id = $2`, [org.orgId, b.id]);
    await buildUser(server.pool, org.orgId, 'owner', 'owner@letterspage.test');
    await buildUser(server.pool, org.orgId, 'location_manager', 'alpha@letterspage.test', [a.id]);
    await imap.append(MAILBOX, letter('<page-1@example.com>', 'Nina <nina@example.com>', '[A-1] Rude cashier', 'The cashier was rude and the queue was terrible. Very bad service.'));
    await imap.append(MAILBOX, letter('<page-2@example.com>', 'Omar <omar@example.com>', '[B-1] Thanks', 'Great store, excellent and friendly staff. Thank you!'));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), imap?.stop()]);
  });

  async function fill(page: Page, password: string) {
    await page.getByLabel('Published address', { exact: true }).fill('feedback@shop.example');
    await page.getByLabel('IMAP server', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(imap.port));
    await page.getByLabel('User name', { exact: true }).fill(MAILBOX.user);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('TLS from the start (usually port 993)', { exact: true }).uncheck();
  }

  it('connects the mailbox from the form, then lists the letters it read', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@letterspage.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/cases/letters`);
    await page.getByRole('heading', { name: 'Feedback letters', level: 1 }).waitFor();
    await page.getByText('No letters yet').waitFor();

    // A wrong password: saved, then the test says what is wrong; the form keeps what was typed.
    await fill(page, 'not-the-password');
    await page.getByRole('button', { name: 'Save the mailbox' }).click();
    await page.getByText('Saved. The mailbox is read now.').waitFor();
    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page.getByText('The server refused the user name or password.').first().waitFor();
    expect(await page.getByLabel('IMAP server', { exact: true }).inputValue()).toBe('127.0.0.1');

    await page.getByLabel('Password', { exact: true }).fill(MAILBOX.pass);
    await page.getByRole('button', { name: 'Save the mailbox' }).click();
    await page.getByText('Saved. The mailbox is read now.').waitFor();
    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page.getByText('Connected: the folder holds 2 letters.').waitFor();

    // The read queued by the save has stored both letters (the list loads them on the next visit).
    await expect.poll(async () => {
      await page.reload();
      await page.locator('[data-testid=letters], .empty-state').first().waitFor();
      return page.locator('[data-testid=letters] > li').count();
    }, { timeout: 30_000 }).toBe(2);
    const rude = page.locator('[data-testid=letters] > li', { hasText: 'Rude cashier' });
    await expect.poll(() => rude.textContent()).toContain('Store Alpha');
    const text = (await rude.textContent()) ?? '';
    expect(text).toContain('Negative');
    expect(text).toMatch(/Case #1 · new/);
    expect(text).toContain('nina@example.com');
    const thanks = (await page.locator('[data-testid=letters] > li', { hasText: 'Thanks' }).textContent()) ?? '';
    expect(thanks).toContain('Positive');
    expect(thanks).toContain('No case');
    await expect.poll(async () => (await page.getByTestId('mailbox-status').textContent()) ?? '').toContain('Letters read2');

    // The sentiment filter goes through the address.
    await page.getByLabel('Sentiment', { exact: true }).selectOption('positive');
    await page.waitForURL(/sentiment=positive/);
    await expect.poll(() => page.locator('[data-testid=letters] > li').count()).toBe(1);
    await page.context().close();
  }, 90_000);

  it('shows a store manager their store letters only, without the settings', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'alpha@letterspage.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/cases/letters`);
    await page.locator('[data-testid=letters] > li').first().waitFor();
    expect(await page.locator('[data-testid=letters] > li').count()).toBe(1);
    expect(await page.locator('[data-testid=letters]').textContent()).toContain('Rude cashier');
    expect(await page.getByRole('heading', { name: 'Feedback mailbox' }).count()).toBe(0);
    await page.context().close();
  });

  it('is right-to-left in Persian', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@letterspage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/cases/letters`);
    await page.getByRole('heading', { name: 'نامه‌های بازخورد', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.context().close();
  });
});
