/**
 * The waves pages in Chromium at desktop width: an analyst creates a wave with the form (a bad period is
 * refused naming the field, the input kept), assigns two visits to a store and the competitor, sees the
 * assignments and the progress, and cancels one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../../helpers/browser.ts';
import { seedAuditOrg, type AuditOrg } from './fixtures.ts';

requirePageTestPrerequisites();

describe('audit waves pages', () => {
  let server: TestServer;
  let browser: Browser;
  let o: AuditOrg;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    o = await seedAuditOrg(server.pool, 'wavepage');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a wave, assigns visits and cancels one', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, o.emails.analyst, TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/audits/waves`);
    await page.getByText('No waves yet').waitFor();
    const form = page.getByTestId('av-wave-form');
    await form.getByLabel('Name').fill('April checks');
    await form.getByLabel('Checklist').selectOption({ label: 'Store visit' });
    await form.getByLabel('Starts on').fill('2026-04-10');
    await form.getByLabel('Ends on').fill('2026-04-01');
    await form.getByRole('button', { name: 'Create wave' }).click();
    await form.getByText('endsOn: must not be before startsOn').waitFor();
    expect(await form.getByLabel('Name').inputValue()).toBe('April checks');
    await form.getByLabel('Starts on').fill('2026-04-01');
    await form.getByLabel('Ends on').fill('2026-04-30');
    await form.getByRole('button', { name: 'Create wave' }).click();
    await page.getByRole('heading', { name: 'April checks' }).waitFor();

    const assign = page.getByTestId('av-assign-form');
    // With no action plan page opened before: the wave's facts are a plain line, not a bulleted list, and a
    // location's checkbox is on the line of its name (the shared plan CSS is loaded by the wave page itself).
    expect(await page.locator('ul.plan-meta').evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
    const storeBox = assign.getByLabel('Store A');
    const storeBoxBeside = await storeBox.evaluate((box) => {
      const name = box.closest('label')!.querySelector('bdi')!.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return b.top < name.bottom && name.top < b.bottom && Math.abs(b.right - name.left) < 40;
    });
    expect(storeBoxBeside).toBe(true);
    await assign.getByLabel('Store A').check();
    await assign.getByLabel('Rival Mart').check();
    await assign.getByLabel('Auditor', { exact: true }).selectOption({ label: o.emails.auditor });
    await assign.getByRole('button', { name: 'Assign' }).click();
    await assign.getByText('2 visits planned.').waitFor();
    const table = page.getByTestId('av-assignments');
    await table.getByText('Rival Mart').waitFor();
    // One visit per location, mid-period: 30 days from 1 April, day 15 -> 16 April.
    const rows = await server.pool.query(`select to_char(due_on, 'YYYY-MM-DD') as due, auditor_id from audit_assignments where org_id = $1 order by due_on`, [o.orgId]);
    expect(rows.rows).toEqual([{ due: '2026-04-16', auditor_id: o.users.auditor }, { due: '2026-04-16', auditor_id: o.users.auditor }]);
    expect(await page.getByTestId('av-wave-progress').innerText()).toContain('0 of 2 submitted, 0 published');

    await table.getByRole('row').filter({ hasText: 'Store A' }).getByRole('button', { name: 'Cancel visit' }).click();
    await table.getByRole('row').filter({ hasText: 'Store A' }).getByText('Cancelled').waitFor();
    await page.getByTestId('av-wave-progress').getByText('0 of 1 submitted, 0 published').waitFor();
  });
});
