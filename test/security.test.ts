/**
 * Cross-tenant and location-scope security walk. Every /api/v1 route registered on the app is
 * collected through the onRoute hook, so routes added later are walked automatically:
 *  (a) without a session every non-public route answers 401;
 *  (b) org A's owner gets 404 for org B's objects on every route with an id parameter, and B is unchanged;
 *  (c) users limited to store A1 see nothing of store A2 (or org B) on any GET route, and get the same
 *      answer for A2's ids as for ids that do not exist.
 * A route parameter without an entry in PARAM_RESOURCES fails the walk: add the fixture with the route.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, Client, signIn, type TestServer } from './helpers/app.ts';
import { startAdminServer } from './admin/server.ts';
import { rebuildOrgRollupsJob } from '../src/server/jobs/rebuildOrgRollupsJob.ts';
import { SEGMENT_KEY, seedOrg, seedSecondStore, type OrgSeed, type SecondStore } from './admin/securityFixtures.ts';
import { INTEGRATION_PROBE_BODIES, KEY_ONLY_ROUTES, seedIntegrations, type IntegrationIds } from './integrations/securityFixtures.ts';

const B_ONLY_KEY = 'b_only_dimension';

/** Routes that work without a session, by design. Anything else under /api/v1 must answer 401. */
const PUBLIC = new Set([
  'GET /api/v1/auth/state',
  'POST /api/v1/auth/setup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout', // only clears the caller's own cookie
  'GET /api/v1/invitations/:token',
  'POST /api/v1/invitations/:token/accept',
  // Accounts: "forgot password", the reset link, and the second step of signing in (its own short-lived
  // cookie, not a session; without it they answer 401 too, after validating the body).
  'POST /api/v1/auth/forgot',
  'GET /api/v1/auth/reset/:token',
  'POST /api/v1/auth/reset/:token',
  'POST /api/v1/auth/two-factor',
  'POST /api/v1/auth/two-factor/enrol',
  'POST /api/v1/auth/two-factor/enrol/confirm',
  'GET /api/v1/openapi.json', // the API's description
]);

type Resource = 'surveys' | 'locations' | 'users' | 'responses' | 'invitations' | 'questions' | 'dimensions' | 'jobs' | 'api-keys' | 'webhooks' | 'deliveries' | 'contacts' | 'waves' | 'reviews' | 'imports' | 'alert-rules' | 'cases' | 'case-teams' | 'root-causes' | 'action-plans' | 'quizzes' | 'employees' | 'coaching-notes' | 'audit-calibrations' | 'qa-reviews' | 'audit-evidence' | 'checklists' | 'checklist-versions'
  | 'audit-waves' | 'audit-assignments' | 'audit-visits' | 'audit-appeals' | 'focus-sessions' | 'focus-findings' | 'store-imports' | 'result-links'
  | 'saved-views' | 'question-library'
  | 'reports' | 'report-schedules' | 'report-deliveries'
  | 'shared-links';
/** Route parameter name -> the kind of object it names. `:id` takes the kind from the segment before it. */
const PARAM_RESOURCES: Record<string, Resource> = {
  surveyId: 'surveys', locationId: 'locations', userId: 'users', responseId: 'responses', invitationId: 'invitations', questionId: 'questions',
  // A dimension key (GET /analytics/dimensions/:key/values): both organisations mark `segment`.
  key: 'dimensions',
  deliveryId: 'deliveries',
  // GET /checklists/:id/versions/:version: version 1 exists for every checklist of the fixtures.
  version: 'checklist-versions',
};
const ID_SEGMENTS = new Set<string>(['surveys', 'locations', 'users', 'responses', 'invitations', 'questions', 'jobs', 'api-keys', 'webhooks', 'contacts', 'waves', 'reviews', 'imports', 'alert-rules', 'cases', 'case-teams', 'root-causes', 'action-plans', 'quizzes', 'employees', 'coaching-notes', 'audit-calibrations', 'audit-evidence', 'checklists',
  'audit-waves', 'audit-assignments', 'audit-visits', 'audit-appeals', 'focus-sessions', 'focus-findings', 'store-imports', 'result-links',
  'saved-views', 'question-library',
  'reports', 'report-schedules', 'report-deliveries',
  'shared-links']);

type IdSet = Record<Resource, string>;
interface Route {
  method: string;
  url: string;
}
const key = (r: Route) => `${r.method} ${r.url}`;

/** Bodies that pass validation, so write routes reach their lookup instead of stopping at a 400. */
const PROBE_BODIES: Record<string, (ids: IdSet) => unknown> = {
  'PATCH /api/v1/locations/:id': () => ({ name: 'PWNED' }),
  'PATCH /api/v1/users/:id': () => ({ disabled: true }),
  'POST /api/v1/responses/:id/exclude': () => ({ reason: 'security probe' }),
  'POST /api/v1/surveys/:id/quality/exclude': () => ({ reason: 'speeder' }),
  'POST /api/v1/surveys/:id/status': () => ({ status: 'closed' }),
  'PUT /api/v1/surveys/:id/contact-policy': () => ({ contactGapDays: 1 }),
  ...INTEGRATION_PROBE_BODIES,
  'PUT /api/v1/surveys/:id/widget': () => ({ origins: ['https://pwned.example'], delaySeconds: null, exitIntent: false, urlPattern: null }),
  'PATCH /api/v1/contacts/:id': () => ({ name: 'PWNED' }),
  'PATCH /api/v1/reviews/:id/sentiment': () => ({ sentiment: 'negative' }),
  'PATCH /api/v1/alert-rules/:id': () => ({ enabled: false }),
  'PATCH /api/v1/root-causes/:id': () => ({ archived: true }),
  'PATCH /api/v1/action-plans/:id': () => ({ title: 'PWNED' }),
  'PATCH /api/v1/quizzes/:id': () => ({ name: { en: 'PWNED' } }),
  'PATCH /api/v1/org/case-teams/:id': () => ({ name: 'PWNED' }),
  'PUT /api/v1/locations/:id/business-hours': () => ({ businessHours: 'Mon-Fri 00:00-01:00' }),
  'PATCH /api/v1/cases/:id': () => ({ priority: 'urgent', title: 'PWNED' }),
  'POST /api/v1/cases/:id/notes': () => ({ text: 'PWNED' }),
  'POST /api/v1/cases/:id/replies': () => ({ text: 'PWNED' }),
  'POST /api/v1/cases/:id/resolve': () => ({ rootCauseId: crypto.randomUUID(), controllable: true }),
  'POST /api/v1/cases/:id/compensations': () => ({ amount: 1 }),
  'PUT /api/v1/contact-attributes/:key': () => ({ label: 'PWNED', type: 'text' }),
  'PATCH /api/v1/employees/:id': () => ({ name: 'PWNED' }),
  'POST /api/v1/employees/:id/coaching-notes': () => ({ note: 'PWNED' }),
  'PATCH /api/v1/coaching-notes/:id': () => ({ done: true }),
  'POST /api/v1/audit-calibrations/:id/scores': () => ({ answers: {} }),
  'PUT /api/v1/checklists/:id': () => ({ name: 'PWNED' }),
  'PATCH /api/v1/audit-waves/:id': () => ({ name: 'PWNED' }),
  'POST /api/v1/audit-waves/:id/assignments': (ids) => ({ locationIds: [ids.locations] }),
  'PATCH /api/v1/audit-assignments/:id': () => ({ status: 'cancelled' }),
  'PATCH /api/v1/audit-visits/:id': () => ({ employeeLabel: 'PWNED' }),
  'POST /api/v1/audit-visits/:id/corrections': () => ({ itemKey: 'greet', answer: { value: 'no' }, reason: 'PWNED' }),
  'POST /api/v1/audit-visits/:id/appeals': () => ({ itemKey: 'greet', reason: 'PWNED' }),
  'POST /api/v1/audit-appeals/:id/decision': () => ({ decision: 'upheld', answer: { value: 'no' } }),
  'PUT /api/v1/focus-sessions/:id': () => ({ kind: 'debrief', title: 'PWNED', heldOn: '2026-01-01' }),
  'POST /api/v1/focus-sessions/:id/findings': () => ({ text: 'PWNED' }),
  'PUT /api/v1/focus-findings/:id': () => ({ text: 'PWNED' }),
  'PATCH /api/v1/saved-views/:id': () => ({ name: 'PWNED', shared: false }),
};

function paramsOf(url: string): string[] {
  return url.split('/').filter((s) => s.startsWith(':') || s.includes('*')).map((s) => (s.includes('*') ? '*' : s.slice(1).split(/[.-]/)[0]));
}

function resourceOf(url: string, param: string): Resource | null {
  if (param === 'id') {
    const segments = url.split('/');
    const prev = segments[segments.indexOf(':id') - 1] ?? segments[segments.findIndex((s) => s.startsWith(':id')) - 1];
    // /qa/reviews/:id names a QA review (an audit visit), not a customer review.
    if (prev === 'reviews' && segments[segments.indexOf(':id') - 2] === 'qa') return 'qa-reviews';
    return ID_SEGMENTS.has(prev) ? (prev as Resource) : null;
  }
  return PARAM_RESOURCES[param] ?? null;
}

/** The route's URL with `ids` in its parameters; GET routes also get the common query parameters. */
function fill(route: Route, ids: IdSet, locationQuery = false): string {
  const path = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[resourceOf(route.url, name)!]);
  if (route.method !== 'GET') return path;
  // Common query parameters of analytics and poster routes, so they get past validation to their queries.
  const query = `?question=${ids.questions}&outcome=${ids.questions}&by=location&interval=week&lang=en`;
  return path + query + (locationQuery ? `&location=${ids.locations}&parent=${ids.locations}&aLocation=${ids.locations}` : '');
}

const randomIds = (): IdSet => ({
  surveys: crypto.randomUUID(), locations: crypto.randomUUID(), users: crypto.randomUUID(),
  responses: crypto.randomUUID(), invitations: crypto.randomUUID(), questions: crypto.randomUUID(), dimensions: `k${crypto.randomBytes(4).toString('hex')}`,
  jobs: crypto.randomUUID(), 'api-keys': crypto.randomUUID(), webhooks: crypto.randomUUID(), deliveries: crypto.randomUUID(),
  contacts: crypto.randomUUID(), waves: crypto.randomUUID(), reviews: crypto.randomUUID(), imports: crypto.randomUUID(), 'store-imports': crypto.randomUUID(),
  'alert-rules': crypto.randomUUID(),
  cases: crypto.randomUUID(),
  'case-teams': crypto.randomUUID(),
  'root-causes': crypto.randomUUID(), 'action-plans': crypto.randomUUID(),
  quizzes: crypto.randomUUID(),
  employees: crypto.randomUUID(), 'coaching-notes': crypto.randomUUID(), 'audit-calibrations': crypto.randomUUID(), 'qa-reviews': crypto.randomUUID(),
  'audit-evidence': crypto.randomUUID(),
  checklists: crypto.randomUUID(), 'checklist-versions': '1',
  'audit-waves': crypto.randomUUID(), 'audit-assignments': crypto.randomUUID(), 'audit-visits': crypto.randomUUID(), 'audit-appeals': crypto.randomUUID(),
  'focus-sessions': crypto.randomUUID(), 'focus-findings': crypto.randomUUID(), 'result-links': crypto.randomUUID(),
  'saved-views': crypto.randomUUID(), 'question-library': crypto.randomUUID(),
  reports: crypto.randomUUID(), 'report-schedules': crypto.randomUUID(), 'report-deliveries': crypto.randomUUID(),
  'shared-links': crypto.randomUUID(),
});

describe('security walk over every /api/v1 route', () => {
  let server: TestServer;
  const routes: Route[] = [];
  let A: OrgSeed;
  let A2: SecondStore;
  let B: OrgSeed;
  let owner: Client;
  let manager: Client;
  let analyst: Client;
  let scopedAdmin: Client;
  let managerId: string;
  let jobA: string;
  let jobB: string;
  let waveA: string;
  let waveB: string;
  let integrationsA: IntegrationIds;
  let integrationsB: IntegrationIds;
  /** A contact of store A1, of store A2 and of org B (their names carry the markers the walk looks for). */
  const contactIds = { a: '', a2: '', b: '' };
  /** A review of store A1, of store A2 and of org B. */
  const reviewIds = { a: '', a2: '', b: '' };
  const importIds = { a2: '', b: '' };
  const storeImportIds = { a2: '', b: '' };
  /** An alert rule of store A1, of store A2 and of org B. */
  const ruleIds = { a: '', a2: '', b: '' };
  /** A case of store A1, of store A2 and of org B. */
  const caseIds = { a: '', a2: '', b: '' };
  /** A case team of each organisation (PATCH/DELETE /org/case-teams/:id). */
  const teamIds = { a: '', b: '' };
  /** A root cause of each organisation; an action plan of store A1, of store A2 and of org B. */
  const causeIds = { a: '', b: '' };
  const planIds = { a: '', a2: '', b: '' };
  /** A report of store A1, of store A2 and of org B, each with a schedule and a delivery (docs/reports.md). */
  const reportIds: Record<'a' | 'a2' | 'b', { report: string; schedule: string; delivery: string }> = { a: { report: '', schedule: '', delivery: '' }, a2: { report: '', schedule: '', delivery: '' }, b: { report: '', schedule: '', delivery: '' } };
  const quizIds = { a: '', b: '' };
  /** Audits (docs/audits.md): an employee with a coaching note, a QA review and a calibration session about a contact, of store A1, of store A2 and of org B. */
  const qaIds = { a: { employee: '', note: '', review: '', calibration: '' }, a2: { employee: '', note: '', review: '', calibration: '' }, b: { employee: '', note: '', review: '', calibration: '' } };
  /** Audit evidence (GET /audit-evidence/:id) on a visit of store A1, of store A2 and of org B. */
  const evidenceIds = { a: '', a2: '', b: '' };
  /** A checklist of each organisation (checklists belong to the organisation, not to a location). */
  const checklistIds = { a: '', b: '' };
  /** Audits: a wave of each organisation; an assignment, a published visit and its appeal of store A1, of store A2 and of org B. */
  const auditWaveIds = { a: '', b: '' };
  const auditIds = { a: { assignment: '', visit: '', appeal: '' }, a2: { assignment: '', visit: '', appeal: '' }, b: { assignment: '', visit: '', appeal: '' } };
  /** Focus groups (docs/staff.md): a session with a finding of store A1, of store A2 and of org B. */
  const focusIds = { a: { session: '', finding: '' }, a2: { session: '', finding: '' }, b: { session: '', finding: '' } };
  /** Staff results links (docs/staff.md "Telling staff the results") on a staff survey, of store A1, of store A2 and of org B. */
  const resultLinkIds = { a: '', a2: '', b: '' };
  /** Saved views (docs/analytics.md "Saved views"): org A's owner's shared view naming store A2 (narrowed for callers limited to A1), and org B's. */
  const savedViewIds = { a: '', b: '' };
  const libraryIds = { a: '', b: '' };
  /** Shared links (docs/sharing.md) showing store A1, store A2 and org B. */
  const sharedLinkIds = { a: '', a2: '', b: '' };
  const bodies: Record<string, (ids: IdSet) => unknown> = { ...PROBE_BODIES };

  beforeAll(async () => {
    server = await startAdminServer({
      onRoute: (r) => {
        for (const method of [r.method].flat()) {
          if (method !== 'HEAD' && r.url.startsWith('/api/v1')) routes.push({ method, url: r.url });
        }
      },
    });
    A = await seedOrg(server.pool, 'A');
    A2 = await seedSecondStore(server.pool, A, 'A2');
    B = await seedOrg(server.pool, 'B');
    await server.pool.query(`update orgs set dimensions = dimensions || $2::text[] where id = $1`, [B.orgId, [B_ONLY_KEY]]);
    // A failed job of each organisation (POST /org/jobs/:id/retry).
    const failedJob = async (orgId: string) => {
      const boss = server.app.jobs.boss;
      const id = (await boss.send(rebuildOrgRollupsJob.name, { orgId }, { retryLimit: 0, startAfter: 3600 }))!;
      await boss.fetch(rebuildOrgRollupsJob.name, { ignoreStartAfter: true });
      await boss.fail(rebuildOrgRollupsJob.name, id, new Error('security probe'));
      return id;
    };
    jobA = await failedJob(A.orgId);
    integrationsA = await seedIntegrations(server.pool, A.orgId, 'A');
    integrationsB = await seedIntegrations(server.pool, B.orgId, 'B-MARK');
    jobB = await failedJob(B.orgId);
    // An invitation wave of each organisation (GET /waves/:id, POST /waves/:id/cancel).
    const wave = async (org: OrgSeed) =>
      (await server.pool.query(`insert into invitation_waves(org_id, survey_id, name, channel, audience, status) values ($1, $2, 'Wave', 'email', '{}', 'planned') returning id`, [org.orgId, org.surveyId])).rows[0].id as string;
    waveA = await wave(A);
    waveB = await wave(B);
    managerId = await buildUser(server.pool, A.orgId, 'location_manager', 'lm@a.sec.test', [A.storeId]);
    await buildUser(server.pool, A.orgId, 'analyst', 'analyst@a.sec.test', [A.storeId]);
    await buildUser(server.pool, A.orgId, 'admin', 'admin@a.sec.test', [A.storeId]);
    // People of store A2 that an admin limited to A1 must not see.
    await buildUser(server.pool, A.orgId, 'viewer', 'staff-A2-MARK@a.sec.test', [A2.storeId]);
    await server.pool.query(
      `insert into invitations(org_id, email, role, location_ids, token_hash, expires_at)
       values ($1, 'invitee-A2-MARK@a.sec.test', 'viewer', $2, $3, now() + interval '7 days')`,
      [A.orgId, [A2.storeId], crypto.randomBytes(32).toString('hex')],
    );
    const contact = async (orgId: string, storeId: string, name: string) =>
      (await server.pool.query(`insert into contacts(org_id, name, email, location_id) values ($1, $2, $3, $4) returning id`,
        [orgId, name, `${name.toLowerCase()}@contact.sec.test`, storeId])).rows[0].id as string;
    contactIds.a = await contact(A.orgId, A.storeId, 'A1-contact');
    contactIds.a2 = await contact(A.orgId, A2.storeId, 'A2-MARK-contact');
    contactIds.b = await contact(B.orgId, B.storeId, 'B-MARK-contact');
    const review = async (orgId: string, storeId: string, text: string) =>
      (await server.pool.query(`insert into reviews(org_id, source, location_id, rating, rating_scale, text, published_at, content_hash) values ($1, 'google', $2, 4, 5, $3, now(), $3) returning id`,
        [orgId, storeId, text])).rows[0].id as string;
    reviewIds.a = await review(A.orgId, A.storeId, 'A1-review');
    reviewIds.a2 = await review(A.orgId, A2.storeId, 'A2-MARK-review');
    reviewIds.b = await review(B.orgId, B.storeId, 'B-MARK-review');
    // Support imports (GET /support/imports/:id): the owner's, which users limited to locations do not see, and B's.
    const supportImport = async (orgId: string, fileName: string) =>
      (await server.pool.query(`insert into support_imports(org_id, kind, file_name, status) values ($1, 'file', $2, 'done') returning id`, [orgId, fileName])).rows[0].id as string;
    importIds.a2 = await supportImport(A.orgId, 'A2-MARK-import.csv');
    importIds.b = await supportImport(B.orgId, 'B-MARK-import.csv');
    // Store imports (GET /store-imports/:id): the owner's, which users limited to locations do not see, and B's.
    const storeImport = async (orgId: string, fileName: string) =>
      (await server.pool.query(`insert into store_imports(org_id, kind, file_name, status) values ($1, 'transactions', $2, 'done') returning id`, [orgId, fileName])).rows[0].id as string;
    storeImportIds.a2 = await storeImport(A.orgId, 'A2-MARK-till.csv');
    storeImportIds.b = await storeImport(B.orgId, 'B-MARK-till.csv');
    const rule = async (orgId: string, storeId: string, name: string) =>
      (await server.pool.query(`insert into alert_rules(org_id, name, trigger, params, location_id) values ($1, $2, 'low_score', '{"metric":"nps"}', $3) returning id`,
        [orgId, name, storeId])).rows[0].id as string;
    ruleIds.a = await rule(A.orgId, A.storeId, 'A1-rule');
    ruleIds.a2 = await rule(A.orgId, A2.storeId, 'A2-MARK-rule');
    ruleIds.b = await rule(B.orgId, B.storeId, 'B-MARK-rule');
    const aCase = async (orgId: string, storeId: string, title: string, number: number) =>
      (await server.pool.query(`with n as (update orgs set case_counter = greatest(case_counter, $2) where id = $1)
        insert into cases(org_id, number, title, channel, location_id, customer_email) values ($1, $2, $3, 'phone', $4, 'c@case.sec.test') returning id`,
        [orgId, number, title, storeId])).rows[0].id as string;
    caseIds.a = await aCase(A.orgId, A.storeId, 'A1-case', 1);
    caseIds.a2 = await aCase(A.orgId, A2.storeId, 'A2-MARK-case', 2);
    caseIds.b = await aCase(B.orgId, B.storeId, 'B-MARK-case', 1);
    const team = async (orgId: string, name: string) =>
      (await server.pool.query(`insert into case_teams(org_id, name) values ($1, $2) returning id`, [orgId, name])).rows[0].id as string;
    teamIds.a = await team(A.orgId, 'A-team');
    teamIds.b = await team(B.orgId, 'B-MARK-team');
    const cause = async (orgId: string, name: string) =>
      (await server.pool.query(`insert into root_causes(org_id, key, name) values ($1, 'probe', $2) returning id`, [orgId, JSON.stringify({ en: name })])).rows[0].id as string;
    causeIds.a = await cause(A.orgId, 'A-cause');
    causeIds.b = await cause(B.orgId, 'B-MARK-cause');
    const plan = async (orgId: string, storeId: string, title: string) =>
      (await server.pool.query(`insert into action_plans(org_id, title, location_ids, start_date) values ($1, $2, $3, '2026-01-01') returning id`, [orgId, title, [storeId]])).rows[0].id as string;
    planIds.a = await plan(A.orgId, A.storeId, 'A1-plan');
    planIds.a2 = await plan(A.orgId, A2.storeId, 'A2-MARK-plan');
    planIds.b = await plan(B.orgId, B.storeId, 'B-MARK-plan');
    // Knowledge quizzes: A's quiz with an attempt of a store-A2 employee (its results and links must not show them to A1's users), and B's quiz.
    const quiz = async (orgId: string, name: string) =>
      (await server.pool.query(
        `insert into quizzes(org_id, slug, name, definition, status) values ($1, $2, $3, $4, 'live') returning id`,
        [orgId, `sec-${crypto.randomBytes(4).toString('hex')}`, JSON.stringify({ en: name }),
          JSON.stringify({ questions: [{ key: 'q1', text: { en: name }, options: [{ key: 'a', text: { en: 'A' } }, { key: 'b', text: { en: 'B' } }], correct: ['a'] }] })],
      )).rows[0].id as string;
    quizIds.a = await quiz(A.orgId, 'A-quiz');
    quizIds.b = await quiz(B.orgId, 'B-MARK-quiz');
    await server.pool.query(
      `with e as (insert into employees(org_id, name, code, location_id) values ($1, 'Quiz A2-MARK staff', 'A2-MARK-code', $2) returning id),
       a as (insert into quiz_attempts(org_id, quiz_id, quiz_version, employee_id, location_id, correct, total) select $1, $3, 1, e.id, $2, 0, 1 from e returning id)
       insert into quiz_attempt_answers(org_id, attempt_id, question_key, topic, correct) select $1, a.id, 'q1', 'A2-MARK-topic', false from a`,
      [A.orgId, A2.storeId, quizIds.a],
    );
    const checklist = async (orgId: string) => {
      const id = (await server.pool.query(`insert into checklists(org_id, name, channel) values ($1, 'QA probe', 'contact') returning id`, [orgId])).rows[0].id as string;
      await server.pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`,
        [orgId, id, JSON.stringify({ name: 'QA probe', sections: [{ key: 's', name: 'S', items: [{ key: 'i', text: 'I', points: 1 }] }] })]);
      return id;
    };
    const qaFixture = async (orgId: string, storeId: string, mark: string) => {
      const checklistId = await checklist(orgId);
      const employee = (await server.pool.query(`insert into employees(org_id, name, location_id, agent_name) values ($1, $2, $3, $2) returning id`, [orgId, `${mark}-employee`, storeId])).rows[0].id as string;
      const note = (await server.pool.query(`insert into coaching_notes(org_id, employee_id, note) values ($1, $2, $3) returning id`, [orgId, employee, `${mark}-coaching`])).rows[0].id as string;
      const contact = (await server.pool.query(`insert into support_contacts(org_id, external_id, subject, agent, location_id, created_at) values ($1, $2, $2, $3, $4, now()) returning id`,
        [orgId, `${mark}-ticket`, `${mark}-employee`, storeId])).rows[0].id as string;
      const review = (await server.pool.query(`insert into audit_visits(org_id, kind, checklist_id, checklist_version, location_id, employee_id, support_contact_id, visited_at, notes, status)
        values ($1, 'qa', $2, 1, $3, $4, $5, now(), $6, 'published') returning id`, [orgId, checklistId, storeId, employee, contact, `${mark}-review`])).rows[0].id as string;
      const calibration = (await server.pool.query(`insert into audit_calibrations(org_id, name, checklist_id, checklist_version, support_contact_id) values ($1, $2, $3, 1, $4) returning id`,
        [orgId, `${mark}-calibration`, checklistId, contact])).rows[0].id as string;
      return { employee, note, review, calibration };
    };
    qaIds.a = await qaFixture(A.orgId, A.storeId, 'A1');
    qaIds.a2 = await qaFixture(A.orgId, A2.storeId, 'A2-MARK');
    qaIds.b = await qaFixture(B.orgId, B.storeId, 'B-MARK');
    const checklists: Record<string, string> = {};
    for (const org of [A, B]) {
      const c = (await server.pool.query(`insert into checklists(org_id, name) values ($1, 'Probe checklist') returning id`, [org.orgId])).rows[0].id as string;
      // A definition the API could have stored (an empty one made GET /qa/scorecards fail with 500).
      const definition = { name: 'Probe checklist', sections: [{ key: 's', name: 'S', items: [{ key: 'probe', text: 'Probe', points: 1 }] }] };
      await server.pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [org.orgId, c, JSON.stringify(definition)]);
      checklists[org.orgId] = c;
    }
    const evidence = async (orgId: string, storeId: string) => {
      const visit = (await server.pool.query(`insert into audit_visits(org_id, checklist_id, checklist_version, location_id, visited_at, status) values ($1, $2, 1, $3, now(), 'published') returning id`,
        [orgId, checklists[orgId], storeId])).rows[0].id as string;
      const id = crypto.randomUUID();
      await server.pool.query(`insert into audit_evidence(org_id, id, visit_id, item_key, kind, content_type, size_bytes, sha256, storage, storage_key) values ($1, $2, $3, 'probe', 'photo', 'image/jpeg', 1, 'x', 'disk', $4)`,
        [orgId, id, visit, `${orgId}/${id}`]);
      return id;
    };
    evidenceIds.a = await evidence(A.orgId, A.storeId);
    evidenceIds.a2 = await evidence(A.orgId, A2.storeId);
    evidenceIds.b = await evidence(B.orgId, B.storeId);
    const namedChecklist = async (orgId: string, name: string) => {
      const id = (await server.pool.query(`insert into checklists(org_id, name) values ($1, $2) returning id`, [orgId, name])).rows[0].id as string;
      const definition = { name, sections: [{ key: 's', name: 'S', items: [{ key: 'q', text: `${name} item`, points: 1 }] }] };
      await server.pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [orgId, id, JSON.stringify(definition)]);
      return id;
    };
    checklistIds.a = await namedChecklist(A.orgId, 'A-checklist');
    checklistIds.b = await namedChecklist(B.orgId, 'B-MARK-checklist');
    const auditWave = async (orgId: string, name: string) => {
      const checklist = (await server.pool.query(`insert into checklists(org_id, name) values ($1, $2) returning id`, [orgId, `${name}-checklist`])).rows[0].id as string;
      const definition = { name: 'Probe', sections: [{ key: 's', name: 'S', items: [{ key: 'greet', text: 'Greet', points: 1, critical: false, standard: null, answerType: 'yes_no', passRule: null, evidence: 'none' }] }] };
      await server.pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [orgId, checklist, JSON.stringify(definition)]);
      const wave = (await server.pool.query(`insert into audit_waves(org_id, name, checklist_id, starts_on, ends_on) values ($1, $2, $3, '2026-01-01', '2026-12-31') returning id`, [orgId, name, checklist])).rows[0].id as string;
      return { wave, checklist };
    };
    const auditOf = async (orgId: string, w: { wave: string; checklist: string }, storeId: string, marker: string) => {
      const assignment = (await server.pool.query(`insert into audit_assignments(org_id, wave_id, location_id, due_on) values ($1, $2, $3, '2026-06-01') returning id`, [orgId, w.wave, storeId])).rows[0].id as string;
      const visit = (await server.pool.query(
        `insert into audit_visits(org_id, checklist_id, checklist_version, wave_id, location_id, visited_at, answers, notes, status, score, earned, possible)
         values ($1, $2, 1, $3, $4, '2026-06-01T10:00:00Z', '{"greet":{"value":"yes"}}', $5, 'published', 100, 1, 1) returning id`,
        [orgId, w.checklist, w.wave, storeId, `${marker}-visit`])).rows[0].id as string;
      const appeal = (await server.pool.query(`insert into audit_appeals(org_id, visit_id, item_key, reason) values ($1, $2, 'greet', $3) returning id`, [orgId, visit, `${marker}-appeal`])).rows[0].id as string;
      return { assignment, visit, appeal };
    };
    const waveOfA = await auditWave(A.orgId, 'A-audit-wave');
    const waveOfB = await auditWave(B.orgId, 'B-MARK-audit-wave');
    auditWaveIds.a = waveOfA.wave;
    auditWaveIds.b = waveOfB.wave;
    auditIds.a = await auditOf(A.orgId, waveOfA, A.storeId, 'A1');
    auditIds.a2 = await auditOf(A.orgId, waveOfA, A2.storeId, 'A2-MARK');
    auditIds.b = await auditOf(B.orgId, waveOfB, B.storeId, 'B-MARK');
    const focus = async (orgId: string, storeId: string, marker: string) => {
      const session = (await server.pool.query(`insert into focus_sessions(org_id, kind, title, held_on, location_id, notes) values ($1, 'focus_group', $2, '2026-03-01', $3, $2) returning id`,
        [orgId, `${marker}-session`, storeId])).rows[0].id as string;
      const finding = (await server.pool.query(`insert into focus_findings(org_id, session_id, text) values ($1, $2, $3) returning id`, [orgId, session, `${marker}-finding`])).rows[0].id as string;
      return { session, finding };
    };
    focusIds.a = await focus(A.orgId, A.storeId, 'A1');
    focusIds.a2 = await focus(A.orgId, A2.storeId, 'A2-MARK');
    focusIds.b = await focus(B.orgId, B.storeId, 'B-MARK');
    const staffSurveys: Record<string, string> = {};
    for (const [org, tag] of [[A, 'A'], [B, 'B-MARK']] as const) {
      staffSurveys[org.orgId] = (await server.pool.query(
        `insert into surveys(org_id, slug, name, title, status, audience) values ($1, $2, $3, $4, 'live', 'staff') returning id`,
        [org.orgId, `staff-${crypto.randomBytes(4).toString('hex')}`, `${tag}-staff-survey`, JSON.stringify({ en: `${tag}-staff-survey` })],
      )).rows[0].id as string;
    }
    const resultLink = async (orgId: string, storeId: string) =>
      (await server.pool.query(`insert into staff_result_links(org_id, token_hash, location_id, survey_id) values ($1, $2, $3, $4) returning id`,
        [orgId, crypto.randomBytes(32).toString('hex'), storeId, staffSurveys[orgId]])).rows[0].id as string;
    resultLinkIds.a = await resultLink(A.orgId, A.storeId);
    resultLinkIds.a2 = await resultLink(A.orgId, A2.storeId);
    resultLinkIds.b = await resultLink(B.orgId, B.storeId);
    const savedView = async (org: OrgSeed, name: string, query: string) =>
      (await server.pool.query(`insert into saved_views(org_id, owner_user_id, survey_id, name, query, shared) values ($1, $2, $3, $4, $5, true) returning id`,
        [org.orgId, org.ownerId, org.surveyId, name, query])).rows[0].id as string;
    savedViewIds.a = await savedView(A, 'A-view', `range=30d&location=${A2.storeId}&cmp=locations&aLoc=${A.storeId}&bLoc=${A2.storeId}`);
    savedViewIds.b = await savedView(B, 'B-MARK-view', `location=${B.storeId}`);
    const libraryQuestion = async (org: OrgSeed, tag: string) =>
      (await server.pool.query(`insert into question_library(org_id, key, definition) values ($1, $2, $3) returning id`,
        [org.orgId, `q_${tag.toLowerCase().replace(/-/g, '_')}`, JSON.stringify({ key: 'q', type: 'text', metric: 'none', required: false, text: { en: `${tag}-library-question` } })])).rows[0].id as string;
    libraryIds.a = await libraryQuestion(A, 'A');
    libraryIds.b = await libraryQuestion(B, 'B-MARK');
    const reportOf = async (orgId: string, surveyId: string, storeId: string, ownerId: string, tag: string) => {
      const path = (await server.pool.query(`select path from locations where org_id = $1 and id = $2`, [orgId, storeId])).rows[0].path as string;
      const definition = { surveyId, sections: ['kpis'], filters: { location: storeId }, period: { rule: 'last_week' }, includeComments: false };
      const report = (await server.pool.query(`insert into reports(org_id, name, definition, location_path, owner_id) values ($1, $2, $3, $4, $5) returning id`,
        [orgId, `${tag}-report`, JSON.stringify(definition), path, ownerId])).rows[0].id as string;
      const schedule = (await server.pool.query(`insert into report_schedules(org_id, report_id, frequency, hour, recipients, next_run_at)
        values ($1, $2, 'daily', 9, '[{"kind":"role","role":"viewer"}]', now() + interval '1 day') returning id`, [orgId, report])).rows[0].id as string;
      const delivery = (await server.pool.query(`insert into report_deliveries(org_id, report_id, schedule_id, recipient_key, email, lang, period_key, report_day, status)
        values ($1, $2, $3, 'email:x@sec.test', 'x@sec.test', 'en', '2026-01-01', '2026-01-01', 'failed') returning id`, [orgId, report, schedule])).rows[0].id as string;
      return { report, schedule, delivery };
    };
    reportIds.a = await reportOf(A.orgId, A.surveyId, A.storeId, A.ownerId, 'A');
    reportIds.a2 = await reportOf(A.orgId, A.surveyId, A2.storeId, A.ownerId, 'A2');
    reportIds.b = await reportOf(B.orgId, B.surveyId, B.storeId, B.ownerId, 'B-MARK');
    const sharedLink = async (org: OrgSeed, storeId: string, title: string) =>
      (await server.pool.query(
        `insert into shared_links(org_id, survey_id, definition, title, token_hash, created_by, creator_role, location_paths)
         select $1, $2, $3, $4, $5, $6, 'owner', array[path] from locations where org_id = $1 and id = $7 returning id`,
        [org.orgId, org.surveyId, JSON.stringify({ surveyId: org.surveyId, sections: ['kpis'], period: { rule: 'last_month' } }), title,
          crypto.randomBytes(32).toString('hex'), org.ownerId, storeId],
      )).rows[0].id as string;
    sharedLinkIds.a = await sharedLink(A, A.storeId, 'A1 link');
    sharedLinkIds.a2 = await sharedLink(A, A2.storeId, 'A2-MARK link');
    sharedLinkIds.b = await sharedLink(B, B.storeId, 'B-MARK link');
    owner = await signIn(server.baseUrl, A.ownerEmail);
    manager = await signIn(server.baseUrl, 'lm@a.sec.test');
    analyst = await signIn(server.baseUrl, 'analyst@a.sec.test');
    scopedAdmin = await signIn(server.baseUrl, 'admin@a.sec.test');
    // PUT /surveys/:id needs a whole survey: use org A's own, as an attacker would.
    const own = await owner.get(`/api/v1/surveys/${A.surveyId}`);
    if (own.status !== 200 || !own.json?.survey) throw new Error(`org A's survey for the PUT probe: ${own.status} ${own.text}`);
    const { id: _id, status: _status, version: _version, ...input } = own.json.survey;
    bodies['PUT /api/v1/surveys/:id'] = () => input;
  });
  afterAll(async () => server.close());

  const idsA = (): IdSet => ({
    surveys: A.surveyId, locations: A.storeId, users: managerId, responses: A.responseIds[0], invitations: A.invitationId, questions: A.npsQuestionId,
    dimensions: SEGMENT_KEY, jobs: jobA, contacts: contactIds.a, waves: waveA, reviews: reviewIds.a, imports: importIds.a2, 'store-imports': storeImportIds.a2, 'alert-rules': ruleIds.a,
    cases: caseIds.a, 'case-teams': teamIds.a, 'root-causes': causeIds.a, 'action-plans': planIds.a, 'api-keys': integrationsA.apiKeyId, webhooks: integrationsA.webhookId, deliveries: integrationsA.deliveryId,
    quizzes: quizIds.a,
    employees: qaIds.a.employee, 'coaching-notes': qaIds.a.note, 'audit-calibrations': qaIds.a.calibration, 'qa-reviews': qaIds.a.review,
    'audit-evidence': evidenceIds.a,
    checklists: checklistIds.a, 'checklist-versions': '1',
    'audit-waves': auditWaveIds.a, 'audit-assignments': auditIds.a.assignment, 'audit-visits': auditIds.a.visit, 'audit-appeals': auditIds.a.appeal,
    'focus-sessions': focusIds.a.session, 'focus-findings': focusIds.a.finding, 'result-links': resultLinkIds.a,
    'saved-views': savedViewIds.a, 'question-library': libraryIds.a,
    reports: reportIds.a.report, 'report-schedules': reportIds.a.schedule, 'report-deliveries': reportIds.a.delivery,
    'shared-links': sharedLinkIds.a,
  });
  // Objects of org A outside store A1: store A2, its response, and the (unrestricted) owner.
  const idsA2 = (): IdSet => ({
    ...idsA(), locations: A2.storeId, responses: A2.responseIds[0], users: A.ownerId, contacts: contactIds.a2, reviews: reviewIds.a2, imports: importIds.a2, 'store-imports': storeImportIds.a2, 'alert-rules': ruleIds.a2, cases: caseIds.a2, 'action-plans': planIds.a2,
    employees: qaIds.a2.employee, 'coaching-notes': qaIds.a2.note, 'audit-calibrations': qaIds.a2.calibration, 'qa-reviews': qaIds.a2.review,
    'audit-evidence': evidenceIds.a2,
    'audit-assignments': auditIds.a2.assignment, 'audit-visits': auditIds.a2.visit, 'audit-appeals': auditIds.a2.appeal,
    'focus-sessions': focusIds.a2.session, 'focus-findings': focusIds.a2.finding, 'result-links': resultLinkIds.a2,
    reports: reportIds.a2.report, 'report-schedules': reportIds.a2.schedule, 'report-deliveries': reportIds.a2.delivery,
    'shared-links': sharedLinkIds.a2,
  });
  const idsB = (): IdSet => ({
    surveys: B.surveyId, locations: B.storeId, users: B.ownerId, responses: B.responseIds[0], invitations: B.invitationId, questions: B.npsQuestionId,
    // B's own `segment` would be a different object only by organisation: a key B alone marks stands for "B's dimension".
    dimensions: B_ONLY_KEY, jobs: jobB, contacts: contactIds.b, waves: waveB, reviews: reviewIds.b, imports: importIds.b, 'store-imports': storeImportIds.b, 'alert-rules': ruleIds.b,
    cases: caseIds.b, 'case-teams': teamIds.b, 'root-causes': causeIds.b, 'action-plans': planIds.b,
    quizzes: quizIds.b,
    employees: qaIds.b.employee, 'coaching-notes': qaIds.b.note, 'audit-calibrations': qaIds.b.calibration, 'qa-reviews': qaIds.b.review,
    'audit-evidence': evidenceIds.b,
    checklists: checklistIds.b, 'checklist-versions': '1',
    'audit-waves': auditWaveIds.b, 'audit-assignments': auditIds.b.assignment, 'audit-visits': auditIds.b.visit, 'audit-appeals': auditIds.b.appeal,
    'api-keys': integrationsB.apiKeyId, webhooks: integrationsB.webhookId, deliveries: integrationsB.deliveryId,
    'focus-sessions': focusIds.b.session, 'focus-findings': focusIds.b.finding, 'result-links': resultLinkIds.b,
    'saved-views': savedViewIds.b, 'question-library': libraryIds.b,
    reports: reportIds.b.report, 'report-schedules': reportIds.b.schedule, 'report-deliveries': reportIds.b.delivery,
    'shared-links': sharedLinkIds.b,
  });
  const walkable = () => routes.filter((r) => !PUBLIC.has(key(r)) && paramsOf(r.url).every((p) => p !== '*' && resourceOf(r.url, p)));
  const withIds = () => walkable().filter((r) => paramsOf(r.url).length > 0);
  // The key-only routes are called with org A's ingest key by org A's owner (and with no key by others).
  const keyHeaders = (client: Client, route: Route): Record<string, string> =>
    KEY_ONLY_ROUTES.has(key(route)) && client === owner ? { authorization: `Bearer ${integrationsA.ingestKey}` } : {};
  const call = (client: Client, route: Route, ids: IdSet, locationQuery = false) =>
    client.request(route.method, fill(route, ids, locationQuery), route.method === 'GET' || route.method === 'DELETE' ? undefined : (bodies[key(route)]?.(ids) ?? {}), keyHeaders(client, route));
  const bMarkers = () => ['B-MARK', 'B1-MARK', B.orgId, B.surveyId, B.storeId, B.ownerId, B.slug, ...B.responseIds];
  const a2Markers = () => ['A2-MARK', A2.storeId, ...A2.responseIds];

  /** Null when `res` reveals nothing: a 404, or exactly what a made-up id gets (validation before lookup, or a role refusal). */
  function leak(res: { status: number; json: any }, random: { status: number; json: any }, allowed: number[] = []): string | null {
    if (res.status === 404) return null;
    if (res.status === random.status && res.json?.error === random.json?.error && allowed.includes(res.status)) return null;
    return `${res.status} ${res.json?.error ?? ''} (a made-up id got ${random.status})`;
  }

  it('collects the routes, and every route parameter has a fixture', () => {
    expect(routes.map(key)).toEqual(expect.arrayContaining(['GET /api/v1/locations', 'PATCH /api/v1/users/:id', 'GET /api/v1/me']));
    const unknown = routes
      .filter((r) => !PUBLIC.has(key(r)))
      .flatMap((r) => paramsOf(r.url).filter((p) => p === '*' || !resourceOf(r.url, p)).map((p) => `${key(r)} (:${p})`));
    expect(unknown, 'add these parameters to PARAM_RESOURCES in test/security.test.ts with a fixture').toEqual([]);
    const keys = routes.map(key);
    expect([...PUBLIC].filter((k) => !keys.includes(k)), 'public allowlist entries that no longer exist').toEqual([]);
    // Every other route is walked by (a), so a route answering without a session must be in the allowlist.
    expect(routes.filter((r) => !PUBLIC.has(key(r)) && !walkable().includes(r)).map(key), 'routes neither public nor walked').toEqual([]);
  });

  it('(a) answers 401 without a session on every non-public route', async () => {
    const anon = new Client(server.baseUrl);
    const failures: string[] = [];
    for (const route of walkable()) {
      const res = await call(anon, route, randomIds());
      if (res.status !== 401) failures.push(`${key(route)} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("(b) gives org A's owner 404 for org B's objects on every route with an id, and leaves B unchanged", async () => {
    const failures: string[] = [];
    for (const route of withIds()) {
      const res = await call(owner, route, idsB());
      const random = await call(owner, route, randomIds());
      // Strictly 404: a write route that validates its body first needs a PROBE_BODIES entry to reach its lookup.
      const problem = leak(res, random);
      if (problem) failures.push(`${key(route)} with org B's ids -> ${problem}`);
    }
    expect(failures).toEqual([]);
    const b = await server.pool.query(
      `select (select name from locations where org_id = $1 and id = $2) as store, (select status from surveys where org_id = $1 and id = $3) as status,
              (select disabled from users where org_id = $1 and id = $4) as disabled,
              (select count(*)::int from responses where org_id = $1 and excluded) as excluded`,
      [B.orgId, B.storeId, B.surveyId, B.ownerId],
    );
    expect(b.rows[0]).toEqual({ store: B.storeName, status: 'live', disabled: false, excluded: 0 });
  });

  it("(b) never shows org B's data on any GET route of org A's owner", async () => {
    const failures: string[] = [];
    for (const route of walkable().filter((r) => r.method === 'GET')) {
      const probes: [IdSet, boolean][] = [[idsA(), false], [idsA(), true], [{ ...idsA(), locations: B.storeId, questions: B.npsQuestionId }, true]];
      for (const [ids, locationQuery] of probes) {
        const res = await call(owner, route, ids, locationQuery);
        const found = res.status < 300 ? bMarkers().filter((m) => res.text.includes(m)) : [];
        if (found.length) failures.push(`${key(route)} -> ${res.status} shows ${found.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("(b) treats org B's ids inside request bodies as unknown", async () => {
    const probes: [string, string, unknown][] = [
      ['POST', '/api/v1/locations', { parentId: B.storeId, kind: 'store', name: 'Planted' }],
      ['PATCH', `/api/v1/locations/${A.storeId}`, { parentId: B.regionId }],
      ['POST', '/api/v1/invitations', { email: 'spy@a.sec.test', role: 'viewer', locationIds: [B.storeId] }],
      ['PATCH', `/api/v1/users/${managerId}`, { locationIds: [B.storeId] }],
    ];
    for (const [method, path, body] of probes) expect((await owner.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    const b = await server.pool.query(`select count(*)::int as n from locations where org_id = $1`, [B.orgId]);
    expect(b.rows[0].n).toBe(3);
    const a = await server.pool.query(`select count(*)::int as n from user_locations where org_id = $1 and location_id = $2`, [A.orgId, B.storeId]);
    expect(a.rows[0].n).toBe(0);
  });

  const restricted = () => ({ manager, analyst, admin: scopedAdmin });
  for (const who of ['manager', 'analyst', 'admin'] as const) {
    it(`(c) shows the ${who} limited to store A1 nothing of store A2 or org B on any GET route`, async () => {
      const client = restricted()[who];
      const failures: string[] = [];
      for (const route of walkable().filter((r) => r.method === 'GET')) {
        // Also with store A2 named in the query (location=, parent=): that must not open A2 up either.
        const probes: [IdSet, boolean][] = [[idsA(), false], [idsA(), true], [{ ...idsA(), locations: A2.storeId }, true]];
        for (const [ids, locationQuery] of probes) {
          const res = await call(client, route, ids, locationQuery);
          const found = res.status < 300 ? [...a2Markers(), ...bMarkers()].filter((m) => res.text.includes(m)) : [];
          if (found.length) failures.push(`${fill(route, ids, locationQuery)} -> ${res.status} shows ${found.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`(c) answers the ${who} limited to store A1 for store A2's ids as for ids that do not exist`, async () => {
      const client = restricted()[who];
      const failures: string[] = [];
      const outside = [
        'locations', 'responses', 'users', 'alert-rules', 'cases', 'action-plans', 'employees', 'coaching-notes', 'audit-calibrations', 'qa-reviews',
        'audit-assignments', 'audit-visits', 'audit-appeals', 'audit-evidence', 'focus-sessions', 'focus-findings', 'result-links',
        'reports', 'report-schedules', 'report-deliveries',
        'shared-links',
      ];
      const scoped = withIds().filter((r) => paramsOf(r.url).some((p) => outside.includes(resourceOf(r.url, p)!)));
      for (const route of scoped) {
        const res = await call(client, route, idsA2());
        const random = await call(client, route, {
          ...idsA(), locations: crypto.randomUUID(), responses: crypto.randomUUID(), users: crypto.randomUUID(),
          'alert-rules': crypto.randomUUID(), cases: crypto.randomUUID(), 'action-plans': crypto.randomUUID(),
          employees: crypto.randomUUID(), 'coaching-notes': crypto.randomUUID(), 'audit-calibrations': crypto.randomUUID(), 'qa-reviews': crypto.randomUUID(),
          'audit-assignments': crypto.randomUUID(), 'audit-visits': crypto.randomUUID(), 'audit-appeals': crypto.randomUUID(), 'audit-evidence': crypto.randomUUID(),
          'focus-sessions': crypto.randomUUID(), 'focus-findings': crypto.randomUUID(), 'result-links': crypto.randomUUID(),
          reports: crypto.randomUUID(), 'report-schedules': crypto.randomUUID(), 'report-deliveries': crypto.randomUUID(),
          'shared-links': crypto.randomUUID(),
        });
        // A role without the action is refused alike for every id (403); anything the role may do must be a 404.
        const problem = leak(res, random, [403]);
        if (problem) failures.push(`${key(route)} with store A2's ids -> ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('(c) gives a location manager only their own locations, comments and counts', async () => {
    const locations = (await manager.get('/api/v1/locations')).json.locations.map((l: any) => l.id);
    expect(locations).toEqual([A.storeId]);
    // Positive control: the markers the walks search for are there for someone allowed to see them.
    expect((await owner.get('/api/v1/locations')).text).toContain('A2-MARK');
    expect((await owner.get('/api/v1/users')).text).toContain('staff-A2-MARK');
    expect((await owner.get(`/api/v1/analytics/dimensions/${SEGMENT_KEY}/values`)).text).toContain('A2-MARK-COMMENT');
    expect((await owner.get('/api/v1/users')).text).toContain('invitee-A2-MARK');
    expect((await owner.get(`/api/v1/quizzes/${quizIds.a}/results`)).text).toContain('A2-MARK');
    expect((await owner.get(`/api/v1/quizzes/${quizIds.a}/links`)).text).toContain('A2-MARK');
    for (const path of ['/api/v1/employees', '/api/v1/qa/contacts', '/api/v1/qa/reviews', '/api/v1/audit-calibrations', '/api/v1/focus-sessions']) expect((await owner.get(path)).text, path).toContain('A2-MARK');
    expect((await owner.get(`/api/v1/focus-sessions/${focusIds.a2.session}`)).text).toContain('A2-MARK-finding');
    expect((await scopedAdmin.get('/api/v1/users')).json.users.map((u: any) => u.email).sort()).toEqual(['admin@a.sec.test', 'analyst@a.sec.test', 'lm@a.sec.test']);
    // The routes checked below: a check must fail, not vanish, when its route disappears.
    expect(routes.map(key)).toEqual(expect.arrayContaining([
      'GET /api/v1/surveys', 'GET /api/v1/analytics/overview', 'GET /api/v1/surveys/:id/poster.svg', 'GET /api/v1/surveys/:id/comments',
      'GET /api/v1/surveys/:id/analytics/summary', 'GET /api/v1/surveys/:id/analytics/breakdown', 'GET /api/v1/surveys/:id/analytics/compare',
      'GET /api/v1/surveys/:id/analytics/heatmap', 'POST /api/v1/responses/:id/exclude',
    ]));

    const countOf = async (c: Client, path: string, field: string) =>
      ((await c.get(path)).json.surveys as any[]).find((s) => (s.id ?? s.surveyId) === A.surveyId)[field];
    const total = A.responseIds.length + A2.responseIds.length;
    expect(await countOf(manager, '/api/v1/surveys', 'responseCount')).toBe(A.responseIds.length);
    expect(await countOf(owner, '/api/v1/surveys', 'responseCount')).toBe(total);
    expect(await countOf(manager, '/api/v1/analytics/overview', 'responses')).toBe(A.responseIds.length);
    expect(await countOf(owner, '/api/v1/analytics/overview', 'responses')).toBe(total);
    expect((await manager.get(`/api/v1/surveys/${A.surveyId}/poster.svg?location=${A2.storeId}`)).status).toBe(404);
    const mine = (await manager.get(`/api/v1/surveys/${A.surveyId}/comments`)).json.comments.map((c: any) => c.text).sort();
    expect(mine).toEqual([...A.comments].sort());
    const all = (await owner.get(`/api/v1/surveys/${A.surveyId}/comments`)).json.comments.map((c: any) => c.text).sort();
    expect(all).toEqual([...A.comments, ...A2.comments].sort());
    expect((await manager.get(`/api/v1/surveys/${A.surveyId}/analytics/summary`)).json.responses).toBe(A.responseIds.length);
    expect((await owner.get(`/api/v1/surveys/${A.surveyId}/analytics/summary`)).json.responses).toBe(total);
    const breakdown = `/api/v1/surveys/${A.surveyId}/analytics/breakdown?question=${A.npsQuestionId}&by=location`;
    const rows = (await manager.get(breakdown)).json.rows as any[];
    // The manager's top row is their own store (and so never store A2).
    expect(rows.map((r) => r.key)).toEqual([A.storeId]);
    expect((await manager.get(`${breakdown}&parent=${A2.storeId}`)).status).toBe(404);
    expect((await manager.get(`${breakdown}&parent=${A.regionId}`)).status).toBe(404);
    const compare = `/api/v1/surveys/${A.surveyId}/analytics/compare?question=${A.npsQuestionId}`;
    expect((await manager.get(`${compare}&aLocation=${A.storeId}&bLocation=${A.storeId}&aTo=2000-01-01&bFrom=2000-01-02`)).status).toBe(200);
    expect((await manager.get(`${compare}&aLocation=${A2.storeId}&bLocation=${A.storeId}`)).status).toBe(404);
    expect((await owner.get(`${compare}&aLocation=${B.storeId}&bLocation=${A.storeId}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/surveys/${A.surveyId}/analytics/heatmap?parent=${A2.storeId}`)).status).toBe(404);
    expect((await analyst.post(`/api/v1/responses/${A2.responseIds[0]}/exclude`, { reason: 'probe' })).status).toBe(404);
    expect((await owner.post(`/api/v1/responses/${B.responseIds[0]}/exclude`, { reason: 'probe' })).status).toBe(404);
  });

  // Last: it adds a response to survey A, which the counts above must not see.
  it("(b) never files a public answer to org A's survey under org B's location", async () => {
    const page = await new Client(server.baseUrl).get(`/s/${A.slug}?loc=${B.storeId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('B1-MARK');
    const key = `sec-${crypto.randomUUID()}`;
    await new Client(server.baseUrl).request('POST', `/s/${A.slug}`, { _k: key, _loc: B.storeId, _lang: 'en', q_nps: '9' });
    const stored = await server.pool.query(`select location_id from responses where idempotency_key = $1`, [key]);
    // Stored once (an answer that is not stored at all would pass the second check), and not under B's store.
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].location_id).not.toBe(B.storeId);
  });
});
