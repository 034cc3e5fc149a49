/**
 * KPI tiles and overview cards in a real Chromium, in en, ru and fa: NPS skipped (plural forms),
 * CSAT mean and %, CES % agree and direction, the Persian percent sign, and the key-driver panel's
 * explanation of an insufficient_data answer. Hand-built data; expected texts written out by hand.
 * Needs the SPA built into dist/web (`npm run build:web`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

requirePageTestPrerequisites();

const FSI = '\u2068';
const PDI = '\u2069';

// 5 responses; NPS answered by 3 (10, 9, 3): NPS = 100 * (2 - 1) / 3 = 33.3, 5 - 3 = 2 skipped.
// CSAT 1..5, box 4: [5, 4, 3, 4, 2] -> 3 of 5 satisfied = 60%, mean 18 / 5 = 3.60.
// CES 1..7, higher is easier: [7, 6, 5, 2, 4] -> 3 of 5 in 5..7 = 60% agree, mean 24 / 5 = 4.8.
const NPS = [10, 9, 3, undefined, undefined];
const CSAT = [5, 4, 3, 4, 2];
const CES = [7, 6, 5, 2, 4];

describe('KPI tiles in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  let constantId = '';
  let csiId = '';
  const email = `kpi-${Date.now()}@example.com`;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { pool } = server;
    const org = await buildOrg(pool, 'KPI Org');
    await buildUser(pool, org.orgId, 'owner', email);
    const s = await seedSurvey(pool, org.orgId, [
      { key: 'nps', type: 'nps' },
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      { key: 'ces', type: 'rating', metric: 'ces', min: 1, max: 7, direction: 'higher_is_easier' },
    ], 'Tiles');
    surveyId = s.surveyId;
    const at = new Date(Date.now() - 86_400_000).toISOString();
    await seedResponses(pool, org.orgId, surveyId, s.ids, CSAT.map((csat, i) => ({
      at,
      answers: { csat: { score: csat }, ces: { score: CES[i] }, ...(NPS[i] === undefined ? {} : { nps: { score: NPS[i] } }) },
    })));
    // 30 complete responses whose outcome is always 10: enough answers, but nothing to explain.
    const c = await seedSurvey(pool, org.orgId, [
      { key: 'nps', type: 'nps', required: true },
      { key: 'speed', type: 'rating', metric: 'none', min: 1, max: 5 },
      { key: 'staff', type: 'rating', metric: 'none', min: 1, max: 5 },
    ], 'Constant');
    constantId = c.surveyId;
    await seedResponses(pool, org.orgId, constantId, c.ids, Array.from({ length: 30 }, (_, i) => ({
      at, answers: { nps: { score: 10 }, speed: { score: 1 + (i % 5) }, staff: { score: 1 + ((i * 2) % 5) } },
    })));
    // CSI with stated importance: each attribute row is named by its satisfaction question's text.
    const csi = await seedSurvey(pool, org.orgId, [
      { key: 'sat_speed', type: 'rating', metric: 'csi_satisfaction', attribute: 'speed', min: 1, max: 10, text: { en: 'Speed of service', ru: 'Скорость обслуживания' } },
      { key: 'imp_speed', type: 'rating', metric: 'csi_importance', attribute: 'speed', min: 1, max: 10, text: { en: 'How important is speed?' } },
      { key: 'sat_staff', type: 'rating', metric: 'csi_satisfaction', attribute: 'staff', min: 1, max: 10, text: { en: 'Politeness of staff', ru: 'Вежливость персонала' } },
      { key: 'imp_staff', type: 'rating', metric: 'csi_importance', attribute: 'staff', min: 1, max: 10, text: { en: 'How important is politeness?' } },
    ], 'Index');
    csiId = csi.surveyId;
    await seedResponses(pool, org.orgId, csiId, csi.ids, [8, 6].map((s) => ({
      at, answers: { sat_speed: { score: s }, imp_speed: { score: 9 }, sat_staff: { score: s + 1 }, imp_staff: { score: 3 } },
    })));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tileText = async (page: Page, key: string) => (await page.getByTestId(`kpi-${key}`).textContent()) ?? '';

  async function dashboard(lang: string): Promise<Page> {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang });
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    await poll(() => page.getByTestId('kpi-ces').count()).toBe(1);
    return page;
  }

  it('shows skipped, CSAT mean and CES % agree with direction in English, and on the overview card', async () => {
    const page = await dashboard('en');
    await poll(() => tileText(page, 'nps')).toContain('2 skipped');
    expect(await page.getByTestId('kpi-nps').getByTestId('metric-number').textContent()).toBe('33.3');
    expect(await tileText(page, 'nps')).toContain('n = 3');
    expect(await page.getByTestId('kpi-csat').getByTestId('metric-number').textContent()).toBe('60%');
    expect(await page.getByTestId('kpi-csat').getByTestId('metric-mean').textContent()).toBe('mean 3.60');
    expect(await page.getByTestId('kpi-ces').getByTestId('metric-agree').textContent()).toBe('60% agree (5–7)');
    expect(await page.getByTestId('kpi-ces').getByTestId('metric-direction').textContent()).toBe('higher is easier');
    expect(await page.getByTestId('responses-count').textContent()).toContain('5 responses in this view');
    // 3 complete answers against outcome and both attributes: the explanation and the server's reason.
    const notice = page.getByTestId('drivers-insufficient');
    await poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('Not enough complete answers for a driver analysis');
    expect(await notice.getByTestId('drivers-reason').textContent()).toContain('only 3 answered all of them');

    await page.goto(`${server.baseUrl}/app`);
    const card = page.locator('li.an-survey-card', { has: page.getByRole('link', { name: 'Tiles' }) });
    await poll(() => card.count()).toBe(1);
    await poll(async () => (await card.textContent()) ?? '').toContain('2 skipped');
    expect(await card.textContent()).toContain('5 responses');
    expect(await card.textContent()).toContain('60% agree (5–7)');
    await page.context().close();
  }, 120_000);

  it('explains a key-driver analysis that cannot run with the server reason', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang: 'ru' });
    await page.goto(`${server.baseUrl}/app/surveys/${constantId}`);
    const notice = page.getByTestId('drivers-insufficient');
    await poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('Для этой выборки ключевые факторы рассчитать нельзя');
    // The reason is the server's (English) sentence, marked as English inside the Russian page.
    expect(await notice.getByTestId('drivers-reason').textContent()).toContain('no variance');
    expect(await notice.locator('[lang=en]').count()).toBe(1);
    await page.context().close();
  }, 120_000);

  it('names CSI attributes by their satisfaction question in the interface language', async () => {
    for (const [lang, names] of [['en', ['Speed of service', 'Politeness of staff']], ['ru', ['Скорость обслуживания', 'Вежливость персонала']]] as const) {
      const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang });
      await page.goto(`${server.baseUrl}/app/surveys/${csiId}`);
      const rows = page.locator('section[aria-labelledby="csi-title"] tbody th[scope=row]');
      await poll(() => rows.count()).toBe(2);
      expect(await rows.allTextContents()).toEqual(names);
      await page.context().close();
    }
  }, 120_000);

  it('uses Russian plural forms', async () => {
    const page = await dashboard('ru');
    await poll(() => tileText(page, 'nps')).toContain('2 человека пропустили');
    expect(await page.getByTestId('kpi-csat').getByTestId('metric-mean').textContent()).toBe('среднее 3,60');
    expect(await page.getByTestId('kpi-ces').getByTestId('metric-agree').textContent()).toBe('60% согласны (5–7)');
    expect(await page.getByTestId('kpi-ces').getByTestId('metric-direction').textContent()).toBe('чем выше, тем проще');
    expect(await page.getByTestId('responses-count').textContent()).toContain('5 ответов в этой выборке');
    await page.context().close();
  }, 120_000);

  it('uses Persian digits and the Persian percent sign', async () => {
    const page = await dashboard('fa');
    await poll(() => tileText(page, 'nps')).toContain(`${FSI}۲${PDI} نفر پاسخ ندادند`);
    expect(await page.getByTestId('kpi-csat').getByTestId('metric-number').textContent()).toBe(`${FSI}۶۰٪${PDI}`);
    expect(await page.getByTestId('kpi-csat').getByTestId('metric-mean').textContent()).toBe(`میانگین ${FSI}۳٫۶۰${PDI}`);
    expect(await page.getByTestId('kpi-ces').getByTestId('metric-agree').textContent()).toBe(`${FSI}۶۰٪${PDI} موافق (${FSI}۵${PDI}–${FSI}۷${PDI})`);
    expect(await page.getByTestId('kpi-ces').getByTestId('metric-direction').textContent()).toBe('بالاتر یعنی آسان‌تر');
    await page.context().close();
  }, 120_000);
});
