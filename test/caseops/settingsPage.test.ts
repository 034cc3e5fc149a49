/**
 * The case settings page in a real Chromium: reached from Settings; a team made and given a member;
 * routing rules added, reordered with the keyboard (focus follows the moved rule) and saved in that
 * order; business hours refused with the reason on the field (the text kept), then saved and shown as
 * inherited by a store; a compensation limit saved; a location's hours in its Locations panel; Russian and
 * right-to-left Persian.
 * Needs the SPA built into dist/web (`node bin/build.js`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildCaseOrg } from './fixtures.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('case settings page', () => {
  let server: TestServer;
  let browser: Browser;
  let org: Awaited<ReturnType<typeof buildCaseOrg>>;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    browser = await launchBrowser();
    org = await buildCaseOrg(server.pool, 'page');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes a team, orders the routing rules with the keyboard, and saves hours and limits', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner-page@cases.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/settings`);
    await page.getByRole('link', { name: /^Case settings/ }).click();
    await page.waitForURL(/\/app\/case-settings$/);
    await poll(() => page.getByRole('heading', { level: 1, name: 'Case settings' }).count()).toBe(1);

    // A team with one member
    const teams = page.getByRole('region', { name: 'Teams' });
    await poll(() => teams.getByText('No teams yet.').count()).toBe(1);
    await teams.getByLabel('New team').fill('Hotline');
    await teams.getByRole('button', { name: 'Add team' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Team Hotline added.' }).count()).toBe(1);
    await teams.getByRole('group', { name: /^Members of Hotline/ }).getByLabel('region-page@cases.test').check();
    await teams.getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await server.pool.query(`select user_id from case_team_members where org_id = $1`, [org.orgId])).rows.map((r) => r.user_id)).toEqual([org.regionManager]);

    // Two rules; the second moved up with the keyboard
    const routing = page.getByRole('region', { name: 'Routing rules' });
    await poll(() => routing.getByText('No rules: every case goes to its location’s manager.').count()).toBe(1);
    await routing.getByRole('button', { name: 'Add rule' }).click();
    const rule1 = routing.getByRole('group', { name: 'Rule 1' });
    await rule1.getByLabel('Channel').selectOption({ label: 'Phone' });
    await rule1.getByLabel('Give the case to').selectOption({ label: 'Hotline' });
    await routing.getByRole('button', { name: 'Add rule' }).click();
    const rule2 = routing.getByRole('group', { name: 'Rule 2' });
    await rule2.getByLabel('Location (and all below it)').selectOption({ label: '\u00a0\u00a0Moscow region' });
    await rule2.getByLabel('Priority').selectOption({ label: 'Urgent' });
    await rule2.getByLabel('Give the case to').selectOption({ label: 's1-page@cases.test' });
    await routing.getByRole('button', { name: 'Move rule 2 up' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('status').filter({ hasText: 'Rule moved to position 1.' }).count()).toBe(1);
    // Focus stays with the moved rule: it is rule 1 now and cannot go higher, so its "down" button has it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move rule 1 down');
    expect(await routing.getByRole('group', { name: 'Rule 1' }).getByLabel('Priority').inputValue()).toBe('urgent');
    await routing.getByRole('button', { name: 'Save' }).click();
    await poll(() => routing.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    const { rows: rules } = await server.pool.query(
      `select position, location_id, channel, priority, owner_user_id, team_id is not null as to_team from case_routing_rules where org_id = $1 order by position`, [org.orgId]);
    expect(rules).toEqual([
      { position: 0, location_id: org.region.id, channel: null, priority: 'urgent', owner_user_id: org.s1Manager, to_team: false },
      { position: 1, location_id: null, channel: 'phone', priority: null, owner_user_id: null, to_team: true },
    ]);

    // Business hours: a refusal names the problem on the field and keeps the text
    const hours = page.getByRole('region', { name: 'Business hours' });
    const orgHours = hours.getByLabel('Organisation hours');
    await orgHours.fill('weekdays 9-6');
    await orgHours.press('Enter');
    await poll(() => orgHours.getAttribute('aria-invalid')).toBe('true');
    expect(await hours.getByText(/write days and hours, e\.g\. "Mon-Fri 09:00-18:00"/).count()).toBe(1);
    expect(await orgHours.inputValue()).toBe('weekdays 9-6');
    await orgHours.fill('Mon-Fri 09:00-18:00');
    await orgHours.press('Enter');
    await poll(() => hours.getByText('Inherits Mon-Fri 09:00-18:00 from the organisation').count()).toBe(5);
    const region = hours.getByLabel('Hours of Moscow region');
    await region.fill('Mon-Sun 10:00-22:00');
    await region.press('Enter');
    await poll(() => hours.getByText('Inherits Mon-Sun 10:00-22:00 from Moscow region').count()).toBe(2);
    expect((await server.pool.query(`select business_hours from orgs where id = $1`, [org.orgId])).rows[0].business_hours).toBe('Mon-Fri 09:00-18:00');

    // Compensation limit
    const limits = page.getByRole('region', { name: 'Compensation limits' });
    await limits.getByLabel('Limit for Location manager').fill('3000');
    await limits.getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await server.pool.query(`select role, max_amount::float8 as amount from compensation_limits where org_id = $1`, [org.orgId])).rows).toEqual([{ role: 'location_manager', amount: 3000 }]);
    await page.context().close();
  });

  it("shows a location's inherited hours in its panel on the Locations page, and saves its own", async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner-page@cases.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/locations`);
    await page.getByRole('treeitem', { name: /Kazan/ }).locator('.tree-row').first().click();
    const hours = page.getByRole('region', { name: 'Business hours' });
    await poll(() => hours.getByText('Inherits Mon-Fri 09:00-18:00 from the organisation').count()).toBe(1);
    await hours.getByLabel('Hours of Kazan').fill('Mon-Sat 09:00-21:00');
    await hours.getByRole('button', { name: 'Save' }).click();
    await poll(() => hours.getByRole('status').filter({ hasText: 'Saved the hours of Kazan.' }).count()).toBe(1);
    expect(await hours.getByText('Own hours').count()).toBe(1);
    expect((await server.pool.query(`select business_hours from locations where id = $1`, [org.s3.id])).rows[0].business_hours).toBe('Mon-Sat 09:00-21:00');
    await page.context().close();
  });

  it('speaks Russian, and Persian right to left', async () => {
    const ru = await openSignedInPage(browser, server.baseUrl, 'owner-page@cases.test', TEST_PASSWORD, { lang: 'ru' });
    await ru.goto(`${server.baseUrl}/app/case-settings`);
    await poll(() => ru.getByRole('heading', { level: 1, name: 'Настройки обращений' }).count()).toBe(1);
    await poll(() => ru.getByText('1 участник', { exact: false }).count()).toBe(1);
    await ru.context().close();
    const fa = await openSignedInPage(browser, server.baseUrl, 'owner-page@cases.test', TEST_PASSWORD, { lang: 'fa' });
    await fa.goto(`${server.baseUrl}/app/case-settings`);
    await poll(() => fa.getByRole('heading', { level: 1, name: 'تنظیمات پرونده‌ها' }).count()).toBe(1);
    expect(await fa.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await fa.context().close();
  });

  it('tells a location manager the page is not theirs', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 's1-page@cases.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/case-settings`);
    await poll(() => page.getByRole('heading', { level: 1, name: 'Not available for your role' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Routing rules' }).count()).toBe(0);
    await page.context().close();
  });
});
