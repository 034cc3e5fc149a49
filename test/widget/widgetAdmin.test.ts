/**
 * The "Website widget" section of the distribution page in Chromium: an owner allows a website, sets
 * the triggers and saves with the keyboard; the settings are stored and the snippet names the survey.
 * A bad origin is refused with the server's message; a viewer sees the snippet without a save button;
 * Persian is right to left. Needs the SPA built into dist/web and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites();

let server: TestServer;
let browser: Browser;
let orgId: string;
let survey: SurveyFixture;

async function openSection(email: string, lang = 'en'): Promise<Page> {
  const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang });
  await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/distribute`);
  await page.locator('.widget-section textarea').first().waitFor();
  return page;
}

const stored = async () =>
  (await server.pool.query(
    `select widget_origins, widget_delay_seconds, widget_exit_intent, widget_url_pattern from surveys where org_id = $1 and id = $2`,
    [orgId, survey.id],
  )).rows[0];

beforeAll(async () => {
  server = await startTestServer({ webDir: WEB_DIR });
  browser = await launchBrowser();
  orgId = (await buildOrg(server.pool, 'Widget Admin Org')).orgId;
  await buildUser(server.pool, orgId, 'owner', 'owner@widget-admin.test');
  await buildUser(server.pool, orgId, 'viewer', 'viewer@widget-admin.test');
  survey = await buildSurvey(server.pool, orgId);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Website widget section', () => {
  it('an owner allows websites and sets triggers; the snippet names the survey', async () => {
    const page = await openSection('owner@widget-admin.test');
    const section = page.locator('.widget-section');
    expect(await section.getByRole('note').innerText()).toContain('No website is allowed yet');
    await section.getByLabel('Allowed websites').fill('https://Shop.Example/\nhttp://localhost:8080');
    await section.getByLabel('After this many seconds on the page').fill('20');
    await section.getByLabel(/about to leave/).check();
    await section.getByLabel('Only on pages whose path matches').fill('/checkout/*');
    await section.getByLabel('Only on pages whose path matches').press('Enter');
    await section.getByText('Widget settings saved.').waitFor();
    expect(await stored()).toEqual({
      widget_origins: ['https://shop.example', 'http://localhost:8080'], widget_delay_seconds: 20, widget_exit_intent: true, widget_url_pattern: '/checkout/*',
    });
    expect(await section.getByLabel('Allowed websites').inputValue()).toBe('https://shop.example\nhttp://localhost:8080');
    expect(await section.getByLabel('Snippet for your website').inputValue()).toBe(`<script src="${server.baseUrl}/w.js" data-survey="${survey.slug}" async></script>`);
    expect(await section.getByRole('note').count()).toBe(0);

    await section.getByLabel('Allowed websites').fill('https://shop.example/cart');
    await section.getByRole('button', { name: 'Save widget settings' }).click();
    await section.getByRole('alert').filter({ hasText: 'origins.0' }).waitFor();
    expect((await stored()).widget_origins).toEqual(['https://shop.example', 'http://localhost:8080']);
    await page.context().close();
  });

  it('a viewer sees the snippet but cannot save', async () => {
    const page = await openSection('viewer@widget-admin.test');
    const section = page.locator('.widget-section');
    expect(await section.getByLabel('Snippet for your website').inputValue()).toContain('/w.js');
    expect(await section.getByRole('button', { name: 'Save widget settings' }).count()).toBe(0);
    expect(await section.getByLabel('Allowed websites').getAttribute('readonly')).not.toBeNull();
    await page.context().close();
  });

  it('in Persian, right to left', async () => {
    const page = await openSection('owner@widget-admin.test', 'fa');
    const section = page.locator('.widget-section');
    expect(await section.locator('h2').innerText()).toBe('ابزارک وب‌سایت');
    expect(await section.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    expect(await section.getByLabel('وب‌سایت‌های مجاز').getAttribute('dir')).toBe('ltr');
    await page.context().close();
  });
});
