/**
 * The new question types on the respondent page in Chromium at phone width (390 px): with JavaScript (one
 * question per screen, the matrix as one grid of row fieldsets, a ranking of selects) and without it (a plain
 * form POST whose errors come back from the server, then a corrected one). Each run checks the stored answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildOrg, buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { questionTypesInput } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let server: TestServer;
let browser: Browser;
let orgId: string;
let slug: string;

/** The answers of the one response stored with this hidden `run` field, by question key. */
async function storedAnswers(run: string) {
  const { rows } = await server.pool.query(
    `select q.key, a.score, a.choice, a.choices, a.text, a.number::text as number
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
       join questions q on q.org_id = a.org_id and q.id = a.question_id
      where r.org_id = $1 and r.hidden->>'run' = $2`,
    [orgId, run],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r]));
}

/** Fills the ranking: the option labelled `label` gets rank `rank` (the select's option value is "<rank>:<option>"). */
async function rank(page: Page, label: string, n: number) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: String(n) }).getAttribute('value');
  await select.selectOption(value!);
}

describe('new question types in Chromium', () => {
  beforeAll(async () => {
    server = await startTestServer();
    orgId = (await buildOrg(server.pool, 'Types Browser Org')).orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@types-browser.test');
    const owner = await signIn(server.baseUrl, 'owner@types-browser.test');
    const created = await owner.post('/api/v1/surveys', questionTypesInput('Every type'));
    expect(created.status, created.text).toBe(201);
    slug = created.json.survey.slug;
    expect((await owner.post(`/api/v1/surveys/${created.json.survey.id}/status`, { status: 'live' })).status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('JavaScript on, 390 px: every type answered screen by screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.baseUrl}/s/${slug}?run=js`);
    const next = page.locator('button.nx');
    expect(await page.locator('.st').textContent()).toBe('Question 1 of 8');

    // Next on the empty required yes/no stays, with the message
    await next.click();
    expect(await page.locator('#e-again').textContent()).toBe('Please answer this question.');
    await page.getByLabel('Yes', { exact: true }).check();
    expect(await page.locator('#e-again').textContent()).toBe('');
    await next.click();

    await page.getByLabel('When did you visit?').fill('2024-02-29');
    await next.click();
    await page.getByLabel('How many people were with you?').fill('3');
    expect(await page.locator('#h-people').textContent()).toBe('Enter a number from 1 to 20.');
    await next.click();
    await page.getByLabel('Your e-mail').fill('ann@example.com');
    await next.click();
    await page.getByLabel('Your phone').fill('+7 912 345 67 89');
    await next.click();

    expect(await page.locator('.st').textContent()).toBe('Question 6 of 8');
    await rank(page, 'Taste', 1);
    await rank(page, 'Price', 2);
    await rank(page, 'Speed', 3);
    await page.screenshot({ path: '/tmp/qtypes/js-ranking-390.png', fullPage: true });
    await next.click();

    // The matrix is one screen: a fieldset per row, each radio named by its point and the scale's end
    expect(await page.locator('#q-rate fieldset.mr').count()).toBe(2);
    await next.click();
    expect(await page.locator('#e-rate__staff').textContent()).toBe('Please answer this question.');
    expect(await page.locator('#e-rate__clean').textContent()).toBe('Please answer this question.');
    await page.locator('#q-rate__staff').getByLabel('5, Great').check();
    await page.locator('#q-rate__clean').getByLabel('2', { exact: true }).check();
    expect(await page.locator('#e-rate__staff').textContent()).toBe('');
    await page.screenshot({ path: '/tmp/qtypes/js-matrix-390.png', fullPage: true });
    await next.click();

    expect(await page.locator('.st').textContent()).toBe('Question 8 of 8');
    await page.locator('button.sb').click();
    expect(await page.locator('#e-ok').textContent()).toBe('Please answer this question.');
    await page.getByLabel('I agree that you may contact me').check();
    await page.locator('button.sb').click();
    await page.locator('main h1', { hasText: 'Thank you!' }).waitFor();

    const a = await storedAnswers('js');
    expect(a.again.choice).toBe('yes');
    expect(a.visit.text).toBe('2024-02-29');
    expect(a.people.number).toBe('3');
    expect(a.mail.text).toBe('ann@example.com');
    expect(a.tel.text).toBe('+7 912 345 67 89');
    expect(a.order.choices).toEqual(['taste', 'price', 'speed']);
    expect([a.rate__staff.score, a.rate__clean.score]).toEqual([5, 2]);
    expect(a.ok.choice).toBe('yes');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('JavaScript off, 390 px, Russian: ranking, matrix and date refused by the server, then stored', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/s/${slug}?run=nojs&lang=ru`);
    // Everything on one page
    expect(await page.locator('fieldset.q:visible').count()).toBe(8);
    await page.getByLabel('Да', { exact: true }).check();
    // A browser without a date picker sends what was typed: an impossible day
    await page.locator('#i-visit').evaluate((e: HTMLInputElement) => { e.type = 'text'; e.value = '2023-02-29'; });
    await page.getByLabel('Сколько человек было с вами?').fill('4');
    await rank(page, 'Цена', 1);
    await rank(page, 'Скорость', 1);
    await rank(page, 'Вкус', 3);
    await page.locator('#q-rate__staff').getByLabel('4', { exact: true }).check();
    await page.getByLabel('Я согласен, чтобы со мной связались').check();
    await page.getByRole('button', { name: 'Отправить' }).click();

    await page.locator('#errs').waitFor();
    expect(await page.locator('#e-visit').textContent()).toBe('Введите существующую дату в виде год-месяц-день, например 2024-03-31.');
    expect(await page.locator('#e-order').textContent()).toBe('Присвойте каждому варианту своё место от 1 до 3.');
    expect(await page.locator('#e-rate__clean').textContent()).toBe('Пожалуйста, ответьте на этот вопрос.');
    expect(await page.locator('#e-rate__staff').textContent()).toBe('');
    await page.screenshot({ path: '/tmp/qtypes/nojs-errors-390-ru.png', fullPage: true });
    // The answers given are kept: the ranks, the matrix row and the number
    expect(await page.getByLabel('Скорость', { exact: true }).inputValue()).toBe('1:speed');
    expect(await page.locator('#q-rate__staff').getByLabel('4', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Сколько человек было с вами?').inputValue()).toBe('4');

    await page.locator('#i-visit').fill('2024-03-01');
    await rank(page, 'Скорость', 2);
    await page.locator('#q-rate__clean').getByLabel('5, Отлично').check();
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.locator('h1', { hasText: 'Спасибо!' }).waitFor();

    const a = await storedAnswers('nojs');
    expect(a.visit.text).toBe('2024-03-01');
    expect(a.order.choices).toEqual(['price', 'speed', 'taste']);
    expect([a.rate__staff.score, a.rate__clean.score]).toEqual([4, 5]);
    expect(a.people.number).toBe('4');
    expect(a.mail).toBeUndefined();
    await context.close();
  });
});
