import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, WEB_DIR } from '../helpers/browser.ts';
import { seedClosedLoopOrg } from './fixture.ts';

const D = 'shots.test';
let server: TestServer;
let browser: Browser;
let planId = '';
beforeAll(async () => {
  server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-04-01T12:00:00Z') });
  const seed = await seedClosedLoopOrg(server, D);
  const r = await server.pool.query(`insert into action_plans(org_id, title, description, location_ids, start_date, due_date, survey_id, question_id, target_value, owner_user_id, root_cause_id)
    values ($1, 'Train cashiers at Store A', 'Two-day course on greeting and queue handling', $2, '2026-03-01', '2026-06-01', $3, $4, 35, $5, $6) returning id`,
    [seed.orgId, [seed.stores.A], seed.survey.surveyId, seed.survey.ids.nps, seed.adminId, seed.causes.staff_behaviour]);
  planId = r.rows[0].id;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => { await browser?.close(); await server?.close(); });

it('shots', { timeout: 300_000 }, async () => {
  for (const lang of ['en', 'ru', 'fa']) {
    for (const width of [1280, 390]) {
      const page = await openSignedInPage(browser, server.baseUrl, `admin@${D}`, TEST_PASSWORD, { lang });
      await page.setViewportSize({ width, height: 900 });
      const shot = async (path: string, name: string, wait: string) => {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByTestId(wait).first().waitFor();
        await page.waitForTimeout(800);
        if (width > 400) { await page.screenshot({ path: `/tmp/clr-shots/${name}-${lang}-${width}.png`, fullPage: true }); return; }
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 0; y < h; y += 800, i++) {
          await page.screenshot({ path: `/tmp/clr-shots/${name}-${lang}-${width}-${i}.png`, clip: { x: 0, y, width, height: Math.min(800, h - y) }, fullPage: true });
        }
        const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (over > 0) console.log(`OVERFLOW ${name} ${lang} ${width}: ${over}px`);
      };
      await shot('/app/cases/report?period=custom&from=2026-03-01&to=2026-03-31', 'report', 'clr-pareto');
      await shot(`/app/action-plans/${planId}`, 'plan', 'plan-effect');
      if (lang !== 'ru' || width === 390) await shot('/app/action-plans/new', 'form', 'plan-form');
      if (lang !== 'ru' || width === 390) await shot('/app/action-plans', 'list', 'plan-list');
      if (lang === 'en' || width === 390) await shot('/app/settings', 'settings', 'rc-settings');
      await page.context().close();
    }
  }
});
