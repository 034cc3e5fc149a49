/**
 * The respondent page in a real browser: JavaScript on (phone width, keyboard only), JavaScript
 * off (plain form POST), and Persian (right to left). Each run checks the stored rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let server: TestServer;
let browser: Browser;
let orgId: string;
let survey: SurveyFixture;

/** Presses Tab until the focused element matches the selector (keyboard-only navigation). */
async function tabTo(page: Page, selector: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${selector}`);
}

/** The one response stored with this hidden `run` field, with its answers by question key. */
async function storedResponse(run: string) {
  const { rows } = await server.pool.query(`select * from responses where org_id = $1 and hidden->>'run' = $2`, [orgId, run]);
  expect(rows).toHaveLength(1);
  const answers = await server.pool.query(
    `select q.key, a.score, a.choice, a.choices, a.text, a.language, a.channel
       from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
      where a.org_id = $1 and a.response_id = $2`,
    [orgId, rows[0].id],
  );
  return { response: rows[0], answers: Object.fromEntries(answers.rows.map((a) => [a.key, a])) };
}

describe('respondent page in Chromium', () => {
  beforeAll(async () => {
    server = await startTestServer();
    orgId = (await buildOrg(server.pool, 'Browser Org')).orgId;
    survey = await buildSurvey(server.pool, orgId);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('JavaScript on, phone width: one question per screen, keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.baseUrl}/s/${survey.slug}?channel=qr&run=js`);
    expect(await page.locator('form.sv.step').count()).toBe(1);
    expect(await page.locator('fieldset.q:visible').count()).toBe(1);
    expect(await page.locator('.st').textContent()).toBe('Question 1 of 3');

    // Enter on an empty required question does not move on
    await tabTo(page, 'input[name=q_nps]');
    await page.keyboard.press('Enter');
    expect(await page.locator('#e-nps').textContent()).toBe('Please answer this question.');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name=q_nps]:checked').getAttribute('value')).toBe('3');
    await page.keyboard.press('Enter');
    // The "why?" question shows the detractor wording and receives focus; the detractor-only question joins the steps
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('l-why');
    expect(await page.locator('#l-why .qt').textContent()).toBe('What disappointed you?');
    expect(await page.locator('.st').textContent()).toBe('Question 2 of 4');

    await tabTo(page, 'textarea[name=q_why]');
    await page.keyboard.type('Queue too long');
    await tabTo(page, 'button.nx');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('l-service');
    await tabTo(page, 'input[name=q_service]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('l-reasons');
    await tabTo(page, 'input[name=q_reasons][value=wait]');
    await page.keyboard.press('Space');
    expect(await page.locator('button.sb').isVisible()).toBe(true);
    await tabTo(page, 'button.sb');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Thank you!' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Thanks for helping us improve.');
    expect(errors).toEqual([]);
    await context.close();

    const { response, answers } = await storedResponse('js');
    expect(response).toMatchObject({ channel: 'qr', language: 'en', hidden: { run: 'js' } });
    expect(answers.nps.score).toBe(3);
    expect(answers.why.text).toBe('Queue too long');
    expect(answers.service.score).toBe(3);
    expect(answers.reasons.choices).toEqual(['wait']);
  });

  it('JavaScript off: all questions on one page, server-side messages, plain POST', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/s/${survey.slug}?run=nojs`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('fieldset.q:visible').count()).toBe(4);
    await page.locator('textarea[name=q_why]').fill('Всё отлично');
    await page.locator('button.sb').click();
    await page.waitForLoadState();
    expect(await page.locator('[role=alert]').textContent()).toContain('Пожалуйста, ответьте на этот вопрос.');
    expect(await page.locator('textarea[name=q_why]').inputValue()).toBe('Всё отлично');
    await page.locator('label', { has: page.locator('input[name=q_nps][value="9"]') }).click();
    await page.locator('label', { has: page.locator('input[name=q_service][value="5"]') }).click();
    await page.locator('button.sb').click();
    await page.locator('h1', { hasText: 'Спасибо!' }).waitFor();
    await context.close();

    const { response, answers } = await storedResponse('nojs');
    expect(response).toMatchObject({ channel: 'link', language: 'ru' });
    expect(answers.nps.score).toBe(9);
    expect(answers.why.text).toBe('Всё отлично');
    expect(answers.service.score).toBe(5);
    expect(answers.reasons).toBeUndefined();
  });

  /**
   * Answers the survey with JavaScript on (score `score`, run `run`) while `onJsonPost` handles each
   * JSON submission the script sends (the n-th, from 1; it returns true when it answered itself,
   * false to let the request reach the server); returns the idempotency keys sent, the form's key and the number of plain form POSTs.
   */
  async function submitThrough(run: string, score: number, onJsonPost: (route: Route, n: number) => Promise<boolean>) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const jsonKeys: string[] = [];
    let formPosts = 0;
    await page.route(`**/s/${survey.slug}`, async (route) => {
      const req = route.request();
      if (req.method() === 'POST' && !(req.headers()['content-type'] ?? '').includes('application/json')) formPosts++;
      if (req.method() === 'POST' && (req.headers()['content-type'] ?? '').includes('application/json')) {
        jsonKeys.push(JSON.parse(req.postData() ?? '{}')._k);
        if (await onJsonPost(route, jsonKeys.length)) return;
      }
      return route.continue();
    });
    await page.goto(`${server.baseUrl}/s/${survey.slug}?run=${run}`);
    const formKey = await page.locator('input[name=_k]').inputValue();
    await page.locator('label', { has: page.locator(`input[name=q_nps][value="${score}"]`) }).click();
    await page.locator('button.sb').click();
    await page.locator('h1', { hasText: 'Thank you!' }).waitFor({ timeout: 40_000 });
    await context.close();
    return { jsonKeys, formKey, formPosts };
  }

  it('JavaScript on, network failing: retries with the same key until it gets through, never as a form POST', async () => {
    // Four lost attempts (1, 2, 4 and 8 s apart: more than the page once gave), then the connection is back.
    const { jsonKeys, formKey, formPosts } = await submitThrough('retry', 8, async (route, n) => {
      if (n > 4) return false;
      await route.abort('internetdisconnected');
      return true;
    });
    expect(jsonKeys).toEqual([formKey, formKey, formKey, formKey, formKey]);
    expect(formPosts).toBe(0);
    const { response, answers } = await storedResponse('retry');
    expect(response.idempotency_key).toBe(formKey);
    expect(answers.nps.score).toBe(8);
  }, 60_000);

  it('JavaScript on, server answering 503 (database unavailable): retries with the same key and is thanked', async () => {
    // The server's own 503 (test/resilience/connectionLoss.test.ts) stood in for twice, then the real server answers.
    const { jsonKeys, formKey } = await submitThrough('unavailable', 7, async (route, n) => {
      if (n > 2) return false;
      await route.fulfill({ status: 503, headers: { 'retry-after': '5' }, contentType: 'application/json', body: '{"ok":false,"error":"unavailable"}' });
      return true;
    });
    expect(jsonKeys).toEqual([formKey, formKey, formKey]);
    const { response, answers } = await storedResponse('unavailable');
    expect(response.idempotency_key).toBe(formKey);
    expect(answers.nps.score).toBe(7);
  });

  it('Persian: right-to-left page, live "why?" wording, submitted in fa', async () => {
    const context = await browser.newContext({ locale: 'fa-IR', viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/s/${survey.slug}?run=fa`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('form.sv').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('form.sv.step').count()).toBe(0);
    // In RTL the scale starts on the right: 0 sits to the right of 10
    const zero = await page.locator('label', { has: page.locator('input[name=q_nps][value="0"]') }).boundingBox();
    const ten = await page.locator('label', { has: page.locator('input[name=q_nps][value="10"]') }).boundingBox();
    expect(zero!.x).toBeGreaterThan(ten!.x);
    expect(await page.locator('#q-reasons').isVisible()).toBe(false);
    await page.locator('label', { has: page.locator('input[name=q_nps][value="10"]') }).click();
    expect(await page.locator('#l-why .qt').textContent()).toBe('چه چیزی را بیشتر دوست داشتید؟');
    await page.locator('textarea[name=q_why]').fill('کارکنان مهربان');
    await page.locator('button.sb').click();
    await page.locator('h1', { hasText: 'سپاسگزاریم!' }).waitFor();
    await context.close();

    const { response, answers } = await storedResponse('fa');
    expect(response.language).toBe('fa');
    expect(answers.nps).toMatchObject({ score: 10, language: 'fa' });
    expect(answers.why.text).toBe('کارکنان مهربان');
  });
});
