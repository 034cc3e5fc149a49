/**
 * The reports page (/app/reports) in Chromium: a report made through the form (a failed save keeps what was
 * typed and names the field), listed with its survey and period; a weekly schedule to the location managers'
 * role, listed with its next run on the organisation's clock and counted in the list; switched off; edited in place; "Send now"
 * writes a delivery to the log; Retry queues a failed one again. Persian right to left. Screenshots (1280 and 390 px, en and fa) when
 * REPORTS_SCREENSHOTS names a directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey } from '../respond/factory.ts';

requirePageTestPrerequisites();

const SHOTS = process.env.REPORTS_SCREENSHOTS;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('reports page', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Reports Page Org');
    orgId = org.orgId;
    await server.pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [orgId]);
    const store = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Tverskaya');
    await buildUser(server.pool, orgId, 'owner', 'owner@rpage.test');
    await buildUser(server.pool, orgId, 'location_manager', 'manager@rpage.test', [store.id]);
    await buildSurvey(server.pool, orgId, { name: 'Store visit' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a report and a weekly schedule and lists them (en)', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@rpage.test', TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/\/app\/reports$/);
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByText('No reports yet').waitFor();

    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel('Name').fill('Weekly <stores>');
    await page.getByLabel('Survey').selectOption({ label: 'Store visit' });
    await page.getByLabel('Period').selectOption('last_month');
    // No section: the server refuses, the form keeps what was typed and names the field.
    for (const s of ['Key figures', 'Trend', 'Breakdown by location']) await page.getByLabel(s).uncheck();
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('alert').filter({ hasText: 'definition.sections' }).first().waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Weekly <stores>');
    expect(await page.getByLabel('Period').inputValue()).toBe('last_month');
    await page.getByLabel('Key figures').check();
    await page.getByLabel('Trend').check();
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('status').filter({ hasText: 'Report saved' }).waitFor();

    const row = page.getByTestId('report-row').filter({ hasText: 'Weekly <stores>' });
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Store visit', 'Last month', 'none', 'not sent yet']));
    const { rows: reports } = await server.pool.query('select name, definition from reports where org_id = $1', [orgId]);
    expect(reports).toHaveLength(1);
    expect(reports[0].definition).toMatchObject({ sections: ['kpis', 'trend'], period: { rule: 'last_month' }, includeComments: false });

    // The saved report's schedules open below the list; a weekly schedule on Monday 09:00 to the location managers.
    const schedules = page.getByTestId('report-schedules');
    const heading = schedules.getByRole('heading', { name: 'Schedules of' });
    // the name isolated (FSI…PDI) inside the sentence
    expect(await heading.textContent()).toBe('Schedules of “\u2068Weekly <stores>\u2069”');
    await schedules.getByText('This report has no schedule yet.').waitFor();
    expect(await schedules.getByLabel('Frequency').inputValue()).toBe('weekly');
    await schedules.getByLabel('Day of the week').selectOption({ label: 'Monday' });
    await schedules.getByLabel('Hour').selectOption('9');
    await schedules.getByLabel('Everyone with a role at the report’s locations').selectOption('location_manager');
    await schedules.getByLabel('E-mail addresses').fill('not-an-address');
    await schedules.getByRole('button', { name: 'Add schedule' }).click();
    await schedules.getByRole('alert').filter({ hasText: 'recipients' }).first().waitFor();
    await schedules.getByLabel('E-mail addresses').fill('boss@example.test');
    await schedules.getByRole('button', { name: 'Add schedule' }).click();
    const sched = schedules.getByTestId('report-schedule');
    await sched.waitFor();
    const cells = await sched.locator('td').allInnerTexts();
    expect(cells[0]).toBe('Every Monday at 9:00 AM');
    expect(cells[1]).toContain('role: Location managers');
    expect(cells[1]).toContain('boss@example.test');
    // the next run on the organisation's clock: a Monday, 09:00 in Moscow
    expect(cells[2]).toMatch(/9:00 AM \(Europe\/Moscow\)$/);
    const { rows: sRows } = await server.pool.query('select s.frequency, s.day_of_week, s.hour, s.enabled from report_schedules s join reports r on r.id = s.report_id where r.org_id = $1', [orgId]);
    expect(sRows).toEqual([{ frequency: 'weekly', day_of_week: 1, hour: 9, enabled: true }]);
    await expect.poll(() => row.getByTestId('report-schedule-count').textContent()).toBe('1 schedule');

    await sched.getByRole('button', { name: /^Disable/ }).click();
    await sched.getByText('Off', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Send now (to me): Weekly <stores>' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent to you: 1 delivery queued' }).waitFor();
    const delivery = page.getByTestId('report-delivery').filter({ hasText: 'owner@rpage.test' });
    await delivery.waitFor();
    expect(await delivery.textContent()).toContain('Weekly <stores>');
    expect(await delivery.textContent()).toContain('Sent now');
    // A failed delivery offers Retry, which queues it again.
    await expect.poll(async () => (await server.pool.query(`select status from report_deliveries where org_id = $1`, [orgId])).rows[0]?.status, { timeout: 20_000 })
      .not.toBe('queued');
    await server.pool.query(`update report_deliveries set status = 'failed', error = '550 mailbox unavailable', finished_at = now() where org_id = $1`, [orgId]);
    await page.reload();
    const failed = page.getByTestId('report-delivery').filter({ hasText: '550 mailbox unavailable' });
    await failed.getByText('Failed', { exact: true }).waitFor();
    await failed.getByRole('button', { name: 'Retry: Weekly <stores>, owner@rpage.test' }).click();
    await page.getByRole('status').filter({ hasText: 'Queued again' }).waitFor();
    expect((await server.pool.query(`select status from report_deliveries where org_id = $1`, [orgId])).rows[0].status).not.toBe('failed');
    await shoot(page, 'reports-en');
    await page.context().close();
  });

  it('edits a schedule in place: prefilled, a refused save names the field, the saved one is listed', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@rpage.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/reports`);
    await page.getByTestId('report-row').filter({ hasText: 'Weekly <stores>' }).getByRole('button', { name: 'Schedules: Weekly <stores>' }).click();
    const schedules = page.getByTestId('report-schedules');
    const sched = schedules.getByTestId('report-schedule');
    await sched.getByRole('button', { name: 'Edit: Every Monday at 9:00 AM' }).click();
    const form = schedules.getByTestId('schedule-edit-form');
    await form.getByRole('heading', { name: 'Edit schedule' }).waitFor();
    // Prefilled with the schedule as it is.
    expect(await form.getByLabel('Frequency').inputValue()).toBe('weekly');
    expect(await form.getByLabel('Day of the week').inputValue()).toBe('1');
    expect(await form.getByLabel('Hour').inputValue()).toBe('9');
    expect(await form.getByLabel('Everyone with a role at the report’s locations').inputValue()).toBe('location_manager');
    expect(await form.getByLabel('E-mail addresses').inputValue()).toBe('boss@example.test');

    await form.getByLabel('Frequency').selectOption('monthly');
    await form.getByLabel('Day of the month').fill('40');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await form.getByRole('alert').filter({ hasText: 'dayOfMonth' }).first().waitFor();
    expect(await form.getByLabel('Frequency').inputValue()).toBe('monthly');
    await form.getByLabel('Day of the month').fill('31');
    await form.getByLabel('Hour').selectOption('8');
    await form.getByLabel('Language').selectOption('ru');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByRole('status').filter({ hasText: 'Schedule saved' }).waitFor();
    await sched.getByText('Monthly on day 31 at 8:00 AM').waitFor();
    expect(await form.count()).toBe(0);
    await schedules.getByRole('heading', { name: 'Add a schedule' }).waitFor();
    const { rows } = await server.pool.query('select s.frequency, s.day_of_week, s.day_of_month, s.hour, s.recipients from report_schedules s where s.org_id = $1', [orgId]);
    expect(rows).toEqual([{
      frequency: 'monthly', day_of_week: null, day_of_month: 31, hour: 8,
      recipients: [{ kind: 'role', role: 'location_manager' }, { kind: 'email', email: 'boss@example.test', lang: 'ru' }],
    }]);
    await page.context().close();
  });

  it('is right to left in Persian', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@rpage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.getByRole('navigation', { name: 'منوی اصلی' }).getByRole('link', { name: 'گزارش‌ها' }).click();
    await page.getByRole('heading', { name: 'گزارش‌ها', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const row = page.getByTestId('report-row').filter({ hasText: 'Weekly <stores>' });
    await row.getByText('ماه گذشته').waitFor();
    await row.getByRole('button', { name: 'زمان‌بندی‌ها: Weekly <stores>' }).click();
    await page.getByTestId('report-schedule').getByText('خاموش', { exact: true }).waitFor();
    await shoot(page, 'reports-fa');
    await page.context().close();
  });

  it('is not in the navigation of a location manager', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'manager@rpage.test', TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).not.toContain('Reports');
    await page.context().close();
  });
});
