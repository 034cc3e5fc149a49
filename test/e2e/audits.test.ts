/**
 * Issue 14 "Done when", end to end on a real server, PostgreSQL and Chromium: an organisation with two stores, each
 * with its own manager (Alice: store A, Bob: store B), an auditor (Pavel) and an analyst (Rita) who reviews.
 * Rita plans a wave on the waves page and assigns store A to Pavel; Pavel, on a phone-sized screen, opens the
 * assignment on "My audits", answers two items, attaches a photo, goes offline, answers the last item and submits:
 * the visit waits in the phone (nothing reaches the server) and is sent when the phone is back online. Rita opens
 * the visit, sees the photo, reviews and publishes it. Alice sees the score and the failed item, on the visit and in
 * the results; Bob gets "not found" for the visit (page and API) and no row of store A in his results.
 *
 * The pages are driven as a user would (role and label selectors, all in SEL below). The database is written only for
 * the fixtures (organisation, stores, users, the checklist's version 1); after that it is only read, to check what the
 * pages wrote.
 *
 * The checklist is small so the score can be computed by hand (src/core/audits/scoring.ts rules, docs/audits.md):
 *   greet  yes/no, 2 points            answered "yes"            -> 2 of 2
 *   queue  minutes, 2 points, at most 5 answered 9 minutes        -> 0 of 2, failed
 *   clean  yes/no, 1 point             answered "yes" (offline)  -> 1 of 1
 *   shelf  photo, no points            a photo attached
 * score = 100 x (2 + 0 + 1) / (2 + 2 + 1) = 60 %, no autofail; the failed item is "Minutes waited at the checkout".
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { parseChecklist } from '../../src/core/audits/checklist.ts';
import { addDays } from '../../src/core/time/orgCalendar.ts';

requirePageTestPrerequisites();

const CHECKLIST = {
  name: 'Store visit (e2e)',
  sections: [{
    key: 'visit', name: 'Visit',
    items: [
      { key: 'greet', text: 'A seller greeted you within 30 seconds', points: 2, standard: 'greeting' },
      { key: 'queue', text: 'Minutes waited at the checkout', points: 2, standard: 'checkout_speed', answerType: 'number', passRule: { op: 'lte', value: 5, unit: 'min' } },
      { key: 'clean', text: 'The sales floor was clean', points: 1, standard: 'cleanliness' },
      { key: 'shelf', text: 'Photo of the shelf', points: 0, answerType: 'photo', evidence: 'photo' },
    ],
  }],
};
// this month's wave: from today (UTC; the organisation has no time zone of its own) for 30 days
const today = new Date().toISOString().slice(0, 10);
const WAVE = { name: 'This month\'s mystery shopping', startsOn: today, endsOn: addDays(today, 30), visitsPerLocation: '1' };

/** Every selector of the pages under test (their English strings). */
const SEL = {
  // /app/audits/waves (the "New wave" form is always on the page)
  newWave: (p: Page) => p.getByRole('region', { name: 'New wave' }),
  waveName: (p: Page) => SEL.newWave(p).getByLabel('Name', { exact: true }),
  waveChecklist: (p: Page) => SEL.newWave(p).getByLabel('Checklist', { exact: true }),
  waveStarts: (p: Page) => SEL.newWave(p).getByLabel('Starts on', { exact: true }),
  waveEnds: (p: Page) => SEL.newWave(p).getByLabel('Ends on', { exact: true }),
  waveVisits: (p: Page) => SEL.newWave(p).getByLabel('Visits per location', { exact: true }),
  createWave: (p: Page) => p.getByRole('button', { name: 'Create wave' }),
  // /app/audits/waves/:id
  assignForm: (p: Page) => p.getByRole('region', { name: 'Assign visits' }),
  assignLocation: (p: Page, store: string) => SEL.assignForm(p).getByRole('checkbox', { name: store }),
  assignAuditor: (p: Page) => SEL.assignForm(p).getByLabel('Auditor', { exact: true }),
  assign: (p: Page) => SEL.assignForm(p).getByRole('button', { name: 'Assign', exact: true }),
  assignmentRow: (p: Page, store: string) => p.getByRole('table', { name: 'Assignments' }).getByRole('row', { name: new RegExp(store) }),
  // /app/my-audits and /app/my-audits/:id (the auditor's pages)
  assignmentLink: (p: Page, store: string) => p.getByRole('link', { name: `Open ${store}` }),
  item: (p: Page, item: string) => p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: item, exact: true }) }),
  yesNo: (p: Page, item: string, answer: 'Yes' | 'No') => p.getByRole('group', { name: item, exact: true }).getByRole('radio', { name: answer, exact: true }),
  number: (p: Page, item: string) => SEL.item(p, item).getByRole('spinbutton', { name: /Measured value/ }),
  photoInput: (p: Page, item: string) => SEL.item(p, item).getByLabel('Take or attach a photo'),
  photoAttached: (p: Page, item: string) => p.getByRole('img', { name: `Photo: ${item}` }),
  submit: (p: Page) => p.getByRole('button', { name: 'Submit visit' }),
  savedOffline: (p: Page) => p.getByRole('status').filter({ hasText: /will be sent when you are back online/ }),
  sent: (p: Page) => p.getByRole('status').filter({ hasText: /Visit sent/ }),
  // /app/audits/visits/:id
  evidence: (p: Page, item: string) => p.getByRole('img', { name: `Photo evidence for ${item}` }),
  markReviewed: (p: Page) => p.getByRole('button', { name: 'Mark as reviewed' }),
  reviewed: (p: Page) => p.getByRole('status').filter({ hasText: 'The visit is reviewed.' }),
  publish: (p: Page) => p.getByRole('button', { name: 'Publish to the location' }),
  published: (p: Page) => p.getByRole('status').filter({ hasText: 'The visit is published to the location.' }),
  score: (p: Page) => p.getByTestId('av-score'),
  /** The items of the visit marked "Failed" (text and badge, not only colour). */
  failedItems: (p: Page) => p.getByTestId('av-visit').getByRole('listitem').filter({ has: p.getByText('Failed', { exact: true }) }),
  notFound: (p: Page) => p.getByRole('alert').filter({ hasText: 'This visit does not exist or is not visible to you.' }),
  // /app/audits (results)
  resultsTable: (p: Page) => p.getByRole('table', { name: 'Locations', exact: true }),
  toFix: (p: Page) => p.getByRole('region', { name: 'Your store: items to fix' }),
  resultsEmpty: (p: Page) => p.getByText('No published audit visits in this period yet').first(),
};

/** An 8 x 8 grey PNG: a real image for the photo input. */
function tinyPng(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(128);
  return PNG.sync.write(png);
}

describe('audits end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let storeA = '';
  let storeB = '';
  let pavelId = '';
  let checklistId = '';
  let waveId = '';
  let visitId = '';
  const visitCount = async () => Number((await server.pool.query(`select count(*)::int n from audit_visits where org_id = $1`, [orgId])).rows[0].n);

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Audit Fashion');
    orgId = org.orgId;
    const root = { id: org.rootLocationId, path: org.rootPath };
    storeA = (await buildLocation(server.pool, orgId, root, 'store', 'Arbat store')).id;
    storeB = (await buildLocation(server.pool, orgId, root, 'store', 'Nevsky store')).id;
    await buildUser(server.pool, orgId, 'analyst', 'rita@audit.test');
    pavelId = await buildUser(server.pool, orgId, 'auditor', 'pavel@audit.test');
    await server.pool.query(`update users set name = 'Pavel Orlov' where id = $1`, [pavelId]);
    await buildUser(server.pool, orgId, 'location_manager', 'alice@audit.test', [storeA]);
    await buildUser(server.pool, orgId, 'location_manager', 'bob@audit.test', [storeB]);
    // The checklist as the checklist pages would store it (they are not under test here): version 1 of its definition.
    const { rows: [c] } = await server.pool.query(`insert into checklists(org_id, name, channel) values ($1, $2, 'store') returning id`, [orgId, CHECKLIST.name]);
    checklistId = c.id;
    await server.pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [orgId, checklistId, JSON.stringify(parseChecklist(CHECKLIST))]);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Rita plans a wave on the waves page and assigns store A to Pavel', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'rita@audit.test', TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audits', exact: true }).click();
    await page.getByRole('navigation', { name: 'Audit sections' }).getByRole('link', { name: 'Waves', exact: true }).click();
    await page.waitForURL(/\/app\/audits\/waves$/);
    await SEL.waveName(page).fill(WAVE.name);
    await SEL.waveChecklist(page).selectOption({ label: CHECKLIST.name });
    await SEL.waveStarts(page).fill(WAVE.startsOn);
    await SEL.waveEnds(page).fill(WAVE.endsOn);
    await SEL.waveVisits(page).fill(WAVE.visitsPerLocation);
    await SEL.createWave(page).click();
    // the new wave's page opens
    await page.waitForURL(/\/app\/audits\/waves\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: WAVE.name }).waitFor();
    await waitFor(async () => (await server.pool.query(`select 1 from audit_waves where org_id = $1 and name = $2`, [orgId, WAVE.name])).rows.length === 1, 'the wave');
    const { rows: [wave] } = await server.pool.query(
      `select id, checklist_id, starts_on::text, ends_on::text, visits_per_location from audit_waves where org_id = $1 and name = $2`, [orgId, WAVE.name]);
    expect(wave).toMatchObject({ checklist_id: checklistId, starts_on: WAVE.startsOn, ends_on: WAVE.endsOn, visits_per_location: 1 });
    waveId = wave.id;

    // The wave's page: assign store A to Pavel.
    expect(page.url()).toBe(`${server.baseUrl}/app/audits/waves/${waveId}`);
    await SEL.assignLocation(page, 'Arbat store').check();
    await SEL.assignAuditor(page).selectOption({ label: 'Pavel Orlov' });
    await SEL.assign(page).click();
    await SEL.assignForm(page).getByRole('status').filter({ hasText: '1 visit planned.' }).waitFor();
    await SEL.assignmentRow(page, 'Arbat store').waitFor();
    const { rows } = await server.pool.query(`select location_id, auditor_id, status from audit_assignments where org_id = $1 and wave_id = $2`, [orgId, waveId]);
    expect(rows).toEqual([{ location_id: storeA, auditor_id: pavelId, status: 'assigned' }]);
    await page.context().close();
  });

  it('Pavel, at phone width, answers, attaches a photo, answers the last item offline and the visit is sent when back online', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'pavel@audit.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    // An auditor's only entry is "My audits".
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My audits', exact: true }).click();
    await page.waitForURL(/\/app\/my-audits/);
    await SEL.assignmentLink(page, 'Arbat store').click();
    await SEL.yesNo(page, CHECKLIST.sections[0].items[0].text, 'Yes').check();
    await SEL.number(page, CHECKLIST.sections[0].items[1].text).fill('9');
    const [, , clean, shelf] = CHECKLIST.sections[0].items.map((i) => i.text);
    await SEL.photoInput(page, shelf).setInputFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: tinyPng() });
    await SEL.photoAttached(page, shelf).waitFor();
    // Nothing scrolls sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.context().setOffline(true);
    await page.getByRole('status').filter({ hasText: 'You are offline' }).first().waitFor();
    await SEL.yesNo(page, clean, 'Yes').check();
    await SEL.submit(page).click();
    await SEL.savedOffline(page).waitFor();
    // Kept on the phone: the server has no visit yet (the page said so above).
    expect(await visitCount()).toBe(0);

    await page.context().setOffline(false);
    await SEL.sent(page).waitFor({ timeout: 60_000 });
    await waitFor(async () => (await visitCount()) === 1, 'the synced visit');
    const { rows: [v] } = await server.pool.query(
      `select id, status, location_id, auditor_id, wave_id, score, earned, possible, autofail, answers from audit_visits where org_id = $1`, [orgId]);
    expect(v).toMatchObject({ status: 'submitted', location_id: storeA, auditor_id: pavelId, wave_id: waveId, score: 60, earned: 3, possible: 5, autofail: false });
    expect(v.answers.clean.value).toBe('yes');
    expect(v.answers.queue.measured).toBe(9);
    visitId = v.id;
    const evidence = (await server.pool.query(`select item_key, kind from audit_evidence where org_id = $1 and visit_id = $2`, [orgId, visitId])).rows;
    expect(evidence).toEqual([{ item_key: 'shelf', kind: 'photo' }]);
    expect((await server.pool.query(`select status from audit_assignments where org_id = $1 and wave_id = $2`, [orgId, waveId])).rows).toEqual([{ status: 'submitted' }]);
    await page.context().close();
  });

  it('Rita reviews the visit with its photo and publishes it', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'rita@audit.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/audits/visits/${visitId}`);
    const shelf = CHECKLIST.sections[0].items[3].text;
    await SEL.evidence(page, shelf).scrollIntoViewIfNeeded();
    // the photo is an image the browser could load
    await waitFor(async () => SEL.evidence(page, shelf).evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 8), 'the photo loaded');
    await SEL.markReviewed(page).click();
    await SEL.reviewed(page).waitFor();
    await waitFor(async () => (await server.pool.query(`select status from audit_visits where id = $1`, [visitId])).rows[0].status === 'reviewed', 'reviewed');
    await SEL.publish(page).click();
    await SEL.published(page).waitFor();
    await page.getByTestId('av-meta').getByText('Published', { exact: true }).waitFor();
    const { rows: [v] } = await server.pool.query(`select status, published_at is not null as at from audit_visits where id = $1`, [visitId]);
    expect(v).toEqual({ status: 'published', at: true });
    await page.context().close();
  });

  it('Alice, the manager of store A, sees the score and the failed item', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'alice@audit.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/audits/visits/${visitId}`);
    await SEL.score(page).waitFor();
    expect(await SEL.score(page).textContent()).toContain('60');
    // exactly one failed item: the checkout queue (9 minutes, more than 5)
    expect(await SEL.failedItems(page).count()).toBe(1);
    expect(await SEL.failedItems(page).getByRole('heading').innerText()).toBe('Minutes waited at the checkout');
    await page.goto(`${server.baseUrl}/app/audits`);
    await SEL.resultsTable(page).waitFor();
    const results = await SEL.resultsTable(page).innerText();
    expect(results).toContain('Arbat store');
    expect(results).toContain('60');
    expect(results).not.toContain('Nevsky store');
    // the region is there at once, its items once they have loaded
    await expect.poll(() => SEL.toFix(page).innerText(), { timeout: 15_000 }).toContain('Minutes waited at the checkout');
    const toFix = await SEL.toFix(page).innerText();
    expect(toFix).not.toContain('A seller greeted you within 30 seconds');
    await page.context().close();
    const alice = await signIn(server.baseUrl, 'alice@audit.test');
    const api = await alice.get(`/api/v1/audit-visits/${visitId}`);
    expect(api.status, api.text).toBe(200);
    expect(api.json.visit?.score ?? api.json.score).toBe(60);
  });

  it('Bob, the other store\'s manager, cannot see it', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'bob@audit.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/audits/visits/${visitId}`);
    await SEL.notFound(page).waitFor();
    expect(await page.content()).not.toContain('Minutes waited at the checkout');
    await page.goto(`${server.baseUrl}/app/audits`);
    // the results have loaded (his own store has no published visit: the empty state) before the negative check
    await SEL.resultsEmpty(page).waitFor();
    expect(await SEL.resultsTable(page).count()).toBe(0);
    expect(await page.getByRole('main').innerText()).not.toContain('Arbat store');
    await page.context().close();
    const bob = await signIn(server.baseUrl, 'bob@audit.test');
    expect((await bob.get(`/api/v1/audit-visits/${visitId}`)).status).toBe(404);
  });

  it('the database holds one published visit, its photo linked, despite the offline retry', async () => {
    const visits = (await server.pool.query(`select id, status, published_at is not null as published, score, answers from audit_visits where org_id = $1`, [orgId])).rows;
    expect(visits.map((v) => ({ id: v.id, status: v.status, published: v.published, score: v.score }))).toEqual([{ id: visitId, status: 'published', published: true, score: 60 }]);
    // every evidence row of the organisation: the one photo, linked to the visit and named by the shelf item's answer
    const evidence = (await server.pool.query(`select id, visit_id, item_key, kind, content_type from audit_evidence where org_id = $1`, [orgId])).rows;
    expect(evidence.map((e) => ({ visit_id: e.visit_id, item_key: e.item_key, kind: e.kind, content_type: e.content_type })))
      .toEqual([{ visit_id: visitId, item_key: 'shelf', kind: 'photo', content_type: 'image/png' }]);
    expect(visits[0].answers.shelf.evidence).toEqual([evidence[0].id]);
    expect((await server.pool.query(`select status from audit_assignments where org_id = $1`, [orgId])).rows).toEqual([{ status: 'submitted' }]);
  });
});
