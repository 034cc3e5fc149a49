/**
 * Issue 17's done-when: a partial response is resumed after a reload. Phone width with JavaScript: two screens
 * answered, the page reloaded, it continues at screen 3 with the answers kept, and the submission finishes the
 * saved progress under the same key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let server: TestServer;
let browser: Browser;
let orgId: string;
let survey: SurveyFixture;

const progressRows = async () =>
  (await server.pool.query(`select * from response_progress where org_id = $1 and survey_id = $2`, [orgId, survey.id])).rows;

describe('partial response in Chromium', () => {
  beforeAll(async () => {
    server = await startTestServer();
    orgId = (await buildOrg(server.pool, 'Resume Org')).orgId;
    survey = await buildSurvey(server.pool, orgId);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is resumed after a reload at the screen reached, with the answers kept', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.baseUrl}/s/${survey.slug}?run=resume`);
    expect(await page.locator('.st').textContent()).toBe('Question 1 of 3');

    // Screen 1: a detractor's score (the "what went wrong?" question joins: four screens).
    await page.locator('label', { has: page.locator('input[name=q_nps][value="3"]') }).click();
    await page.locator('button.nx').click();
    expect(await page.locator('.st').textContent()).toBe('Question 2 of 4');
    // Screen 2: the comment.
    await page.locator('textarea[name=q_why]').fill('Queue too long');
    await page.locator('button.nx').click();
    expect(await page.locator('fieldset.cur').getAttribute('id')).toBe('q-service');
    await waitFor(async () => (await progressRows())[0]?.at_key === 'service', 'the progress of screen 2');
    const [saved] = await progressRows();
    expect(saved.answers).toEqual({ nps: { score: 3 }, why: { text: 'Queue too long' } });
    expect(saved.hidden).toEqual({ run: 'resume' });
    expect(Object.keys(saved.times).sort()).toEqual(['nps', 'why']);

    // The respondent leaves; the link opened again (a new page, with a new key of its own) continues at screen 3.
    await page.reload();
    await page.locator('fieldset.cur#q-service').waitFor();
    expect(await page.locator('.st').textContent()).toBe('Question 3 of 4');
    expect(await page.locator('input[name=q_nps]:checked').getAttribute('value')).toBe('3');
    expect(await page.locator('textarea[name=q_why]').inputValue()).toBe('Queue too long');
    expect(await page.locator('#l-why .qt').textContent()).toBe('What disappointed you?');
    expect(await page.locator('input[name=_k]').inputValue()).toBe(saved.idempotency_key);

    await page.locator('label', { has: page.locator('input[name=q_service][value="2"]') }).click();
    await page.locator('button.nx').click();
    await page.locator('label', { has: page.locator('input[name=q_reasons][value=wait]') }).click();
    await page.locator('button.sb').click();
    await page.locator('h1', { hasText: 'Thank you!' }).waitFor();
    expect(errors).toEqual([]);

    const { rows: responses } = await server.pool.query(`select * from responses where org_id = $1 and hidden->>'run' = 'resume'`, [orgId]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ idempotency_key: saved.idempotency_key, partial: false });
    const { rows: answers } = await server.pool.query(
      `select q.key, a.score, a.text, a.choices from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
        where a.org_id = $1 and a.response_id = $2 order by q.position`,
      [orgId, responses[0].id],
    );
    expect(answers).toEqual([
      { key: 'nps', score: 3, text: null, choices: null },
      { key: 'why', score: null, text: 'Queue too long', choices: null },
      { key: 'service', score: 2, text: null, choices: null },
      { key: 'reasons', score: null, text: null, choices: ['wait'] },
    ]);
    const rows = await progressRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ finished: true, response_id: responses[0].id });

    // Opened once more after sending: a fresh form at screen 1 (the kept key is forgotten).
    await page.goto(`${server.baseUrl}/s/${survey.slug}?run=resume`);
    expect(await page.locator('.st').textContent()).toBe('Question 1 of 3');
    expect(await page.locator('input[name=_k]').inputValue()).not.toBe(saved.idempotency_key);
    await context.close();
  });
});
