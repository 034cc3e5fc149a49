/**
 * Respondents never lose an answer (issue 8), in real Chromium: the server stops at submit and
 * comes back on the same port and database; the page is reloaded while offline; the language is
 * switched mid-survey; messages, the comment counter and the no-JS redirect after a submit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildOrg } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { restartableServer, type RestartableServer } from '../helpers/restartableServer.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let db: TestDatabase;
let server: RestartableServer;
let browser: Browser;
let orgId: string;
let survey: SurveyFixture;
const baseUrl = () => server.baseUrl();

/** Stored responses carrying the hidden field `run` (counted in SQL). */
async function responsesOfRun(run: string) {
  const { rows } = await db.pool.query(
    `select r.id, r.idempotency_key, r.language,
            (select a.score from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
              where a.org_id = r.org_id and a.response_id = r.id and q.key = 'nps') as score,
            (select a.text from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
              where a.org_id = r.org_id and a.response_id = r.id and q.key = 'why') as why
       from responses r where r.org_id = $1 and r.hidden->>'run' = $2`,
    [orgId, run],
  );
  return rows;
}

const keptAnswer = (page: Page) => page.evaluate((k) => localStorage.getItem(k), `sv:/s/${survey.slug}`);

async function openSurvey(context: BrowserContext, query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/s/${survey.slug}?${query}`);
  return page;
}

const pick = (page: Page, name: string, value: string) =>
  page.locator('label', { has: page.locator(`input[name=${name}][value="${value}"]`) }).click();

describe('respondent page: answers are never lost', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    server = restartableServer(db.pool);
    await server.start();
    orgId = (await buildOrg(db.pool, 'Offline Org')).orgId;
    survey = await buildSurvey(db.pool, orgId);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('server stopped at submit: keeps the answer, keeps retrying calmly, is thanked after the restart; one response', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await openSurvey(context, 'run=restart');
    const formKey = await page.locator('input[name=_k]').inputValue();
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    let failed = 0;
    page.on('requestfailed', () => failed++);
    await pick(page, 'q_nps', '8');
    await page.locator('textarea[name=q_why]').fill('Friendly staff');

    await server.stop();
    await page.locator('button.sb').click();
    await page.getByRole('status').filter({ hasText: 'No connection. Your answers are saved on this device' }).waitFor();
    expect(JSON.parse((await keptAnswer(page))!)).toMatchObject({ _k: formKey, q_nps: '8', q_why: 'Friendly staff' });
    // Several attempts fail (1 s, 2 s, 4 s apart) and the page stays where it is.
    await expect.poll(() => failed, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(await responsesOfRun('restart')).toEqual([]);

    await server.start();
    await page.locator('h1', { hasText: 'Thank you!' }).waitFor({ timeout: 40_000 });
    expect(navigations).toBe(0);
    expect(await keptAnswer(page)).toBeNull();
    const rows = await responsesOfRun('restart');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotency_key: formKey, score: 8, why: 'Friendly staff' });
    await context.close();
  }, 90_000);

  it('page reloaded while offline: the kept answer is sent once the server is back; still one response', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await openSurvey(context, 'run=reload&lang=ru');
    const formKey = await page.locator('input[name=_k]').inputValue();
    await pick(page, 'q_nps', '6');

    await server.stop();
    await page.locator('button.sb').click();
    await page.getByRole('status').filter({ hasText: 'Нет связи. Ваши ответы сохранены на этом устройстве' }).waitFor();
    await expect(page.reload()).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
    await page.waitForURL('chrome-error://chromewebdata/');

    await server.start();
    await page.goto(`${baseUrl()}/s/${survey.slug}?lang=ru`);
    await page.locator('h1', { hasText: 'Спасибо!' }).waitFor({ timeout: 20_000 });
    expect(await keptAnswer(page)).toBeNull();
    const rows = await responsesOfRun('reload');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotency_key: formKey, score: 6, language: 'ru' });
    // Opening the survey again now shows a fresh form: nothing is sent twice.
    await page.goto(`${baseUrl()}/s/${survey.slug}?lang=ru`);
    expect(await page.locator('input[name=q_nps]:checked').count()).toBe(0);
    expect(await responsesOfRun('reload')).toHaveLength(1);
    await context.close();
  });

  it('switching language mid-survey keeps the answers given so far', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await openSurvey(context, 'run=switch&lang=en');
    await pick(page, 'q_nps', '4');
    await page.locator('textarea[name=q_why]').fill('Slow checkout');
    await pick(page, 'q_reasons', 'wait');
    await page.locator('.langs button', { hasText: 'Русский' }).click();
    await page.waitForURL(/lang=ru/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('input[name=q_nps]:checked').getAttribute('value')).toBe('4');
    expect(await page.locator('textarea[name=q_why]').inputValue()).toBe('Slow checkout');
    expect(await page.locator('input[name=q_reasons]:checked').getAttribute('value')).toBe('wait');
    // The detractor wording and the conditional question follow the restored answers.
    expect(await page.locator('#l-why .qt').textContent()).toBe('Что вас разочаровало?');
    expect(await page.locator('#q-reasons').isVisible()).toBe(true);
    await page.locator('button.sb').click();
    await page.locator('h1', { hasText: 'Спасибо!' }).waitFor();
    const rows = await responsesOfRun('switch');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ language: 'ru', score: 4, why: 'Slow checkout' });
    await context.close();
  });

  it('a validation message disappears as soon as the question is answered', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await openSurvey(context, 'run=message');
    await page.locator('button.sb').click();
    expect(await page.locator('#e-nps').textContent()).toBe('Please answer this question.');
    expect(await page.locator('#q-nps').getAttribute('aria-invalid')).toBe('true');
    await pick(page, 'q_nps', '10');
    expect(await page.locator('#e-nps').textContent()).toBe('');
    expect(await page.locator('#q-nps').getAttribute('aria-invalid')).toBe('false');
    // After a plain POST answered with messages (form.submit() skips the script's handler), the
    // server's summary above the form forgets an answered question too.
    await page.locator('input[name=q_nps]:checked').evaluate((e) => ((e as HTMLInputElement).checked = false));
    await Promise.all([page.waitForURL(`${baseUrl()}/s/${survey.slug}`), page.evaluate(() => document.querySelector<HTMLFormElement>('form.sv')!.submit())]);
    expect(await page.locator('#errs li').allTextContents()).toEqual(['How likely are you to recommend us to a friend?: Please answer this question.']);
    await pick(page, 'q_nps', '10');
    expect(await page.locator('#errs li').count()).toBe(0);
    expect(await page.locator('#e-nps').textContent()).toBe('');
    await context.close();
  });

  it('a long comment shows a live counter, is never cut, and is refused with a message over the limit', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await openSurvey(context, 'run=counter');
    const comment = page.locator('textarea[name=q_why]');
    const counter = page.locator('#q-why .cnt');
    await comment.fill('a'.repeat(120));
    expect(await counter.textContent()).toBe('120 / 2,000');
    expect(await counter.getAttribute('aria-live')).toBeNull();
    await comment.fill('a'.repeat(1850));
    expect(await counter.textContent()).toBe('1,850 / 2,000');
    expect(await counter.getAttribute('aria-live')).toBe('polite');
    await comment.fill('b'.repeat(2010));
    expect(await comment.inputValue()).toHaveLength(2010);
    expect(await counter.textContent()).toBe('2,010 / 2,000');
    await pick(page, 'q_nps', '7');
    await page.locator('button.sb').click();
    await page.locator('#e-why', { hasText: 'Please keep your answer under 2000 characters.' }).waitFor();
    expect(await responsesOfRun('counter')).toEqual([]);
    await context.close();
  });

  it('JavaScript off: the submit redirects to a thank-you address that says thank you once', async () => {
    const context = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
    const page = await openSurvey(context, 'run=prg');
    await pick(page, 'q_nps', '9');
    await page.locator('button.sb').click();
    await page.waitForURL(`${baseUrl()}/s/${survey.slug}/thanks?lang=en`);
    expect(await page.locator('main').innerText()).toBe('Thank you!\n\nThanks for helping us improve.');
    // Reloading the thank-you page is a plain GET: nothing is sent again.
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Thank you!');
    expect(await responsesOfRun('prg')).toHaveLength(1);
    await context.close();
  });
});
