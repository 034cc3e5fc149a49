/**
 * Focus groups and key-client debriefs over HTTP on real PostgreSQL (docs/staff.md): CRUD, validation naming
 * the field, names refused unless the session allows them, a location manager's scope, the notes analysed
 * in Russian and Persian (themes of the starter dictionary, sentiment per sentence), suggested findings,
 * and findings linked to an action plan of the organisation only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';

let server: TestServer;
let storeA: { id: string; path: string };
let storeB: { id: string; path: string };
let owner: Client;
let analystA: Client;
let managerA: Client;
let viewer: Client;
let outsider: Client;
let planA: string;
let planB: string;
let otherPlan: string;

const RU_NOTES = 'Очередь на кассе огромная, ждали очень долго. Кассир был грубый и невежливый.\n\nПерсонал в зале вежливый и приветливый, спасибо! Цены нормальные.';
const FA_NOTES = 'صف خیلی طولانی بود و مدت زیادی منتظر ماندیم. فروشنده بد برخورد بود.\n\nمحیط فروشگاه تمیز و عالی بود.';

const session = (over: Record<string, unknown> = {}) => ({
  kind: 'focus_group', title: 'Cashiers, March', heldOn: '2026-03-10', locationId: storeA.id, moderator: 'Irina',
  participants: [{ role: 'cashier', count: 4 }, { role: 'shift lead', count: 1 }], questions: ['What do customers complain about?'],
  notes: 'The queue was awful and we waited forever. Staff were rude.\n\nThe store was clean and lovely.', ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Focus Org');
  const root = { id: org.rootLocationId, path: org.rootPath };
  storeA = await buildLocation(server.pool, org.orgId, root, 'store', 'Store A');
  storeB = await buildLocation(server.pool, org.orgId, root, 'store', 'Store B');
  await buildUser(server.pool, org.orgId, 'owner', 'boss@focus.test');
  await buildUser(server.pool, org.orgId, 'analyst', 'ana@focus.test', [storeA.id]);
  await buildUser(server.pool, org.orgId, 'location_manager', 'lm@focus.test', [storeA.id]);
  await buildUser(server.pool, org.orgId, 'viewer', 'vera@focus.test');
  const other = await buildOrg(server.pool, 'Other Org');
  await buildUser(server.pool, other.orgId, 'owner', 'else@other.test');
  [owner, analystA, managerA, viewer, outsider] = await Promise.all(
    ['boss@focus.test', 'ana@focus.test', 'lm@focus.test', 'vera@focus.test', 'else@other.test'].map((e) => signIn(server.baseUrl, e)),
  );
  const plan = async (orgId: string, title: string, locations: string[]) =>
    (await server.pool.query(`insert into action_plans(org_id, title, location_ids, start_date) values ($1, $2, $3, '2026-01-01') returning id`, [orgId, title, locations])).rows[0].id as string;
  planA = await plan(org.orgId, 'Faster tills', [storeA.id]);
  planB = await plan(org.orgId, 'Store B refit', [storeB.id]);
  otherPlan = await plan(other.orgId, 'Not yours', [other.rootLocationId]);
});
afterAll(async () => {
  await server?.close();
});

const bad = async (client: Client, method: string, path: string, body: unknown) => {
  const res = await client.request(method, path, body);
  expect(res.status, res.text).toBe(400);
  expect(res.json.error).toBe('validation');
  return res.json.message as string;
};

describe('sessions', () => {
  let id: string;

  it('refuses bad input with a message naming the field', async () => {
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ kind: 'party' }))).toMatch(/^kind: /);
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ title: '  ' }))).toBe('title: must not be empty');
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ heldOn: '2026-02-30' }))).toBe('heldOn: not a valid date');
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ participants: [{ role: 'cashier', count: 0 }] }))).toBe('participants.0.count: at least 1');
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ notes: 'x'.repeat(100_001) }))).toBe('notes: at most 100000 characters');
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ language: 'de' }))).toMatch(/^language: /);
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ locationId: crypto.randomUUID() }))).toBe('locationId: not one of your locations');
    expect(await bad(owner, 'GET', '/api/v1/focus-sessions?from=2026-03-02&to=2026-03-01', undefined)).toBe('to: must not be before from');
    expect((await server.pool.query('select count(*)::int as n from focus_sessions')).rows[0].n).toBe(0);
  });

  it('refuses participant names unless the session allows them', async () => {
    const named = session({ participants: [{ role: 'cashier', count: 3 }, { role: 'key client', count: 1, name: 'Olga Petrova' }] });
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', named)).toBe(
      'participants.1.name: names are not recorded for this session (turn on namesAllowed, or give roles and counts only)',
    );
    expect(await bad(owner, 'POST', '/api/v1/focus-sessions', session({ namesAllowed: true, participants: [{ role: 'client', count: 2, name: 'The Smiths' }] })))
      .toBe('participants.0.count: a named participant is one person (count 1)');
    const res = await owner.post('/api/v1/focus-sessions', { ...named, kind: 'debrief', namesAllowed: true, title: 'Key client debrief' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.session.participants).toEqual([{ role: 'cashier', count: 3, name: null }, { role: 'key client', count: 1, name: 'Olga Petrova' }]);
    expect(res.json.session.participantCount).toBe(4);
    // Turning names off again refuses the stored name until it is removed.
    const debrief = res.json.session.id;
    expect(await bad(owner, 'PUT', `/api/v1/focus-sessions/${debrief}`, { ...named, kind: 'debrief', title: 'Key client debrief' })).toMatch(/^participants\.1\.name: /);
    expect((await owner.delete(`/api/v1/focus-sessions/${debrief}`)).json).toEqual({ ok: true });
    expect((await owner.get(`/api/v1/focus-sessions/${debrief}`)).status).toBe(404);
  });

  it('creates a session and analyses its notes sentence by sentence', async () => {
    const res = await owner.post('/api/v1/focus-sessions', session());
    expect(res.status, res.text).toBe(201);
    const s = res.json.session;
    id = s.id;
    expect(s).toMatchObject({
      kind: 'focus_group', title: 'Cashiers, March', heldOn: '2026-03-10', location: { id: storeA.id, name: 'Store A' }, moderator: 'Irina',
      namesAllowed: false, participantCount: 5, questions: ['What do customers complain about?'], language: 'en', findings: 0, canEdit: true,
    });
    expect(s.analysis.sentences).toEqual([
      { text: 'The queue was awful and we waited forever.', paragraph: 0, sentiment: 'negative', themes: ['waiting_time'] },
      { text: 'Staff were rude.', paragraph: 0, sentiment: 'negative', themes: ['staff_politeness', 'staff_help'] },
      { text: 'The store was clean and lovely.', paragraph: 1, sentiment: 'positive', themes: ['cleanliness'] },
    ]);
    // Two negative sentences against one positive.
    expect(s.analysis.sentiment).toBe('negative');
    expect(s.analysis.counts).toEqual({ negative: 2, neutral: 0, positive: 1 });
    expect(s.analysedAt).not.toBeNull();
    expect(s.themeNames.waiting_time).toEqual({ en: 'Waiting time', ru: 'Время ожидания', fa: 'زمان انتظار' });
    // The negative sentences by theme: waiting_time [0]; staff_help [1] and staff_politeness [1] (ties by id).
    expect(s.suggestions).toEqual([
      { theme: 'staff_help', sentences: [1] },
      { theme: 'staff_politeness', sentences: [1] },
      { theme: 'waiting_time', sentences: [0] },
    ]);
  });

  it('analyses Russian notes, detecting the language', async () => {
    const res = await owner.put(`/api/v1/focus-sessions/${id}`, session({ notes: RU_NOTES }));
    expect(res.status, res.text).toBe(200);
    const a = res.json.session.analysis;
    expect(res.json.session.language).toBe('ru');
    expect(a.sentences.map((x: any) => [x.sentiment, x.themes])).toEqual([
      ['negative', ['waiting_time']],
      ['negative', ['staff_politeness', 'staff_help']],
      ['positive', ['staff_politeness', 'staff_help']],
      ['neutral', ['price']],
    ]);
    // staff_help and staff_politeness: 2 sentences, 1 negative (by id); waiting_time 1 (negative); price 1.
    expect(a.themes).toEqual([
      { id: 'staff_help', count: 2, negative: 1 }, { id: 'staff_politeness', count: 2, negative: 1 },
      { id: 'waiting_time', count: 1, negative: 1 }, { id: 'price', count: 1, negative: 0 },
    ]);
    expect(a.sentiment).toBe('negative');
    expect(res.json.session.themeNames.price).toMatchObject({ ru: 'Цена' });
  });

  it('analyses Persian notes', async () => {
    const res = await owner.put(`/api/v1/focus-sessions/${id}`, session({ notes: FA_NOTES }));
    expect(res.status, res.text).toBe(200);
    expect(res.json.session.language).toBe('fa');
    expect(res.json.session.analysis.sentences).toEqual([
      { text: 'صف خیلی طولانی بود و مدت زیادی منتظر ماندیم.', paragraph: 0, sentiment: 'negative', themes: ['waiting_time'] },
      { text: 'فروشنده بد برخورد بود.', paragraph: 0, sentiment: 'negative', themes: ['staff_politeness', 'staff_help'] },
      { text: 'محیط فروشگاه تمیز و عالی بود.', paragraph: 1, sentiment: 'positive', themes: ['cleanliness'] },
    ]);
    // The language given wins over detection.
    const given = await owner.put(`/api/v1/focus-sessions/${id}`, session({ notes: FA_NOTES, language: 'en' }));
    expect(given.json.session.language).toBe('en');
  });

  it('lists sessions by kind, location and period', async () => {
    const other = await owner.post('/api/v1/focus-sessions', session({ kind: 'debrief', title: 'Key client B', heldOn: '2026-04-02', locationId: storeB.id }));
    expect(other.status).toBe(201);
    const orgWide = await owner.post('/api/v1/focus-sessions', session({ title: 'All stores', heldOn: '2026-02-01', locationId: null }));
    expect(orgWide.status).toBe(201);
    const titles = async (q: string) => (await owner.get(`/api/v1/focus-sessions${q}`)).json.items.map((x: any) => x.title);
    expect(await titles('')).toEqual(['Key client B', 'Cashiers, March', 'All stores']);
    expect(await titles('?kind=debrief')).toEqual(['Key client B']);
    expect(await titles(`?location=${storeA.id}`)).toEqual(['Cashiers, March']);
    expect(await titles('?from=2026-03-10&to=2026-03-31')).toEqual(['Cashiers, March']);
    expect(await titles('?to=2026-02-01')).toEqual(['All stores']);
    const item = (await owner.get('/api/v1/focus-sessions?kind=debrief')).json.items[0];
    expect(item).toMatchObject({ kind: 'debrief', location: { id: storeB.id, name: 'Store B' }, participantCount: 5, sentiment: 'negative', findings: 0 });
    expect((await outsider.get('/api/v1/focus-sessions')).json.items).toEqual([]);
  });

  it('shows a location-limited caller only the sessions of their subtree', async () => {
    const titles = async (c: Client, q = '') => (await c.get(`/api/v1/focus-sessions${q}`)).json.items.map((x: any) => x.title);
    expect(await titles(managerA)).toEqual(['Cashiers, March']);
    expect(await titles(analystA)).toEqual(['Cashiers, March']);
    expect((await managerA.get(`/api/v1/focus-sessions?location=${storeB.id}`)).status).toBe(404);
    const b = (await owner.get('/api/v1/focus-sessions?kind=debrief')).json.items[0].id;
    expect((await managerA.get(`/api/v1/focus-sessions/${b}`)).status).toBe(404);
    expect((await managerA.get(`/api/v1/focus-sessions/${id}`)).json.session.canEdit).toBe(false);
    // Writing needs staff.manage: the manager and the viewer may not; the analyst only at their store.
    expect((await managerA.put(`/api/v1/focus-sessions/${id}`, session())).status).toBe(403);
    expect((await viewer.post('/api/v1/focus-sessions', session())).status).toBe(403);
    expect((await analystA.put(`/api/v1/focus-sessions/${b}`, session())).status).toBe(404);
    expect((await analystA.delete(`/api/v1/focus-sessions/${b}`)).status).toBe(404);
    expect(await bad(analystA, 'POST', '/api/v1/focus-sessions', session({ locationId: storeB.id }))).toBe('locationId: not one of your locations');
    expect(await bad(analystA, 'POST', '/api/v1/focus-sessions', session({ locationId: null }))).toBe('locationId: choose one of your locations');
    expect(await bad(analystA, 'PUT', `/api/v1/focus-sessions/${id}`, session({ locationId: storeB.id }))).toBe('locationId: not one of your locations');
    expect((await outsider.get(`/api/v1/focus-sessions/${id}`)).status).toBe(404);
    expect((await outsider.put(`/api/v1/focus-sessions/${id}`, session({ locationId: null }))).status).toBe(404);
  });

  describe('findings', () => {
    let findingId: string;

    it('turns a suggested sentence into a finding, which leaves the suggestions', async () => {
      const before = (await owner.get(`/api/v1/focus-sessions/${id}`)).json.session;
      const sentence = before.analysis.sentences[before.suggestions.find((g: any) => g.theme === 'waiting_time').sentences[0]];
      const res = await owner.post(`/api/v1/focus-sessions/${id}/findings`, { text: sentence.text, theme: 'waiting_time' });
      expect(res.status, res.text).toBe(201);
      expect(res.json.finding).toMatchObject({ sessionId: id, text: 'صف خیلی طولانی بود و مدت زیادی منتظر ماندیم.', theme: 'waiting_time', actionPlanId: null, actionPlan: null });
      findingId = res.json.finding.id;
      const after = (await owner.get(`/api/v1/focus-sessions/${id}`)).json.session;
      expect(after.findings).toBe(1);
      expect(after.findingList.map((f: any) => f.id)).toEqual([findingId]);
      expect(after.suggestions.map((g: any) => g.theme)).toEqual(['staff_help', 'staff_politeness']);
      expect(await bad(owner, 'POST', `/api/v1/focus-sessions/${id}/findings`, { text: '' })).toBe('text: must not be empty');
      expect(await bad(owner, 'POST', `/api/v1/focus-sessions/${id}/findings`, { text: 'x', theme: 'no_such_theme' })).toBe('theme: not a theme of your dictionary');
    });

    it("links and unlinks an action plan of the organisation, refusing another organisation's plan", async () => {
      expect(await bad(owner, 'PUT', `/api/v1/focus-findings/${findingId}`, { actionPlanId: otherPlan })).toBe('actionPlanId: no such action plan');
      expect(await bad(owner, 'POST', `/api/v1/focus-sessions/${id}/findings`, { text: 'x', actionPlanId: otherPlan })).toBe('actionPlanId: no such action plan');
      // A plan of store B is not the store-A analyst's to link.
      expect(await bad(analystA, 'PUT', `/api/v1/focus-findings/${findingId}`, { actionPlanId: planB })).toBe('actionPlanId: no such action plan');
      const linked = await owner.put(`/api/v1/focus-findings/${findingId}`, { actionPlanId: planA });
      expect(linked.status, linked.text).toBe(200);
      expect(linked.json.finding).toMatchObject({ actionPlanId: planA, actionPlan: { id: planA, title: 'Faster tills', status: 'active' }, theme: 'waiting_time' });
      expect((await managerA.get(`/api/v1/focus-sessions/${id}`)).json.session.findingList[0].actionPlan.title).toBe('Faster tills');
      const unlinked = await owner.put(`/api/v1/focus-findings/${findingId}`, { actionPlanId: null });
      expect(unlinked.json.finding).toMatchObject({ actionPlanId: null, actionPlan: null, text: 'صف خیلی طولانی بود و مدت زیادی منتظر ماندیم.' });
      expect(await bad(owner, 'PUT', `/api/v1/focus-findings/${findingId}`, {})).toBe('change text, theme or actionPlanId');
      expect((await outsider.put(`/api/v1/focus-findings/${findingId}`, { actionPlanId: null })).status).toBe(404);
      expect((await managerA.put(`/api/v1/focus-findings/${findingId}`, { actionPlanId: null })).status).toBe(403);
    });

    it('deletes a finding, and the session with its findings', async () => {
      const second = await owner.post(`/api/v1/focus-sessions/${id}/findings`, { text: 'Rude staff at the tills', actionPlanId: planA });
      expect(second.status).toBe(201);
      expect((await outsider.delete(`/api/v1/focus-findings/${findingId}`)).status).toBe(404);
      expect((await owner.delete(`/api/v1/focus-findings/${findingId}`)).json).toEqual({ ok: true });
      expect((await owner.delete(`/api/v1/focus-findings/${findingId}`)).status).toBe(404);
      expect((await owner.delete(`/api/v1/focus-sessions/${id}`)).json).toEqual({ ok: true });
      expect((await server.pool.query('select count(*)::int as n from focus_findings where session_id = $1', [id])).rows[0].n).toBe(0);
      // The plan stays.
      expect((await owner.get(`/api/v1/action-plans/${planA}`)).status).toBe(200);
    });
  });
});
