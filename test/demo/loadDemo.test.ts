/** The demo loader on a real test database: creates everything once, consistent rollups, ru/en/fa comments. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, signIn, type TestServer } from '../helpers/app.ts';
import { expectRollupsMatchRawAnswers } from '../helpers/rollupOracle.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { findDemoOrg, loadDemo, resetDemoPasswords, type LoadDemoResult } from '../../src/db/demo/loadDemo.ts';
import { DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';
import { DEMO_AUDITOR } from '../../src/core/demo/audits.ts';

const PASSWORD = 'demo password 1';
let server: TestServer;
let first: LoadDemoResult;

const count = async (sql: string, params: unknown[]) => Number((await server.pool.query(sql, params)).rows[0].n);

beforeAll(async () => {
  server = await startTestServer();
  first = await loadDemo(server.pool, { responses: 2000, seed: 7, passwordHash: await hashPassword(PASSWORD) });
});
afterAll(async () => server?.close());

describe('loadDemo', () => {
  it('creates the organisation, locations, users, four live surveys and the answers', async () => {
    expect(first.status).toBe('created');
    const orgId = first.orgId;
    expect(await findDemoOrg(server.pool)).toBe(orgId);
    const org = (await server.pool.query(`select name, timezone, dimensions, accent_color from orgs where id = $1`, [orgId])).rows[0];
    expect(org).toEqual({ name: 'Sarafan Demo Retail', timezone: 'Europe/Moscow', dimensions: ['customer_type', 'age_band', 'segment'], accent_color: '#0f766e' });
    expect(await count(`select count(*)::int n from locations where org_id = $1 and kind = 'store'`, [orgId])).toBeGreaterThanOrEqual(18);
    expect(await count(`select count(*)::int n from locations where org_id = $1 and kind = 'team'`, [orgId])).toBeGreaterThanOrEqual(2);
    const surveys = (await server.pool.query(`select slug, status, languages from surveys where org_id = $1 order by slug`, [orgId])).rows;
    expect(surveys.map((s) => s.slug)).toEqual(['demo-ces', 'demo-csat', 'demo-csi', 'demo-nps']);
    for (const s of surveys) {
      expect(s.status).toBe('live');
      expect([...s.languages].sort()).toEqual(['en', 'fa', 'ru']);
    }
    expect(await count(`select count(*)::int n from responses where org_id = $1`, [orgId])).toBe(2000);
    // The demo's Telegram bot is a name without a token; some NPS and CSAT answers came through it.
    expect((await server.pool.query(`select username, token from telegram_bots where org_id = $1`, [orgId])).rows).toEqual([{ username: 'sarafan_demo_bot', token: null }]);
    expect(await count(`select count(*)::int n from responses where org_id = $1 and channel = 'telegram'`, [orgId])).toBeGreaterThan(0);
    expect(await count(`select count(*)::int n from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id where a.org_id = $1 and a.channel <> r.channel`, [orgId])).toBe(0);
    const answers = await count(`select count(*)::int n from answers where org_id = $1`, [orgId]);
    expect(first.status === 'created' && first.answers).toBe(answers);
    expect(answers).toBeGreaterThan(4000);
  });

  it('does nothing the second time', async () => {
    const before = await count(`select count(*)::int n from answers`, []);
    const again = await loadDemo(server.pool, { responses: 2000, passwordHash: 'unused' });
    expect(again).toEqual({ status: 'exists', orgId: first.orgId });
    expect(await count(`select count(*)::int n from answers`, [])).toBe(before);
    expect(await count(`select count(*)::int n from orgs`, [])).toBe(1);
  });

  it('builds rollups equal to a fresh aggregation of the answers', async () => {
    const diff = await server.pool.query(
      `with fresh as (
         select question_id, score, count(*)::bigint as n from answers where org_id = $1 and score is not null and not excluded group by 1, 2),
       rolled as (
         select question_id, score, sum(n)::bigint as n from rollup_scores where org_id = $1 and dim_key = '' group by 1, 2)
       select * from fresh full join rolled using (question_id, score) where fresh.n is distinct from rolled.n`,
      [first.orgId],
    );
    expect(diff.rows).toEqual([]);
    const compactDiff = await server.pool.query(
      `with a as (select question_id, dim_key, dim_value, day, score, sum(n)::bigint n from rollup_scores where org_id = $1 group by 1, 2, 3, 4, 5),
            b as (select question_id, dim_key, dim_value, day, score, n from rollup_scores_compact where org_id = $1)
       select * from a full join b using (question_id, dim_key, dim_value, day, score) where a.n is distinct from b.n`,
      [first.orgId],
    );
    expect(compactDiff.rows).toEqual([]);
    const gold = await server.pool.query(
      `select (select count(*)::int from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
                where a.org_id = $1 and a.score is not null and r.hidden->>'segment' = 'gold') as raw,
              (select coalesce(sum(n), 0)::int from rollup_scores where org_id = $1 and dim_key = 'segment' and dim_value = 'gold') as rolled`,
      [first.orgId],
    );
    expect(gold.rows[0].rolled).toBe(gold.rows[0].raw);
    expect(gold.rows[0].raw).toBeGreaterThan(0);
    const responses = await count(`select coalesce(sum(n), 0)::int n from rollup_responses where org_id = $1 and dim_key = ''`, [first.orgId]);
    expect(responses).toBe(2000);
    // Every level, row by row, against the raw rows counted in JavaScript.
    await expectRollupsMatchRawAnswers(server.pool, first.orgId);
  });

  it('stores comments in Russian, English and Persian', async () => {
    const { rows } = await server.pool.query(
      `select language, count(*)::int as n, count(distinct text)::int as distinct_n from answers
        where org_id = $1 and text is not null group by language order by language`,
      [first.orgId],
    );
    expect(rows.map((r) => r.language)).toEqual(['en', 'fa', 'ru']);
    const ru = rows.find((r) => r.language === 'ru');
    expect(ru.n).toBeGreaterThan(rows.find((r) => r.language === 'en').n);
    expect(ru.distinct_n).toBeGreaterThan(ru.n / 2);
    const fa = (await server.pool.query(`select text from answers where org_id = $1 and language = 'fa' and text is not null limit 1`, [first.orgId])).rows[0];
    expect(fa.text).toMatch(/[\u0600-\u06ff]/);
  });

  it('shows feedback letters already read: ru, fa and en, tied to stores, negative ones with cases, answers threaded', async () => {
    const orgId = first.orgId;
    const langs = (await server.pool.query(`select distinct language from feedback_messages where org_id = $1 order by language`, [orgId])).rows.map((r) => r.language);
    expect(langs).toEqual(['en', 'fa', 'ru']);
    // 18 letters and 3 answers (src/core/demo/letters.ts); every negative letter opened an e-mail case, no other did.
    expect(await count(`select count(*)::int n from feedback_messages where org_id = $1 and kind = 'feedback'`, [orgId])).toBe(18);
    expect(await count(`select count(*)::int n from feedback_messages where org_id = $1 and kind = 'reply'`, [orgId])).toBe(3);
    expect(await count(`select count(*)::int n from feedback_messages where org_id = $1 and kind = 'feedback' and (sentiment = 'negative') <> (case_id is not null)`, [orgId])).toBe(0);
    expect(await count(`select count(*)::int n from cases where org_id = $1 and channel = 'email' and source_kind = 'feedback_message'`, [orgId])).toBe(12);
    expect(await count(`select count(*)::int n from case_events where org_id = $1 and kind = 'reply_received'`, [orgId])).toBe(3);
    // The MSK-01 refund letter's case belongs to the demo manager (routing: the store's manager).
    const owner = (await server.pool.query(
      `select u.email from feedback_messages m join cases c on c.org_id = m.org_id and c.id = m.case_id join users u on u.org_id = c.org_id and u.id = c.owner_user_id
        where m.org_id = $1 and m.subject = '[MSK-01] Не вернули деньги'`, [orgId],
    )).rows;
    expect(owner).toEqual([{ email: DEMO_MANAGER_EMAIL }]);
  });

  it('lets the demo users sign in, and a password reset replaces the password', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    const me = await owner.get('/api/v1/me');
    expect(me.json.user.role).toBe('owner');
    const manager = await signIn(server.baseUrl, DEMO_MANAGER_EMAIL, PASSWORD);
    expect((await manager.get('/api/v1/me')).json.user.role).toBe('location_manager');
    const auditor = await signIn(server.baseUrl, DEMO_AUDITOR.email, PASSWORD);
    expect((await auditor.get('/api/v1/me')).json.user.role).toBe('auditor');
    expect(await resetDemoPasswords(server.pool, first.orgId, await hashPassword('new demo password'))).toBe(6);
    await expect(signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD)).rejects.toThrow();
    expect((await signIn(server.baseUrl, DEMO_OWNER_EMAIL, 'new demo password')).baseUrl).toBe(server.baseUrl);
    expect((await signIn(server.baseUrl, DEMO_AUDITOR.email, 'new demo password')).baseUrl).toBe(server.baseUrl);
  });

  it('gives the dashboards data: NPS summary, CSI drivers, data-quality flags', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, 'new demo password');
    const ids = Object.fromEntries(
      (await server.pool.query(`select slug, id from surveys where org_id = $1`, [first.orgId])).rows.map((r) => [r.slug, r.id]),
    );
    const summary = await owner.get(`/api/v1/surveys/${ids['demo-nps']}/analytics/summary`);
    expect(summary.status).toBe(200);
    const nps = summary.json.questions.find((q: { key: string }) => q.key === 'nps');
    const npsAnswers = await count(
      `select count(*)::int n from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = $1 and q.key = 'nps'`,
      [first.orgId],
    );
    expect(nps.result.n).toBe(npsAnswers);
    const drivers = await owner.get(`/api/v1/surveys/${ids['demo-csi']}/analytics/drivers`);
    // Complete CSI responses (the overall rating and all five satisfaction ratings; their number with seed 7
    // moves whenever a channel joins the demo's mix) are over the minimum of max(30, 5 per attribute): the
    // drivers are computed, on exactly those responses.
    const satisfaction = ['overall', ...['speed', 'politeness', 'competence', 'cleanliness', 'assortment'].map((k) => `sat_${k}`)];
    const complete = await count(
      `select count(*) n from (select a.response_id from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
         where a.org_id = $1 and a.survey_id = $2 and q.key = any($3) and a.score is not null and not a.excluded
         group by a.response_id having count(*) = $4) c`,
      [first.orgId, ids['demo-csi'], satisfaction, satisfaction.length],
    );
    expect(complete).toBeGreaterThanOrEqual(30);
    expect(drivers.status).toBe(200);
    expect(drivers.json.outcome.key).toBe('overall');
    expect(drivers.json.n).toBe(complete);
    expect(drivers.json.drivers.map((d: { key: string }) => d.key).sort()).toEqual(satisfaction.slice(1).sort());
    const quality = await owner.get(`/api/v1/surveys/${ids['demo-nps']}/quality`);
    expect(quality.status).toBe(200);
    expect(quality.json.flagged.length).toBeGreaterThan(0);
    expect(quality.json.flagged.length).toBeLessThan(nps.result.n / 10);
  });

  it('has the audits: checklists, competitors, staff, waves with open assignments of the auditor, scored visits, appeals, QA, coaching, a quiz', async () => {
    const orgId = first.orgId;
    const rows = async (sql: string) => (await server.pool.query(sql, [orgId])).rows;
    // the three starters copied in and the QA scorecard, each with version 1
    expect(await rows(`select c.channel, c.starter, v.version from checklists c join checklist_versions v on v.org_id = c.org_id and v.checklist_id = c.id where c.org_id = $1 order by c.channel`))
      .toEqual([{ channel: 'chat', starter: 'chat', version: 1 }, { channel: 'contact', starter: null, version: 1 }, { channel: 'phone', starter: 'phone_call', version: 1 }, { channel: 'store', starter: 'store_visit', version: 1 }]);
    // three competitors, each directly under a region, with a path under it
    expect(await rows(`select p.kind as parent, l.name like 'Competitor: %' as named, l.path like p.path || '%' as under from locations l join locations p on p.org_id = l.org_id and p.id = l.parent_id where l.org_id = $1 and l.kind = 'competitor'`))
      .toEqual(Array(3).fill({ parent: 'region', named: true, under: true }));
    // 2-4 sellers at each of the 20 stores; every support agent is an employee with agent_name
    const perStore = await rows(`select count(*)::int n from employees e join locations l on l.org_id = e.org_id and l.id = e.location_id where e.org_id = $1 and l.kind = 'store' group by l.id`);
    expect(perStore).toHaveLength(20);
    expect(perStore.every((r) => r.n >= 2 && r.n <= 4)).toBe(true);
    expect(await count(`select count(*)::int n from (select distinct agent from support_contacts where org_id = $1 and agent is not null) a where not exists (select 1 from employees e where e.org_id = $1 and e.agent_name = a.agent)`, [orgId])).toBe(0);
    // the auditor (who signs in like the other demo users, above) has open assignments; some visits wait for review
    expect(await count(`select count(*)::int n from audit_assignments a join users u on u.org_id = a.org_id and u.id = a.auditor_id where a.org_id = $1 and u.email = '${DEMO_AUDITOR.email}' and a.status = 'assigned'`, [orgId])).toBeGreaterThan(0);
    expect(await count(`select count(*)::int n from audit_visits where org_id = $1 and kind = 'visit' and status = 'submitted'`, [orgId])).toBeGreaterThan(0);
    expect(await count(`select count(*)::int n from audit_visits where org_id = $1 and status = 'published' and (published_at is null or reviewed_by is null)`, [orgId])).toBe(0);
    // every visit's score is 100 x earned / possible over its applicable item rows, or 0 when a critical item failed
    const wrong = await rows(`select v.id from audit_visits v join (select visit_id, sum(earned) e, sum(possible) p, bool_or(critical and failed) af from audit_visit_items where org_id = $1 and applicable group by visit_id) i on i.visit_id = v.id
       where v.org_id = $1 and (v.autofail <> i.af or abs(v.score - case when i.af then 0 else 100 * i.e / i.p end) > 1e-9)`);
    expect(wrong).toEqual([]);
    expect(await count(`select count(*)::int n from audit_visits where org_id = $1 and autofail`, [orgId])).toBeGreaterThan(0);
    // the weak store MSK-07 scores below the strong SPB-01
    const means = Object.fromEntries((await rows(`select l.code, avg(v.score) s from audit_visits v join locations l on l.org_id = v.org_id and l.id = v.location_id where v.org_id = $1 and l.code in ('MSK-07', 'SPB-01') group by l.code`)).map((r) => [r.code, r.s]));
    expect(means['MSK-07']).toBeLessThan(means['SPB-01']);
    // one appeal decided (upheld: the item now earns its points, the correction logged), one pending; both at the manager's store
    const appeals = await rows(`select a.decision, l.code, i.failed, (select count(*)::int from audit_corrections c where c.org_id = a.org_id and c.visit_id = a.visit_id and c.item_key = a.item_key) corrections
       from audit_appeals a join audit_visits v on v.org_id = a.org_id and v.id = a.visit_id join locations l on l.org_id = v.org_id and l.id = v.location_id
       join audit_visit_items i on i.org_id = a.org_id and i.visit_id = a.visit_id and i.item_key = a.item_key where a.org_id = $1 order by a.decision nulls last`);
    expect(appeals).toEqual([{ decision: 'upheld', code: 'MSK-01', failed: false, corrections: 1 }, { decision: null, code: 'MSK-01', failed: true, corrections: 0 }]);
    // QA: 60 published reviews of support contacts by agents; a calibration of three reviewers on one contact; a mystery-call wave
    expect(await count(`select count(*)::int n from audit_visits v join employees e on e.org_id = v.org_id and e.id = v.employee_id where v.org_id = $1 and v.kind = 'qa' and v.calibration_id is null and v.status = 'published' and v.support_contact_id is not null and e.agent_name is not null`, [orgId])).toBe(60);
    expect(await rows(`select cardinality(c.reviewer_ids) = 3 as three, count(v.*)::int visits, count(distinct v.auditor_id)::int reviewers, count(distinct v.support_contact_id)::int contacts
       from audit_calibrations c join audit_visits v on v.org_id = c.org_id and v.calibration_id = c.id and v.status = 'submitted' where c.org_id = $1 group by c.id, c.reviewer_ids`))
      .toEqual([{ three: true, visits: 3, reviewers: 3, contacts: 1 }]);
    expect(await count(`select count(*)::int n from audit_visits where org_id = $1 and kind = 'call'`, [orgId])).toBe(12);
    expect(await rows(`select count(*)::int notes, count(*) filter (where follow_up_on < current_date and done_at is null)::int overdue from coaching_notes where org_id = $1`)).toEqual([{ notes: 2, overdue: 1 }]);
    // the quiz: live, six questions, attempts with one answer row per question, correct counts matching the rows
    expect(await rows(`select slug, status, jsonb_array_length(definition->'questions') questions from quizzes where org_id = $1`)).toEqual([{ slug: 'demo-product-quiz', status: 'live', questions: 6 }]);
    const attempts = await count(`select count(*)::int n from quiz_attempts where org_id = $1`, [orgId]);
    expect(attempts).toBeGreaterThanOrEqual(35);
    expect(await count(`select count(*)::int n from quiz_attempt_answers where org_id = $1`, [orgId])).toBe(attempts * 6);
    expect(await count(`select count(*)::int n from quiz_attempts q where org_id = $1 and correct <> (select count(*) from quiz_attempt_answers a where a.org_id = q.org_id and a.attempt_id = q.id and a.correct)`, [orgId])).toBe(0);
  });

  it('serves the NPS survey at /s/demo-nps in en, ru and fa', async () => {
    const page = await fetch(`${server.baseUrl}/s/demo-nps?lang=fa`);
    expect(page.status).toBe(200);
    const fa = await page.text();
    expect(fa).toContain('سرافان');
    expect(fa).toMatch(/dir="rtl"/);
    const ru = await (await fetch(`${server.baseUrl}/s/demo-nps?lang=ru`)).text();
    expect(ru).toContain('порекомендуете');
    const en = await (await fetch(`${server.baseUrl}/s/demo-nps?lang=en`)).text();
    expect(en).toContain('recommend');
  });
});
