/**
 * Two organisations seeded directly in SQL for test/security.test.ts: org A with a region, stores A1
 * and A2 (responses and comments at both), org B with one store. Every name and comment carries a
 * distinctive marker so a leak can be found by searching response bodies.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { applyResponsesToRollups } from '../../src/db/rollups/applyResponse.ts';
import { hashToken } from '../../src/http/session.ts';
import { buildLocation, buildOrg, buildUser } from '../helpers/app.ts';

export interface OrgSeed {
  orgId: string;
  orgName: string;
  rootId: string;
  regionId: string;
  /** The store that restricted users of org A are given; in org B the only store. */
  storeId: string;
  storeName: string;
  surveyId: string;
  slug: string;
  npsQuestionId: string;
  textQuestionId: string;
  /** Responses at `storeId`. */
  responseIds: string[];
  comments: string[];
  ownerId: string;
  ownerEmail: string;
  invitationId: string;
}

export interface SecondStore {
  storeId: string;
  storeName: string;
  responseIds: string[];
  comments: string[];
}

async function insertSurvey(pool: pg.Pool, orgId: string, tag: string) {
  const slug = `sec-${tag.toLowerCase()}-${crypto.randomBytes(4).toString('hex')}`;
  const s = await pool.query(
    `insert into surveys(org_id, slug, name, title, status) values ($1, $2, $3, $4, 'live') returning id`,
    [orgId, slug, `Survey ${tag}`, JSON.stringify({ en: `Survey ${tag}` })],
  );
  const surveyId = s.rows[0].id as string;
  const q = await pool.query(
    `insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max, scale_style)
     values ($1, $2, 'nps', 1, 'nps', 'nps', true, '{"en":"Recommend?"}', 0, 10, 'numbers') returning id`,
    [orgId, surveyId],
  );
  const t = await pool.query(
    `insert into questions(org_id, survey_id, key, position, type, metric, text, follows_question_key)
     values ($1, $2, 'why', 2, 'text', 'none', '{"en":"Why?"}', 'nps') returning id`,
    [orgId, surveyId],
  );
  return { surveyId, slug, npsQuestionId: q.rows[0].id as string, textQuestionId: t.rows[0].id as string };
}

async function insertResponses(
  pool: pg.Pool,
  orgId: string,
  survey: { surveyId: string; npsQuestionId: string; textQuestionId: string },
  locationId: string,
  answers: { score: number; comment: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, a] of answers.entries()) {
    const r = await pool.query(
      // 300 ms from start to submit: a speeder, so data-quality lists have these responses to (not) show.
      // The segment (a dashboard dimension, see seedOrg) carries the comment's marker: dimension values must not leak either.
      `insert into responses(org_id, survey_id, location_id, language, idempotency_key, survey_version, submitted_at, started_at, duration_ms, hidden)
       values ($1, $2, $3, 'en', $4, 1, now() - make_interval(days => $5), now() - make_interval(days => $5, secs => 0.3), 300, $6)
       returning id, submitted_at`,
      [orgId, survey.surveyId, locationId, crypto.randomUUID(), i + 1, JSON.stringify({ [SEGMENT_KEY]: a.comment.split(' ')[0] })],
    );
    const { id, submitted_at } = r.rows[0];
    await pool.query(
      `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score, text)
       values ($1, $2, $3, $4, $5, 'link', 'en', $6, $7, null), ($1, $2, $8, $4, $5, 'link', 'en', $6, null, $9)`,
      [orgId, id, survey.npsQuestionId, survey.surveyId, locationId, submitted_at, a.score, survey.textQuestionId, a.comment],
    );
    ids.push(id);
  }
  await applyResponsesToRollups(pool, orgId, ids, 1);
  return ids;
}

/** The hidden field both seeded organisations mark as a dashboard dimension. */
export const SEGMENT_KEY = 'segment';

/** One organisation with a region, a store, a live survey, two responses with comments, an owner and an invitation. */
export async function seedOrg(pool: pg.Pool, tag: string): Promise<OrgSeed> {
  const orgName = `Org ${tag} ${tag}-MARK-ORG`;
  const org = await buildOrg(pool, orgName);
  await pool.query(`update orgs set dimensions = $2 where id = $1`, [org.orgId, [SEGMENT_KEY]]);
  const region = await buildLocation(pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', `Region ${tag}`);
  const storeName = `Store ${tag}1 ${tag}1-MARK-STORE`;
  const store = await buildLocation(pool, org.orgId, region, 'store', storeName);
  const survey = await insertSurvey(pool, org.orgId, tag);
  const comments = [`${tag}1-MARK-COMMENT great staff`, `${tag}1-MARK-COMMENT fast queue`];
  const responseIds = await insertResponses(pool, org.orgId, survey, store.id, [
    { score: 10, comment: comments[0] },
    { score: 9, comment: comments[1] },
  ]);
  const ownerEmail = `owner@${tag.toLowerCase()}.sec.test`;
  const ownerId = await buildUser(pool, org.orgId, 'owner', ownerEmail);
  const inv = await pool.query(
    `insert into invitations(org_id, email, role, token_hash, expires_at) values ($1, $2, 'viewer', $3, now() + interval '7 days') returning id`,
    [org.orgId, `invitee@${tag.toLowerCase()}.sec.test`, hashToken(crypto.randomBytes(32).toString('base64url'))],
  );
  return {
    orgId: org.orgId, orgName, rootId: org.rootLocationId, regionId: region.id, storeId: store.id, storeName, ...survey,
    responseIds, comments, ownerId, ownerEmail, invitationId: inv.rows[0].id,
  };
}

/** A second store in the same region with its own (detractor) responses. */
export async function seedSecondStore(pool: pg.Pool, org: OrgSeed, tag: string): Promise<SecondStore> {
  const regionPath = (await pool.query(`select path from locations where org_id = $1 and id = $2`, [org.orgId, org.regionId])).rows[0].path;
  const storeName = `Store ${tag} ${tag}-MARK-STORE`;
  const store = await buildLocation(pool, org.orgId, { id: org.regionId, path: regionPath }, 'store', storeName);
  const comments = [`${tag}-MARK-COMMENT rude and slow`, `${tag}-MARK-COMMENT dirty floor`];
  const responseIds = await insertResponses(pool, org.orgId, org, store.id, [
    { score: 0, comment: comments[0] },
    { score: 3, comment: comments[1] },
  ]);
  return { storeId: store.id, storeName, responseIds, comments };
}
