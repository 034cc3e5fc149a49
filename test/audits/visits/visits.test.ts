/**
 * The visits list and the review workflow over HTTP on real PostgreSQL: who sees which visits (reviewers all,
 * managers and viewers only published ones of their stores, another store's manager 404, auditors nothing),
 * filters and paging, corrections rewriting the score (hand-computed), status moves, appeals once and their
 * decisions once, the employee link, and evidence / notes of mystery calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../helpers/app.ts';
import { seedAuditOrg, seedVisit, type AuditOrg } from './fixtures.ts';

let server: TestServer;
let o: AuditOrg;
let other: AuditOrg;
const c = {} as Record<'owner' | 'analyst' | 'managerA' | 'managerB' | 'viewerA' | 'auditor' | 'otherOwner', Client>;
/** v1: store A, submitted; v2: store B, published; v3: store A, a published mystery call (autofail); v4: store B, submitted. */
const v = { v1: '', v2: '', v3: '', v4: '' };
let audioId = '';

beforeAll(async () => {
  server = await startTestServer();
  o = await seedAuditOrg(server.pool, 'visits');
  other = await seedAuditOrg(server.pool, 'visits-other');
  for (const k of ['owner', 'analyst', 'managerA', 'managerB', 'viewerA', 'auditor'] as const) c[k] = await signIn(server.baseUrl, o.emails[k]);
  c.otherOwner = await signIn(server.baseUrl, other.emails.owner);
  // greet 2 + wait 3 (7 min fails "at most 5") + clean 4, smile N/A: earned 2 + 0 + 4 = 6 of 9.
  v.v1 = await seedVisit(server.pool, o, { locationId: o.storeA.id, visitedAt: '2026-11-10T10:00:00Z', answers: { greet: { value: 'yes' }, smile: { value: 'na' }, wait: { measured: 7 }, clean: { value: 'yes' } } });
  // 0 + 1 + 3 + 4 = 8 of 10.
  v.v2 = await seedVisit(server.pool, o, { locationId: o.storeB.id, status: 'published', visitedAt: '2026-11-12T10:00:00Z', answers: { greet: { value: 'no' }, smile: { value: 'yes' }, wait: { measured: 3 }, clean: { value: 'yes' } } });
  // clean (critical) failed: score 0, earned 2 of 6.
  v.v3 = await seedVisit(server.pool, o, { locationId: o.storeA.id, kind: 'call', status: 'published', visitedAt: '2026-11-14T10:00:00Z', notes: 'Answered after 9 rings', answers: { greet: { value: 'yes' }, clean: { value: 'no' } } });
  v.v4 = await seedVisit(server.pool, o, { locationId: o.storeB.id, visitedAt: '2026-11-16T10:00:00Z', answers: { greet: { value: 'yes' } } });
  audioId = (await server.pool.query(
    `insert into audit_evidence(org_id, visit_id, item_key, kind, content_type, size_bytes, sha256, storage, storage_key) values ($1, $2, 'greet', 'audio', 'audio/mpeg', 2048, 'x', 'disk', 'k') returning id`,
    [o.orgId, v.v3],
  )).rows[0].id;
});
afterAll(async () => server?.close());

const ids = (res: { json: any }) => res.json.items.map((x: any) => x.id);

describe('who sees which visits', () => {
  it('shows reviewers every visit, the latest first, with scores as stored', async () => {
    const res = await c.analyst.get('/api/v1/audit-visits');
    expect(res.status, res.text).toBe(200);
    expect(ids(res)).toEqual([v.v4, v.v3, v.v2, v.v1]);
    const byId = Object.fromEntries(res.json.items.map((x: any) => [x.id, x]));
    expect(byId[v.v1]).toMatchObject({ score: 600 / 9, earned: 6, possible: 9, autofail: false, failedItems: 1, status: 'submitted', locationName: 'Store A', checklistName: 'Store visit' });
    expect(byId[v.v2]).toMatchObject({ score: 80, earned: 8, possible: 10, failedItems: 1 });
    expect(byId[v.v3]).toMatchObject({ score: 0, earned: 2, possible: 6, autofail: true, kind: 'call', failedItems: 1 });
    expect(res.json.total).toBe(4);
  });

  it('shows a store manager and a viewer only the published visits of their store; other visits are not found', async () => {
    expect(ids(await c.managerA.get('/api/v1/audit-visits'))).toEqual([v.v3]);
    expect(ids(await c.viewerA.get('/api/v1/audit-visits'))).toEqual([v.v3]);
    expect(ids(await c.managerB.get('/api/v1/audit-visits'))).toEqual([v.v2]);
    expect((await c.managerA.get(`/api/v1/audit-visits/${v.v3}`)).status).toBe(200);
    expect((await c.managerA.get(`/api/v1/audit-visits/${v.v1}`)).status).toBe(404);
    expect((await c.managerB.get(`/api/v1/audit-visits/${v.v3}`)).status).toBe(404);
    expect((await c.otherOwner.get(`/api/v1/audit-visits/${v.v3}`)).status).toBe(404);
    expect(ids(await c.otherOwner.get('/api/v1/audit-visits'))).toEqual([]);
    expect((await c.auditor.get('/api/v1/audit-visits')).status).toBe(403);
    expect((await c.auditor.get(`/api/v1/audit-visits/${v.v1}`)).status).toBe(403);
  });

  it('filters by status, location, kind and days, and pages', async () => {
    expect(ids(await c.analyst.get('/api/v1/audit-visits?status=published'))).toEqual([v.v3, v.v2]);
    expect(ids(await c.analyst.get(`/api/v1/audit-visits?locationId=${o.storeA.id}`))).toEqual([v.v3, v.v1]);
    expect(ids(await c.analyst.get('/api/v1/audit-visits?kind=call'))).toEqual([v.v3]);
    expect(ids(await c.analyst.get('/api/v1/audit-visits?from=2026-11-12&to=2026-11-14'))).toEqual([v.v3, v.v2]);
    const page = await c.analyst.get('/api/v1/audit-visits?limit=2&offset=2');
    expect([ids(page), page.json.total]).toEqual([[v.v2, v.v1], 4]);
    expect((await c.analyst.get('/api/v1/audit-visits?limit=2&offset=10')).json.total).toBe(4);
    expect((await c.analyst.get('/api/v1/audit-visits?status=draft')).json.message).toMatch(/^status:/);
    expect((await c.analyst.get('/api/v1/audit-visits?from=2026-11-12&to=2026-11-01')).json.message).toMatch(/^to:/);
  });

  it('gives one visit with its checklist, outcomes, evidence and the call\'s notes', async () => {
    const res = await c.managerA.get(`/api/v1/audit-visits/${v.v3}`);
    const visit = res.json.visit;
    expect(visit.notes).toBe('Answered after 9 rings');
    expect(visit.definition.sections.map((s: any) => s.key)).toEqual(['welcome', 'checkout']);
    expect(visit.answers).toEqual({ greet: { value: 'yes' }, clean: { value: 'no' } });
    expect(visit.items.find((i: any) => i.itemKey === 'clean')).toEqual({ itemKey: 'clean', sectionKey: 'checkout', standard: 'cleanliness', critical: true, applicable: true, earned: 0, possible: 4, failed: true });
    expect(visit.evidence).toEqual([{ id: audioId, itemKey: 'greet', kind: 'audio', contentType: 'audio/mpeg', sizeBytes: 2048 }]);
    expect(visit.can).toEqual({ correct: false, review: false, publish: false, appeal: true, decide: false, editEmployee: false });
    expect(visit.auditorName).toBe(o.emails.auditor);
  });
});

describe('review', () => {
  it('refuses corrections without a reason, with a bad answer or an unknown item, and from a manager', async () => {
    const path = `/api/v1/audit-visits/${v.v1}/corrections`;
    expect((await c.analyst.post(path, { itemKey: 'wait', answer: { measured: 4 }, reason: ' ' })).json.message).toMatch(/^reason:/);
    expect((await c.analyst.post(path, { itemKey: 'greet', answer: { value: 'maybe' }, reason: 'x' })).json.message).toMatch(/^answer:/);
    expect((await c.analyst.post(path, { itemKey: 'nope', answer: { value: 'yes' }, reason: 'x' })).json.message).toMatch(/^itemKey:/);
    expect((await c.analyst.post(path, { itemKey: 'greet', reason: 'x' })).json.message).toMatch(/^answer: give the corrected answer/);
    expect((await c.managerA.post(path, { itemKey: 'wait', answer: { measured: 4 }, reason: 'x' })).status).toBe(403);
    expect((await c.otherOwner.post(path, { itemKey: 'wait', answer: { measured: 4 }, reason: 'x' })).status).toBe(404);
    expect((await c.analyst.get(`/api/v1/audit-visits/${v.v1}`)).json.visit.corrections).toEqual([]);
  });

  it('corrects an answer with a logged reason and rewrites the score', async () => {
    const res = await c.analyst.post(`/api/v1/audit-visits/${v.v1}/corrections`, { itemKey: 'wait', answer: { measured: 4 }, reason: 'The stopwatch was started early' });
    expect(res.status, res.text).toBe(200);
    // wait now passes (4 <= 5): 2 + 3 + 4 = 9 of 9.
    expect(res.json.visit).toMatchObject({ score: 100, earned: 9, possible: 9, failedItems: 0 });
    expect(res.json.visit.answers.wait).toEqual({ measured: 4 });
    expect(res.json.visit.corrections).toMatchObject([{ itemKey: 'wait', oldAnswer: { measured: 7 }, newAnswer: { measured: 4 }, reason: 'The stopwatch was started early', correctedBy: o.emails.analyst }]);
    const row = await server.pool.query(`select score, earned, possible from audit_visits where org_id = $1 and id = $2`, [o.orgId, v.v1]);
    expect(row.rows[0]).toEqual({ score: 100, earned: 9, possible: 9 });
  });

  it('moves submitted -> reviewed -> published, once each, and refuses corrections after publishing', async () => {
    const reviewed = await c.analyst.post(`/api/v1/audit-visits/${v.v1}/review`);
    expect(reviewed.json.visit).toMatchObject({ status: 'reviewed', reviewedBy: o.emails.analyst, publishedAt: null });
    expect((await c.analyst.post(`/api/v1/audit-visits/${v.v1}/review`)).status).toBe(409);
    expect((await c.managerA.post(`/api/v1/audit-visits/${v.v1}/publish`)).status).toBe(403);
    const published = await c.owner.post(`/api/v1/audit-visits/${v.v1}/publish`);
    expect(published.json.visit).toMatchObject({ status: 'published', reviewedBy: o.emails.analyst, publishedBy: o.emails.owner });
    expect((await c.owner.post(`/api/v1/audit-visits/${v.v1}/publish`)).status).toBe(409);
    const late = await c.analyst.post(`/api/v1/audit-visits/${v.v1}/corrections`, { itemKey: 'greet', answer: { value: 'no' }, reason: 'x' });
    expect([late.status, late.json.message]).toEqual([409, expect.stringMatching(/only through an upheld appeal/)]);
    expect(ids(await c.managerA.get('/api/v1/audit-visits'))).toEqual([v.v3, v.v1]);
  });

  it('publishes a submitted visit in one step and records it as reviewed too', async () => {
    const res = await c.analyst.post(`/api/v1/audit-visits/${v.v4}/publish`);
    expect(res.json.visit).toMatchObject({ status: 'published', reviewedBy: o.emails.analyst, publishedBy: o.emails.analyst });
    expect(res.json.visit.reviewedAt).toBe(res.json.visit.publishedAt);
  });

  it('links the visit to an employee of the directory or describes them', async () => {
    const emp = (await server.pool.query(`insert into employees(org_id, name, location_id) values ($1, 'Dana', $2) returning id`, [o.orgId, o.storeA.id])).rows[0].id;
    const otherEmp = (await server.pool.query(`insert into employees(org_id, name) values ($1, 'Spy') returning id`, [other.orgId])).rows[0].id;
    const res = await c.analyst.patch(`/api/v1/audit-visits/${v.v3}`, { employeeId: emp, employeeLabel: 'The cashier at till 2' });
    expect(res.json.visit).toMatchObject({ employeeId: emp, employeeName: 'Dana', employeeLabel: 'The cashier at till 2' });
    expect((await c.analyst.patch(`/api/v1/audit-visits/${v.v3}`, { employeeId: otherEmp })).json.message).toBe('employeeId: no such employee');
    expect((await c.managerA.patch(`/api/v1/audit-visits/${v.v3}`, { employeeLabel: 'x' })).status).toBe(403);
  });
});

describe('appeals', () => {
  let appealId = '';
  it('lets the store\'s manager appeal an item of a published visit once', async () => {
    const path = `/api/v1/audit-visits/${v.v1}/appeals`;
    expect((await c.managerA.post(path, { itemKey: 'smile', reason: '' })).json.message).toMatch(/^reason:/);
    expect((await c.managerA.post(path, { itemKey: 'nope', reason: 'x' })).json.message).toMatch(/^itemKey:/);
    const res = await c.managerA.post(path, { itemKey: 'smile', reason: 'Nobody was at the counter to smile' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.appeal).toMatchObject({ visitId: v.v1, itemKey: 'smile', reason: 'Nobody was at the counter to smile', appealedBy: o.emails.managerA, decision: null });
    appealId = res.json.appeal.id;
    const again = await c.managerA.post(path, { itemKey: 'smile', reason: 'Once more' });
    expect([again.status, again.json.message]).toEqual([409, 'This item was appealed already: each item of a visit may be appealed once']);
    expect((await c.managerB.post(path, { itemKey: 'greet', reason: 'x' })).status).toBe(404);
    expect((await c.viewerA.post(path, { itemKey: 'greet', reason: 'x' })).status).toBe(403);
    const unpublished = await seedVisit(server.pool, o, { locationId: o.storeA.id, answers: { greet: { value: 'no' } } });
    expect((await c.managerA.post(`/api/v1/audit-visits/${unpublished}/appeals`, { itemKey: 'greet', reason: 'x' })).status).toBe(404);
    expect((await c.owner.post(`/api/v1/audit-visits/${unpublished}/appeals`, { itemKey: 'greet', reason: 'x' })).json.message).toBe('Only a published visit can be appealed');
  });

  it('decides an appeal once; upheld with an answer rewrites the score and logs the appeal\'s reason', async () => {
    expect((await c.managerA.post(`/api/v1/audit-appeals/${appealId}/decision`, { decision: 'upheld' })).status).toBe(403);
    expect((await c.otherOwner.post(`/api/v1/audit-appeals/${appealId}/decision`, { decision: 'upheld' })).status).toBe(404);
    expect((await c.analyst.post(`/api/v1/audit-appeals/${appealId}/decision`, { decision: 'maybe' })).json.message).toMatch(/^decision:/);
    expect((await c.analyst.post(`/api/v1/audit-appeals/${appealId}/decision`, { decision: 'upheld', answer: { value: 'sometimes' } })).json.message).toMatch(/^answer:/);
    const res = await c.analyst.post(`/api/v1/audit-appeals/${appealId}/decision`, { decision: 'upheld', note: 'Smile counts: it applied', answer: { value: 'no' } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.appeal).toMatchObject({ decision: 'upheld', decisionNote: 'Smile counts: it applied', decidedBy: o.emails.analyst });
    // smile N/A -> no: 9 of 10 applicable points.
    const visit = (await c.managerA.get(`/api/v1/audit-visits/${v.v1}`)).json.visit;
    expect(visit).toMatchObject({ score: 90, earned: 9, possible: 10, status: 'published' });
    expect(visit.corrections.at(-1)).toMatchObject({ itemKey: 'smile', oldAnswer: { value: 'na' }, newAnswer: { value: 'no' }, reason: 'Nobody was at the counter to smile' });
    expect(visit.appeals).toMatchObject([{ id: appealId, decision: 'upheld' }]);
    const again = await c.analyst.post(`/api/v1/audit-appeals/${appealId}/decision`, { decision: 'rejected' });
    expect([again.status, again.json.message]).toEqual([409, 'This appeal was decided already']);
  });

  it('rejects an appeal without changing the score', async () => {
    const appeal = (await c.managerA.post(`/api/v1/audit-visits/${v.v1}/appeals`, { itemKey: 'greet', reason: 'We greeted' })).json.appeal;
    expect((await c.analyst.post(`/api/v1/audit-appeals/${appeal.id}/decision`, { decision: 'rejected', answer: { value: 'yes' } })).json.message).toMatch(/^answer:/);
    const res = await c.analyst.post(`/api/v1/audit-appeals/${appeal.id}/decision`, { decision: 'rejected', note: 'The recording shows no greeting' });
    expect(res.json.appeal.decision).toBe('rejected');
    expect((await c.managerA.get(`/api/v1/audit-visits/${v.v1}`)).json.visit).toMatchObject({ score: 90, earned: 9, possible: 10 });
  });
});
