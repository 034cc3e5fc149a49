/**
 * A small hand-made audit data set for the results tests (numbers worked out in results.test.ts):
 * one checklist (greeting g1 2 pts + g2 1 pt; checkout c1 3 pts critical + c2 1 pt cleanliness), five own stores
 * A..E and a competitor K, published visits in March 2026, one in February (the previous period), one in April,
 * one unpublished and one QA review (both never counted), an NPS + CSAT survey with ten answers per store.
 */
import type pg from 'pg';
import { parseChecklist } from '../../../src/core/audits/checklist.ts';
import type { StoredAnswers } from '../../../src/core/audits/answers.ts';
import { insertVisit, type NewVisitRow } from '../../../src/db/audits/visitScore.ts';
import { buildLocation, buildUser } from '../../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../../analytics/seed.ts';

export const CHECKLIST = {
  name: { en: 'Store visit', ru: 'Визит в магазин', fa: 'بازدید فروشگاه' },
  sections: [
    { key: 's1', name: { en: 'Greeting', ru: 'Приветствие', fa: 'خوشامد' }, items: [
      { key: 'g1', text: { en: 'Greeted within 30 seconds', ru: 'Поприветствовали за 30 секунд', fa: 'خوشامد در ۳۰ ثانیه' }, points: 2, standard: 'greeting' },
      { key: 'g2', text: { en: 'Smiled <b>warmly</b>', ru: 'Улыбнулись', fa: 'لبخند زد' }, points: 1, standard: 'greeting', answerType: 'yes_no_na' },
    ] },
    { key: 's2', name: { en: 'Checkout', ru: 'Касса', fa: 'صندوق' }, items: [
      { key: 'c1', text: { en: 'Receipt given', ru: 'Выдали чек', fa: 'رسید داده شد' }, points: 3, critical: true, standard: 'checkout_speed' },
      { key: 'c2', text: { en: 'Counter clean', ru: 'Чистая касса', fa: 'پیشخوان تمیز' }, points: 1, standard: 'cleanliness', answerType: 'yes_no_na' },
    ] },
  ],
};

type A = 'yes' | 'no' | 'na';
const answers = (g1: A, g2: A, c1: A, c2: A): StoredAnswers => ({ g1: { value: g1 }, g2: { value: g2 }, c1: { value: c1 }, c2: { value: c2 } });

/** NPS scores of ten answers: promoters (10), passives (8), detractors (3). */
const npsScores = (p: number, pa: number, d: number) => [...Array<number>(p).fill(10), ...Array<number>(pa).fill(8), ...Array<number>(d).fill(3)];
/** CSAT 1..5 scores of ten answers: satisfied ones 5, the rest 2. */
const csatScores = (sat: number) => [...Array<number>(sat).fill(5), ...Array<number>(10 - sat).fill(2)];

export interface ResultsFixture {
  orgId: string;
  stores: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'K', string>;
  checklistId: string;
  surveyId: string;
  visits: Record<string, string>;
}

export async function seedResultsFixture(pool: pg.Pool, domain: string, opts: { withData?: boolean } = {}): Promise<ResultsFixture> {
  const org = await buildAnalyticsOrg(pool, `Results ${domain}`);
  const stores = {} as ResultsFixture['stores'];
  for (const s of ['A', 'B', 'C', 'D', 'E'] as const) stores[s] = (await buildLocation(pool, org.orgId, org.root, 'store', `Store ${s}`)).id;
  stores.K = (await buildLocation(pool, org.orgId, org.root, 'competitor', 'Rival Mart')).id;
  await buildUser(pool, org.orgId, 'admin', `admin@${domain}`);
  await buildUser(pool, org.orgId, 'location_manager', `a@${domain}`, [stores.A]);
  await buildUser(pool, org.orgId, 'auditor', `auditor@${domain}`);
  const definition = parseChecklist(CHECKLIST);
  const { rows: [c] } = await pool.query(`insert into checklists(org_id, name) values ($1, 'Store visit') returning id`, [org.orgId]);
  await pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [org.orgId, c.id, JSON.stringify(CHECKLIST)]);
  const survey = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps' }, { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 }]);
  const visits: Record<string, string> = {};
  if (opts.withData === false) return { orgId: org.orgId, stores, checklistId: c.id, surveyId: survey.surveyId, visits };

  const { rows: emps } = await pool.query(
    `insert into employees(org_id, name, location_id) values ($1, 'Anna', $2), ($1, 'Boris', $3) returning id, name`, [org.orgId, stores.A, stores.B]);
  const emp = Object.fromEntries(emps.map((e) => [e.name, e.id]));
  const visit = async (name: string, loc: keyof ResultsFixture['stores'], day: string, a: StoredAnswers, over: Partial<NewVisitRow> = {}) => {
    const v = await insertVisit(pool, {
      orgId: org.orgId, kind: 'visit', checklistId: c.id, checklistVersion: 1, locationId: stores[loc], visitedAt: new Date(`${day}T12:00:00Z`), status: 'published', ...over,
    }, definition, a);
    visits[name] = v.id;
  };
  await visit('V1', 'A', '2026-03-05', answers('yes', 'no', 'yes', 'yes'), { employeeId: emp.Anna });
  await visit('V2', 'A', '2026-03-20', answers('yes', 'yes', 'no', 'yes'), { employeeLabel: 'Till 2 cashier' });
  await visit('V3', 'B', '2026-03-10', answers('yes', 'yes', 'yes', 'yes'), { employeeId: emp.Boris, kind: 'call' });
  await visit('V4', 'C', '2026-03-11', answers('no', 'yes', 'yes', 'na'));
  await visit('V5', 'D', '2026-03-12', answers('yes', 'no', 'yes', 'no'));
  await visit('V6', 'E', '2026-03-13', answers('no', 'no', 'yes', 'yes'));
  await visit('V7', 'B', '2026-03-15', answers('no', 'no', 'no', 'no'), { status: 'submitted' });
  await visit('V8', 'B', '2026-03-16', answers('no', 'no', 'no', 'no'), { kind: 'qa' });
  await visit('V9', 'K', '2026-03-14', answers('yes', 'yes', 'yes', 'no'));
  await visit('V10', 'A', '2026-02-10', answers('yes', 'yes', 'yes', 'yes'));
  await visit('V11', 'B', '2026-04-05', answers('no', 'no', 'no', 'no'));

  // Customers in March: NPS A 40, B 70, C -10, D 30, E -40; CSAT A 70%, B 90%, C 40%, D 60%, E 30%. February at A: all 0 (not the period).
  const customers: Record<'A' | 'B' | 'C' | 'D' | 'E', [number, number, number, number]> = {
    A: [6, 2, 2, 7], B: [8, 1, 1, 9], C: [3, 3, 4, 4], D: [5, 3, 2, 6], E: [2, 2, 6, 3],
  };
  for (const [s, [p, pa, d, sat]] of Object.entries(customers) as [keyof typeof customers, [number, number, number, number]][]) {
    const nps = npsScores(p, pa, d);
    const csat = csatScores(sat);
    await seedResponses(pool, org.orgId, survey.surveyId, survey.ids, nps.map((score, i) => ({
      locationId: stores[s], at: '2026-03-18T10:00:00Z', answers: { nps: { score }, csat: { score: csat[i] } },
    })));
  }
  await seedResponses(pool, org.orgId, survey.surveyId, survey.ids, Array.from({ length: 5 }, () => ({
    locationId: stores.A, at: '2026-02-18T10:00:00Z', answers: { nps: { score: 0 }, csat: { score: 1 } },
  })));
  return { orgId: org.orgId, stores, checklistId: c.id, surveyId: survey.surveyId, visits };
}
