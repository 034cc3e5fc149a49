/**
 * The first-week rough edges of the dashboards (issue 8), seen in a real Chromium against a real server
 * and database: segment values, the overview's period and toggles, the unreachable server, labels (channels,
 * store codes, plurals), chart ticks and labels, drill-down as a location filter, folding comments, the
 * not-found page, the favicon, the empty-organisation hint and the invite form's location tree.
 * Needs the SPA built into dist/web (`npm run build:web`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { applyResponsesToRollups } from '../../src/db/rollups/applyResponse.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

requirePageTestPrerequisites();

const LONG_STORE = 'Store B in the Grand Riverside Shopping Centre, second floor';
const LONG_COMMENT = `${'The queue at the checkout was long and only one till was open. '.repeat(5)}THE END OF THE COMMENT`;

/**
 * Store visit (NPS): Store A (North) 10, 10, 9, 6 by receipt, loyalty tier Gold; Store B (North) 8, 3 by
 * kiosk, Silver; Store C (South) 10, 0, 0 by link, Silver.
 * All: 4 promoters, 4 detractors of 9 → NPS 0. North: 3 promoters, 2 detractors of 6 → 16.7.
 */
const SEEDS = [
  { store: 'A', score: 10, channel: 'receipt', tier: 'Gold', comment: LONG_COMMENT },
  { store: 'A', score: 10, channel: 'receipt', tier: 'Gold' },
  { store: 'A', score: 9, channel: 'receipt', tier: 'Gold' },
  { store: 'A', score: 6, channel: 'receipt', tier: 'Gold' },
  { store: 'B', score: 8, channel: 'kiosk', tier: 'Silver' },
  { store: 'B', score: 3, channel: 'kiosk', tier: 'Silver' },
  { store: 'C', score: 10, channel: 'link', tier: 'Silver', comment: 'Only in the south' },
  { store: 'C', score: 0, channel: 'link', tier: 'Silver' },
  { store: 'C', score: 0, channel: 'link', tier: 'Silver' },
];

describe('dashboard rough edges in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const ids: Record<string, string> = {};
  const stamp = Date.now();
  const owner = `owner-${stamp}@rough.test`;
  const manager = `manager-${stamp}@rough.test`;
  const lonely = `lonely-${stamp}@rough.test`;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { pool } = server;
    const org = await buildOrg(pool, 'Rough Edges');
    ids.org = org.orgId;
    await pool.query(`update orgs set dimensions = '{loyalty_tier}' where id = $1`, [org.orgId]);
    const root = { id: org.rootLocationId, path: org.rootPath };
    const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
    const south = await buildLocation(pool, org.orgId, root, 'region', 'South');
    ids.north = north.id;
    ids.A = (await buildLocation(pool, org.orgId, north, 'store', 'Store A')).id;
    ids.B = (await buildLocation(pool, org.orgId, north, 'store', LONG_STORE)).id;
    ids.C = (await buildLocation(pool, org.orgId, south, 'store', 'Store C')).id;
    for (const [key, code] of [['north', 'N'], ['A', 'A-01'], ['B', 'B-02'], ['C', 'C-03']]) {
      await pool.query(`update locations set code = $2 where id = $1`, [ids[key], code]);
    }
    await buildUser(pool, org.orgId, 'owner', owner);
    await buildUser(pool, org.orgId, 'location_manager', manager, [north.id]);
    const lonelyOrg = await buildOrg(pool, 'Empty Org');
    await buildUser(pool, lonelyOrg.orgId, 'owner', lonely);

    const survey = async (name: string, status: string) => (await pool.query(
      `insert into surveys(org_id, slug, name, title, languages, default_language, status)
       values ($1, $2, $3, '{"en":"Survey"}', '{en}', 'en', $4) returning id`,
      [org.orgId, `${name.toLowerCase().replace(/\W+/g, '-')}-${stamp}`, name, status],
    )).rows[0].id as string;
    const questions = async (surveyId: string) => Object.fromEntries((await pool.query(
      `insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max)
       values ($1, $2, 'nps', 1, 'nps', 'nps', true, '{"en":"How likely are you to recommend us?"}', 0, 10),
              ($1, $2, 'why', 2, 'text', 'none', false, '{"en":"Why?"}', null, null)
       returning id, key`, [org.orgId, surveyId])).rows.map((r) => [r.key, r.id as string]));
    const responseIds: string[] = [];
    const respond = async (surveyId: string, q: Record<string, string>, store: string, channel: string, score: number, at: Date, hidden: Record<string, string> = {}, comment?: string) => {
      const r = await pool.query(
        `insert into responses(org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, submitted_at)
         values ($1, $2, $3, $4, 'en', $5, $6, 1, $7) returning id`,
        [org.orgId, surveyId, ids[store], channel, JSON.stringify(hidden), `k${responseIds.length}`, at.toISOString()],
      );
      const rid = r.rows[0].id as string;
      responseIds.push(rid);
      await pool.query(
        `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score)
         values ($1, $2, $3, $4, $5, $6, 'en', $7, $8)`, [org.orgId, rid, q.nps, surveyId, ids[store], channel, at.toISOString(), score]);
      if (comment) {
        await pool.query(
          `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, text)
           values ($1, $2, $3, $4, $5, $6, 'en', $7, $8)`, [org.orgId, rid, q.why, surveyId, ids[store], channel, at.toISOString(), comment]);
      }
    };
    ids.visit = await survey('Store visit', 'live');
    const visitQ = await questions(ids.visit);
    for (const [i, s] of SEEDS.entries()) {
      await respond(ids.visit, visitQ, s.store, s.channel, s.score, new Date(stamp - (i + 1) * 3_600_000), { loyalty_tier: s.tier }, s.comment);
    }
    // One response a day for 40 days, all in the south: a trend with many periods.
    ids.daily = await survey('Daily pulse', 'live');
    const dailyQ = await questions(ids.daily);
    // Today's answer lies between midnight (UTC, the organisation's zone) and now, so "the last 30 days" hold 30 at any hour
    // (an hour before now fell on yesterday between 00:00 and 01:00, and the count was 29).
    const todayStart = Math.floor(stamp / 86_400_000) * 86_400_000;
    const todayAt = todayStart + Math.floor((stamp - todayStart) / 2);
    for (let d = 0; d < 40; d++) await respond(ids.daily, dailyQ, 'C', 'link', 9, new Date(todayAt - d * 86_400_000));
    // CSI of one attribute: satisfaction 8 and 6 (mean 7), importance 10 and 10 (weight 1) → 10 × 7 = 70.
    ids.csi = await survey('Store CSI', 'live');
    const csiQ = Object.fromEntries((await pool.query(
      `insert into questions(org_id, survey_id, key, position, type, metric, attribute, required, text, scale_min, scale_max)
       values ($1, $2, 'speed_sat', 1, 'rating', 'csi_satisfaction', 'speed', true, '{"en":"Speed?"}', 1, 10),
              ($1, $2, 'speed_imp', 2, 'rating', 'csi_importance', 'speed', true, '{"en":"Speed matters?"}', 1, 10)
       returning id, key`, [org.orgId, ids.csi])).rows.map((r) => [r.key, r.id as string]));
    for (const [i, sat] of [8, 6].entries()) {
      const at = new Date(stamp - (i + 1) * 3_600_000).toISOString();
      const r = await pool.query(
        `insert into responses(org_id, survey_id, location_id, channel, language, idempotency_key, survey_version, submitted_at)
         values ($1, $2, $3, 'kiosk', 'en', $4, 1, $5) returning id`, [org.orgId, ids.csi, ids.A, `csi${i}`, at]);
      responseIds.push(r.rows[0].id);
      await pool.query(
        `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score)
         values ($1, $2, $3, $4, $5, 'kiosk', 'en', $6, $7), ($1, $2, $8, $4, $5, 'kiosk', 'en', $6, 10)`,
        [org.orgId, r.rows[0].id, csiQ.speed_sat, ids.csi, ids.A, at, sat, csiQ.speed_imp]);
    }
    ids.closed = await survey('Last year', 'closed');
    await respond(ids.closed, await questions(ids.closed), 'A', 'link', 10, new Date(stamp - 7_200_000));
    ids.draft = await survey('Next year', 'draft');
    await questions(ids.draft);
    await applyResponsesToRollups(pool, org.orgId, responseIds);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // One sign-in per user and language (a context keeps the session): signing in for every test would hit
  // the login throttle.
  const sessions = new Map<string, BrowserContext>();
  const signedIn = async (email: string, lang = 'en', width = 1280): Promise<Page> => {
    const known = sessions.get(`${email} ${lang}`);
    const page = known ? await known.newPage() : await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang });
    sessions.set(`${email} ${lang}`, page.context());
    await page.setViewportSize({ width, height: 900 });
    return page;
  };
  const dashboard = (query = '') => `${server.baseUrl}/app/surveys/${ids.visit}${query}`;
  const kpi = (page: Page) => page.getByTestId('kpi-nps').getByTestId('metric-number');

  it('offers the known values of a segment under its display name, matching case-insensitively', async () => {
    const page = await signedIn(owner);
    await page.goto(dashboard());
    await poll(() => kpi(page).textContent()).toBe('0');
    await poll(() => page.getByLabel('Attribute', { exact: true }).locator('option').allTextContents()).toEqual(['Loyalty tier']);
    const value = page.getByTestId('segment-value');
    await value.fill('gol');
    await poll(() => page.locator('#an-dim-values option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['Gold']);
    await value.fill('gold');
    await value.press('Enter');
    // The filter applies the stored spelling: Store A's four answers 10, 10, 9, 6 → NPS 50.
    await poll(() => new URL(page.url()).searchParams.get('dim')).toBe('loyalty_tier:Gold');
    await poll(() => page.getByTestId('responses-count').textContent()).toBe('4 responses in this view');
    await poll(() => kpi(page).textContent()).toBe('50');
    await expect(page.getByTestId('breakdown-by').locator('option').allTextContents()).resolves.toContain('Loyalty tier');

    await page.goto(dashboard('?dim=loyalty_tier:Platinum'));
    await poll(() => page.getByTestId('dashboard-empty').locator('h2').textContent()).toBe('No responses match these filters');
    await page.close();
  });

  it('shows the overview for a stated period with the dashboards\' presets, CSI cards and live surveys only by default', async () => {
    const page = await signedIn(owner);
    await page.goto(`${server.baseUrl}/app?range=all`);
    await poll(() => page.getByTestId('overview-period').textContent()).toBe('Figures for all time');
    await expect(page.getByTestId('filter-range').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .resolves.toEqual(['30d', '90d', '12m', 'all', 'custom']);
    await poll(() => page.getByTestId('overview-card').locator('h2').allTextContents()).toEqual(['Store CSI', 'Daily pulse', 'Store visit']);
    const csiCard = page.getByTestId('overview-card').filter({ hasText: 'Store CSI' });
    await expect(csiCard.locator('dt').allTextContents()).resolves.toEqual(['CSI']);
    await expect(csiCard.getByTestId('metric-number').textContent()).resolves.toBe('70');
    await page.getByTestId('filter-range').selectOption('30d');
    await poll(() => page.getByTestId('overview-period').textContent()).toMatch(/^Figures for \w{3} \d{1,2}, \d{4} – \w{3} \d{1,2}, \d{4}$/);
    // 40 daily answers, of which the last 30 days hold 30 (one a day, today included).
    await poll(() => page.getByTestId('overview-card').filter({ hasText: 'Daily pulse' }).locator('p.muted').first().textContent()).toBe('Live 30 responses');
    await page.getByLabel('Show 2 closed or draft surveys').check();
    await poll(() => page.getByTestId('overview-card').locator('h2').allTextContents()).toEqual(['Next year', 'Last year', 'Store CSI', 'Daily pulse', 'Store visit']);
    await poll(() => page.getByTestId('overview-card').filter({ hasText: 'Last year' }).locator('p.muted').first().textContent()).toBe('Closed 1 response');
    await expect(page.title()).resolves.toBe('Overview · Sarafan');
    await page.close();
  });

  it('hides empty cards from a location manager', async () => {
    const page = await signedIn(manager);
    await page.goto(`${server.baseUrl}/app?range=all`);
    // The daily pulse was answered only in the south; the closed survey (one answer at Store A) is behind the toggle.
    await poll(() => page.getByTestId('overview-card').locator('h2').allTextContents()).toEqual(['Store CSI', 'Store visit']);
    await page.getByLabel('Show 1 closed or draft survey').check();
    await poll(() => page.getByTestId('overview-card').locator('h2').allTextContents()).toEqual(['Last year', 'Store CSI', 'Store visit']);
    await page.close();
  });

  it('says plainly that the server is unreachable, hides the old figures and does not claim fresh data', async () => {
    const page = await signedIn(owner);
    await page.goto(dashboard());
    await poll(() => kpi(page).textContent()).toBe('0');
    await poll(() => page.getByTestId('freshness').textContent()).toBe('Data up to date');
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await page.getByTestId('filter-location').selectOption(ids.north);
    await poll(() => page.getByTestId('offline').first().textContent()).toContain('The server cannot be reached.');
    await expect(page.getByTestId('kpi-nps').count()).resolves.toBe(0);
    await expect(page.getByTestId('responses-count').count()).resolves.toBe(0);
    await poll(() => page.getByTestId('freshness').textContent()).toBe('Data not loaded');
    await page.unroute('**/api/v1/**');
    await page.getByTestId('offline').first().getByRole('button', { name: 'Retry' }).click();
    await poll(() => kpi(page).textContent()).toBe('16.7');
    await poll(() => page.getByTestId('freshness').textContent()).toBe('Data up to date');
    await page.close();
  });

  it('says so in Persian too', async () => {
    const page = await signedIn(owner, 'fa');
    await page.goto(dashboard());
    await poll(() => page.getByTestId('freshness').textContent()).toBe('داده‌ها به‌روز است');
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await page.getByTestId('filter-location').selectOption(ids.north);
    await poll(() => page.getByTestId('offline').first().textContent()).toContain('دسترسی به سرور ممکن نیست.');
    await poll(() => page.getByTestId('freshness').textContent()).toBe('داده‌ها بارگیری نشدند');
    await page.close();
  });

  it('drills into a region for the whole dashboard, visibly and with a way back', async () => {
    const page = await signedIn(owner);
    await page.goto(dashboard());
    await poll(() => kpi(page).textContent()).toBe('0');
    await poll(() => page.locator('.an-comment-text').count()).toBe(2);
    await page.getByTestId('breakdown-table').getByRole('button', { name: 'Open North · N' }).click();
    await poll(() => new URL(page.url()).searchParams.get('location')).toBe(ids.north);
    await poll(() => kpi(page).textContent()).toBe('16.7');
    await poll(() => page.getByTestId('location-scope').textContent()).toBe('Showing North · N Show all locations');
    await expect(page.getByTestId('filter-location').inputValue()).resolves.toBe(ids.north);
    // The comment from the south is gone; the breakdown shows North's stores with their codes.
    await poll(() => page.locator('.an-comment-text').count()).toBe(1);
    await poll(() => page.getByTestId('breakdown-table').locator('tbody th').allTextContents()).toEqual(['Store A · A-01', `${LONG_STORE} · B-02`]);
    await poll(() => page.locator('table.an-heat tbody th').allTextContents()).toEqual(['Store A · A-01', `${LONG_STORE} · B-02`]);
    // The bar chart's labels wrap instead of being cut short.
    const barTexts = await page.locator('section[aria-labelledby=breakdown-title] svg text').allTextContents();
    expect(barTexts.join(' ')).toContain('second floor');
    expect(barTexts.some((s) => s.includes('...') || s.includes('…'))).toBe(false);
    await page.getByTestId('location-scope').getByRole('button', { name: 'Show all locations' }).click();
    await poll(() => kpi(page).textContent()).toBe('0');
    await expect(page.getByTestId('location-scope').count()).resolves.toBe(0);
    await page.close();
  });

  for (const [lang, names] of [['en', ['Receipt', 'Kiosk', 'Link']], ['ru', ['Чек', 'Киоск', 'Ссылка']], ['fa', ['رسید خرید', 'کیوسک', 'پیوند']]] as const) {
    it(`names channels in ${lang} in the breakdown and the channel filter`, async () => {
      const page = await signedIn(owner, lang);
      await page.goto(dashboard('?by=channel'));
      // Rows by value: receipt (NPS 50), kiosk (−50), link (−33.3) — the order is the server's; compare as sets.
      await poll(async () => (await page.getByTestId('breakdown-table').locator('tbody th').allTextContents()).sort()).toEqual([...names].sort());
      const options = await page.locator('.an-filters label').filter({ has: page.locator('select') }).nth(2).locator('option').allTextContents();
      expect(options.slice(1).sort()).toEqual([...names].sort());
      await page.close();
    });
  }

  it('keeps the trend\'s date ticks apart on a phone', async () => {
    const page = await signedIn(owner, 'en', 390);
    await page.goto(`${server.baseUrl}/app/surveys/${ids.daily}?range=90d&interval=day`);
    const svg = page.locator('section[aria-labelledby=trend-title] svg');
    await poll(() => svg.count()).toBe(1);
    // The x-axis labels are the dates (m/d/yy) on the chart's bottom row.
    const boxes = await svg.locator('text').evaluateAll((els) => els
      .filter((e) => /^\d{1,2}\/\d{1,2}\/\d{2}$/.test(e.textContent ?? ''))
      .map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; }));
    expect(boxes.length).toBeGreaterThan(2);
    const sorted = [...boxes].sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].left, `tick ${i}`).toBeGreaterThanOrEqual(sorted[i - 1].right);
    // The value axis: whole numbers in the left margin, none drawn over another.
    const plotLeft = Math.min(...boxes.map((b) => b.left));
    const values = await svg.locator('text').evaluateAll((els, edge) => els
      .filter((e) => /^[-−]?\d+$/.test(e.textContent ?? '') && e.getBoundingClientRect().right <= edge + 20)
      .map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, top: r.top, bottom: r.bottom }; }), plotLeft);
    expect(values.length).toBeGreaterThan(2);
    const byTop = [...values].sort((a, b) => a.top - b.top);
    for (let i = 1; i < byTop.length; i++) expect(byTop[i].top, `${byTop[i - 1].text} / ${byTop[i].text}`).toBeGreaterThanOrEqual(byTop[i - 1].bottom);
    await page.close();
  });

  it('folds a long comment behind an accessible "show more"', async () => {
    const page = await signedIn(owner);
    await page.goto(dashboard());
    const more = page.getByRole('button', { name: 'Show more' });
    await poll(() => more.count()).toBe(1);
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByText('THE END OF THE COMMENT').count()).resolves.toBe(0);
    await more.click();
    const less = page.getByRole('button', { name: 'Show less' });
    await expect(less.getAttribute('aria-expanded')).resolves.toBe('true');
    await poll(() => page.getByText('THE END OF THE COMMENT').count()).toBe(1);
    await page.close();
  });

  it('answers an unknown /app address with a page-not-found page in the interface language', async () => {
    const page = await signedIn(owner);
    await page.goto(`${server.baseUrl}/app/no-such-page`);
    for (const [lang, title] of [['en', 'Page not found'], ['ru', 'Страница не найдена'], ['fa', 'صفحه پیدا نشد']] as const) {
      await page.locator('.lang-select select').selectOption(lang);
      await poll(() => page.getByTestId('not-found').locator('h1').textContent()).toBe(title);
      await poll(() => page.title()).toBe(`${title} · Sarafan`);
    }
    await page.close();
  }, 60_000);

  it('names the sign-in page in the browser tab', async () => {
    const context = await browser.newContext({ locale: 'en' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await poll(() => page.title()).toBe('Sign in · Sarafan');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in to Sarafan');
    await context.close();
  });

  it('has a favicon', async () => {
    const html = await (await fetch(`${server.baseUrl}/app`)).text();
    const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/^\/assets\/favicon-[\w-]+\.svg$/);
    const icon = await fetch(server.baseUrl + href);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('tells an empty organisation that the demo is a separate organisation with its own login', async () => {
    const page = await signedIn(lonely);
    for (const [lang, words] of [['en', 'separate organisation with its own login'], ['ru', 'отдельная организация со своим входом'], ['fa', 'سازمان جداگانه']] as const) {
      await page.locator('.lang-select select').selectOption(lang);
      await poll(() => page.getByTestId('demo-hint').textContent()).toContain(words);
      await expect(page.getByTestId('demo-hint').locator('code').textContent()).resolves.toBe('npx sarafan demo');
    }
    await page.close();
  });

  it('shows the location hierarchy in the invite form', async () => {
    const page = await signedIn(owner);
    await page.goto(`${server.baseUrl}/app/users`);
    const labels = page.locator('#invite-h ~ form fieldset label');
    await poll(() => labels.allTextContents()).toEqual(['Rough Edges', 'North · N', 'Store A · A-01', `${LONG_STORE} · B-02`, 'South', 'Store C · C-03']);
    // Each store is indented under its own region, each region under the company.
    const indent = await labels.evaluateAll((ls) => ls.map((l) => parseFloat(getComputedStyle(l).paddingInlineStart)));
    expect(indent[1]).toBeGreaterThan(indent[0]);
    expect(indent[2]).toBeGreaterThan(indent[1]);
    expect([indent[3], indent[4], indent[5]]).toEqual([indent[2], indent[1], indent[2]]);
    await page.close();
  });
});
