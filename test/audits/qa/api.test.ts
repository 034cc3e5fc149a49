/**
 * The staff directory, QA reviews of support contacts, per-agent QA beside CSAT / CES, calibration and coaching
 * over a real server and PostgreSQL. Expected scores are worked out by hand in the comments (scorecard: greet 2,
 * name 1 (N/A allowed), solve 0..3, privacy 1 critical).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, startTestServer, type Client, type TestServer } from '../../helpers/app.ts';
import { seedQaOrg } from './fixture.ts';

describe('QA reviews, staff and calibration API', () => {
  let server: TestServer;
  let fx: Awaited<ReturnType<typeof seedQaOrg>>;
  let owner: Client;
  let manager: Client;
  let analystA: Client;
  let analyst2: Client;
  let analyst3: Client;
  const users: Record<string, string> = {};
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await seedQaOrg(server.pool, 'QA Org');
    users.owner = await buildUser(server.pool, fx.orgId, 'owner', 'owner@qa.test');
    users.manager = await buildUser(server.pool, fx.orgId, 'location_manager', 'lm@qa.test', [fx.stores.A]);
    users.analystA = await buildUser(server.pool, fx.orgId, 'analyst', 'a@qa.test', [fx.stores.A]);
    users.analyst2 = await buildUser(server.pool, fx.orgId, 'analyst', 'a2@qa.test');
    users.analyst3 = await buildUser(server.pool, fx.orgId, 'analyst', 'a3@qa.test');
    users.viewer = await buildUser(server.pool, fx.orgId, 'viewer', 'v@qa.test');
    owner = await signIn(server.baseUrl, 'owner@qa.test');
    manager = await signIn(server.baseUrl, 'lm@qa.test');
    analystA = await signIn(server.baseUrl, 'a@qa.test');
    analyst2 = await signIn(server.baseUrl, 'a2@qa.test');
    analyst3 = await signIn(server.baseUrl, 'a3@qa.test');
  });
  afterAll(async () => server?.close());

  it('keeps a staff directory with unique codes and agent names per organisation', async () => {
    const a = await owner.post('/api/v1/employees', { name: 'Ann Lee', code: 'A-1', locationId: fx.stores.A, agentName: 'ann' });
    expect(a.status).toBe(201);
    expect(a.json.employee).toMatchObject({ name: 'Ann Lee', code: 'A-1', locationId: fx.stores.A, agentName: 'ann', active: true, locationName: 'Store A' });
    ann = a.json.employee.id;
    const b = await owner.post('/api/v1/employees', { name: 'Bob Roe', code: 'B-1', locationId: fx.stores.B, agentName: 'bob' });
    bob = b.json.employee.id;

    const sameCode = await owner.post('/api/v1/employees', { name: 'Other', code: 'A-1', locationId: fx.stores.A });
    expect([sameCode.status, sameCode.json.error]).toEqual([409, 'conflict']);
    expect(sameCode.json.message).toMatch(/^code: /);
    const sameAgent = await owner.patch(`/api/v1/employees/${bob}`, { agentName: 'ann' });
    expect(sameAgent.status).toBe(409);
    expect(sameAgent.json.message).toMatch(/^agentName: /);
    // Another organisation may use the same code.
    const other = await seedQaOrg(server.pool, 'Other Org');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other.qa.test');
    const otherOwner = await signIn(server.baseUrl, 'owner@other.qa.test');
    expect((await otherOwner.post('/api/v1/employees', { name: 'Ann Twin', code: 'A-1', agentName: 'ann' })).status).toBe(201);
    expect((await otherOwner.get(`/api/v1/employees/${ann}`)).status).toBe(404);
    expect((await otherOwner.patch(`/api/v1/employees/${ann}`, { name: 'PWNED' })).status).toBe(404);

    const bad = await owner.post('/api/v1/employees', { name: '', code: 'X' });
    expect([bad.status, bad.json.message]).toEqual([400, expect.stringMatching(/^name: /)]);
    expect((await owner.patch(`/api/v1/employees/${bob}`, { active: false })).json.employee.active).toBe(false);
    expect((await owner.patch(`/api/v1/employees/${bob}`, { active: true })).json.employee.active).toBe(true);

    const all = await owner.get('/api/v1/employees');
    expect(all.json.items.map((e: any) => e.name)).toEqual(['Ann Lee', 'Bob Roe']);
    expect((await owner.get('/api/v1/employees?q=ro')).json.items.map((e: any) => e.name)).toEqual(['Bob Roe']);
    expect((await owner.get(`/api/v1/employees?locationId=${fx.stores.B}`)).json.items.map((e: any) => e.name)).toEqual(['Bob Roe']);
    expect((await owner.get('/api/v1/employees?active=false')).json.items).toEqual([]);
    // A store manager reads (audit.read) the staff of their store only, and cannot change it.
    expect((await manager.get('/api/v1/employees')).json.items.map((e: any) => e.name)).toEqual(['Ann Lee']);
    expect((await manager.get(`/api/v1/employees/${bob}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/employees?locationId=${fx.stores.B}`)).status).toBe(404);
    expect((await manager.post('/api/v1/employees', { name: 'X', locationId: fx.stores.A })).status).toBe(403);
    // An analyst limited to store A may not put someone in store B.
    const outside = await analystA.post('/api/v1/employees', { name: 'X', locationId: fx.stores.B });
    expect([outside.status, outside.json.message]).toEqual([400, 'locationId: no such location']);
    expect((await analystA.patch(`/api/v1/employees/${bob}`, { name: 'PWNED' })).status).toBe(404);
  });

  let review1: string;
  it('stores a QA review of a contact, scored by the one rule and credited to the agent', async () => {
    const contacts = await owner.get('/api/v1/qa/contacts?from=2026-03-01&to=2026-03-31');
    expect(contacts.json.items.map((c: any) => [c.externalId, c.agent, c.reviews])).toEqual([['k3', 'ann', 0], ['k2', 'bob', 0], ['k1', 'ann', 0]]);
    expect((await analystA.get('/api/v1/qa/contacts')).json.items.map((c: any) => c.externalId)).toEqual(['k4', 'k3', 'k1']);
    expect((await owner.get('/api/v1/qa/contacts?q=parcel')).json.items.map((c: any) => c.externalId)).toEqual(['k2']);

    // greet yes 2/2, name N/A (out), solve 2 of 3, privacy yes 1/1: earned 5 of 6 -> 83.33...
    const r1 = await owner.post('/api/v1/qa/reviews', {
      checklistId: fx.checklistId, supportContactId: fx.contactIds.k1, notes: 'Good tone',
      answers: { greet: { value: 'yes' }, name: { value: 'na' }, solve: { value: 2 }, privacy: { value: 'yes' } },
    });
    expect(r1.status).toBe(201);
    expect(r1.json).toMatchObject({ employeeId: ann, earned: 5, possible: 6, autofail: false });
    expect(r1.json.score).toBeCloseTo((100 * 5) / 6, 10);
    review1 = r1.json.id;
    // greet no 0/2, name yes 1/1, solve 3/3, privacy no (critical): earned 4 of 7, autofail -> 0.
    const r2 = await analystA.post('/api/v1/qa/reviews', {
      checklistId: fx.checklistId, supportContactId: fx.contactIds.k3,
      answers: { greet: { value: 'no' }, name: { value: 'yes' }, solve: { value: 3 }, privacy: { value: 'no' } },
    });
    expect(r2.json).toMatchObject({ employeeId: ann, score: 0, earned: 4, possible: 7, autofail: true, failedCritical: ['privacy'] });

    const row = await server.pool.query(`select kind, status, employee_id, location_id, auditor_id, published_at is not null as published, calibration_id from audit_visits where id = $1`, [review1]);
    expect(row.rows[0]).toEqual({ kind: 'qa', status: 'published', employee_id: ann, location_id: fx.stores.A, auditor_id: users.owner, published: true, calibration_id: null });
    const items = await server.pool.query(`select item_key, applicable, earned, possible, failed from audit_visit_items where visit_id = $1 order by item_key`, [review1]);
    expect(items.rows.map((r) => [r.item_key, r.applicable, r.earned, r.possible, r.failed])).toEqual([
      ['greet', true, 2, 2, false], ['name', false, 0, 0, false], ['privacy', true, 1, 1, false], ['solve', true, 2, 3, true],
    ]);

    // A contact entered by hand, for the agent chosen explicitly: all yes and solve 3 -> 7 of 7.
    const byHand = await owner.post('/api/v1/qa/reviews', {
      checklistId: fx.checklistId, subject: 'Phone call 14:05, lost card', employeeId: bob,
      answers: { greet: { value: 'yes' }, name: { value: 'yes' }, solve: { value: 3 }, privacy: { value: 'yes' } },
    });
    expect(byHand.json).toMatchObject({ employeeId: bob, score: 100 });
    const detail = await owner.get(`/api/v1/qa/reviews/${byHand.json.id}`);
    expect(detail.json.review).toMatchObject({ subject: 'Phone call 14:05, lost card', employeeName: 'Bob Roe', supportContactId: null, checklistName: 'Chat QA' });
    expect((await owner.get('/api/v1/qa/contacts?q=declined')).json.items[0].reviews).toBe(1);
  });

  it('refuses incomplete or wrong reviews, naming the field, and contacts outside the scope', async () => {
    const missing = await owner.post('/api/v1/qa/reviews', { checklistId: fx.checklistId, supportContactId: fx.contactIds.k1, answers: { greet: { value: 'yes' } } });
    expect([missing.status, missing.json.message]).toEqual([400, 'answers: answer every scored item (missing: name, solve, privacy)']);
    const tooMany = await owner.post('/api/v1/qa/reviews', { checklistId: fx.checklistId, supportContactId: fx.contactIds.k1, answers: { greet: { value: 'yes' }, name: { value: 'yes' }, solve: { value: 4 }, privacy: { value: 'yes' } } });
    expect([tooMany.status, tooMany.json.message]).toEqual([400, 'answers.solve: value must be "yes", "no", "na" or points from 0 to 3']);
    const both = await owner.post('/api/v1/qa/reviews', { checklistId: fx.checklistId, answers: {} });
    expect([both.status, both.json.message]).toEqual([400, 'supportContactId: give either supportContactId or subject (a contact entered by hand)']);
    const full = { greet: { value: 'yes' }, name: { value: 'yes' }, solve: { value: 3 }, privacy: { value: 'yes' } };
    const elsewhere = await analystA.post('/api/v1/qa/reviews', { checklistId: fx.checklistId, supportContactId: fx.contactIds.k2, answers: full });
    expect([elsewhere.status, elsewhere.json.message]).toEqual([400, 'supportContactId: no such support contact']);
    expect((await manager.post('/api/v1/qa/reviews', { checklistId: fx.checklistId, supportContactId: fx.contactIds.k1, answers: full })).status).toBe(403);
    expect((await owner.post('/api/v1/qa/reviews', { checklistId: crypto.randomUUID(), subject: 'x', answers: full })).json.message).toBe('checklistId: no such checklist');
    // The reviews list and detail follow the scope.
    expect((await analystA.get('/api/v1/qa/reviews')).json.items.map((r: any) => r.externalId).sort()).toEqual(['k1', 'k3']);
    const bobs = (await owner.get(`/api/v1/qa/reviews?employeeId=${bob}`)).json.items;
    expect(bobs).toHaveLength(1);
    expect((await analystA.get(`/api/v1/qa/reviews/${bobs[0].id}`)).status).toBe(404);
    expect((await owner.get('/api/v1/qa/reviews?agent=ann&from=2026-03-01&to=2026-03-31')).json.items.map((r: any) => r.externalId)).toEqual(['k3', 'k1']);
  });

  it('shows each agent QA next to their customers CSAT and CES of the same period', async () => {
    const res = await owner.get('/api/v1/qa/agents?from=2026-03-01&to=2026-03-31&qaTarget=50&csatTarget=70');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.json.items.map((r: any) => [r.name, r]));
    // Ann: reviews 83.33 and 0 (autofail) -> mean 41.67, below 50. CSAT after k1 (5, 4) and k3 (2): 2 of 3 satisfied = 66.67 < 70.
    // CES after k1 (6) and k3 (3) on 1..7: mean 4.5 of 2. k4 is April: outside.
    expect(byName['Ann Lee']).toMatchObject({ employeeId: ann, agentName: 'ann', reviews: 2, autofails: 1, belowQaTarget: true, belowCsatTarget: true, ces: { n: 2 } });
    expect(byName['Ann Lee'].qaScore).toBeCloseTo((100 * 5 / 6 + 0) / 2, 10);
    expect(byName['Ann Lee'].csat.n).toBe(3);
    expect(byName['Ann Lee'].csat.value).toBeCloseTo(200 / 3, 10);
    expect(byName['Ann Lee'].ces.value).toBeCloseTo(4.5, 10);
    // Bob's hand-entered review is dated now (December 2026), so none in March; CSAT after k2: 5 -> 100.
    expect(byName['Bob Roe']).toMatchObject({ reviews: 0, qaScore: null, csat: { value: 100, n: 1 }, ces: null, belowQaTarget: false, belowCsatTarget: false });
    // A reviewer limited to store A sees Ann only.
    const mine = await analystA.get('/api/v1/qa/agents?from=2026-03-01&to=2026-03-31');
    expect(mine.json.items.map((r: any) => r.name)).toEqual(['Ann Lee']);
    const bad = await owner.get('/api/v1/qa/agents?from=2026-03-10&to=2026-03-01');
    expect([bad.status, bad.json.message]).toEqual([400, 'to: must not be before from']);
  });

  let calibration: string;
  it('runs a calibration session blind until each reviewer has scored, then reports the agreement', async () => {
    const bad = await owner.post('/api/v1/audit-calibrations', { name: 'March', checklistId: fx.checklistId, subject: 'Chat 7', reviewerIds: [users.owner, users.viewer] });
    expect([bad.status, bad.json.message]).toEqual([400, 'reviewerIds: each reviewer must be a user who may review audits']);
    const created = await owner.post('/api/v1/audit-calibrations', { name: 'March', checklistId: fx.checklistId, supportContactId: fx.contactIds.k2, reviewerIds: [users.owner, users.analyst2, users.analyst3] });
    expect(created.status).toBe(201);
    calibration = created.json.calibration.id;
    expect((await analyst2.post(`/api/v1/audit-calibrations/${calibration}/close`)).status).toBe(200);
    // (Analysts manage audits: that closed it; open a fresh one for the scoring.)
    const fresh = await owner.post('/api/v1/audit-calibrations', { name: 'March 2', checklistId: fx.checklistId, supportContactId: fx.contactIds.k2, reviewerIds: [users.owner, users.analyst2, users.analyst3] });
    calibration = fresh.json.calibration.id;
    // Store A's analyst cannot see a session about store B's contact.
    expect((await analystA.get(`/api/v1/audit-calibrations/${calibration}`)).status).toBe(404);
    expect((await analystA.get('/api/v1/audit-calibrations')).json.items).toEqual([]);

    // Owner: all pass -> 7 of 7 = 100.
    const s1 = await owner.post(`/api/v1/audit-calibrations/${calibration}/scores`, { answers: { greet: { value: 'yes' }, name: { value: 'yes' }, solve: { value: 3 }, privacy: { value: 'yes' } } });
    expect(s1.status).toBe(201);
    expect(s1.json.reviewers[0]).toMatchObject({ id: users.owner, scored: true, score: 100 });
    // Blind: analyst 2 has not scored, so sees that the owner scored but not how.
    const blind = await analyst2.get(`/api/v1/audit-calibrations/${calibration}`);
    expect(blind.json.blind).toBe(true);
    expect(blind.json.reviewers[0]).toEqual({ id: users.owner, name: 'owner@qa.test', scored: true });
    expect(blind.json.agreement).toBeNull();
    expect(blind.text).not.toContain('"answers"');

    // Analyst 2: greet yes, name N/A, solve 2 of 3, privacy yes -> 5 of 6. Analyst 3: greet no, name yes, solve 3, privacy yes -> 5 of 7.
    await analyst2.post(`/api/v1/audit-calibrations/${calibration}/scores`, { answers: { greet: { value: 'yes' }, name: { value: 'na' }, solve: { value: 2 }, privacy: { value: 'yes' } } });
    const again = await analyst2.post(`/api/v1/audit-calibrations/${calibration}/scores`, { answers: { greet: { value: 'yes' }, name: { value: 'na' }, solve: { value: 2 }, privacy: { value: 'yes' } } });
    expect([again.status, again.json.message]).toEqual([409, 'You have scored this calibration session already']);
    const notListed = await analystA.post(`/api/v1/audit-calibrations/${calibration}/scores`, { answers: {} });
    expect(notListed.status).toBe(404);
    const last = await analyst3.post(`/api/v1/audit-calibrations/${calibration}/scores`, { answers: { greet: { value: 'no' }, name: { value: 'yes' }, solve: { value: 3 }, privacy: { value: 'yes' } } });
    const a = last.json.agreement;
    // Categories: greet P P F, name P NA P, solve P F P, privacy P P P.
    // Per item pairwise: 1/3, 1/3, 1/3, 1 -> P = 0.5. Ratings: pass 9, fail 2, na 1 of 12 -> Pe = (81 + 4 + 1) / 144 = 43/72.
    // kappa = (1/2 - 43/72) / (1 - 43/72) = (36 - 43) / 29 = -7/29 -> poor.
    expect(a.percentAgreement).toBeCloseTo(0.5, 12);
    expect(a.kappa).toBeCloseTo(-7 / 29, 12);
    expect(a.kappaBand).toBe('poor');
    expect(a.items.map((i: any) => [i.key, i.majority, i.majorityShare])).toEqual([['greet', 'pass', 2 / 3], ['name', 'pass', 2 / 3], ['solve', 'pass', 2 / 3], ['privacy', 'pass', 1]]);
    // Scores 100, 500/6, 500/7: range 100 - 500/7; sample sd by hand below.
    const scores = [100, 500 / 6, 500 / 7];
    const mean = scores.reduce((x, y) => x + y) / 3;
    expect(a.scoreSpread.range).toBeCloseTo(100 - 500 / 7, 10);
    expect(a.scoreSpread.sd).toBeCloseTo(Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / 2), 10);
    // Calibration scorings are not QA reviews: Bob (k2's agent) still has none, and the list does not show them.
    const visits = await server.pool.query(`select status from audit_visits where calibration_id = $1`, [calibration]);
    expect(visits.rows.map((r) => r.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect((await owner.get(`/api/v1/qa/reviews?employeeId=${bob}`)).json.items).toHaveLength(1);

    expect((await owner.post(`/api/v1/audit-calibrations/${calibration}/close`)).json.calibration.status).toBe('closed');
    expect((await owner.post(`/api/v1/audit-calibrations/${calibration}/close`)).status).toBe(409);
    const list = await owner.get('/api/v1/audit-calibrations');
    expect(list.json.items.map((c: any) => [c.name, c.status, c.scored])).toEqual([['March 2', 'closed', 3], ['March', 'closed', 0]]);
  });

  it('keeps coaching notes with follow-ups, overdue ones flagged', async () => {
    const old = await owner.post(`/api/v1/employees/${ann}/coaching-notes`, { note: 'Check identity before refunds', followUpOn: '2026-01-15', visitId: review1 });
    expect(old.status).toBe(201);
    expect(old.json.note).toMatchObject({ note: 'Check identity before refunds', followUpOn: '2026-01-15', overdue: true, done: false, visitId: review1 });
    await owner.post(`/api/v1/employees/${ann}/coaching-notes`, { note: 'Practise greetings', followUpOn: '2999-01-01' });
    const list = await analystA.get(`/api/v1/employees/${ann}/coaching-notes`);
    expect(list.json.items.map((n: any) => [n.note, n.overdue])).toEqual([['Check identity before refunds', true], ['Practise greetings', false]]);
    const done = await owner.patch(`/api/v1/coaching-notes/${old.json.note.id}`, { done: true });
    expect(done.json.note).toMatchObject({ done: true, overdue: false });
    expect((await owner.get(`/api/v1/employees/${ann}/coaching-notes`)).json.items.map((n: any) => n.note)).toEqual(['Practise greetings', 'Check identity before refunds']);
    const bad = await owner.post(`/api/v1/employees/${ann}/coaching-notes`, { note: 'x', followUpOn: '2026-02-30' });
    expect([bad.status, bad.json.message]).toEqual([400, 'followUpOn: not a valid date']);
    // A store manager may not read or write coaching; store A's analyst cannot reach Bob's notes.
    expect((await manager.get(`/api/v1/employees/${ann}/coaching-notes`)).status).toBe(403);
    const bobNote = await owner.post(`/api/v1/employees/${bob}/coaching-notes`, { note: 'Shorter replies' });
    expect((await analystA.get(`/api/v1/employees/${bob}/coaching-notes`)).status).toBe(404);
    expect((await analystA.patch(`/api/v1/coaching-notes/${bobNote.json.note.id}`, { done: true })).status).toBe(404);
  });

  it("gives the agent's page their QA and audit scores, CSAT / CES and whether the caller may coach", async () => {
    const page = await manager.get(`/api/v1/employees/${ann}?from=2026-03-01&to=2026-03-31`);
    expect(page.status).toBe(200);
    expect(page.json.qa.reviews.map((r: any) => r.score)).toEqual([0, expect.closeTo(500 / 6, 10)]);
    expect(page.json.qa.mean).toBeCloseTo(250 / 6, 10);
    expect(page.json.qa.autofails).toBe(1);
    expect(page.json.csat.n).toBe(3);
    expect(page.json).toMatchObject({ audits: [], canCoach: false, canManage: false, ces: { n: 2 } });
  });
});
