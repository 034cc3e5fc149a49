/**
 * The whole foundation in one browser journey: the owner builds a survey from a template and
 * publishes it, two customers answer it (JavaScript on, and off), and the answers show up on the
 * dashboard with n and the NPS they imply. Then the respondent page in Persian is right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('build a survey, answer it, see it on the dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let slug = '';
  let surveyId = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Journey Shop');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@journey.test');
    browser = await launchBrowser();
  });
  /** A fresh browser context with the English interface, signed in as the owner through the login page. */
  async function signedInOwnerPage() {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@journey.test', TEST_PASSWORD);
    return { context: page.context(), page };
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the owner builds and publishes an NPS survey in the builder', async () => {
    const { context, page } = await signedInOwnerPage();
    await page.goto(`${server.baseUrl}/app/surveys/new`);
    await page.locator('[data-template="nps_relational"] button').click();
    await page.waitForURL(/\/app\/surveys\/[0-9a-f-]+\/edit$/);
    surveyId = /surveys\/([0-9a-f-]+)\/edit/.exec(page.url())![1];
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog', { name: 'Publish this survey?' }).getByRole('button', { name: 'Publish' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'The survey is live' }).count()).toBe(1);
    const stored = await page.evaluate((id) => fetch(`/api/v1/surveys/${id}`).then((r) => r.json()), surveyId);
    expect(stored.survey.status).toBe('live');
    slug = stored.survey.slug;
    await context.close();
  });

  it('a customer answers with JavaScript on (promoter) and another with it off (detractor)', async () => {
    for (const [javaScriptEnabled, score] of [[true, '10'], [false, '2']] as const) {
      const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/s/${slug}?channel=receipt&order=${score}`);
      // Answer every visible required question: the NPS score, and the first option of any other scale.
      await page.locator(`input[type=radio][value="${score}"]`).first().check();
      while ((await page.locator('button.nx:visible').count()) > 0) await page.locator('button.nx:visible').click();
      await page.locator('button[type=submit]:visible').last().click();
      await page.locator('h1', { hasText: /Thank/ }).waitFor();
      await context.close();
    }
    const { rows } = await server.pool.query(
      `select r.channel, r.hidden->>'order' as "order", a.score from responses r
         join answers a on a.org_id = r.org_id and a.response_id = r.id
         join questions q on q.org_id = a.org_id and q.id = a.question_id and q.metric = 'nps'
        where r.survey_id = $1 order by a.score`,
      [surveyId],
    );
    expect(rows).toEqual([
      { channel: 'receipt', order: '2', score: 2 },
      { channel: 'receipt', order: '10', score: 10 },
    ]);
  });

  it('the dashboard shows both answers: n = 2 and NPS 0', async () => {
    const { context, page } = await signedInOwnerPage();
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    const kpi = page.locator('[data-testid^="kpi-"]').filter({ hasText: 'nps.v1' });
    await poll(() => kpi.textContent()).toContain('n = 2');
    expect(await kpi.getByTestId('metric-number').textContent()).toMatch(/^0(\.0)?$/);
    expect(await kpi.textContent()).toContain('nps.v1');
    await context.close();
  });

  it('the respondent page is right to left in Persian', async () => {
    const context = await browser.newContext({ locale: 'fa-IR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/s/${slug}?lang=fa`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');
    await context.close();
  });
});
