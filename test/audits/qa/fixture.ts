/** A call-center organisation for the QA tests: stores A and B, a QA scorecard, support contacts with CSAT / CES answers after them. */
import type pg from 'pg';
import { buildLocation } from '../../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../../analytics/seed.ts';
import { insertContacts, type FixtureContact } from '../../support-ui/fixture.ts';

/** greet 2 points, name 1 (may be N/A), solve 0..3, privacy 1 and critical: 7 points in all. */
export const SCORECARD = {
  name: 'Chat QA',
  sections: [
    { key: 'open', name: 'Opening', items: [{ key: 'greet', text: 'Greets the customer', points: 2 }, { key: 'name', text: 'Uses the name', points: 1, answerType: 'yes_no_na' }] },
    { key: 'close', name: 'Closing', items: [{ key: 'solve', text: 'Solves the problem', points: 3, answerType: 'scale' }, { key: 'privacy', text: 'Checks identity', points: 1, critical: true }] },
  ],
};

const base = { channel: 'chat', team: 'L1', priority: 'normal', category: 'billing', customer: null, fr: 5, fs: 30, ls: 30, replies: 1, reopens: 0 };
export const CONTACTS: (FixtureContact & { csat: number[]; ces: number[] })[] = [
  { ...base, ext: 'k1', agent: 'ann', store: 'A', subject: 'Refund for order 1', at: '2026-03-02T09:00:00Z', csat: [5, 4], ces: [6] },
  { ...base, ext: 'k2', agent: 'bob', store: 'B', subject: 'Where is my parcel', at: '2026-03-03T09:00:00Z', csat: [5], ces: [] },
  { ...base, ext: 'k3', agent: 'ann', store: 'A', subject: 'Card declined', at: '2026-03-05T09:00:00Z', csat: [2], ces: [3] },
  { ...base, ext: 'k4', agent: 'ann', store: 'A', subject: 'April contact', at: '2026-04-05T09:00:00Z', csat: [1], ces: [] },
];

export async function seedQaOrg(pool: pg.Pool, name: string) {
  const org = await buildAnalyticsOrg(pool, name);
  const stores = { A: (await buildLocation(pool, org.orgId, org.root, 'store', 'Store A')).id, B: (await buildLocation(pool, org.orgId, org.root, 'store', 'Store B')).id };
  await insertContacts(pool, org.orgId, stores, CONTACTS);
  const s = await seedSurvey(pool, org.orgId, [
    { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
    { key: 'ces', type: 'rating', metric: 'ces', min: 1, max: 7, direction: 'higher_is_easier' },
  ]);
  const contactIds: Record<string, string> = {};
  for (const c of CONTACTS) {
    const answers = [...c.csat.map((score) => ({ csat: { score } })), ...c.ces.map((score) => ({ ces: { score } }))];
    const ids = await seedResponses(pool, org.orgId, s.surveyId, s.ids, answers.map((a) => ({ locationId: stores[c.store as 'A' | 'B'], at: '2026-04-10T10:00:00Z', answers: a })));
    const contact = await pool.query(`select id from support_contacts where org_id = $1 and external_id = $2`, [org.orgId, c.ext]);
    contactIds[c.ext] = contact.rows[0].id;
    await pool.query(`update responses set support_contact_id = $2 where id = any($1::uuid[])`, [ids, contactIds[c.ext]]);
  }
  const cl = await pool.query(`insert into checklists(org_id, name, channel, version) values ($1, 'Chat QA', 'contact', 1) returning id`, [org.orgId]);
  const checklistId = cl.rows[0].id as string;
  await pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [org.orgId, checklistId, JSON.stringify(SCORECARD)]);
  return { orgId: org.orgId, root: org.root, stores, contactIds, checklistId };
}
