/**
 * The auditor's page in Chromium at phone width (390 px): signing in lands on My audits with no dashboard
 * navigation; the auditor opens an assignment, answers, attaches a photo, loses the connection, answers one
 * more item, reloads (the draft is still there), submits offline (queued, nothing reaches the server), and
 * when the connection is back the visit is sent by itself; then the visit row and its evidence are checked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { launchBrowser, requirePageTestPrerequisites, WEB_DIR } from '../../helpers/browser.ts';
import { insertAssignment, insertChecklist, insertWave, jpegWithGps } from './fixture.ts';

requirePageTestPrerequisites();

/** The draft the page keeps in IndexedDB for an assignment (read straight from the browser's database). */
function readDraft(page: Page, assignmentId: string): Promise<{ answers: Record<string, unknown>; files: Record<string, unknown[]> } | null> {
  return page.evaluate((id) => new Promise((resolve, reject) => {
    const open = indexedDB.open('sarafan-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('kv').objectStore('kv').get(`draft:${id}`);
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => reject(req.error);
    };
  }), assignmentId);
}

async function signInAs(context: BrowserContext, baseUrl: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(TEST_PASSWORD);
  await page.locator('form button[type=submit]').click();
  return page;
}

describe('auditor page', () => {
  let server: TestServer;
  let browser: Browser;
  let dir = '';
  let orgId = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sarafan-evidence-page-'));
    server = await startTestServer({ webDir: WEB_DIR, evidenceDir: dir, evidenceS3: null });
    const org = await buildOrg(server.pool, 'Field Page Org');
    orgId = org.orgId;
    const root = { id: org.rootLocationId, path: org.rootPath };
    const store = await buildLocation(server.pool, orgId, root, 'store', 'Arbat 5');
    ids.anna = await buildUser(server.pool, orgId, 'auditor', 'anna@fieldpage.test');
    ids.checklist = await insertChecklist(server.pool, orgId);
    ids.wave = await insertWave(server.pool, orgId, ids.checklist);
    ids.assignment = await insertAssignment(server.pool, orgId, ids.wave, store.id, ids.anna, '2026-12-10');
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers, attaches a photo, keeps the draft offline across a reload, queues the submit and sends it when online', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => localStorage.setItem('sarafan.lang', 'en'));
    const page = await signInAs(context, server.baseUrl, 'anna@fieldpage.test');
    await page.waitForURL(/\/app\/my-audits$/);
    // No dashboard navigation for an auditor: only their own page.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My audits' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Overview' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Surveys' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Locations' }).count()).toBe(0);
    const card = page.getByTestId('assignment').filter({ hasText: 'Arbat 5' });
    expect(await card.getByTestId('assignment-status').innerText()).toBe('To do');
    expect(await card.innerText()).toContain('Due Dec 10, 2026');
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await card.getByRole('link', { name: 'Open Arbat 5' }).click();
    await page.getByTestId('audit-visit').waitFor();
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    const greet = page.getByTestId('item-greet');
    // yes_no offers no N/A; yes_no_na does.
    expect(await greet.getByRole('radio').count()).toBe(2);
    await greet.getByRole('radio', { name: 'Yes' }).check();
    await page.getByTestId('item-smile').getByRole('radio', { name: 'N/A' }).check();
    const wait = page.getByTestId('item-wait');
    expect(await wait.innerText()).toContain('Passes at 5 min or less');
    await wait.getByLabel('Measured value (min)').fill('7');
    await page.getByTestId('item-clean').getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await page.getByTestId('item-clean').getByRole('radio').count()).toBe(5);
    await page.getByTestId('photo-shelf').setInputFiles({ name: 'shelf.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await page.getByTestId('item-shelf').getByRole('img', { name: 'Photo: Photo of the shelf' }).waitFor();
    await page.getByLabel('Employee observed (optional)').fill('Cashier at till 2');

    // The connection drops; one more answer is kept on the phone.
    await context.setOffline(true);
    await page.getByText('You are offline.', { exact: false }).first().waitFor();
    await page.getByTestId('item-clean').getByRole('radio', { name: '3', exact: true }).check();
    expect(await page.getByTestId('answered').innerText()).toContain('4 of 4 answered');
    await expect.poll(async () => (await readDraft(page, ids.assignment))?.answers.clean, { timeout: 10_000, interval: 100 }).toEqual({ value: 3 });
    const stored = await readDraft(page, ids.assignment);
    expect(stored?.answers).toMatchObject({ greet: { value: 'yes' }, smile: { value: 'na' }, wait: { measured: 7 } });
    expect(stored?.files.shelf).toHaveLength(1);

    // A reload (the page itself needs the server to load: back online for it) finds the whole draft again.
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('audit-visit').waitFor();
    await page.getByTestId('item-greet').getByRole('radio', { name: 'Yes' }).waitFor();
    expect(await page.getByTestId('item-greet').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await page.getByTestId('item-clean').getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    expect(await page.getByTestId('item-wait').getByLabel('Measured value (min)').inputValue()).toBe('7');
    expect(await page.getByLabel('Employee observed (optional)').inputValue()).toBe('Cashier at till 2');
    await page.getByTestId('item-shelf').getByRole('img', { name: 'Photo: Photo of the shelf' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Submitted offline: queued, and said so.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Submit visit' }).click();
    await page.getByRole('status').filter({ hasText: 'No connection: the visit will be sent when you are back online.' }).waitFor();
    expect((await server.pool.query(`select count(*)::int as n from audit_visits where org_id = $1`, [orgId])).rows[0].n).toBe(0);
    expect((await server.pool.query(`select count(*)::int as n from audit_evidence where org_id = $1`, [orgId])).rows[0].n).toBe(0);

    // Back online: sent by itself. greet 2/2, smile N/A, wait 7 > 5 fails 0/3, clean 3/4: 5 of 9 = 55.6%.
    await context.setOffline(false);
    await page.getByTestId('sent').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sent').innerText()).toContain('Score 55.6%');

    const visits = (await server.pool.query(
      `select id, assignment_id, auditor_id, score, earned, possible, employee_label, client_key, latitude from audit_visits where org_id = $1`, [orgId],
    )).rows;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ assignment_id: ids.assignment, auditor_id: ids.anna, score: (100 * 5) / 9, earned: 5, possible: 9, employee_label: 'Cashier at till 2', latitude: null });
    expect(visits[0].client_key).toMatch(/^v-/);
    const evidence = (await server.pool.query(`select visit_id, item_key, kind, content_type, kept_location from audit_evidence where org_id = $1`, [orgId])).rows;
    expect(evidence).toEqual([{ visit_id: visits[0].id, item_key: 'shelf', kind: 'photo', content_type: 'image/jpeg', kept_location: false }]);
    expect((await server.pool.query(`select status from audit_assignments where id = $1`, [ids.assignment])).rows[0].status).toBe('submitted');
    expect(await readDraft(page, ids.assignment)).toBeNull();

    await page.getByRole('link', { name: 'Back to my audits' }).click();
    const sentCard = page.getByTestId('assignment').filter({ hasText: 'Arbat 5' });
    await sentCard.getByTestId('score').waitFor();
    expect(await sentCard.getByTestId('assignment-status').innerText()).toBe('Sent');
    expect(await sentCard.getByTestId('score').innerText()).toBe('Score 55.6%');
    await context.close();
  });

  it('shows the list in Persian, right to left', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'fa', viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => localStorage.setItem('sarafan.lang', 'fa'));
    const page = await signInAs(context, server.baseUrl, 'anna@fieldpage.test');
    await page.waitForURL(/\/app\/my-audits$/);
    await page.getByRole('heading', { name: 'ممیزی‌های من' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('assignment').first().getByTestId('assignment-status').innerText()).toBe('فرستاده شد');
    await context.close();
  });
});
