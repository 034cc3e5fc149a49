/**
 * The audit log page in Chromium (/app/settings/audit-log): the owner reaches it from the main navigation, sees the
 * events newest first with the action names of the interface language, narrows them to one action, and the Persian
 * page reads right to left. SARAFAN_SCREENSHOTS=<dir> saves screenshots at 1280 and 390 px in en and fa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { recordAuditEvent } from '../../src/db/audit/recordAuditEvent.ts';

requirePageTestPrerequisites();
const SHOTS = process.env.SARAFAN_SCREENSHOTS;

describe('audit log page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { orgId } = await buildOrg(server.pool, 'Audit Page Org');
    const ownerId = await buildUser(server.pool, orgId, 'owner', 'owner@alpage.test');
    const event = { orgId, actorId: ownerId, targetType: 'survey', targetId: null, details: { before: { status: 'draft' }, after: { status: 'published' } } };
    await recordAuditEvent(server.pool, { ...event, action: 'survey.publish', targetLabel: 'After the visit' });
    await recordAuditEvent(server.pool, { ...event, action: 'survey.create', targetLabel: 'Kiosk at the till' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rows = (page: Page) => page.getByTestId('al-table').locator('tbody tr');

  it('lists the events and narrows them by action (en)', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@alpage.test', TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/app\/settings\/audit-log$/);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    // The two survey events and the sign-in of this session, newest first.
    await expect.poll(() => rows(page).locator('td:nth-child(3)').allInnerTexts(), { timeout: 15_000 }).toEqual(['Signed in', 'Created a survey', 'Published a survey']);
    await expect.poll(() => rows(page).nth(1).locator('td:nth-child(4)').innerText()).toBe('Kiosk at the till');
    await rows(page).nth(2).getByText('Show details').click();
    await rows(page).nth(2).getByText('"published"').waitFor();
    if (SHOTS) for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/audit-log-en-${width}.png`, fullPage: true });
    }
    await page.getByLabel('Action').selectOption('survey.publish');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => rows(page).locator('td:nth-child(3)').allInnerTexts(), { timeout: 15_000 }).toEqual(['Published a survey']);
    expect(await page.getByTestId('al-export-csv').getAttribute('href')).toBe('/api/v1/audit-log/export?action=survey.publish&format=csv&lang=en');
    await page.context().close();
  });

  it('reads right to left in Persian', { timeout: 90_000 }, async () => {
    const fa = await openSignedInPage(browser, server.baseUrl, 'owner@alpage.test', TEST_PASSWORD, { lang: 'fa' });
    expect(await fa.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await fa.getByRole('navigation', { name: 'منوی اصلی' }).getByRole('link', { name: 'گزارش رویدادها' }).click();
    await fa.getByRole('heading', { name: 'گزارش رویدادها', level: 1 }).waitFor();
    await expect.poll(() => rows(fa).locator('td:nth-child(3)').allInnerTexts(), { timeout: 15_000 }).toContain('انتشار نظرسنجی');
    if (SHOTS) for (const width of [1280, 390]) {
      await fa.setViewportSize({ width, height: 900 });
      await fa.screenshot({ path: `${SHOTS}/audit-log-fa-${width}.png`, fullPage: true });
    }
    await fa.context().close();
  });
});
