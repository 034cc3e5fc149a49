/**
 * Rules across the audit areas, checked from outside over HTTP with real users of each role (docs/audits.md
 * "Roles"): the auditor reads nothing but their own assignments and account on any GET route of the app
 * (every /api/v1 route is collected through the onRoute hook, so routes added later are walked too), and an
 * archived checklist takes no new waves.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { runCommand } from '../../helpers/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, startTestServer, type Client, type TestServer } from '../../helpers/app.ts';
import { seedAuditOrg, seedVisit, type AuditOrg } from '../visits/fixtures.ts';
import { seedResponses, seedSurvey } from '../../analytics/seed.ts';

/**
 * What an auditor may read: their assignments, their account, session and own notifications, and the
 * organisation's settings every signed-in user's shell reads (name, time zone, branding, the rollup job state:
 * no results of any location).
 */
const AUDITOR_MAY_READ = [
  /^\/api\/v1\/my\/audit-assignments$/,
  /^\/api\/v1\/notifications$/,
  /^\/api\/v1\/org(\/branding|\/rollup-job)?$/,
  /^\/api\/v1\/(me|auth|account)(\/|$)/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/v1\/invitations\/:token$/,
];

let server: TestServer;
let o: AuditOrg;
let viewer: Client;
let auditor: Client;
let owner: Client;
let visitId: string;
const routes: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ onRoute: (r) => { for (const m of [r.method].flat()) if (m === 'GET' && r.url.startsWith('/api/v1')) routes.push(r.url); } });
  o = await seedAuditOrg(server.pool, 'crossarea');
  await buildUser(server.pool, o.orgId, 'viewer', 'viewer-all@crossarea.audit.test');
  viewer = await signIn(server.baseUrl, 'viewer-all@crossarea.audit.test');
  auditor = await signIn(server.baseUrl, o.emails.auditor);
  owner = await signIn(server.baseUrl, o.emails.owner);
  visitId = await seedVisit(server.pool, o, { locationId: o.storeA.id, answers: { greet: { value: 'yes' } }, status: 'published' });
});
afterAll(async () => server?.close());

/** Real ids where the fixture has them (so a refusal is a refusal, not a missing object), else a random uuid. */
function fill(url: string): string {
  const real: Record<string, string> = { locations: o.storeA.id, checklists: o.checklistId, 'audit-visits': visitId, users: o.users.owner };
  const parts = url.split('/');
  return parts.map((p, i) => {
    if (!p.startsWith(':')) return p;
    if (p === ':version') return '1';
    if (p === ':key') return 'segment';
    return real[parts[i - 1] ?? ''] ?? crypto.randomUUID();
  }).join('/');
}

describe('across the audit areas', () => {
  it('the auditor is refused every GET route but their own assignments and account', { timeout: 120_000 }, async () => {
    const walked = [...new Set(routes)].filter((u) => !u.includes('*'));
    expect(walked.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    let viewerReads = 0;
    for (const url of walked) {
      if (AUDITOR_MAY_READ.some((re) => re.test(url))) continue;
      const path = fill(url);
      const asViewer = await viewer.get(path);
      if (asViewer.status === 200) viewerReads++;
      const asAuditor = await auditor.get(path);
      if (![403, 404].includes(asAuditor.status)) leaks.push(`${url} -> ${asAuditor.status} (viewer ${asViewer.status})`);
    }
    expect(leaks).toEqual([]);
    // the walk means something: the viewer reads dashboards, and the published visit by its id
    expect(viewerReads).toBeGreaterThan(20);
    expect((await viewer.get(`/api/v1/audit-visits/${visitId}`)).status).toBe(200);
    expect((await auditor.get('/api/v1/my/audit-assignments')).status).toBe(200);
  });

  it('an archived checklist takes no new waves (400 naming checklistId)', async () => {
    const body = { name: 'Archived wave', checklistId: o.checklistId, startsOn: '2026-03-01', endsOn: '2026-03-30' };
    const archived = await owner.post(`/api/v1/checklists/${o.checklistId}/archive`, {});
    expect(archived.status, archived.text).toBe(200);
    const res = await owner.post('/api/v1/audit-waves', body);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error).toBe('validation');
    expect(res.json.message).toMatch(/^checklistId: .*archived/);
    expect((await owner.post(`/api/v1/checklists/${o.checklistId}/unarchive`, {})).status).toBe(200);
    expect((await owner.post('/api/v1/audit-waves', body)).status).toBe(201);
  });

  it('a competitor location is never a row of the customers\' dashboards (breakdown by location, heat table)', async () => {
    const { surveyId, ids } = await seedSurvey(server.pool, o.orgId, [{ key: 'nps', type: 'nps' }]);
    await seedResponses(server.pool, o.orgId, surveyId, ids, [{ locationId: o.storeA.id, answers: { nps: { score: 9 } } }, { locationId: o.storeB.id, answers: { nps: { score: 3 } } }]);
    const heat = await owner.get(`/api/v1/surveys/${surveyId}/analytics/heatmap`);
    expect(heat.status, heat.text).toBe(200);
    const heatRows = (heat.json.rows as { locationId: string }[]).map((r) => r.locationId);
    expect(heatRows).toContain(o.region.id);
    expect(heatRows).not.toContain(o.competitor.id);
    const leaves = await owner.get(`/api/v1/surveys/${surveyId}/analytics/breakdown?by=location&leaf=1`);
    expect(leaves.status, leaves.text).toBe(200);
    const leafKeys = (leaves.json.rows as { key: string }[]).map((r) => r.key);
    expect(leafKeys).toEqual(expect.arrayContaining([o.storeA.id, o.storeB.id]));
    expect(leafKeys).not.toContain(o.competitor.id);
  });

  it('a calibration scoring is never in the review queue, never a visit to open or correct', async () => {
    const contact = (await server.pool.query(`insert into support_contacts(org_id, external_id, subject, agent, location_id, created_at) values ($1, 'cal-1', 'Chat 1', 'Ann', $2, now()) returning id`,
      [o.orgId, o.storeA.id])).rows[0].id as string;
    const created = await owner.post('/api/v1/audit-calibrations', { name: 'Cross calibration', checklistId: o.checklistId, supportContactId: contact, reviewerIds: [o.users.owner, o.users.analyst] });
    expect(created.status, created.text).toBe(201);
    const scored = await owner.post(`/api/v1/audit-calibrations/${created.json.calibration.id}/scores`, { answers: { greet: { value: 'no' }, smile: { value: 'yes' }, wait: { value: 'yes', measured: 3 }, clean: { value: 'yes' } } });
    expect(scored.status, scored.text).toBe(201);
    const scoring = (await server.pool.query(`select id, status from audit_visits where org_id = $1 and calibration_id = $2`, [o.orgId, created.json.calibration.id])).rows;
    expect(scoring).toHaveLength(1);
    const queue = await owner.get('/api/v1/audit-visits?limit=200');
    expect(queue.status).toBe(200);
    expect((queue.json.items as { id: string }[]).map((v) => v.id)).not.toContain(scoring[0].id);
    expect((await owner.get('/api/v1/audit-visits?kind=qa&status=submitted')).json.items).toEqual([]);
    expect((await owner.get(`/api/v1/audit-visits/${scoring[0].id}`)).status).toBe(404);
    expect((await owner.patch(`/api/v1/audit-visits/${scoring[0].id}`, { employeeLabel: 'x' })).status).toBe(404);
    expect((await owner.post(`/api/v1/audit-visits/${scoring[0].id}/corrections`, { itemKey: 'greet', answer: { value: 'yes' }, reason: 'calibrated' })).status).toBe(404);
  });

  it('imports hand-made checklist files, exports them, and the CLI scores export and original identically', async () => {
    const files: [unknown, Record<string, unknown>][] = [
      // plain strings, critical false given, no standard, no answerType, float points, a section without a name
      [{ name: 'Plain', sections: [{ key: 's1', items: [{ key: 'a', text: 'A', points: 1, critical: false }, { key: 'b', text: 'B', points: 0.5, critical: true }] },
        { key: 's2', name: 'Two', items: [{ key: 'c', text: 'C', points: 2.5, standard: 'farewell' }] }] }, { a: 'yes', b: 0.25, c: 1 }],
      // texts per language, every answer kind
      [{ name: { en: 'Langs', ru: 'Языки', fa: 'زبان‌ها' }, sections: [{ key: 'w', name: { en: 'W', fa: 'و' }, items: [
        { key: 'g', text: { en: 'Greet', ru: 'Привет' }, points: 3, standard: 'greeting' }, { key: 'n', text: { fa: 'نام' }, points: 2, critical: true }] }] }, { g: 'na', n: 'no' }],
      // nothing applicable
      [{ name: 'Empty visit', sections: [{ key: 'x', name: 'X', items: [{ key: 'y', text: 'Y', points: 4 }] }] }, {}],
    ];
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'crossarea-'));
    try {
      for (const [i, [checklist, answers]] of files.entries()) {
        const imported = await owner.request('POST', '/api/v1/checklists/import', (i === 0 ? '\uFEFF' : '') + JSON.stringify(checklist), { 'content-type': 'application/json' });
        expect(imported.status, imported.text).toBe(201);
        const exported = await owner.get(`/api/v1/checklists/${imported.json.checklist.id}/export`);
        expect(exported.status).toBe(200);
        const write = (name: string, v: unknown) => { const f = nodePath.join(dir, name); fs.writeFileSync(f, JSON.stringify(v)); return f; };
        const visit = write('visit.json', { answers });
        const a = await runCommand(['audit', 'score', '--json', '--checklist', write('original.json', checklist), '--visit', visit]);
        const b = await runCommand(['audit', 'score', '--json', '--checklist', write('exported.json', exported.json), '--visit', visit]);
        expect(a.code, a.stderr).toBe(0);
        expect(b.stdout).toBe(a.stdout);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a location manager sees only published visits of their own store', async () => {
    const managerA = await signIn(server.baseUrl, o.emails.managerA);
    const submitted = await seedVisit(server.pool, o, { locationId: o.storeA.id, answers: { greet: { value: 'yes' } }, status: 'submitted' });
    const reviewed = await seedVisit(server.pool, o, { locationId: o.storeA.id, answers: { greet: { value: 'yes' } }, status: 'reviewed' });
    const otherStore = await seedVisit(server.pool, o, { locationId: o.storeB.id, answers: { greet: { value: 'yes' } }, status: 'published' });
    const list = await managerA.get('/api/v1/audit-visits?limit=200');
    expect(list.status).toBe(200);
    const ids = (list.json.items as { id: string }[]).map((v) => v.id);
    expect(ids).toContain(visitId);
    for (const hidden of [submitted, reviewed, otherStore]) {
      expect(ids).not.toContain(hidden);
      expect((await managerA.get(`/api/v1/audit-visits/${hidden}`)).status).toBe(404);
    }
    expect((await managerA.get(`/api/v1/audit-visits?locationId=${o.storeB.id}`)).json.items ?? []).toEqual([]);
  });
});
