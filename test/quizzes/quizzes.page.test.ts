/**
 * The quiz pages in Chromium: an employee takes the quiz through their personal link on a 390 px phone
 * in Persian (right-to-left, greeted by first name) and sees the result with the correct answers; the
 * owner reads the results at 1280 px: the employee's progress from the first to the latest attempt, the
 * stores, topics and the most missed question, and the personal links filtered by store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

const t = (en: string, fa: string) => ({ en, fa });
const definition = {
  questions: [
    { key: 'warranty', topic: 'product', text: t('Warranty of the kettle?', 'گارانتی کتری چقدر است؟'),
      options: [{ key: 'y1', text: t('1 year', 'یک سال') }, { key: 'y2', text: t('2 years', 'دو سال') }], correct: ['y2'] },
    { key: 'greet', topic: 'standards', text: t('Which are greetings?', 'کدام‌ها خوشامدگویی است؟'),
      options: [{ key: 'hello', text: t('Hello', 'سلام') }, { key: 'next', text: t('Next!', 'بعدی!') }, { key: 'day', text: t('Good day', 'روز بخیر') }], correct: ['hello', 'day'] },
    { key: 'returns', topic: 'product', text: t('Days to return?', 'چند روز برای بازگرداندن؟'),
      options: [{ key: 'd14', text: t('14 days', '۱۴ روز') }, { key: 'd30', text: t('30 days', '۳۰ روز') }], correct: ['d14'] },
  ],
};

describe('quiz pages', () => {
  let server: TestServer;
  let browser: Browser;
  let quizId = '';
  let slug = '';
  let personalLink = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Quiz Page Org');
    const storeA = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5');
    const storeB = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Nevsky 20');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@quizpage.test');
    await server.pool.query(
      `insert into employees(org_id, name, code, location_id) values ($1, 'Maryam Ahmadi', 'M7', $2), ($1, 'Boris Petrov', 'B8', $3)`,
      [org.orgId, storeA.id, storeB.id],
    );
    const owner = await signIn(server.baseUrl, 'owner@quizpage.test');
    const made = await owner.post('/api/v1/quizzes', { name: t('Kettle basics', 'مبانی کتری'), languages: ['en', 'fa'], status: 'live', definition });
    expect(made.status, made.text).toBe(201);
    quizId = made.json.quiz.id;
    slug = made.json.quiz.slug;
    const links = await owner.get(`/api/v1/quizzes/${quizId}/links`);
    personalLink = links.json.items.find((i: { employee: { name: string } }) => i.employee.name === 'Maryam Ahmadi').url;
    // Maryam's first attempt, by code: only the warranty right (1 of 3).
    const first = await fetch(`${server.baseUrl}/quiz/${slug}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['_ck', 'first-attempt-1'], ['code', 'M7'], ['q_warranty', 'y2'], ['q_greet', 'hello'], ['q_returns', 'd30']]).toString(),
    });
    expect(first.status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes the quiz by a personal link on a phone in Persian and shows the result', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'fa-IR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const url = new URL(personalLink);
    await page.goto(`${server.baseUrl}${url.pathname}${url.search}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');
    expect(await page.locator('h1').innerText()).toBe('مبانی کتری');
    expect(await page.locator('main').innerText()).toContain('سلام \u2068Maryam\u2069!');
    expect(await page.locator('input[name=code]').count()).toBe(0);
    await page.getByRole('group', { name: /گارانتی کتری/ }).getByLabel('دو سال').check();
    const greet = page.getByRole('group', { name: /خوشامدگویی/ });
    await greet.getByLabel('سلام').check();
    await greet.getByLabel('روز بخیر').check();
    await page.getByRole('group', { name: /بازگرداندن/ }).getByLabel('۱۴ روز').check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'ارسال پاسخ‌ها' }).click();
    await page.locator('#score').waitFor();
    expect(await page.locator('#score').innerText()).toBe('3 از 3 درست (100٪)');
    expect(await page.locator('.res li.ok').count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('shows the results with progress and the personal links at desktop width', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@quizpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/audits/quizzes`);
    await page.getByTestId('qz-list').getByRole('link', { name: 'Kettle basics', exact: true }).click();
    await page.getByTestId('qz-results').waitFor();
    // Maryam: 1 of 3 (33.3%), then 3 of 3: up 66.7 points, shown rounded.
    const row = page.getByTestId('qz-employees').getByRole('row').filter({ hasText: 'Maryam Ahmadi' });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(1)).toEqual(['2', '33.3%', '100%', '100%', '▲ up 67 points']);
    // Warranty right twice; greetings and returns missed once each of 2: product 3 of 4, standards 1 of 2.
    const topics = await page.getByTestId('qz-topics').locator('tbody tr').allInnerTexts();
    expect(topics.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['product 4 75%', 'standards 2 50%']);
    expect(await page.getByTestId('qz-missed').locator('li').first().innerText()).toBe('Which are greetings?: 1 of 2 missed (50%)');
    // Personal links: both employees, then only Nevsky's after choosing the store.
    const links = page.getByTestId('qz-link-list');
    await links.getByText('Boris Petrov', { exact: true }).waitFor();
    expect(await links.locator('tbody tr').count()).toBe(2);
    await page.locator('.qz-links select').selectOption({ label: 'Nevsky 20' });
    await page.getByTestId('qz-link-list').locator('tbody tr').filter({ hasText: 'Boris Petrov' }).waitFor();
    await expect.poll(() => page.getByTestId('qz-link-list').locator('tbody tr').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    // On a phone the tables scroll inside their box; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('writes a quiz in the editor: a refused save keeps what was typed, a good one goes live', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@quizpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/audits/quizzes`);
    await page.getByTestId('qz-new').click();
    const form = page.getByTestId('qz-form');
    await form.waitFor();
    await page.getByLabel('Name (English)').fill('Checkout rules');
    const q = page.getByTestId('qz-q-0');
    await q.getByLabel('Question (English)').fill('Which card needs a PIN?');
    await q.getByLabel('Option 1 (English)').fill('Any card');
    await page.getByTestId('qz-status').selectOption('live');
    // Option 2 has no text yet: refused, with the place named; the typed texts stay.
    await page.getByTestId('qz-save').click();
    await expect.poll(() => form.getByRole('status').innerText()).toContain('definition.questions[0].options[1].text: needs a text in at least one language');
    expect(await q.getByLabel('Question (English)').inputValue()).toBe('Which card needs a PIN?');
    await q.getByLabel('Option 2 (English)').fill('Cards over the limit');
    await q.getByRole('checkbox', { name: 'Correct' }).nth(0).uncheck();
    await q.getByRole('checkbox', { name: 'Correct' }).nth(1).check();
    await page.getByTestId('qz-save').click();
    await page.waitForURL(/\/app\/audits\/quizzes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Checkout rules' }).waitFor();
    const { rows } = await server.pool.query(`select status, definition from quizzes where name->>'en' = 'Checkout rules'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('live');
    expect(rows[0].definition.questions[0]).toMatchObject({ text: { en: 'Which card needs a PIN?' }, correct: ['a2'] });
  });
});
