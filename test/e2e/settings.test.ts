/**
 * The organisation settings page in a real Chromium: mark a hidden field seen in responses as a
 * dimension (and one typed in with the keyboard), save, watch the dashboards' recalculation progress
 * until it is done, then the breakdown by that dimension covers the old answers. Also Persian RTL.
 * Needs the SPA built into dist/web (`npx vite build --config src/web/vite.config.ts`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('organisation settings page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let org: OrgFixture;
  let surveyId: string;
  let npsId: string;
  const email = 'owner@settings.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    browser = await launchBrowser();
    org = await buildOrg(server.pool, 'Settings E2E');
    await buildUser(server.pool, org.orgId, 'owner', email);
    const survey = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps' }]);
    surveyId = survey.surveyId;
    npsId = survey.ids.nps;
    // Answers over the last weeks, so the rebuild has several batches and the keys count as recent.
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    await seedResponses(server.pool, org.orgId, surveyId, survey.ids, Array.from({ length: 30 }, (_, i) => ({
      hidden: { customer_type: i % 3 === 0 ? 'b2b' : 'b2c', campaign: 'spring' },
      at: daysAgo(2 + i * 2),
      answers: { nps: { score: i % 11 } },
    })));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedInPage = (lang = 'en'): Promise<Page> =>
    openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang });

  it('marks dimensions, saves, and shows the recalculation until it is done', async () => {
    const page = await signedInPage();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/app\/settings$/);
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Organisation settings');
    // The form fills in once GET /org answers.
    await poll(() => page.getByLabel('Organisation name').inputValue()).toBe('Settings E2E');
    await poll(() => page.getByLabel('Time zone').inputValue()).toBe('UTC');

    // The keys of recent responses are offered with their counts.
    const dims = page.getByRole('group', { name: 'Dimensions' });
    await poll(() => dims.getByRole('checkbox', { name: /customer_type/ }).count()).toBe(1);
    expect(await dims.getByText('in 30 recent responses').count()).toBe(2);
    await dims.getByRole('checkbox', { name: /customer_type/ }).check();
    // A key typed in and added with Enter (keyboard only) is marked too.
    await dims.getByLabel('Add a key by hand').fill('Bad Key');
    await dims.getByLabel('Add a key by hand').press('Enter');
    await poll(() => dims.getByText('Use 1–40 Latin letters, digits or _ (not lang, loc, channel or preview).').count()).toBe(1);
    // Keys are stored lowercased, as the respondent pages store hidden fields (src/core/responses/hiddenFields.ts).
    await dims.getByLabel('Add a key by hand').fill('Age_Band');
    await dims.getByLabel('Add a key by hand').press('Enter');
    await poll(() => dims.getByRole('checkbox', { name: /age_band/ }).isChecked()).toBe(true);
    expect(await dims.getByText('2 of 10 selected').count()).toBe(1);

    // Hold the rebuild at its start (it locks the organisation's surveys), to see the bar for sure.
    const blocker = await server.pool.connect();
    await blocker.query('begin');
    await blocker.query('select id from surveys where org_id = $1 for share', [org.orgId]);
    try {
      await page.getByRole('button', { name: 'Save settings' }).click();
      const bar = page.getByRole('progressbar', { name: 'Recalculating dashboards' });
      await poll(() => bar.count()).toBe(1);
      await poll(() => page.getByText('Recalculating dashboards: estimating the work…').count()).toBe(1);
    } finally {
      await blocker.query('commit');
      blocker.release();
    }
    await poll(() => page.getByRole('status').filter({ hasText: 'Dashboards are up to date.' }).count()).toBe(1);
    expect(await page.getByRole('progressbar').count()).toBe(0);

    const owner = await signIn(server.baseUrl, email);
    expect((await owner.get('/api/v1/org')).json.dimensions).toEqual(['customer_type', 'age_band']);
    const job = (await owner.get('/api/v1/org/rollup-job')).json;
    expect(job).toMatchObject({ status: 'done' });
    expect(job.total).toBeGreaterThan(2);
    const breakdown = (await owner.get(`/api/v1/surveys/${surveyId}/analytics/breakdown?question=${npsId}&by=dim:customer_type`)).json;
    expect(breakdown.source).not.toBe('raw');
    expect(Object.fromEntries(breakdown.rows.map((r: any) => [r.key, r.result.n]))).toEqual({ b2b: 10, b2c: 20 });
  });

  it('reads right to left in Persian', async () => {
    const page = await signedInPage('fa');
    await page.goto(`${server.baseUrl}/app/settings`);
    await poll(() => page.getByRole('heading', { name: 'تنظیمات سازمان' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await poll(() => page.getByRole('group', { name: 'ابعاد' }).getByRole('checkbox', { name: /customer_type/ }).isChecked()).toBe(true);
    // the main navigation's Settings (exact: the case settings link further down starts with the same word)
    expect(await page.getByRole('navigation', { name: 'منوی اصلی' }).getByRole('link', { name: 'تنظیمات', exact: true }).count()).toBe(1);
  });
});
