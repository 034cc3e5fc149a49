/**
 * Schedules in real Chromium at phone width (390 px): the closed page's link to the next survey (en and fa, RTL),
 * and the builder's schedule fields in Persian, edited as the organisation's wall-clock time (Tehran, +03:30).
 * Needs Chromium and the built SPA in dist/web (`npm run build:web`).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey } from '../respond/factory.ts';

requirePageTestPrerequisites();
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const SHOTS = '/tmp/schedule';

describe('schedules in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Schedule Shop');
    orgId = org.orgId;
    await server.pool.query(`update orgs set timezone = 'Asia/Tehran' where id = $1`, [orgId]);
    await buildUser(server.pool, orgId, 'owner', 'owner@schedule.test');
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a closed survey\'s page links to the next survey at 390 px, in en and in fa (RTL), by keyboard', async () => {
    const next = await buildSurvey(server.pool, orgId, { title: { en: 'Winter visit', ru: 'Зимний визит', fa: 'بازدید زمستان' } });
    const closed = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set closes_at = '2020-01-01T00:00:00Z', closed_redirect_slug = $2 where id = $1`, [closed.id, next.slug]);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const res = await page.goto(`${server.baseUrl}/s/${closed.slug}?lang=en`);
    expect(res?.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toBe('This survey is closed');
    const link = page.getByRole('link', { name: 'Winter visit' });
    expect(await link.count()).toBe(1);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/closed-en-390.png`, fullPage: true });

    await page.goto(`${server.baseUrl}/s/${closed.slug}?lang=fa`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('این نظرسنجی بسته شده است');
    await page.screenshot({ path: `${SHOTS}/closed-fa-390.png`, fullPage: true });
    // Keyboard: Tab reaches the link, Enter opens the next survey's form in the same language.
    await page.keyboard.press('Tab');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('بازدید زمستان');
    await Promise.all([page.waitForURL(`**/s/${next.slug}?lang=fa`), page.keyboard.press('Enter')]);
    expect(await page.locator('form#sv').count()).toBe(1);
    await context.close();
  });

  it('the builder edits the schedule in Persian as Tehran wall-clock times and stores the instants', async () => {
    const survey = await buildSurvey(server.pool, orgId, { status: 'draft' });
    // 05:30Z is 09:00 in Tehran (+03:30, no daylight saving since 2022).
    await server.pool.query(`update surveys set opens_at = '2026-03-29T05:30:00Z' where id = $1`, [survey.id]);
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@schedule.test', TEST_PASSWORD, { lang: 'fa' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/edit`);
    const opens = page.getByLabel('زمان باز شدن');
    await poll(() => opens.inputValue()).toBe('2026-03-29T09:00');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const closes = page.getByLabel('زمان بسته شدن');
    await closes.fill('2026-04-01T18:00');
    await page.locator('#avail-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/builder-fa-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#avail-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/builder-fa-1280.png` });
    await page.locator('.builder-actions button').first().click();
    // 18:00 in Tehran is 14:30Z.
    await poll(async () => (await server.pool.query(`select closes_at from surveys where id = $1`, [survey.id])).rows[0].closes_at?.toISOString()).toBe('2026-04-01T14:30:00.000Z');
    const opensStored = (await server.pool.query(`select opens_at from surveys where id = $1`, [survey.id])).rows[0].opens_at.toISOString();
    expect(opensStored).toBe('2026-03-29T05:30:00.000Z');

    // A closing time before the opening: the server's message next to the field, the stored schedule unchanged.
    await closes.fill('2026-03-01T10:00');
    await page.locator('.builder-actions button').first().click();
    await poll(() => closes.getAttribute('aria-invalid')).toBe('true');
    await page.context().close();
  });

  it('the builder edits the response limit, a quota and a random group, and saves them', async () => {
    const survey = await buildSurvey(server.pool, orgId, { status: 'draft' });
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@schedule.test', TEST_PASSWORD, { lang: 'en' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/edit`);
    await page.getByLabel('Response limit').fill('300');
    await page.getByRole('button', { name: 'Add quota' }).click();
    const quota = page.getByTestId('quota-0');
    await quota.getByLabel('Key').fill('per_store');
    await quota.getByLabel('Answers').fill('40');
    await quota.getByLabel('Count each location separately').check();
    await quota.getByLabel('Message (English)').fill('We have enough answers from this store.');
    await quota.getByLabel('Counts').selectOption('hidden');
    await quota.getByLabel('Hidden field').fill('tier');
    await quota.getByLabel('Condition').selectOption('in');
    // The comma stays while typing the list.
    await quota.getByLabel('Value').pressSequentially('gold, silver');
    await poll(() => quota.getByLabel('Value').inputValue()).toBe('gold, silver');
    await page.getByRole('button', { name: 'Add a random-order group' }).click();
    await page.getByLabel('Group 1').pressSequentially('service, reasons');
    await page.locator('.builder-actions button').first().click();
    await poll(async () => (await server.pool.query(`select response_limit from surveys where id = $1`, [survey.id])).rows[0].response_limit).toBe(300);
    const { rows } = await server.pool.query(`select quotas, random_groups from surveys where id = $1`, [survey.id]);
    expect(rows[0].quotas).toEqual([{
      key: 'per_store', limit: 40, perLocation: true, action: 'end', message: { en: 'We have enough answers from this store.' },
      when: { hidden: 'tier', op: 'in', value: ['gold', 'silver'] },
    }]);
    expect(rows[0].random_groups).toEqual([['service', 'reasons']]);
    await page.context().close();
  });

  it('the response page shows the order the respondent was shown (phone width, en and fa)', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update questions set randomize_options = true where survey_id = $1 and key = 'reasons'`, [survey.id]);
    const form = await (await fetch(`${server.baseUrl}/s/${survey.slug}?lang=en`)).text();
    const k = /name="_k" value="([^"]+)"/.exec(form)![1];
    const shown = [...form.matchAll(/name="q_reasons" value="([a-z]+)"/g)].map((m) => m[1]);
    const labels = { price: ['Price', 'قیمت'], wait: ['Waiting time', 'زمان انتظار'], staff: ['Staff', 'کارکنان'] } as Record<string, string[]>;
    const sent = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _k: k, _lang: 'en', q_nps: '3', q_reasons: shown[0] }).toString(),
    });
    expect(sent.status).toBe(303);
    const id = (await server.pool.query(`select id from responses where survey_id = $1`, [survey.id])).rows[0].id;
    for (const [lang, n] of [['en', 0], ['fa', 1]] as const) {
      const page = await openSignedInPage(browser, server.baseUrl, 'owner@schedule.test', TEST_PASSWORD, { lang });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.baseUrl}/app/responses/${id}`);
      const order = page.getByTestId('response-order');
      await poll(() => order.locator('li').allTextContents()).toEqual(shown.map((v) => labels[v][n]));
      await order.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/response-order-${lang}-390.png` });
      await page.context().close();
    }
  });
});
