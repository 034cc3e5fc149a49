/**
 * The checklists API over real PostgreSQL (docs/audits.md "Checklists"): starters, create, validation naming
 * the path, the versioning rule (in place without visits; a new version once a visit used the current one,
 * the visit keeping its version), import / export in the CLI's JSON (scored identically by the real
 * `sarafan audit score`), archive, and who may do what (other organisations get 404).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/audits/checklist.ts';
import { insertVisit } from '../../../src/db/audits/visitScore.ts';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../../helpers/app.ts';
import { runCommand } from '../../helpers/cli.ts';
import { waitFor } from '../../helpers/waitFor.ts';

// 2 + 1 points in "welcome", 3 (critical) + 4 (scale) in "checkout": 10 possible.
const CHECKLIST = {
  name: { en: 'Store audit', ru: 'Аудит магазина', fa: 'ممیزی فروشگاه' },
  sections: [
    { key: 'welcome', name: { en: 'Welcome', ru: 'Встреча' }, items: [
      { key: 'greet', text: { en: 'Greeted within 30 s', fa: 'در ۳۰ ثانیه خوشامد گفت' }, points: 2, standard: 'greeting' },
      { key: 'smile', text: 'Smiled', points: 1, answerType: 'yes_no_na', standard: 'greeting' },
    ] },
    { key: 'checkout', name: 'Checkout', items: [
      { key: 'receipt', text: 'Receipt given', points: 3, critical: true, standard: 'compliance' },
      { key: 'knowledge', text: 'Knew the product', points: 4, answerType: 'scale', standard: 'product_knowledge' },
    ] },
  ],
};

describe('checklists API', () => {
  let server: TestServer;
  let orgId = '';
  let storeId = '';
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Checklist Org');
    orgId = org.orgId;
    storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 1')).id;
    await buildUser(server.pool, orgId, 'owner', 'owner@ck.test');
    await buildUser(server.pool, orgId, 'analyst', 'analyst@ck.test');
    await buildUser(server.pool, orgId, 'viewer', 'viewer@ck.test');
    await buildUser(server.pool, orgId, 'location_manager', 'lm@ck.test', [storeId]);
    await buildUser(server.pool, orgId, 'auditor', 'auditor@ck.test');
    const other = await buildOrg(server.pool, 'Other Org');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other.ck.test');
    for (const [k, email] of Object.entries({ owner: 'owner@ck.test', analyst: 'analyst@ck.test', viewer: 'viewer@ck.test', lm: 'lm@ck.test', auditor: 'auditor@ck.test', other: 'owner@other.ck.test' })) {
      c[k] = await signIn(server.baseUrl, email);
    }
  });
  afterAll(async () => server?.close());

  /** A submitted visit on `version` with the given answers, stored the way the visit routes store it. */
  async function visit(checklistId: string, version: number, answers: Record<string, unknown>) {
    const { rows } = await server.pool.query(`select definition from checklist_versions where org_id = $1 and checklist_id = $2 and version = $3`, [orgId, checklistId, version]);
    const client = await server.pool.connect();
    try {
      return await insertVisit(client, { orgId, kind: 'visit', checklistId, checklistVersion: version, locationId: storeId, visitedAt: new Date('2026-11-20T10:00:00Z') },
        parseChecklist(rows[0].definition), Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, { value: v }])) as any);
    } finally {
      client.release();
    }
  }

  it('lists the starters in the caller\'s language with their counts', async () => {
    const res = await c.analyst.get('/api/v1/checklist-starters?lang=ru');
    expect(res.status).toBe(200);
    const store = res.json.starters.find((s: any) => s.key === 'store_visit');
    // The store visit starter: 4 sections; 4 + 4 + 3 + 3 items; points 1+2+1+1 + 3+3+2+0 + 2+2+1 + 1+2+0 = 21.
    expect(store).toEqual({ key: 'store_visit', channel: 'store', name: 'Визит в магазин (тайный покупатель)', sectionsCount: 4, itemsCount: 14, pointsTotal: 21 });
    expect(res.json.starters.map((s: any) => s.key)).toEqual(['store_visit', 'phone_call', 'chat']);
  });

  it('creates a copy of a starter and lists it with its counts', async () => {
    const made = await c.owner.post('/api/v1/checklists', { starter: 'phone_call', name: 'Our calls' });
    expect(made.status).toBe(201);
    expect(made.json.checklist).toMatchObject({ name: 'Our calls', channel: 'phone', version: 1, archived: false, starter: 'phone_call' });
    expect(made.json.versions).toEqual([{ version: 1, createdAt: expect.any(String), visitsCount: 0 }]);
    expect(made.json.definition.sections[0].key).toBe('answer');
    const list = await c.viewer.get('/api/v1/checklists');
    expect(list.status).toBe(200);
    const row = list.json.checklists.find((r: any) => r.id === made.json.checklist.id);
    expect(row).toMatchObject({ name: 'Our calls', channel: 'phone', version: 1, visitsCount: 0, sectionsCount: made.json.definition.sections.length });
    expect(row.itemsCount).toBe(made.json.definition.sections.reduce((n: number, s: any) => n + s.items.length, 0));
  });

  it('creates a checklist from a definition; bad input is a 400 naming the path', async () => {
    const made = await c.analyst.post('/api/v1/checklists', { channel: 'store', definition: CHECKLIST });
    expect(made.status).toBe(201);
    expect(made.json.checklist.name).toBe('Store audit');
    const list = (await c.analyst.get('/api/v1/checklists')).json.checklists;
    expect(list.find((r: any) => r.id === made.json.checklist.id)).toMatchObject({ sectionsCount: 2, itemsCount: 4, visitsCount: 0 });

    const bad = structuredClone(CHECKLIST) as any;
    bad.sections[1].items[0].points = -1;
    const res = await c.analyst.post('/api/v1/checklists', { definition: bad });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('validation');
    expect(res.json.message).toBe('definition.sections[1].items[0].points: must be a number from 0 to 1000');
    const twice = structuredClone(CHECKLIST) as any;
    twice.sections[1].items[1].key = 'greet';
    expect((await c.analyst.post('/api/v1/checklists', { definition: twice })).json.message).toBe('definition.sections[1].items[1].key: "greet" is used twice in the checklist');
    expect((await c.analyst.post('/api/v1/checklists', { starter: 'store_visit', definition: CHECKLIST })).json.message).toBe('give either "starter" or "definition"');
    expect((await c.analyst.post('/api/v1/checklists', { starter: 'nope' })).json.message).toMatch(/^starter: /);
    expect((await c.analyst.post('/api/v1/checklists', { definition: CHECKLIST, channel: 'tv' })).json.message).toMatch(/^channel: /);
  });

  it('replaces the version in place without visits; with visits saves a new version and the visit keeps its own', async () => {
    const id = (await c.owner.post('/api/v1/checklists', { definition: CHECKLIST })).json.checklist.id;
    const edited = structuredClone(CHECKLIST) as any;
    edited.sections[0].items[0].points = 5;
    const inPlace = await c.owner.put(`/api/v1/checklists/${id}`, { definition: edited });
    expect(inPlace.status).toBe(200);
    expect(inPlace.json.saved).toBe('replace');
    expect(inPlace.json.version).toBe(1);
    expect(inPlace.json.versions.map((v: any) => v.version)).toEqual([1]);
    expect(inPlace.json.definition.sections[0].items[0].points).toBe(5);

    // The same definition again: nothing changes.
    expect((await c.owner.put(`/api/v1/checklists/${id}`, { definition: edited })).json.saved).toBe('unchanged');
    const renamed = await c.owner.put(`/api/v1/checklists/${id}`, { definition: edited, name: 'Renamed' });
    expect([renamed.json.saved, renamed.json.checklist.name, renamed.json.version]).toEqual(['details', 'Renamed', 1]);

    // A visit on version 1: greet 5 + smile 1 + receipt 3 + knowledge 2 of 5 + 1 + 3 + 4 = 11 of 13.
    const v = await visit(id, 1, { greet: 'yes', smile: 'yes', receipt: 'yes', knowledge: 2 });
    expect(v.score!.score).toBeCloseTo((100 * 11) / 13, 10);

    const v2 = structuredClone(edited);
    v2.sections[0].items[0].points = 2;
    v2.sections[0].items.splice(1, 1); // "smile" removed
    const saved = await c.owner.put(`/api/v1/checklists/${id}`, { definition: v2, name: 'Store audit 2' });
    expect(saved.status).toBe(200);
    expect(saved.json.saved).toBe('new_version');
    expect(saved.json.checklist).toMatchObject({ name: 'Store audit 2', version: 2 });
    expect(saved.json.versions.map((x: any) => [x.version, x.visitsCount])).toEqual([[2, 0], [1, 1]]);

    // The visit still points at version 1, whose definition is unchanged (greet 5 points, smile there).
    const row = await server.pool.query(`select checklist_version, earned, possible from audit_visits where org_id = $1 and id = $2`, [orgId, v.id]);
    expect(row.rows[0]).toEqual({ checklist_version: 1, earned: 11, possible: 13 });
    const old = await c.viewer.get(`/api/v1/checklists/${id}/versions/1`);
    expect(old.status).toBe(200);
    expect(old.json.version).toBe(1);
    expect(old.json.definition.sections[0].items.map((i: any) => [i.key, i.points])).toEqual([['greet', 5], ['smile', 1]]);
    expect((await c.viewer.get(`/api/v1/checklists/${id}`)).json.definition.sections[0].items.map((i: any) => i.key)).toEqual(['greet']);
    expect((await c.viewer.get(`/api/v1/checklists/${id}/versions/3`)).status).toBe(404);
    expect((await c.viewer.get(`/api/v1/checklists/${id}/versions/x1`)).status).toBe(404);

    // Version 2 has no visits yet: edited in place. An answered key cannot change its answer type.
    const v2b = structuredClone(v2);
    v2b.sections[1].items[1].answerType = 'yes_no';
    const conflict = await c.owner.put(`/api/v1/checklists/${id}`, { definition: v2b });
    expect(conflict.status).toBe(409);
    expect(conflict.json.message).toBe('sections[1].items[1].answerType: visits answered item "knowledge" as scale; keep that answer type or give the changed item a new key');
    const list = (await c.owner.get('/api/v1/checklists')).json.checklists.find((r: any) => r.id === id);
    expect(list).toMatchObject({ version: 2, visitsCount: 1, sectionsCount: 2, itemsCount: 3 });
  });

  it('does not rewrite a version in place while a visit on it is being submitted', async () => {
    const id = (await c.owner.post('/api/v1/checklists', { definition: CHECKLIST })).json.checklist.id;
    const client = await server.pool.connect();
    try {
      // A visit on version 1, stored but not committed yet (a submission in flight).
      await client.query('begin');
      await insertVisit(client, { orgId, kind: 'visit', checklistId: id, checklistVersion: 1, locationId: storeId, visitedAt: new Date() },
        parseChecklist(CHECKLIST), { greet: { value: 'yes' } } as any);
      const edited = structuredClone(CHECKLIST) as any;
      edited.sections[0].items[0].points = 7;
      const saving = c.owner.put(`/api/v1/checklists/${id}`, { definition: edited });
      // The save waits for the submission's lock on version 1...
      await waitFor(async () => (await server.pool.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '/* lockChecklistVersion */%'`,
      )).rows[0].n === 1, 'the save to wait for the visit', 15_000);
      await client.query('commit');
      // ...and then sees the visit: a new version, version 1 unchanged.
      const saved = await saving;
      expect(saved.json.saved).toBe('new_version');
      expect(saved.json.version).toBe(2);
    } finally {
      client.release();
    }
    const v1 = await server.pool.query(`select definition from checklist_versions where org_id = $1 and checklist_id = $2 and version = 1`, [orgId, id]);
    expect(v1.rows[0].definition.sections[0].items[0].points).toBe(2);
  });

  it('imports the CLI\'s JSON and exports it so that the CLI scores both files identically', async () => {
    const imported = await c.analyst.request('POST', '/api/v1/checklists/import?channel=phone', JSON.stringify(CHECKLIST), { 'content-type': 'application/json' });
    expect(imported.status).toBe(201);
    expect(imported.json.checklist).toMatchObject({ name: 'Store audit', channel: 'phone', version: 1 });
    const id = imported.json.checklist.id;
    const exported = await c.viewer.get(`/api/v1/checklists/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="Store-audit\.json"/);
    expect(exported.json).toEqual(CHECKLIST);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checklist-'));
    try {
      fs.writeFileSync(path.join(dir, 'original.json'), JSON.stringify(CHECKLIST));
      fs.writeFileSync(path.join(dir, 'exported.json'), exported.text);
      fs.writeFileSync(path.join(dir, 'visit.json'), JSON.stringify({ answers: { greet: 'yes', smile: 'na', receipt: 'yes', knowledge: 2 } }));
      const score = async (file: string) => {
        const r = await runCommand(['audit', 'score', '--checklist', path.join(dir, file), '--visit', path.join(dir, 'visit.json'), '--json']);
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout);
      };
      const fromExport = await score('exported.json');
      expect(fromExport).toEqual(await score('original.json'));
      // By hand: 2 + 3 + 2 of 2 + 3 + 4 (smile N/A) = 7 of 9; welcome 2 of 2, checkout 5 of 7.
      expect(fromExport).toMatchObject({ earned: 7, possible: 9, autofail: false });
      expect(fromExport.score).toBeCloseTo(700 / 9, 10);
      expect(fromExport.sections).toEqual([
        { key: 'welcome', score: 100, earned: 2, possible: 2 },
        { key: 'checkout', score: 500 / 7, earned: 5, possible: 7 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // An older version exports as it was; a version that does not exist is not found.
    const edited = structuredClone(CHECKLIST) as any;
    edited.sections[0].items[0].points = 9;
    await visit(id, 1, { greet: 'no' });
    expect((await c.analyst.put(`/api/v1/checklists/${id}`, { definition: edited })).json.saved).toBe('new_version');
    expect((await c.viewer.get(`/api/v1/checklists/${id}/export?version=1`)).json).toEqual(CHECKLIST);
    expect((await c.viewer.get(`/api/v1/checklists/${id}/export`)).json.sections[0].items[0].points).toBe(9);
    expect((await c.viewer.get(`/api/v1/checklists/${id}/export?version=7`)).status).toBe(404);

    const bad = await c.analyst.request('POST', '/api/v1/checklists/import', JSON.stringify({ name: 'X', sections: [{ key: 'a', items: [{ key: 'q', text: '', points: 1 }] }] }), { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'validation', message: 'sections[0].items[0].text: must not be empty', details: { path: 'sections[0].items[0].text', problem: 'must not be empty' } });
  });

  it('archives and brings back; archived checklists are listed only when asked', async () => {
    const id = (await c.owner.post('/api/v1/checklists', { starter: 'chat' })).json.checklist.id;
    const archived = await c.owner.post(`/api/v1/checklists/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.json.checklist.archived).toBe(true);
    expect((await c.owner.get('/api/v1/checklists')).json.checklists.map((r: any) => r.id)).not.toContain(id);
    expect((await c.owner.get('/api/v1/checklists?archived=true')).json.checklists.find((r: any) => r.id === id).archived).toBe(true);
    expect((await c.owner.post(`/api/v1/checklists/${id}/unarchive`)).json.checklist.archived).toBe(false);
    expect((await c.owner.get('/api/v1/checklists')).json.checklists.map((r: any) => r.id)).toContain(id);
  });

  it('lets only audit managers write, keeps auditors out, and answers 404 to other organisations', async () => {
    const id = (await c.owner.post('/api/v1/checklists', { starter: 'store_visit' })).json.checklist.id;
    for (const who of ['viewer', 'lm']) {
      expect((await c[who].post('/api/v1/checklists', { starter: 'chat' })).status, who).toBe(403);
      expect((await c[who].put(`/api/v1/checklists/${id}`, { name: 'Mine' })).status, who).toBe(403);
      expect((await c[who].post(`/api/v1/checklists/${id}/archive`)).status, who).toBe(403);
      expect((await c[who].request('POST', '/api/v1/checklists/import', JSON.stringify(CHECKLIST), { 'content-type': 'application/json' })).status, who).toBe(403);
      expect((await c[who].get(`/api/v1/checklists/${id}`)).status, who).toBe(200);
    }
    expect((await c.auditor.get('/api/v1/checklists')).status).toBe(403);
    expect((await c.auditor.get(`/api/v1/checklists/${id}`)).status).toBe(403);
    expect((await c.auditor.get('/api/v1/checklist-starters')).status).toBe(403);

    for (const [method, url] of [['GET', `/api/v1/checklists/${id}`], ['GET', `/api/v1/checklists/${id}/versions/1`], ['GET', `/api/v1/checklists/${id}/export`],
      ['PUT', `/api/v1/checklists/${id}`], ['POST', `/api/v1/checklists/${id}/archive`], ['POST', `/api/v1/checklists/${id}/unarchive`]] as const) {
      const res = await c.other.request(method, url, method === 'GET' ? undefined : { name: 'Taken' });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    expect((await c.other.get('/api/v1/checklists')).json.checklists).toEqual([]);
    const row = await server.pool.query(`select name, archived from checklists where org_id = $1 and id = $2`, [orgId, id]);
    expect(row.rows[0]).toEqual({ name: 'Store visit (mystery shopper)', archived: false });
  });
});
