/**
 * The background jobs page in a real Chromium: an admin reaches it from the settings, reads the failed
 * job in a captioned table, runs it again with the keyboard and hears the outcome (role=status); the
 * Persian page is right to left with Persian digits. Needs the SPA built into dist/web and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { rebuildOrgRollupsJob } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('background jobs page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let org: OrgFixture;
  const email = 'admin@jobs-page.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    browser = await launchBrowser();
    org = await buildOrg(server.pool, 'Jobs Page');
    await buildUser(server.pool, org.orgId, 'admin', email);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A rebuild job of the organisation that failed for good (scheduled far ahead, so no worker takes it on a retry either). */
  async function failedJob(message: string): Promise<string> {
    const boss = server.app.jobs.boss;
    await boss.purgeQueue(rebuildOrgRollupsJob.name); // waiting jobs (a retried one) would be taken first
    const id = (await boss.send(rebuildOrgRollupsJob.name, { orgId: org.orgId }, { retryLimit: 0, startAfter: 3600 }))!;
    const [taken] = await boss.fetch(rebuildOrgRollupsJob.name, { ignoreStartAfter: true });
    expect(taken.id).toBe(id);
    await boss.fail(rebuildOrgRollupsJob.name, id, new Error(message));
    return id;
  }

  it('lists a failed job and runs it again from the keyboard', async () => {
    await failedJob('could not write: disk full');
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'en' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: /^Background jobs/ }).click();
    await page.waitForURL(/\/app\/jobs$/);
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Background jobs');

    const table = page.getByRole('table', { name: '1 failed job, newest first' });
    await poll(() => table.count()).toBe(1);
    const row = table.getByRole('row', { name: /Recalculate dashboards/ });
    expect(await row.getByRole('rowheader').textContent()).toBe('Recalculate dashboards');
    expect(await row.getByRole('cell', { name: 'could not write: disk full' }).count()).toBe(1);

    const retry = row.getByRole('button', { name: /^Run again: Recalculate dashboards, failed / });
    await retry.focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('status').filter({ hasText: /./ }).textContent()).toBe('Recalculate dashboards will run again in a few seconds.');
    await poll(() => page.getByText('No failed jobs').count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('reads right to left in Persian', async () => {
    await failedJob('disk full');
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/jobs`);
    // Persian digits, the number isolated (FSI ... PDI) as every number in fa.
    await poll(() => page.getByRole('table', { name: '\u2068۱\u2069 کار ناموفق، جدیدترین در ابتدا' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('rowheader').textContent()).toBe('محاسبهٔ دوبارهٔ داشبوردها');
    expect(await page.getByRole('button', { name: /^اجرای دوباره: محاسبهٔ دوبارهٔ داشبوردها/ }).count()).toBe(1);
    // The English error text keeps its own direction inside the RTL table.
    expect(await page.getByRole('cell', { name: 'disk full' }).getAttribute('dir')).toBe('auto');
  });
});
