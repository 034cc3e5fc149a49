/**
 * The "Alert rules" page and the notification bell in Chromium: a rule made through the form (trigger
 * fields, "open a case", a failed save that keeps what was typed), switched off and deleted with a
 * confirmation; the bell's unread badge and its accessible name, the popover, the link to the case, mark all
 * read; Persian right to left; a location manager sees the bell but not the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { insertNotifications } from '../../src/db/cases/notifications.ts';

requirePageTestPrerequisites();

describe('alert rules page and bell', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId: string;
  let ownerId: string;
  let managerId: string;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Alert Page Org');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Tverskaya');
    ownerId = await buildUser(server.pool, orgId, 'owner', 'owner@alpage.test');
    managerId = await buildUser(server.pool, orgId, 'location_manager', 'manager@alpage.test', [store.id]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes, switches off and deletes a rule through the form (en)', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@alpage.test', TEST_PASSWORD);
    // One "Cases" entry in the main navigation; the closed-loop pages are tabs under it.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL(/\/app\/cases$/);
    const tabs = page.getByRole('navigation', { name: 'Case sections' });
    await expect.poll(() => tabs.getByRole('link').allInnerTexts(), { timeout: 15_000 }).toEqual(['Inbox', 'Report', 'Letters', 'Action plans', 'Alert rules']);
    await tabs.getByRole('link', { name: 'Alert rules' }).click();
    await page.waitForURL(/\/app\/alerts$/);
    await page.getByRole('heading', { name: 'Alert rules', level: 1 }).waitFor();
    expect(await tabs.getByRole('link', { name: 'Alert rules' }).getAttribute('aria-current')).toBe('page');
    expect(await tabs.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBeNull();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).getAttribute('aria-current')).toBe('page');
    await page.getByText('No alert rules yet.').waitFor();

    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByLabel('Name').fill('Complaints & lawyers');
    await page.getByLabel('When').selectOption('comment_match');
    await page.getByLabel('Keywords').fill('ужасно\nlawyer*');
    await page.getByLabel('Quiet period (minutes)').fill('99999');
    await page.getByLabel('Open a follow-up case').check();
    await page.getByLabel('Case priority').selectOption('urgent');
    await page.getByRole('button', { name: 'Save rule' }).click();
    // The server refuses the quiet period; the form keeps everything typed and names the field.
    await page.getByRole('alert').filter({ hasText: 'quietMinutes' }).waitFor();
    expect(await page.getByLabel('Keywords').inputValue()).toBe('ужасно\nlawyer*');
    expect(await page.getByLabel('Quiet period (minutes)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Quiet period (minutes)').fill('30');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('status').filter({ hasText: 'Rule saved.' }).waitFor();

    const card = page.getByTestId('alert-rule').filter({ hasText: 'Complaints & lawyers' });
    await card.waitFor();
    expect(await card.textContent()).toContain('A comment with words or themes: ужасно, lawyer*');
    const { rows } = await server.pool.query('select trigger, params, quiet_minutes, opens_case, case_priority, enabled from alert_rules where org_id = $1', [orgId]);
    expect(rows).toEqual([{ trigger: 'comment_match', params: { keywords: ['ужасно', 'lawyer*'], themes: [] }, quiet_minutes: 30, opens_case: true, case_priority: 'urgent', enabled: true }]);

    await card.getByRole('button', { name: 'Turn off' }).click();
    await card.getByText('Off', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Delete' }).click();
    // Focus moves to the confirming button; cancelling keeps the rule.
    await page.getByRole('group', { name: 'Delete the rule "Complaints & lawyers" and its alerts?' }).getByRole('button', { name: 'Yes' }).click();
    await page.getByText('No alert rules yet.').waitFor();
    expect((await server.pool.query('select count(*)::int as n from alert_rules where org_id = $1', [orgId])).rows[0].n).toBe(0);
    await page.context().close();
  });

  it('the bell: unread badge and name, the popover, mark all read; Persian right to left', { timeout: 90_000 }, async () => {
    const caseRow = await server.pool.query(
      `insert into cases(org_id, number, title, channel, priority) values ($1, 7, 'NPS 2', 'survey', 'high') returning id`, [orgId],
    );
    const caseId = caseRow.rows[0].id;
    await insertNotifications(server.pool, orgId, [managerId], {
      kind: 'alert', caseId, body: { ruleName: 'Detractors', trigger: 'low_score', location: 'Tverskaya', summary: { metric: 'nps', score: 2, excerpt: '<script>alert(1)</script> очередь' }, caseNumber: 7 },
    });
    await insertNotifications(server.pool, orgId, [managerId], { kind: 'case_assigned', caseId, body: { number: 7, title: 'NPS 2' } });

    const page = await openSignedInPage(browser, server.baseUrl, 'manager@alpage.test', TEST_PASSWORD);
    // no rules page for a location manager: the closed-loop tabs without it
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Case sections' }).getByRole('link').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['Inbox', 'Report', 'Letters', 'Action plans']);
    const bell = page.getByTestId('bell');
    await page.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();
    expect(await page.getByTestId('bell-count').textContent()).toBe('2');
    await bell.click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    await dialog.waitFor();
    const items = dialog.getByTestId('notification');
    expect(await items.count()).toBe(2);
    const alertItem = items.filter({ hasText: 'Detractors' });
    expect(await alertItem.textContent()).toContain('NPS 2');
    // the customer's text is text, not markup
    expect(await alertItem.locator('q').textContent()).toBe('<script>alert(1)</script> очередь');
    expect(await alertItem.getByRole('link', { name: 'Open case #7' }).getAttribute('href')).toBe(`/app/cases/${caseId}`);
    await dialog.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    expect(await page.getByTestId('bell-count').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bell');
    expect((await server.pool.query('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [managerId])).rows[0].n).toBe(0);
    await page.context().close();

    await insertNotifications(server.pool, orgId, [ownerId], { kind: 'case_assigned', caseId, body: { number: 7, title: 'NPS 2' } });
    const fa = await openSignedInPage(browser, server.baseUrl, 'owner@alpage.test', TEST_PASSWORD, { lang: 'fa' });
    expect(await fa.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Persian digits, the number isolated (FSI…PDI) as every number in right-to-left text
    await fa.getByRole('button', { name: 'اعلان‌ها، \u2068۱\u2069 خوانده‌نشده' }).waitFor();
    await fa.getByRole('navigation', { name: 'منوی اصلی' }).getByRole('link', { name: 'پرونده‌ها' }).click();
    await fa.getByRole('navigation', { name: 'بخش‌های پرونده‌ها' }).getByRole('link', { name: 'قوانین هشدار' }).click();
    await fa.getByRole('heading', { name: 'قوانین هشدار', level: 1 }).waitFor();
    await fa.context().close();
  });
});
