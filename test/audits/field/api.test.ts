/**
 * The auditor's API over a real server and PostgreSQL: own assignments only, idempotent submit (one row per
 * client key), missing answers named, evidence type and size checks, EXIF position stripped unless kept,
 * download permissions by role, scope and publication, and the sweep of unlinked uploads.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { exifGpsLatitude, insertAssignment, insertChecklist, insertWave, jpegWithGps, Session } from './fixture.ts';
import { sweepUnlinkedEvidence } from '../../../src/server/audits/evidenceSweepJob.ts';
import { openEvidenceStores } from '../../../src/server/audits/evidenceStore.ts';
import { EvidenceAnswerSchema, MyAssignmentsAnswerSchema, SubmitVisitAnswerSchema } from '../../../src/core/api/auditField.ts';

describe('auditor API', () => {
  let server: TestServer;
  let dir = '';
  let orgId = '';
  const ids: Record<string, string> = {};
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sarafan-evidence-'));
    server = await startTestServer({ evidenceDir: dir, evidenceS3: null });
    const org = await buildOrg(server.pool, 'Field Org');
    orgId = org.orgId;
    const root = { id: org.rootLocationId, path: org.rootPath };
    const storeA = await buildLocation(server.pool, orgId, root, 'store', 'Arbat 5');
    const storeB = await buildLocation(server.pool, orgId, root, 'store', 'Nevsky 20');
    ids.storeA = storeA.id;
    ids.storeB = storeB.id;
    ids.anna = await buildUser(server.pool, orgId, 'auditor', 'anna@field.test');
    ids.ivan = await buildUser(server.pool, orgId, 'auditor', 'ivan@field.test');
    await buildUser(server.pool, orgId, 'analyst', 'analyst@field.test');
    await buildUser(server.pool, orgId, 'location_manager', 'olga@field.test', [storeA.id]);
    await buildUser(server.pool, orgId, 'location_manager', 'boris@field.test', [storeB.id]);
    ids.checklist = await insertChecklist(server.pool, orgId);
    ids.wave = await insertWave(server.pool, orgId, ids.checklist);
    ids.annaA = await insertAssignment(server.pool, orgId, ids.wave, storeA.id, ids.anna, '2026-12-10');
    ids.annaB = await insertAssignment(server.pool, orgId, ids.wave, storeB.id, ids.anna, '2026-12-20');
    ids.ivanB = await insertAssignment(server.pool, orgId, ids.wave, storeB.id, ids.ivan);
    ids.annaCancelled = await insertAssignment(server.pool, orgId, ids.wave, storeB.id, ids.anna, '2026-12-22', 'cancelled');
    for (const who of ['anna', 'ivan', 'analyst', 'olga', 'boris']) s[who] = await Session.signIn(server.baseUrl, `${who}@field.test`, TEST_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  // greet yes 2/2, smile N/A (out), wait 7 min > 5 fails 0/3, clean 3/4: 5 of 9 = 55.55...%
  const answers = (extra: Record<string, unknown> = {}) => ({
    greet: { value: 'yes' }, smile: { value: 'na' }, wait: { measured: 7 }, clean: { value: 3, comment: 'a wet floor' }, ...extra,
  });
  const visit = (clientKey: string, assignmentId: string, extra: Record<string, unknown> = {}) => ({
    clientKey, assignmentId, checklistVersion: 1, visitedAt: '2026-12-01T10:15:00Z', answers: answers(), ...extra,
  });

  it('lists only the auditor\'s own open assignments, with the checklist for offline use', async () => {
    const anna = await s.anna.json('GET', '/api/v1/my/audit-assignments');
    expect(anna.status).toBe(200);
    MyAssignmentsAnswerSchema.parse(anna.json);
    expect(anna.json.items.map((a: { id: string }) => a.id)).toEqual([ids.annaA, ids.annaB]);
    const first = anna.json.items[0];
    expect(first).toMatchObject({
      status: 'assigned', dueOn: '2026-12-10', wave: { id: ids.wave, name: 'December wave' }, location: { id: ids.storeA, name: 'Arbat 5', kind: 'store', parentName: 'Field Org' },
      checklistId: ids.checklist, checklistVersion: 1, visit: null,
    });
    expect(first.checklist.sections.map((x: { key: string }) => x.key)).toEqual(['welcome', 'checkout']);
    const ivan = await s.ivan.json('GET', '/api/v1/my/audit-assignments');
    expect(ivan.json.items.map((a: { id: string }) => a.id)).toEqual([ids.ivanB]);
    // A location manager has no audit.submit.
    expect((await s.olga.json('GET', '/api/v1/my/audit-assignments')).status).toBe(403);
  });

  it("refuses another auditor's assignment as not found, and a cancelled one", async () => {
    const other = await s.anna.json('POST', '/api/v1/audit-visits', visit('anna-key-ivan-1', ids.ivanB));
    expect(other.status).toBe(404);
    const cancelled = await s.anna.json('POST', '/api/v1/audit-visits', visit('anna-key-cancel', ids.annaCancelled));
    expect(cancelled.status).toBe(409);
    // An auditor cannot submit without an assignment.
    const free = await s.anna.json('POST', '/api/v1/audit-visits', { ...visit('anna-key-free', ids.annaA), assignmentId: undefined, checklistId: ids.checklist, locationId: ids.storeA });
    expect(free.status).toBe(400);
    expect(free.json.message).toContain('assignmentId');
    expect((await server.pool.query(`select count(*)::int as n from audit_visits`)).rows[0].n).toBe(0);
  });

  it('names the unanswered scored items and bad answers', async () => {
    const res = await s.anna.json('POST', '/api/v1/audit-visits', visit('anna-key-missing', ids.annaA, { answers: { greet: { value: 'yes' }, smile: { value: 'na' } } }));
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('validation');
    expect(res.json.message).toBe('answers: not answered: wait, clean');
    const noNa = await s.anna.json('POST', '/api/v1/audit-visits', visit('anna-key-nona', ids.annaA, { answers: answers({ greet: { value: 'na' } }) }));
    expect(noNa.status).toBe(400);
    expect(noNa.json.message).toContain('answers.greet');
    const shortKey = await s.anna.json('POST', '/api/v1/audit-visits', visit('short', ids.annaA));
    expect(shortKey.status).toBe(400);
    expect(shortKey.json.message).toContain('clientKey');
  });

  it('checks the bytes against the declared type and the size limit', async () => {
    const jpeg = await jpegWithGps();
    const png = await (await import('sharp')).default({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer();
    const asJpeg = await s.anna.upload('/api/v1/audit-evidence?kind=photo', png, 'image/jpeg');
    expect(asJpeg.status).toBe(400);
    expect(asJpeg.json.message).toBe('file: the file is not image/jpeg (it looks like image/png)');
    const text = await s.anna.upload('/api/v1/audit-evidence?kind=photo', Buffer.from('<script>alert(1)</script>'), 'image/jpeg');
    expect(text.status).toBe(400);
    const photoAsAudio = await s.anna.upload('/api/v1/audit-evidence?kind=audio', jpeg, 'image/jpeg');
    expect(photoAsAudio.status).toBe(400);
    expect(photoAsAudio.json.message).toContain('a recording must be sent as');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    jpeg.copy(big);
    const tooBig = await s.anna.upload('/api/v1/audit-evidence?kind=photo', big, 'image/jpeg');
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.message).toBe('photo: the file is larger than 10 MB');
    // Without a session the answer is 401, whatever the size.
    const anonymous = await fetch(`${server.baseUrl}/api/v1/audit-evidence?kind=photo`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(big) });
    expect(anonymous.status).toBe(401);
    // A location manager may not upload.
    expect((await s.olga.upload('/api/v1/audit-evidence?kind=photo', jpeg, 'image/jpeg')).status).toBe(403);
    // A WAV header: RIFF <size> WAVE fmt ...
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(28)]);
    const audio = await s.anna.upload('/api/v1/audit-evidence?kind=audio', wav, 'audio/wav');
    expect(audio.status).toBe(201);
    EvidenceAnswerSchema.parse(audio.json);
    expect(audio.json).toMatchObject({ kind: 'audio', contentType: 'audio/wav', sizeBytes: wav.length });
  });

  it('strips the EXIF position of a photo unless kept on purpose', async () => {
    const sharp = (await import('sharp')).default;
    const jpeg = await jpegWithGps();
    // The test image really carries 55° 45' 21".
    expect(exifGpsLatitude((await sharp(jpeg).metadata()).exif)).toEqual([55, 45, 21]);
    const stripped = await s.anna.upload('/api/v1/audit-evidence?kind=photo', jpeg, 'image/jpeg');
    expect(stripped.status).toBe(201);
    const kept = await s.anna.upload('/api/v1/audit-evidence?kind=photo&keepLocation=true', jpeg, 'image/jpeg');
    expect(kept.status).toBe(201);
    const a = await s.anna.download(`/api/v1/audit-evidence/${stripped.json.id}`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('image/jpeg');
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('content-disposition')).toBe('inline');
    expect(a.headers.get('cache-control')).toBe('no-store');
    const meta = await sharp(a.body).metadata();
    expect(meta.format).toBe('jpeg');
    expect(exifGpsLatitude(meta.exif)).toBeNull();
    const b = await s.anna.download(`/api/v1/audit-evidence/${kept.json.id}`);
    expect(exifGpsLatitude((await sharp(b.body).metadata()).exif)).toEqual([55, 45, 21]);
    const rows = (await server.pool.query(`select id, kept_location, storage, sha256, size_bytes from audit_evidence where id = any($1) order by kept_location`, [[stripped.json.id, kept.json.id]])).rows;
    expect(rows.map((r) => [r.kept_location, r.storage])).toEqual([[false, 'disk'], [true, 'disk']]);
    const { createHash } = await import('node:crypto');
    expect(rows[1].sha256).toBe(createHash('sha256').update(jpeg).digest('hex'));
    expect(rows[1].size_bytes).toBe(jpeg.length);
    expect(rows[0].sha256).toBe(createHash('sha256').update(a.body).digest('hex'));
  });

  let visitId = '';
  let photoId = '';
  it('submits once per client key, links the evidence and marks the assignment submitted', async () => {
    photoId = (await s.anna.upload('/api/v1/audit-evidence?kind=photo', await jpegWithGps(), 'image/jpeg')).json.id;
    // Ivan cannot attach Anna's upload.
    const ivanPhoto = await s.ivan.json('POST', '/api/v1/audit-visits', visit('ivan-key-photo', ids.ivanB, { answers: answers({ shelf: { evidence: [photoId] } }) }));
    expect(ivanPhoto.status).toBe(400);
    expect(ivanPhoto.json.message).toContain('answers.shelf.evidence');

    const body = visit('anna-phone-0001', ids.annaA, {
      answers: answers({ shelf: { evidence: [photoId] }, remarks: { comment: 'Queue of six people' } }),
      position: { latitude: 55.75, longitude: 37.61, accuracyM: 12 }, employeeLabel: 'Cashier at till 2', notes: 'Busy Saturday',
    });
    const first = await s.anna.json('POST', '/api/v1/audit-visits', body);
    expect(first.status).toBe(201);
    SubmitVisitAnswerSchema.parse(first.json);
    expect(first.json).toEqual({ id: expect.any(String), status: 'submitted', score: (100 * 5) / 9, earned: 5, possible: 9, autofail: false });
    visitId = first.json.id;
    const again = await s.anna.json('POST', '/api/v1/audit-visits', body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const rows = (await server.pool.query(
      `select id, wave_id, location_id, auditor_id, kind, latitude, position_accuracy_m, employee_label, notes, visited_at from audit_visits where client_key = 'anna-phone-0001'`,
    )).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: visitId, wave_id: ids.wave, location_id: ids.storeA, auditor_id: ids.anna, kind: 'visit', latitude: 55.75, position_accuracy_m: 12, employee_label: 'Cashier at till 2', notes: 'Busy Saturday' });
    expect(rows[0].visited_at.toISOString()).toBe('2026-12-01T10:15:00.000Z');
    expect((await server.pool.query(`select status from audit_assignments where id = $1`, [ids.annaA])).rows[0].status).toBe('submitted');
    expect((await server.pool.query(`select visit_id, item_key from audit_evidence where id = $1`, [photoId])).rows[0]).toEqual({ visit_id: visitId, item_key: 'shelf' });
    // A second submission for the same assignment with another key is refused; the evidence cannot be reused.
    const other = await s.anna.json('POST', '/api/v1/audit-visits', visit('anna-phone-0002', ids.annaA));
    expect(other.status).toBe(409);
    const reuse = await s.anna.json('POST', '/api/v1/audit-visits', visit('anna-phone-0003', ids.annaB, { answers: answers({ shelf: { evidence: [photoId] } }) }));
    expect(reuse.status).toBe(400);
    // Another auditor sending the same key does not get Anna's visit.
    const stolen = await s.ivan.json('POST', '/api/v1/audit-visits', visit('anna-phone-0001', ids.ivanB));
    expect(stolen.status).toBe(409);
    expect(stolen.json.id).toBeUndefined();

    const list = await s.anna.json('GET', '/api/v1/my/audit-assignments');
    const sent = list.json.items.find((a: { id: string }) => a.id === ids.annaA);
    MyAssignmentsAnswerSchema.parse(list.json);
    expect(sent).toMatchObject({ status: 'submitted', visit: { id: visitId, status: 'submitted', score: (100 * 5) / 9, autofail: false } });
  });

  it('lets an analyst run an internal check without an assignment, in scope', async () => {
    const res = await s.analyst.json('POST', '/api/v1/audit-visits', {
      clientKey: 'internal-check-1', checklistId: ids.checklist, checklistVersion: 1, locationId: ids.storeB, visitedAt: '2026-12-02T09:00:00+03:00',
      answers: { greet: { value: 'no' }, smile: { value: 1 }, wait: { measured: 5 }, clean: { value: 4 } },
    });
    // greet 0/2, smile 1/1, wait 5 <= 5 passes 3/3, clean 4/4: 8 of 10.
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ score: 80, earned: 8, possible: 10, autofail: false });
    expect((await server.pool.query(`select kind, assignment_id from audit_visits where id = $1`, [res.json.id])).rows[0]).toEqual({ kind: 'internal', assignment_id: null });
    const missing = await s.analyst.json('POST', '/api/v1/audit-visits', { clientKey: 'internal-check-2', checklistVersion: 1, visitedAt: '2026-12-02T09:00:00Z', answers: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toContain('checklistId');
  });

  it('serves evidence to its uploader, reviewers in scope, and readers in scope once published', async () => {
    const path = `/api/v1/audit-evidence/${photoId}`;
    expect((await s.anna.download(path)).status).toBe(200);
    expect((await s.analyst.download(path)).status).toBe(200);
    expect((await s.ivan.download(path)).status).toBe(404);
    expect((await s.olga.download(path)).status).toBe(404);
    await server.pool.query(`update audit_visits set status = 'published', published_at = now() where id = $1`, [visitId]);
    expect((await s.olga.download(path)).status).toBe(200);
    expect((await s.boris.download(path)).status).toBe(404);
    expect((await s.olga.download('/api/v1/audit-evidence/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await s.olga.download('/api/v1/audit-evidence/not-an-id')).status).toBe(404);
  });

  it('sweeps uploads no visit took within a day, and keeps the linked ones', async () => {
    const stale = (await s.anna.upload('/api/v1/audit-evidence?kind=photo', await jpegWithGps(), 'image/jpeg')).json.id;
    const fresh = (await s.anna.upload('/api/v1/audit-evidence?kind=photo', await jpegWithGps(), 'image/jpeg')).json.id;
    await server.pool.query(`update audit_evidence set created_at = now() - interval '25 hours' where id = any($1)`, [[stale, photoId]]);
    const before = await readdir(path.join(dir, orgId));
    expect(before).toContain(stale);
    // Other uploads of the earlier tests are younger than a day: only the stale one goes.
    expect(await sweepUnlinkedEvidence(server.pool, openEvidenceStores({ dir, s3: null }))).toBe(1);
    const left = (await server.pool.query(`select id from audit_evidence where id = any($1)`, [[stale, fresh, photoId]])).rows.map((r) => r.id).sort();
    expect(left).toEqual([fresh, photoId].sort());
    const after = await readdir(path.join(dir, orgId));
    expect(after).not.toContain(stale);
    expect(after).toContain(photoId);
  });
});
