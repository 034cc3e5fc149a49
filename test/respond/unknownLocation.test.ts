/**
 * An unknown `loc` code (a mistyped poster, a deleted store): the response is stored all the same,
 * keeping the code, and data quality lists it as "unknown location" with that code, before and after
 * the fold stores the flags. Checked in SQL and through GET /surveys/:id/quality.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { foldPendingResponses } from '../../src/db/rollups/rollupQueue.ts';
import { buildSurvey, type SurveyFixture } from './factory.ts';

let server: TestServer;
let owner: Client;
let orgId: string;
let storeId: string;
let survey: SurveyFixture;

const key = () => crypto.randomBytes(12).toString('base64url');
const post = (body: Record<string, unknown>) =>
  fetch(`${server.baseUrl}/s/${survey.slug}`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Unknown Loc Org');
  orgId = org.orgId;
  storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 7')).id;
  await server.pool.query(`update locations set code = 'S-7' where org_id = $1 and id = $2`, [orgId, storeId]);
  survey = await buildSurvey(server.pool, orgId);
  await buildUser(server.pool, orgId, 'admin', 'admin@unknownloc.test');
  owner = await signIn(server.baseUrl, 'admin@unknownloc.test');
});
afterAll(() => server?.close());

describe('unknown location code', () => {
  it('stores the response with the code kept and lists it in data quality as "unknown location (code X)"', async () => {
    const unknown = key();
    const known = key();
    const faked = key();
    const started = String(Date.now() - 60_000);
    expect((await post({ _k: unknown, _loc: 'NOPE-42', _started: started, q_nps: '9' })).status).toBe(200);
    expect((await post({ _k: known, _loc: 'S-7', _started: started, q_nps: '9' })).status).toBe(200);
    // A respondent cannot raise (or hide) the flag through a hidden field of the same name.
    expect((await post({ _k: faked, _loc: 'S-7', _started: started, h__unknown_loc: 'X', q_nps: '9' })).status).toBe(200);

    const { rows } = await server.pool.query(
      `select idempotency_key, location_id, hidden from responses where org_id = $1 and survey_id = $2`,
      [orgId, survey.id],
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.idempotency_key, r]));
    expect(rows).toHaveLength(3);
    expect(byKey[unknown]).toMatchObject({ location_id: null, hidden: { _unknown_loc: 'NOPE-42' } });
    expect(byKey[known]).toMatchObject({ location_id: storeId, hidden: {} });
    expect(byKey[faked]).toMatchObject({ location_id: storeId, hidden: {} });
    const unknownId = (await server.pool.query(`select id from responses where org_id = $1 and idempotency_key = $2`, [orgId, unknown])).rows[0].id;

    const expected = [{ responseId: unknownId, reasons: ['unknown_location'], unknownLocationCode: 'NOPE-42', locationName: null, excluded: false }];
    // Queued (flags computed on the fly) or already folded, then surely folded (flags read from response_quality).
    const queued = await owner.get(`/api/v1/surveys/${survey.id}/quality`);
    expect(queued.status).toBe(200);
    expect(queued.json.flagged).toMatchObject(expected);
    // The app's own folder may be folding already ('busy'): wait until the queue is empty.
    await expect.poll(async () => (await foldPendingResponses(server.pool, orgId)).status === 'done'
      && (await server.pool.query(`select 1 from rollup_pending where org_id = $1`, [orgId])).rowCount === 0).toBe(true);
    const stored = await server.pool.query(`select flags from response_quality where org_id = $1 and response_id = $2`, [orgId, unknownId]);
    expect(stored.rows).toEqual([{ flags: ['unknown_location'] }]);
    const folded = await owner.get(`/api/v1/surveys/${survey.id}/quality`);
    expect(folded.json.flagged).toMatchObject(expected);
    expect(folded.json.flagged).toHaveLength(1);
  });
});
