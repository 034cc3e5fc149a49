/**
 * The kiosk page end to end in real Chromium (issue 10, "In-store kiosk"): the network is cut, 20
 * customers answer, the counter shows 20 and nothing reaches the server; the network comes back and
 * exactly 20 responses are stored with channel kiosk and the kiosk's location, the counter back at 0.
 * Also: the page in Persian is right to left and returns to the kiosk's language after each answer; the
 * staff settings open only after a long press and the right PIN; a reload while the server is down is
 * served by the service worker, and the queue survives it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildLocation, buildOrg, buildUser, signIn } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { restartableServer, type RestartableServer } from '../helpers/restartableServer.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let db: TestDatabase;
let server: RestartableServer;
let browser: Browser;
let orgId: string;
let storeId: string;
let survey: SurveyFixture;
const baseUrl = () => server.baseUrl();

/** A new kiosk for the survey at the store (through the API, as an owner would); its URL. */
async function newKiosk(name: string, pin: string): Promise<string> {
  const owner = await signIn(baseUrl(), 'owner@kiosk-e2e.test');
  const res = await owner.post(`/api/v1/surveys/${survey.id}/kiosks`, { name, locationId: storeId, pin });
  if (res.status !== 201) throw new Error(`kiosk: ${res.status} ${res.text}`);
  return res.json.url;
}

/** Responses of the survey, counted and described in SQL. */
async function stored() {
  const { rows } = await db.pool.query(
    `select count(*)::int as n, count(distinct idempotency_key)::int as keys,
            count(*) filter (where channel = 'kiosk' and location_id = $3)::int as at_kiosk,
            coalesce(sum((select count(*) from answers a where a.org_id = r.org_id and a.response_id = r.id and a.text is not null)), 0)::int as comments
       from responses r where r.org_id = $1 and r.survey_id = $2`,
    [orgId, survey.id, storeId],
  );
  return rows[0] as { n: number; keys: number; at_kiosk: number; comments: number };
}

const visible = (page: Page, css: string) => page.locator(`section.kl:not([hidden]) .scr:not([hidden]) ${css}`);
const counter = (page: Page) => page.locator('#pending').getAttribute('data-n');

/** One customer: a score, then (when asked) a comment or a skip; ends back on the question. */
async function answer(page: Page, score: number, comment?: string | null) {
  await visible(page, `button.sc[data-v="${score}"]`).click();
  if (comment !== undefined) {
    // The survey's "why?" follows every score; its wording depends on the score group.
    await visible(page, 'textarea').waitFor();
    if (comment) {
      await visible(page, 'textarea').fill(comment);
      await visible(page, 'button.send').click();
    } else {
      await visible(page, 'button.skip').click();
    }
  }
  await visible(page, 'h1').filter({ hasText: 'Thank you!' }).waitFor();
  // The next customer taps the thank-you screen (it also returns by itself after a few seconds).
  await page.locator('main').click();
  await visible(page, 'button.sc').first().waitFor();
}

describe('kiosk page in Chromium', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    server = restartableServer(db.pool);
    await server.start();
    const org = await buildOrg(db.pool, 'Kiosk E2E');
    orgId = org.orgId;
    storeId = (await buildLocation(db.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Exit store')).id;
    survey = await buildSurvey(db.pool, orgId);
    await buildUser(db.pool, orgId, 'owner', 'owner@kiosk-e2e.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('offline: 20 answers queue on the tablet (counter 20, none stored); back online: exactly 20 responses, counter 0', async () => {
    const url = await newKiosk('Exit tablet', '4321');
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await expect.poll(() => counter(page)).toBe('0');

    await context.setOffline(true);
    for (let i = 0; i < 20; i++) await answer(page, i % 11, i % 3 === 0 ? `Comment ${i}` : null);
    await expect.poll(() => counter(page)).toBe('20');
    await expect.poll(() => page.locator('#pending').textContent()).toBe('20');
    await page.locator('#note').filter({ hasText: 'Offline' }).waitFor();
    expect(await stored()).toEqual({ n: 0, keys: 0, at_kiosk: 0, comments: 0 });

    await context.setOffline(false);
    await expect.poll(() => counter(page), { timeout: 30_000 }).toBe('0');
    // Customers 0, 3, 6, 9, 12, 15 and 18 wrote a comment; the others skipped it.
    expect(await stored()).toEqual({ n: 20, keys: 20, at_kiosk: 20, comments: 7 });
    expect(await page.locator('#note').textContent()).toBe('');
    await context.close();
  }, 120_000);

  it('in Persian the page is right to left; a customer\'s language switch lasts one answer', async () => {
    const url = await newKiosk('Bilingual', '4321');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${url}?lang=fa`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    expect(await page.locator('section.kl:not([hidden])').getAttribute('dir')).toBe('rtl');

    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('button', { name: 'فارسی' }).click();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    expect(await page.getByRole('button', { name: 'فارسی' }).getAttribute('aria-pressed')).toBe('true');
    await visible(page, 'button.sc[data-v="10"]').click();
    await visible(page, 'h1').filter({ hasText: 'چه چیزی را بیشتر دوست داشتید؟' }).waitFor();
    await visible(page, 'button.skip').click();
    await visible(page, 'h1').filter({ hasText: 'سپاسگزاریم!' }).waitFor();
    await page.locator('main').click();
    await visible(page, 'h1').filter({ hasText: 'How likely are you to recommend us to a friend?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const { rows } = await db.pool.query(`select language from responses where org_id = $1 and survey_id = $2 and channel = 'kiosk' order by submitted_at desc limit 1`, [orgId, survey.id]);
    expect(rows[0].language).toBe('fa');
    await context.close();
  }, 60_000);

  it('staff settings: only after holding the gear and typing the right PIN', async () => {
    const url = await newKiosk('Guarded', '97531');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(url);
    const gear = page.getByRole('button', { name: 'Staff settings: hold for 3 seconds' });
    // A tap does nothing: the PIN dialog needs the press held.
    await gear.click();
    expect(await page.locator('#pin').isVisible()).toBe(false);
    await gear.hover();
    await page.mouse.down();
    await page.getByRole('dialog', { name: 'Staff only' }).waitFor();
    await page.mouse.up();
    await page.getByLabel('PIN').fill('1234');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong PIN' }).waitFor();
    expect(await page.locator('#set').isVisible()).toBe(false);
    await page.getByLabel('PIN').fill('97531');
    await page.keyboard.press('Enter');
    const settings = page.getByRole('dialog', { name: 'Kiosk settings' });
    await settings.waitFor();
    expect(await settings.textContent()).toContain('Location: Exit store');
    await page.getByRole('button', { name: 'Back to the survey' }).click();
    await settings.waitFor({ state: 'hidden' });
    // Keyboard: Enter held on the focused gear opens the PIN dialog too.
    await gear.focus();
    await page.keyboard.down('Enter');
    await page.getByRole('dialog', { name: 'Staff only' }).waitFor();
    await page.keyboard.up('Enter');
    await context.close();
  }, 60_000);

  it('a reload while the server is down is served by the service worker; the queued answers survive it', async () => {
    const url = await newKiosk('Reloaded', '4321');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await server.stop();
    await answer(page, 2, null);
    await expect.poll(() => counter(page)).toBe('1');
    await page.reload();
    await visible(page, 'h1').filter({ hasText: 'How likely are you to recommend us to a friend?' }).waitFor();
    await expect.poll(() => counter(page)).toBe('1');

    const before = (await stored()).n;
    await server.start();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => counter(page), { timeout: 30_000 }).toBe('0');
    expect((await stored()).n).toBe(before + 1);
    await context.close();
  }, 90_000);
});
