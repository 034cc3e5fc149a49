/**
 * Answers after a support contact (docs/support.md "Surveys after a contact"): imported history links a
 * customer's answer to their contact solved most recently before it within 7 days; an invitation a
 * contact triggered links its answer; CSAT by credited agent (solved_by or last_agent) and by
 * resolution-time bucket, counted by hand; scoped to the caller's locations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { startFileImport } from '../../src/db/support/imports.ts';
import { satisfactionAfterContacts } from '../../src/db/support/satisfaction.ts';
import { setSupportCredit } from '../../src/db/support/settings.ts';
import { fileDigest, runFileImport } from '../../src/server/support/importEventFile.ts';
import { EVENTS_CSV, tempDir } from './fixtures.ts';

let db: TestDatabase;
const files = tempDir();
let orgId: string;
let s1: { id: string; path: string };
let survey: SurveyFixture;
let anna: string;
let bob: string;

async function answer(contactId: string, at: string, score: number, invitationId: string | null = null): Promise<string> {
  const { rows } = await db.pool.query(
    `insert into responses (org_id, survey_id, language, idempotency_key, survey_version, contact_id, invitation_id, submitted_at)
     values ($1, $2, 'en', gen_random_uuid()::text, 1, $3, $4, $5) returning id`,
    [orgId, survey.id, contactId, invitationId, at],
  );
  await db.pool.query(
    `insert into answers (org_id, response_id, question_id, survey_id, channel, language, submitted_at, score) values ($1, $2, $3, $4, 'link', 'en', $5, $6)`,
    [orgId, rows[0].id, survey.questionIds.service, survey.id, at, score],
  );
  return rows[0].id;
}

const linkOf = async (responseId: string) =>
  (await db.pool.query(
    `select sc.external_id from responses r left join support_contacts sc on sc.org_id = r.org_id and sc.id = r.support_contact_id where r.org_id = $1 and r.id = $2`,
    [orgId, responseId],
  )).rows[0].external_id as string | null;

const responses: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const org = await buildOrg(db.pool, 'Follow-up Org');
  orgId = org.orgId;
  const root = { id: org.rootLocationId, path: org.rootPath };
  s1 = await buildLocation(db.pool, orgId, root, 'store', 'Store One');
  await db.pool.query(`update locations set code = 'S1' where org_id = $1 and id = $2`, [orgId, s1.id]);
  await buildLocation(db.pool, orgId, root, 'store', 'Store Two');
  survey = await buildSurvey(db.pool, orgId);
  anna = (await db.pool.query(`insert into contacts (org_id, email) values ($1, 'anna@example.com') returning id`, [orgId])).rows[0].id;
  bob = (await db.pool.query(`insert into contacts (org_id, external_id) values ($1, 'bob') returning id`, [orgId])).rows[0].id;
  // Answers given before the history is imported. T1 (anna) was last solved 2026-03-03 12:00Z, T2 (bob) 2026-03-02 11:30Z.
  responses.annaAfter = await answer(anna, '2026-03-04T08:00:00Z', 5); // follows T1
  responses.annaBefore = await answer(anna, '2026-03-02T08:00:00Z', 1); // before any solve: none
  responses.bobAfter = await answer(bob, '2026-03-05T12:00:00Z', 2); // follows T2
  responses.bobLate = await answer(bob, '2026-03-09T12:00:00Z', 1); // 7 days + 30 min after: none
  const file = files.write('history.csv', EVENTS_CSV);
  const { sha256, bytes } = await fileDigest(file);
  const { row } = await startFileImport(db.pool, orgId, {
    fileName: 'history.csv', fileSha256: sha256, preset: 'canonical', format: 'csv', timeZone: 'UTC', dateFormat: null,
    skipBadRows: false, locationPaths: null, uploadPath: null, bytesTotal: bytes, createdBy: null,
  });
  expect((await runFileImport(db.pool, row, file)).status).toBe('done');
});
afterAll(async () => {
  files.remove();
  await db?.drop();
});

describe('linking answers to the contact they follow', () => {
  it('links imported history within 7 days after the last solve, and nothing else', async () => {
    expect(await linkOf(responses.annaAfter)).toBe('T1');
    expect(await linkOf(responses.annaBefore)).toBeNull();
    expect(await linkOf(responses.bobAfter)).toBe('T2');
    expect(await linkOf(responses.bobLate)).toBeNull();
  });
});

describe('satisfactionAfterContacts', () => {
  it('by the agent who solved the contact: Ivan solved T1 (one 5 of 5), Olga T2 (one 2 of 5)', async () => {
    const byAgent = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: null }, 'agent');
    expect(byAgent.map((g) => [g.key, g.contacts, g.csat.n, g.csat.value])).toEqual([['Ivan', 1, 1, 100], ['Olga', 1, 1, 0]]);
  });

  it('by the last agent when the organisation says so: Petr closed T1', async () => {
    await setSupportCredit(db.pool, orgId, 'last_agent');
    try {
      const byAgent = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: null }, 'agent');
      expect(byAgent.map((g) => [g.key, g.csat.value])).toEqual([['Olga', 0], ['Petr', 100]]);
    } finally {
      await setSupportCredit(db.pool, orgId, 'solved_by');
    }
  });

  it('by resolution time: T2 took 30 minutes, T1 27 hours (created 03-02 09:00, last solved 03-03 12:00)', async () => {
    const byTime = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: null }, 'resolution');
    expect(byTime.map((g) => [g.key, g.csat.n, g.csat.value])).toEqual([['under_1h', 1, 0], ['under_3d', 1, 100]]);
  });

  it('counts only contacts of the caller\'s locations (T1 is at S1, T2 at Store Two)', async () => {
    const scoped = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: [s1.path] }, 'agent');
    expect(scoped.map((g) => g.key)).toEqual(['Ivan']);
  });

  it('an answer through an invitation a contact triggered follows that contact, whatever the dates', async () => {
    const { rows } = await db.pool.query(
      `insert into survey_invitations (org_id, survey_id, contact_id, channel, token_hash, support_contact_id)
       select $1, $2, $3, 'email', md5(random()::text), id from support_contacts where org_id = $1 and external_id = 'T2' returning id`,
      [orgId, survey.id, anna],
    );
    const viaInvitation = await answer(anna, '2026-04-20T08:00:00Z', 4, rows[0].id);
    const byAgent = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: null }, 'agent');
    // Olga now has T2's two answers: 2 (not satisfied) and 4 (satisfied, box 4).
    expect(byAgent.find((g) => g.key === 'Olga')).toMatchObject({ contacts: 1, csat: { n: 2, value: 50 } });
    expect(await linkOf(viaInvitation)).toBeNull();
  });
});
