/**
 * The invitation pages in a real Chromium (no SMTP: mail goes to the outbox): create a wave with the
 * keyboard-reachable form, preview it (counts and skip reasons), send it, watch its page fill in, find
 * the message in the outbox; the Persian page is right to left. Needs dist/web and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrgWithOwner, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey } from '../respond/factory.ts';
import { buildContact } from './fixtures.ts';

requirePageTestPrerequisites();

let server: TestServer;
let browser: Browser;
let surveyId: string;

beforeAll(async () => {
  server = await startTestServer({ webDir: WEB_DIR });
  browser = await launchBrowser();
  const { org, store } = await buildOrgWithOwner(server, 'Waves E2E', 'owner@waves-e2e.test');
  surveyId = (await buildSurvey(server.pool, org.orgId, { name: 'Visit NPS' })).id;
  for (let i = 0; i < 4; i++) await buildContact(server.pool, org.orgId, { email: `p${i}@waves-e2e.test`, language: 'ru', locationId: store.id });
  await buildContact(server.pool, org.orgId, { email: 'gone@waves-e2e.test', unsubscribed: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('invitation pages', () => {
  it('previews, sends and follows a wave, and shows its mail in the outbox', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@waves-e2e.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('link', { name: 'New wave' }).click();
    await expect.poll(() => page.getByLabel('Survey', { exact: true }).inputValue()).toBe(surveyId);
    await page.getByLabel('Name of the wave').fill('Spring customers');
    await page.getByLabel('Reminders to non-responders').fill('2, 5');
    // Open round the clock (00:00 until 00:00), so the test does not depend on the hour it runs at.
    await page.getByLabel('From').fill('00:00');
    await page.getByLabel('Until').fill('00:00');
    await page.getByRole('button', { name: 'Preview' }).click();
    const status = page.getByRole('status').filter({ hasText: 'What will happen' });
    await expect.poll(() => status.textContent()).toContain('5 contacts match');
    expect(await status.textContent()).toContain('4 will be invited');
    expect(await status.textContent()).toContain('1 will be skipped: unsubscribed');
    await page.getByRole('button', { name: 'Send the wave' }).click();
    await page.waitForURL(/\/app\/waves\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Spring customers');
    // Live progress: the page reloads until the four are in the outbox.
    const table = page.getByRole('table', { name: 'Invitations' });
    await expect.poll(() => table.getByRole('cell', { name: 'In the outbox' }).count(), { timeout: 20_000 }).toBe(4);
    expect(await table.getByRole('cell', { name: 'unsubscribed' }).count()).toBe(1);
    expect(await page.getByText('Reminders: 2, 5').count()).toBe(1);

    await page.getByRole('link', { name: 'All waves' }).click();
    const row = page.getByRole('row', { name: /Spring customers/ });
    await expect.poll(() => row.textContent()).toContain('5 of 5 handled');
    await page.getByRole('link', { name: 'Outbox' }).click();
    const outbox = page.getByRole('table', { name: 'Outbox' });
    await expect.poll(() => outbox.getByRole('row').count()).toBe(5);
    expect(await outbox.getByRole('rowheader', { name: 'p0@waves-e2e.test' }).count()).toBe(1);
    // Russian contacts get the Russian subject: the survey's Russian title.
    expect(await outbox.getByText('Ваш визит').count()).toBe(4);
    await page.context().close();
  });

  it('is right to left in Persian, with the page in Persian', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@waves-e2e.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/waves`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('موج‌های دعوت');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('link', { name: 'موج تازه' }).count()).toBe(1);
    await page.context().close();
  });
});
