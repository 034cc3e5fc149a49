/**
 * The case pages in Chromium: the store manager finds the case in the inbox (overdue marked in words),
 * opens it, writes a note @mentioning a colleague through the completion list (keyboard only), replies to
 * the customer (the letter reaches a local SMTP server with [#n] in the subject), resolves it with a root
 * cause; a failed note keeps its text; another store's manager does not see the case and gets "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';

requirePageTestPrerequisites();

describe('case pages', () => {
  let server: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let orgId = '';
  let caseId = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ webDir: WEB_DIR, smtpUrl: smtp.url, publicUrl: 'https://cx.page.example' });
    const org = await buildOrg(server.pool, 'Case Page Org');
    orgId = org.orgId;
    const storeA = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5');
    const storeB = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Nevsky 20');
    ids.owner = await buildUser(server.pool, orgId, 'owner', 'owner@casepage.test');
    ids.olga = await buildUser(server.pool, orgId, 'location_manager', 'olga@casepage.test', [storeA.id]);
    ids.boris = await buildUser(server.pool, orgId, 'location_manager', 'boris@casepage.test', [storeB.id]);
    ids.quality = await buildUser(server.pool, orgId, 'analyst', 'quality@casepage.test');
    const owner = await signIn(server.baseUrl, 'owner@casepage.test');
    const made = await owner.post('/api/v1/cases', {
      channel: 'phone', title: 'Charged twice at the till', priority: 'urgent', locationId: storeA.id, customerName: 'Maria', customerEmail: 'maria@example.com',
    });
    caseId = made.json.id;
    // Opened a day ago: past its 4-hour due time.
    await server.pool.query(`update cases set created_at = now() - interval '1 day', due_at = now() - interval '20 hours' where org_id = $1 and id = $2`, [orgId, caseId]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('inbox -> case -> note with a mention -> reply -> resolve with a root cause', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'olga@casepage.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Cases' }).click();
    const row = page.getByTestId('case-row').filter({ hasText: 'Charged twice at the till' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Overdue');
    await row.getByRole('link', { name: 'Charged twice at the till' }).click();
    await page.getByTestId('case-page').waitFor();
    expect(await page.getByTestId('sla-state').innerText()).toBe('Overdue');

    // A note: type "@qua", pick the colleague from the list with the keyboard, send.
    const note = page.getByTestId('note-text');
    await note.click();
    await page.keyboard.type('Please check the till log, @qua');
    await page.getByTestId('mention-option').first().waitFor();
    expect(await note.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await note.inputValue()).toBe('Please check the till log, @quality ');
    await page.getByTestId('note-add').click();
    await page.getByText('Note added; 1 colleague notified').waitFor();
    expect(await note.inputValue()).toBe('');
    const mention = await server.pool.query(`select user_id from notifications where org_id = $1 and case_id = $2 and kind = 'mention'`, [orgId, caseId]);
    expect(mention.rows).toEqual([{ user_id: ids.quality }]);

    // A reply by e-mail.
    await page.getByTestId('reply-text').fill('We are sorry, Maria: the second charge is refunded.');
    await page.getByTestId('reply-send').click();
    await page.getByText('E-mail sent').waitFor();
    // "E-mail sent" is shown once the SMTP server accepted the letter.
    const mail = smtp.accepted.find((m) => m.to === 'maria@example.com')!;
    expect(mail).toBeDefined();
    expect(mail.raw).toMatch(/^Subject: Charged twice at the till \[#1\]/m);
    expect(mail.messageId).toMatch(new RegExp(`^<case-${caseId}-[0-9a-f-]{36}@cx\\.page\\.example>$`));
    await page.getByTestId('timeline').getByText('olga@casepage.test replied by e-mail to maria@example.com').waitFor();

    // Resolve with a root cause.
    await page.getByTestId('resolve-open').click();
    await page.getByTestId('resolve-cause').selectOption({ label: 'Staff behaviour' });
    await page.getByTestId('resolve-yes').check();
    await page.getByTestId('resolve-text').fill('Refunded; cashier briefed');
    await page.getByRole('button', { name: 'Resolve case' }).click();
    await page.getByText('Case resolved', { exact: true }).waitFor();
    await page.getByTestId('timeline').getByText('olga@casepage.test resolved it. Root cause: Staff behaviour, controllable').waitFor();
    expect(await page.getByTestId('sla-state').innerText()).toBe('Missed');
    const stored = await server.pool.query(
      `select c.status, c.controllable, c.resolution, r.key from cases c join root_causes r on r.org_id = c.org_id and r.id = c.root_cause_id where c.org_id = $1 and c.id = $2`,
      [orgId, caseId],
    );
    expect(stored.rows).toEqual([{ status: 'resolved', controllable: true, resolution: 'Refunded; cashier briefed', key: 'staff_behaviour' }]);
    await page.context().close();
  });

  it('keeps the typed note when saving fails', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'olga@casepage.test', TEST_PASSWORD);
    await page.route('**/api/v1/cases/*/notes', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"ok":false,"error":"unavailable","message":"Try again"}' }));
    await page.goto(`${server.baseUrl}/app/cases/${caseId}`);
    await page.getByTestId('note-text').fill('Called Maria, no answer');
    await page.getByTestId('note-add').click();
    await page.getByRole('alert').filter({ hasText: 'Not saved: Try again' }).waitFor();
    expect(await page.getByTestId('note-text').inputValue()).toBe('Called Maria, no answer');
    // and after a reload of the page too (the draft is kept for the tab)
    await page.unroute('**/api/v1/cases/*/notes');
    await page.reload();
    await page.getByTestId('case-page').waitFor();
    expect(await page.getByTestId('note-text').inputValue()).toBe('Called Maria, no answer');
    await page.context().close();
  });

  it("another store's manager neither lists nor opens the case", { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'boris@casepage.test', TEST_PASSWORD, { lang: 'ru' });
    await page.goto(`${server.baseUrl}/app/cases?status=all`);
    await page.getByTestId('cases-empty').waitFor();
    await page.goto(`${server.baseUrl}/app/cases/${caseId}`);
    await page.getByTestId('case-not-found').waitFor();
    expect(await page.getByTestId('case-not-found').innerText()).toBe('Такого обращения нет, или оно относится к точке, которую вам не видно.');
    await page.context().close();
  });
});
