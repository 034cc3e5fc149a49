/**
 * The integrations page in a real Chromium: an owner reaches it from the settings, makes an ingest key
 * (shown once, focused), uses it, revokes it; adds a webhook, sees its delivery log after an answer and
 * resends a delivery; the Persian page is right to left. Needs the SPA built into dist/web and Chromium.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrgWithOwner, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { withKey } from '../integrations/fixture.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('integrations page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let target: http.Server;
  let targetUrl = '';
  let received = 0;
  let survey: SurveyFixture;
  const email = 'owner@int-page.test';

  beforeAll(async () => {
    process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE = '1';
    target = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received++;
        res.end('ok');
      });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    targetUrl = `http://127.0.0.1:${(target.address() as { port: number }).port}/hook`;
    server = await startTestServer({ webDir: WEB_DIR });
    browser = await launchBrowser();
    const { org } = await buildOrgWithOwner(server, 'Integrations Page', email);
    survey = await buildSurvey(server.pool, org.orgId);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((r) => target.close(r));
    delete process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE;
  });

  it('makes a key that is shown once and works, then revokes it', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'en' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: /^Integrations/ }).click();
    await page.waitForURL(/\/app\/integrations$/);
    // the settings page stays on screen until the integrations page's chunk has loaded
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Help desk');
    await page.getByRole('radio', { name: /^Ingest/ }).check();
    await page.getByRole('button', { name: 'Create key' }).press('Enter');
    const shown = page.getByRole('group', { name: 'API keys' }).getByRole('textbox');
    await poll(() => shown.count()).toBe(1);
    const key = await shown.inputValue();
    expect(key).toMatch(/^srf_/);
    // Focused, so it is read out and in view.
    await poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(key);
    const recorded = await withKey(server, key, 'POST', `/api/v1/surveys/${survey.id}/responses`, { idempotencyKey: 'page-key-0001', answers: { nps: 8 } });
    expect(recorded.status).toBe(201);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByRole('textbox', { name: 'API keys' }).count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    const row = page.getByRole('table', { name: '1 API key' }).getByRole('row', { name: /Help desk/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('group', { name: /^Revoke the key/ }).getByRole('button', { name: 'Yes' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: /./ }).textContent()).toBe('The key “Help desk” is revoked.');
    expect((await withKey(server, key, 'PUT', '/api/v1/contacts', { email: 'x@example.com' })).status).toBe(401);
  });

  it('adds a webhook, shows its delivery log and resends a delivery', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'en' });
    await page.goto(`${server.baseUrl}/app/integrations`);
    await page.getByLabel('Address (URL)').fill(targetUrl);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByRole('group', { name: 'Webhooks' }).getByRole('textbox');
    await poll(async () => (await secret.count()) && (await secret.inputValue())).toMatch(/^whsec_/);

    const res = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ _k: 'page-hook-0001', q_nps: '9' }),
    });
    expect(res.status).toBe(200);
    await poll(() => received).toBe(1);
    const endpoint = page.getByRole('article', { name: targetUrl });
    await endpoint.getByRole('button', { name: 'Delivery log' }).click();
    const log = endpoint.getByRole('table', { name: `Latest deliveries to ${targetUrl}` });
    await poll(async () => (await log.count()) && (await log.getByRole('row', { name: /A response is received/ }).getByRole('cell').nth(1).textContent())).toBe('Delivered');
    await log.getByRole('button', { name: /^Resend: A response is received/ }).click();
    await poll(() => page.getByRole('status').filter({ hasText: /./ }).textContent()).toBe('Sent again: A response is received.');
    await poll(() => received).toBe(2);
  });

  it('reads right to left in Persian', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/integrations`);
    await poll(() => page.getByRole('heading', { name: 'کلیدهای API' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('article', { name: targetUrl }).locator('code').getAttribute('dir')).toBe('ltr');
  });
});
