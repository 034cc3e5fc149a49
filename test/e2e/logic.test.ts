/**
 * Survey logic in a real browser at phone width (one question per screen): a jump ends the survey and
 * its own thank-you text is shown (piped); another jump skips screens. The page runs src/core/surveys/flow.ts
 * bundled into its script; the stored rows show the server agreed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let server: TestServer;
let browser: Browser;
let orgId: string;
let survey: SurveyFixture;

/** The stored answers of the response with this hidden `run` field, by question key (score or text). */
async function stored(run: string): Promise<Record<string, string | number>> {
  const { rows } = await server.pool.query(
    `select q.key, a.score, a.text from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
       join questions q on q.org_id = a.org_id and q.id = a.question_id where r.org_id = $1 and r.hidden->>'run' = $2`,
    [orgId, run],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.score ?? r.text]));
}

describe('jumps in Chromium at phone width', () => {
  beforeAll(async () => {
    server = await startTestServer();
    orgId = (await buildOrg(server.pool, 'Logic Browser Org')).orgId;
    survey = await buildSurvey(server.pool, orgId, {
      questions: [
        {
          key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Would you recommend us?', fa: 'ما را توصیه می‌کنید؟' },
          scale: { min: 0, max: 10, style: 'numbers' },
          jumps: [
            { when: { question: 'nps', op: 'gte', value: 9 }, to: '@end', thanks: { en: 'Wonderful, {{hidden.name|friend}}: a {{nps}} made our day!', fa: 'عالی بود، {{hidden.name|دوست}}! امتیاز {{nps}}' } },
            { when: { question: 'nps', op: 'lte', value: 6 }, to: 'fix' },
          ],
        },
        { key: 'middle', type: 'text', metric: 'none', required: true, text: { en: 'What would make it a 10?', fa: 'چه چیزی آن را ۱۰ می‌کرد؟' } },
        { key: 'fix', type: 'text', metric: 'none', required: true, text: { en: 'You gave {{nps}}. What should we fix first?', fa: 'امتیاز {{nps}}. چه چیزی را اول درست کنیم؟' } },
      ],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a promoter\'s jump ends the survey: Send on the first screen, then the jump\'s own thank-you text', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.baseUrl}/s/${survey.slug}?run=end&name=${encodeURIComponent('<i>Ana</i>')}`);
    expect(await page.locator('form.sv.step').count()).toBe(1);
    expect(await page.locator('.st').textContent()).toBe('Question 1 of 3');
    await page.locator('label', { has: page.locator('input[name=q_nps][value="10"]') }).click();
    // The jump leaves no further screen: the other questions go, Send replaces Next.
    expect(await page.locator('fieldset.q:visible').count()).toBe(1);
    expect(await page.locator('button.nx').isVisible()).toBe(false);
    expect(await page.locator('button.sb').isVisible()).toBe(true);
    await page.locator('button.sb').click();
    await page.locator('h1', { hasText: 'Thank you!' }).waitFor();
    expect(await page.locator('main p').textContent()).toBe('Wonderful, <i>Ana</i>: a 10 made our day!');
    expect(await page.locator('main i').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('Thanks for helping us improve.');
    expect(errors).toEqual([]);
    await context.close();
    expect(await stored('end')).toEqual({ nps: 10 });
  });

  it('a detractor\'s jump skips a screen; the next text pipes the score (Persian digits)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'fa-IR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/s/${survey.slug}?lang=fa&run=skip`);
    await page.locator('label', { has: page.locator('input[name=q_nps][value="3"]') }).click();
    expect(await page.locator('.st').textContent()).toBe('پرسش ۱ از ۲');
    await page.locator('button.nx').click();
    expect(await page.locator('fieldset.q:visible').getAttribute('data-k')).toBe('fix');
    expect(await page.locator('#l-fix .qt').textContent()).toBe('امتیاز ۳. چه چیزی را اول درست کنیم؟');
    await page.locator('textarea[name=q_fix]').fill('صف');
    await page.locator('button.sb').click();
    await page.locator('h1[tabindex]').waitFor();
    await context.close();
    expect(await stored('skip')).toEqual({ nps: 3, fix: 'صف' });
  });
});
