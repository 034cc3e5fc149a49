/**
 * The perception-gap fixture shared by the API and page tests: company > Region R > stores A, B, and store D under
 * the company; a staff survey (expected NPS, CSAT, complaints) and a customer survey (NPS, CSAT, comment) answered in
 * November 2026, with one answer of each in October (outside the period the tests ask for). The expected numbers are
 * worked out by hand in the tests.
 */
import type pg from 'pg';
import { buildLocation, buildOrg, buildUser } from '../helpers/app.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

export const IN_PERIOD = '2026-11-15T12:00:00Z';
const BEFORE = '2026-10-15T12:00:00Z';

export async function seedPerception(pool: pg.Pool, domain: string) {
  const org = await buildOrg(pool, 'Perception Org');
  const { orgId } = org;
  const root = { id: org.rootLocationId, path: org.rootPath };
  const R = await buildLocation(pool, orgId, root, 'region', 'Region R');
  const A = await buildLocation(pool, orgId, R, 'store', 'Store A');
  const B = await buildLocation(pool, orgId, R, 'store', 'Store B');
  const D = await buildLocation(pool, orgId, root, 'store', 'Store D');
  await buildUser(pool, orgId, 'owner', `owner@${domain}`);
  await buildUser(pool, orgId, 'location_manager', `r@${domain}`, [R.id]);
  await buildUser(pool, orgId, 'location_manager', `b@${domain}`, [B.id]);

  const staff = await seedSurvey(pool, orgId, [
    { key: 'exp_nps', type: 'nps' },
    { key: 'exp_csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
    { key: 'exp_complaints', type: 'multi' },
    { key: 'enps', type: 'nps' },
  ], 'Staff pulse November');
  await pool.query(`update surveys set audience = 'staff' where org_id = $1 and id = $2`, [orgId, staff.surveyId]);
  for (const [key, role] of [['exp_nps', 'expected_nps'], ['exp_csat', 'expected_csat'], ['exp_complaints', 'expected_complaints']]) {
    await pool.query(`update questions set staff_role = $3 where org_id = $1 and id = $2`, [orgId, staff.ids[key], role]);
  }
  const staffAt = (locationId: string, nps: number[], csat: number[], complaints: string[][] = []) =>
    nps.map((score, i) => ({ locationId, at: IN_PERIOD, answers: { exp_nps: { score }, exp_csat: { score: csat[i] }, exp_complaints: { choices: complaints[i] ?? [] }, enps: { score: 10 } } }));
  await seedResponses(pool, orgId, staff.surveyId, staff.ids, [
    ...staffAt(A.id, [10, 9, 9, 8, 6, 3], [5, 4, 4, 3, 2, 5], [['queue'], ['queue', 'price'], ['price'], ['price'], [], ['parking']]),
    ...staffAt(B.id, [10, 10, 7, 0], [5, 5, 4, 1]),
    ...staffAt(R.id, [9], [4]),
    ...staffAt(D.id, [10, 10], [5, 5]),
    // outside the period: not counted
    { locationId: A.id, at: BEFORE, answers: { exp_nps: { score: 0 }, exp_csat: { score: 1 } } },
    // answered only the eNPS question: not a perception respondent
    { locationId: R.id, at: IN_PERIOD, answers: { enps: { score: 9 } } },
  ]);

  const customers = await seedSurvey(pool, orgId, [
    { key: 'nps', type: 'nps' },
    { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
    { key: 'comment', type: 'text' },
  ], 'Customers');
  const said = (locationId: string, nps: number, csat: number, at = IN_PERIOD) => ({ locationId, at, answers: { nps: { score: nps }, csat: { score: csat }, comment: { text: 'comment' } } });
  const responseIds = await seedResponses(pool, orgId, customers.surveyId, customers.ids, [
    said(A.id, 10, 5), said(A.id, 10, 4), said(A.id, 9, 2), said(A.id, 5, 2), said(A.id, 10, 5),
    said(B.id, 0, 1), said(B.id, 0, 1),
    said(D.id, 10, 5),
    said(A.id, 0, 1, BEFORE),
  ]);
  // Comment analysis: A's fifth comment is positive; the October one is outside the period.
  const analysis: Array<[number, string, string[]]> = [
    [0, 'negative', ['queue', 'staff']], [1, 'negative', ['queue']], [2, 'negative', ['queue', 'staff']], [3, 'negative', ['price']], [4, 'positive', ['staff']],
    [5, 'negative', ['queue', 'cleanliness']], [6, 'negative', ['cleanliness']],
    [8, 'negative', ['parking']],
  ];
  for (const [i, sentiment, themes] of analysis) {
    await pool.query(
      `insert into comment_analysis(org_id, response_id, question_id, lang, sentiment, p, source, themes, text_md5) values ($1, $2, $3, 'en', $4, 0.9, 'manual', $5, md5('comment'))`,
      [orgId, responseIds[i], customers.ids.comment, sentiment, themes],
    );
  }
  for (const [id, en, ru, fa] of [['queue', 'Queues', 'Очереди', 'صف'], ['staff', 'Staff', 'Персонал', 'کارکنان'], ['price', 'Prices', 'Цены', 'قیمت'], ['cleanliness', 'Cleanliness', 'Чистота', 'پاکیزگی'], ['parking', 'Parking', 'Парковка', 'پارکینگ']]) {
    await pool.query(`insert into org_themes(org_id, id, names) values ($1, $2, $3) on conflict (org_id, id) do update set names = excluded.names`, [orgId, id, { en, ru, fa }]);
  }
  return { orgId, loc: { root: root.id, R: R.id, A: A.id, B: B.id, D: D.id }, staffSurveyId: staff.surveyId, customerSurveyId: customers.surveyId };
}
