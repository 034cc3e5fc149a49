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
}, 300_000); // the whole demo, with its ~180,000 till receipts, on a shared machine
afterAll(async () => server?.close());

describe('loadDemo', () => {
  it('fills the question library with template questions in three languages, keys and metrics kept', async () => {
    const rows = (await server.pool.query(
      `select key, definition->>'metric' as metric, definition->'text' ? 'fa' as fa, created_by is not null as owned from question_library where org_id = $1 order by key`,
      [first.orgId],
    )).rows;
    expect(rows).toEqual([
      { key: 'buy_again', metric: 'none', fa: true, owned: true },
      { key: 'effort', metric: 'ces', fa: true, owned: true },
      { key: 'sat_speed', metric: 'csi_satisfaction', fa: true, owned: true },
      { key: 'satisfaction', metric: 'csat', fa: true, owned: true },
    ]);
  });

  it('creates the organisation, locations, users, four live surveys and the answers', async () => {
    expect(first.status).toBe('created');
    const orgId = first.orgId;
    expect(await findDemoOrg(server.pool)).toBe(orgId);
    const org = (await server.pool.query(`select name, timezone, dimensions, accent_color from orgs where id = $1`, [orgId])).rows[0];
    expect(org).toEqual({ name: 'Sarafan Demo Retail', timezone: 'Europe/Moscow', dimensions: ['customer_type', 'age_band', 'segment'], accent_color: '#0f766e' });
    expect(await count(`select count(*)::int n from locations where org_id = $1 and kind = 'store'`, [orgId])).toBeGreaterThanOrEqual(18);
    expect(await count(`select count(*)::int n from locations where org_id = $1 and kind = 'team'`, [orgId])).toBeGreaterThanOrEqual(2);
    const surveys = (await server.pool.query(`select slug, status, languages, audience from surveys where org_id = $1 order by slug`, [orgId])).rows;
    expect(surveys.map((s) => [s.slug, s.audience])).toEqual([
      ['demo-ces', 'customers'], ['demo-csat', 'customers'], ['demo-csi', 'customers'], ['demo-nps', 'customers'], ['demo-staff', 'staff']]);
    for (const s of surveys) {
      expect(s.status).toBe('live');
      expect([...s.languages].sort()).toEqual(['en', 'fa', 'ru']);
    }
    expect(await count(`select count(*)::int n from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id where r.org_id = $1 and s.audience = 'customers'`, [orgId])).toBe(2000);
    // The demo's Telegram bot is a name without a token; some NPS and CSAT answers came through it.
    expect((await server.pool.query(`select username, token from telegram_bots where org_id = $1`, [orgId])).rows).toEqual([{ username: 'sarafan_demo_bot', token: null }]);
    expect(await count(`select count(*)::int n from responses where org_id = $1 and channel = 'telegram'`, [orgId])).toBeGreaterThan(0);
    expect(await count(`select count(*)::int n from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id where a.org_id = $1 and a.channel <> r.channel`, [orgId])).toBe(0);
    const answers = await count(`select count(*)::int n from answers a join surveys s on s.org_id = a.org_id and s.id = a.survey_id where a.org_id = $1 and s.audience = 'customers'`, [orgId]);
    expect(first.status === 'created' && first.answers).toBe(answers);
    expect(answers).toBeGreaterThan(4000);
  });

  it('does nothing the second time', async () => {
    const tables = ['answers', 'sales_transactions', 'footfall_hours', 'staff_shifts', 'store_hour_sales', 'referral_codes', 'referral_claims', 'focus_sessions'];
    const counts = async () => Promise.all(tables.map((t) => count(`select count(*)::int n from ${t}`, [])));
    const before = await counts();
    const again = await loadDemo(server.pool, { responses: 2000, passwordHash: 'unused' });
    expect(again).toEqual({ status: 'exists', orgId: first.orgId });
    expect(await counts()).toEqual(before);
    expect(await count(`select count(*)::int n from orgs`, [])).toBe(1);
  });

  it('builds rollups equal to a fresh aggregation of the answers', async () => {
    const diff = await server.pool.query(
      `with fresh as (
         select question_id, score, count(*)::bigint as n from answers where org_id = $1 and score is not null and not excluded group by 1, 2),
       rolled as (
         select s.question_id, h.k - 1 as score, sum(h.n)::bigint as n
           from rollup_scores_location s cross join lateral unnest(s.counts) with ordinality h(n, k)
          where s.org_id = $1 and s.dim_key = '' and h.n <> 0 group by 1, 2)
       select * from fresh full join rolled using (question_id, score) where fresh.n is distinct from rolled.n`,
      [first.orgId],
    );
    expect(diff.rows).toEqual([]);
    const compactDiff = await server.pool.query(
      `with hist as (select s.*, h.k - 1 as score, h.n from rollup_scores_location s cross join lateral unnest(s.counts) with ordinality h(n, k) where s.org_id = $1),
            compact as (select s.*, h.k - 1 as score, h.n from rollup_scores_compact s cross join lateral unnest(s.counts) with ordinality h(n, k) where s.org_id = $1),
            a as (select question_id, dim_key, dim_value, day, score, sum(n)::bigint n from hist group by 1, 2, 3, 4, 5 having sum(n) <> 0),
            b as (select question_id, dim_key, dim_value, day, score, n::bigint from compact where n <> 0)
       select * from a full join b using (question_id, dim_key, dim_value, day, score) where a.n is distinct from b.n`,
      [first.orgId],
    );
    expect(compactDiff.rows).toEqual([]);
    const gold = await server.pool.query(
      `select (select count(*)::int from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
                where a.org_id = $1 and a.score is not null and r.hidden->>'segment' = 'gold') as raw,
              (select coalesce(sum(h.n), 0)::int from rollup_scores_compact s, unnest(s.counts) h(n) where s.org_id = $1 and s.dim_key = 'segment' and s.dim_value = 'gold') as rolled`,
      [first.orgId],
    );
    expect(gold.rows[0].rolled).toBe(gold.rows[0].raw);
    expect(gold.rows[0].raw).toBeGreaterThan(0);
    const responses = await count(`select coalesce(sum(n), 0)::int n from rollup_responses_compact where org_id = $1 and dim_key = ''`, [first.orgId]);
    // the 2000 customer responses and the staff pulse's (counted in the table, not by the loader)
    expect(responses).toBe(await count(`select count(*)::int n from responses where org_id = $1`, [first.orgId]));
    expect(responses).toBeGreaterThan(2000);
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

  it('tells the store story: hourly sales equal the receipts, every row at a store, MSK-04 converts below the median, 2-6 on shift', async () => {
    const orgId = first.orgId;
    const rows = async (sql: string) => (await server.pool.query(sql, [orgId])).rows;
    const diff = await rows(`with fresh as (select location_id, date_trunc('hour', at, 'UTC') as hour, count(*)::int as n, sum(amount) as revenue, sum(items)::int as items
                                              from sales_transactions where org_id = $1 group by 1, 2)
       select * from fresh full join (select * from store_hour_sales where org_id = $1) s using (location_id, hour)
        where fresh.n is distinct from s.transactions or fresh.revenue is distinct from s.revenue or fresh.items is distinct from s.items`);
    expect(diff).toEqual([]);
    for (const table of ['sales_transactions', 'footfall_hours', 'staff_shifts', 'store_hour_sales']) {
      expect(await count(`select count(*)::int n from ${table} t join locations l on l.org_id = t.org_id and l.id = t.location_id where t.org_id = $1 and l.kind <> 'store'`, [orgId])).toBe(0);
      expect(await count(`select count(distinct location_id)::int n from ${table} where org_id = $1`, [orgId])).toBe(20);
    }
    const tx = await count(`select count(*)::int n from sales_transactions where org_id = $1`, [orgId]);
    expect(tx).toBeGreaterThan(100_000);
    expect(tx).toBeLessThan(200_000);
    // opening hours 10:00-22:00 Moscow time
    expect(await count(`select count(*)::int n from footfall_hours where org_id = $1 and extract(hour from hour at time zone 'Europe/Moscow') not between 10 and 21`, [orgId])).toBe(0);
    expect(await count(`select count(*)::int n from sales_transactions where org_id = $1 and extract(hour from at at time zone 'Europe/Moscow') not between 10 and 21`, [orgId])).toBe(0);
    // passers-by at some stores only
    const counters = await count(`select count(distinct location_id)::int n from footfall_hours where org_id = $1 and passers_by is not null`, [orgId]);
    expect(counters > 0 && counters < 20).toBe(true);
    // conversion = transactions / visitors over the period, per store
    const conversion = await rows(`select l.code, (select sum(transactions) from store_hour_sales s where s.org_id = $1 and s.location_id = l.id)::float
                                          / (select sum(visitors) from footfall_hours f where f.org_id = $1 and f.location_id = l.id) as c
                                     from locations l where l.org_id = $1 and l.kind = 'store' order by 2`);
    const median = (conversion[9].c + conversion[10].c) / 2;
    expect(conversion.find((r) => r.code === 'MSK-04').c).toBeLessThan(median);
    // ... with the most visitors, and the fewest staff per visitor at peak hours (18:00-21:00)
    const visitors = await rows(`select l.code from footfall_hours f join locations l on l.org_id = f.org_id and l.id = f.location_id where f.org_id = $1 group by l.code order by sum(f.visitors) desc limit 1`);
    expect(visitors).toEqual([{ code: 'MSK-04' }]);
    // staff on shift per hour: each shift's hours
    const onShift = `with on_shift as (select location_id, h, count(*) as staff from staff_shifts s, generate_series(s.starts_at, s.ends_at - interval '1 hour', interval '1 hour') h
                                        where s.org_id = $1 group by 1, 2)`;
    const load = await rows(`${onShift} select l.code, sum(f.visitors)::float / sum(o.staff) as per_staff
       from footfall_hours f join locations l on l.org_id = f.org_id and l.id = f.location_id join on_shift o on o.location_id = f.location_id and o.h = f.hour
      where f.org_id = $1 and extract(hour from f.hour at time zone 'Europe/Moscow') between 18 and 20 group by l.code order by 2 desc limit 1`);
    expect(load[0].code).toBe('MSK-04');
    expect(await count(`${onShift} select count(*)::int n from footfall_hours f left join on_shift o on o.location_id = f.location_id and o.h = f.hour
       where f.org_id = $1 and coalesce(o.staff, 0) not between 2 and 6`, [orgId])).toBe(0);
    // KZN-02 converts better in its last two months than in its first two
    const kzn = await rows(`select (select sum(s.transactions) from store_hour_sales s where s.org_id = $1 and s.location_id = l.id and s.hour >= now() - interval '60 days')::float
                                 / (select sum(f.visitors) from footfall_hours f where f.org_id = $1 and f.location_id = l.id and f.hour >= now() - interval '60 days') as late,
                                   (select sum(s.transactions) from store_hour_sales s where s.org_id = $1 and s.location_id = l.id and s.hour < now() - interval '120 days')::float
                                 / (select sum(f.visitors) from footfall_hours f where f.org_id = $1 and f.location_id = l.id and f.hour < now() - interval '120 days') as early
                              from locations l where l.org_id = $1 and l.code = 'KZN-02'`);
    expect(kzn[0].late).toBeGreaterThan(kzn[0].early + 0.03);
  }, 60_000);

  it('tells the loyalty story: a third of receipts with a card, top 20% bring 60-75%, promoters spend more than detractors, referrals convert', async () => {
    const orgId = first.orgId;
    const rows = async (sql: string) => (await server.pool.query(sql, [orgId])).rows;
    const [share] = await rows(`select count(customer_key)::float / count(*) as s from sales_transactions where org_id = $1`);
    expect(share.s).toBeGreaterThan(0.3);
    expect(share.s).toBeLessThan(0.4);
    const revenue = (await rows(`select sum(amount)::float r from sales_transactions where org_id = $1 and customer_key is not null group by customer_key order by 1 desc`)).map((r) => r.r);
    const top = revenue.slice(0, Math.ceil(revenue.length * 0.2)).reduce((a, b) => a + b, 0) / revenue.reduce((a, b) => a + b, 0);
    expect(top).toBeGreaterThan(0.6);
    expect(top).toBeLessThan(0.75);
    // customer keys are the demo contacts' external ids (cust-<i>) or referred customers'
    expect(await count(`select count(*)::int n from sales_transactions where org_id = $1 and customer_key !~ '^cust-(ref-)?[0-9]+$'`, [orgId])).toBe(0);
    // revenue per customer by the group of the contact's latest NPS answer
    const byGroup = Object.fromEntries((await rows(`with latest as (
         select distinct on (c.id) c.external_id, a.score from contacts c join responses r on r.org_id = c.org_id and r.contact_id = c.id
           join answers a on a.org_id = r.org_id and a.response_id = r.id join questions q on q.org_id = a.org_id and q.id = a.question_id
           join surveys s on s.org_id = q.org_id and s.id = q.survey_id
          where c.org_id = $1 and s.slug = 'demo-nps' and q.key = 'nps' order by c.id, a.submitted_at desc, a.response_id)
       select case when score >= 9 then 'promoter' when score <= 6 then 'detractor' else 'passive' end as g, count(*)::int as n,
              avg((select coalesce(sum(t.amount), 0) from sales_transactions t where t.org_id = $1 and t.customer_key = latest.external_id))::float as per_customer
         from latest group by 1`)).map((r) => [r.g, r]));
    expect(byGroup.promoter.n).toBeGreaterThan(0);
    expect(byGroup.detractor.n).toBeGreaterThan(0);
    expect(byGroup.promoter.per_customer).toBeGreaterThan(byGroup.detractor.per_customer);
    // referrals: on, codes for promoters' answers only, claims by new customers, receipts with a code belong to its claim
    expect((await rows(`select referrals_enabled from orgs where id = $1`))[0].referrals_enabled).toBe(true);
    const codes = await count(`select count(*)::int n from referral_codes where org_id = $1`, [orgId]);
    expect(codes).toBeGreaterThan(0);
    expect(await count(`select count(*)::int n from referral_codes where org_id = $1 and code !~ '^[A-HJKMNP-Z2-9]{8}$'`, [orgId])).toBe(0);
    expect(await count(`select count(*)::int n from referral_codes rc where rc.org_id = $1 and not exists (
       select 1 from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = $1 and a.response_id = rc.response_id and q.key = 'nps' and a.score >= 9)`, [orgId])).toBe(0);
    const promoters = await count(`select count(*)::int n from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id join surveys s on s.org_id = q.org_id and s.id = q.survey_id
       join responses r on r.org_id = a.org_id and r.id = a.response_id where a.org_id = $1 and s.slug = 'demo-nps' and q.key = 'nps' and a.score >= 9 and r.channel <> 'kiosk'`, [orgId]);
    expect(codes / promoters).toBeGreaterThan(0.3);
    expect(codes / promoters).toBeLessThan(0.5);
    expect(await count(`select count(*)::int n from referral_claims where org_id = $1 and customer_key !~ '^cust-ref-[0-9]+$'`, [orgId])).toBe(0);
    expect(await count(`select count(*)::int n from sales_transactions t where t.org_id = $1 and t.referral_code is not null
       and not exists (select 1 from referral_claims c where c.org_id = t.org_id and c.customer_key = t.customer_key and c.code = t.referral_code)`, [orgId])).toBe(0);
    expect(await count(`select count(*)::int n from sales_transactions where org_id = $1 and referral_code is not null`, [orgId])).toBeGreaterThan(0);
    expect(await count(`select count(distinct c.customer_key)::int n from referral_claims c join sales_transactions t on t.org_id = c.org_id and t.customer_key = c.customer_key where c.org_id = $1`, [orgId])).toBeGreaterThan(0);
  });

  it('has the staff pulse: anonymous answers from 8-25 employees per store, under 5 at the small ones, MSK-04 staff blind to the queues', async () => {
    const orgId = first.orgId;
    const rows = async (sql: string) => (await server.pool.query(sql, [orgId])).rows;
    expect(await rows(`select q.key, q.staff_role from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id where q.org_id = $1 and s.slug = 'demo-staff' and q.staff_role is not null order by q.position`))
      .toEqual([{ key: 'expected_nps', staff_role: 'expected_nps' }, { key: 'expected_csat', staff_role: 'expected_csat' }, { key: 'expected_complaints', staff_role: 'expected_complaints' }, { key: 'team', staff_role: 'team' }]);
    const staff = `select r.* from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id where r.org_id = $1 and s.audience = 'staff'`;
    expect(await count(`select count(*)::int n from (${staff}) r where r.contact_key is not null or r.contact_id is not null or r.hidden <> '{}'::jsonb`, [orgId])).toBe(0);
    const perStore: Record<string, number> = Object.fromEntries((await rows(`select l.code, count(*)::int n from (${staff}) r join locations l on l.org_id = r.org_id and l.id = r.location_id group by l.code`)).map((r) => [r.code, r.n]));
    expect(Object.keys(perStore)).toHaveLength(20);
    const small = Object.entries(perStore).filter(([, n]) => n < 5).map(([code]) => code).sort();
    expect(small).toEqual(['KZN-03', 'SPB-04', 'THR-04']);
    expect(Object.values(perStore).every((n) => n < 5 || (n >= 8 && n <= 25))).toBe(true);
    // every staff response answers the five questions
    expect(await count(`select count(*)::int n from answers a join (${staff}) r on r.id = a.response_id where a.org_id = $1`, [orgId])).toBe(5 * Object.values(perStore).reduce((a, b) => a + b, 0));
    const msk04 = `join locations l on l.org_id = a.org_id and l.id = a.location_id and l.code = 'MSK-04'`;
    expect(await count(`select count(*)::int n from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id ${msk04}
       where a.org_id = $1 and q.staff_role = 'expected_complaints' and 'waiting_time' = any(a.choices)`, [orgId])).toBe(0);
    // staff expect a higher NPS than MSK-04's customers give
    const npsOf = (where: string) => rows(`select 100.0 * (count(*) filter (where a.score >= 9) - count(*) filter (where a.score <= 6)) / count(*) as nps
       from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id join surveys s on s.org_id = q.org_id and s.id = q.survey_id ${msk04} where a.org_id = $1 and ${where}`);
    const expected = Number((await npsOf(`s.slug = 'demo-staff' and q.key = 'expected_nps'`))[0].nps);
    const actual = Number((await npsOf(`s.slug = 'demo-nps' and q.key = 'nps'`))[0].nps);
    expect(expected).toBeGreaterThan(actual + 20);
  });

  it('has focus groups and debriefs in ru, fa and en with findings, one linked to an action plan', async () => {
    const orgId = first.orgId;
    const sessions = (await server.pool.query(`select kind, language, analysis, jsonb_array_length(participants) p, jsonb_array_length(questions) q,
       (select count(*)::int from focus_findings f where f.org_id = s.org_id and f.session_id = s.id) findings from focus_sessions s where org_id = $1`, [orgId])).rows;
    expect(sessions.length >= 4 && sessions.length <= 6).toBe(true);
    expect(new Set(sessions.map((s) => s.kind))).toEqual(new Set(['focus_group', 'debrief']));
    expect(new Set(sessions.map((s) => s.language))).toEqual(new Set(['ru', 'fa', 'en']));
    expect(sessions.every((s) => s.analysis === null && s.p > 0 && s.q > 0 && s.findings >= 1 && s.findings <= 2)).toBe(true);
    expect(await count(`select count(*)::int n from focus_findings f join action_plans p on p.org_id = f.org_id and p.id = f.action_plan_id where f.org_id = $1`, [orgId])).toBeGreaterThan(0);
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
    // the staff pulse, with the starter themes as the complaint options
    const staff = await fetch(`${server.baseUrl}/s/demo-staff?lang=ru`);
    expect(staff.status).toBe(200);
    const staffPage = await staff.text();
    expect(staffPage).toContain('Время ожидания');
    expect(staffPage).toContain('Торговый зал');
  });

  it('has saved progress of demo-nps for its drop-off view, every row at a store', async () => {
    const { rows } = await server.pool.query(
      `select count(*)::int as n, count(*) filter (where p.location_id is null)::int as unplaced, count(*) filter (where p.finished)::int as finished
         from response_progress p join surveys s on s.org_id = p.org_id and s.id = p.survey_id where s.slug = 'demo-nps'`,
    );
    expect(rows[0].n).toBe(160);
    expect(rows[0].unplaced).toBe(0);
    expect(rows[0].finished).toBeGreaterThan(80);
  });
});
