/**
 * The Telegram and SMS settings page and the survey's Telegram link in a real Chromium, against the
 * local fake Bot API: connect a bot with the keyboard, see it on the distribution page with its QR
 * code; a refused token is said on the field; Persian reads right to left.
 * Needs the SPA built into dist/web (`node bin/build.js web`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrgWithOwner, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fakeTelegram.ts';
import { buildSurvey } from '../respond/factory.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

const BOT = { id: 710_001, username: 'page_test_bot', token: '710001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDpage' };

describe('Telegram and SMS settings in the browser', () => {
  let fake: FakeTelegram;
  let server: TestServer;
  let browser: Browser;
  let surveyId: string;

  beforeAll(async () => {
    fake = await startFakeTelegram([BOT]);
    process.env.TELEGRAM_API_ROOT = fake.url;
    server = await startTestServer({ webDir: WEB_DIR });
    browser = await launchBrowser();
    const { org } = await buildOrgWithOwner(server, 'Page Shop', 'owner@page.test');
    surveyId = (await buildSurvey(server.pool, org.orgId, { slug: 'page-visit' })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  it('connects a bot in long-polling mode; the distribution page shows its link and QR code', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@page.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/distribute`);
    const section = page.getByRole('region', { name: 'Telegram' });
    await poll(() => section.getByText('No Telegram bot is connected yet.').count()).toBe(1);
    await section.getByRole('link', { name: 'Connect a bot' }).click();
    await page.waitForURL(/\/app\/channels$/);

    const token = page.getByLabel('Bot token');
    await token.fill('123:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('button', { name: 'Connect' }).click();
    await poll(() => page.getByText('Telegram does not accept this token. Copy it again from @BotFather.').count()).toBe(1);
    expect(await token.getAttribute('aria-invalid')).toBe('true');

    await token.fill(BOT.token);
    await page.getByRole('radio', { name: /Long polling/ }).check();
    await token.press('Enter');
    await poll(() => page.getByRole('status').filter({ hasText: 'Telegram bot saved.' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '@page_test_bot' }).getAttribute('href')).toBe('https://t.me/page_test_bot');
    expect(await token.inputValue()).toBe('');
    expect(fake.callsOf('deleteWebhook', BOT.token)).toHaveLength(1);

    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/distribute`);
    const link = page.getByRole('region', { name: 'Telegram' }).getByRole('textbox');
    await poll(() => link.inputValue()).toBe('https://t.me/page_test_bot?start=page-visit');
    const qr = page.getByRole('img', { name: 'QR code of the Telegram link' });
    await poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it('reads right to left in Persian', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@page.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/channels`);
    await poll(() => page.getByRole('heading', { name: 'ربات تلگرام' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await poll(() => page.getByRole('heading', { name: 'درگاه پیامک' }).count()).toBe(1);
    // The form's right edge lines up with the page's right side (RTL), not its left.
    const box = await page.getByRole('region', { name: 'ربات تلگرام' }).boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(width - (box!.x + box!.width)).toBeLessThan(box!.x);
  });
});
