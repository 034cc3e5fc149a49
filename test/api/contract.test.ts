/**
 * The API contract against the real server: every main dashboard endpoint is called on real PostgreSQL
 * and its JSON parsed with the answer schema the dashboard's types are inferred from (src/core/api).
 * The schemas are strict, so a key the server renames, drops or adds, or a value of another type,
 * fails here before the dashboard reads `undefined`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as accounts from '../../src/core/api/accounts.ts';
import * as analytics from '../../src/core/api/analytics.ts';
import * as locations from '../../src/core/api/locations.ts';
import * as org from '../../src/core/api/org.ts';
import * as responses from '../../src/core/api/responses.ts';
import * as surveys from '../../src/core/api/surveys.ts';
import * as users from '../../src/core/api/users.ts';
import { OkAnswerSchema } from '../../src/core/api/common.ts';
import { buildLocation, buildUser, Client, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { timeStep, totpAt } from '../helpers/totp.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

type Answer = { status: number; json: unknown; text: string };

/** The schema's complaints about an answer (none when it conforms), with the path of each. */
function issuesOf(schema: z.ZodType, json: unknown): string[] {
  const result = schema.safeParse(json);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Asserts the status and that the body conforms to the schema; returns the body for further checks. */
function conforms<S extends z.ZodType>(schema: S, res: Answer, status = 200): z.output<S> {
  expect(res.status, res.text).toBe(status);
  expect(issuesOf(schema, res.json)).toEqual([]);
  return res.json as z.output<S>;
}

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const dayOf = (iso: string) => iso.slice(0, 10);

describe('API contract: real answers parse with the schemas the dashboard is typed by', () => {
  let server: TestServer;
  let owner: Client;
  let loc: Record<string, string> = {};
  let main = { surveyId: '', ids: {} as Record<string, string> };
  let derived = { surveyId: '', ids: {} as Record<string, string> };
  let responseIds: string[] = [];
  const get = (path: string) => owner.get(`/api/v1${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const o = await buildAnalyticsOrg(pool, 'Contract Org');
    loc = { root: o.root.id };
    for (const [region, stores] of Object.entries({ North: ['Store A', 'Store B'], South: ['Store C'] })) {
      const node = await buildLocation(pool, o.orgId, o.root, 'region', region);
      loc[region] = node.id;
      for (const store of stores) loc[store] = (await buildLocation(pool, o.orgId, node, 'store', store)).id;
    }
    await buildUser(pool, o.orgId, 'owner', 'owner@contract.test');
    await buildUser(pool, o.orgId, 'viewer', 'viewer@contract.test', [loc['Store A']]);
    // Every optional part of the answers present at least once: CSI with stated importance (summary),
    // choices, comments, a flagged (speeder) response, dimensions, several stores and channels.
    main = await seedSurvey(pool, o.orgId, [
      { key: 'nps', type: 'nps', required: true },
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      { key: 'ces', type: 'rating', metric: 'ces', min: 1, max: 7, direction: 'higher_is_easier' },
      { key: 'speed', type: 'rating', metric: 'csi_satisfaction', min: 1, max: 10, attribute: 'speed' },
      { key: 'speed_imp', type: 'rating', metric: 'csi_importance', min: 1, max: 10, attribute: 'speed' },
      { key: 'staff', type: 'rating', metric: 'csi_satisfaction', min: 1, max: 10, attribute: 'staff' },
      { key: 'staff_imp', type: 'rating', metric: 'csi_importance', min: 1, max: 10, attribute: 'staff' },
      { key: 'reason', type: 'single' },
      { key: 'why', type: 'text' },
    ], 'Main survey');
    const stores = [loc['Store A'], loc['Store B'], loc['Store C']];
    const rows: SeedResponse[] = Array.from({ length: 45 }, (_, i) => ({
      locationId: stores[i % 3],
      channel: i % 2 ? 'email' : 'link',
      hidden: { segment: i % 4 ? 'new' : 'returning' },
      at: daysAgo(1 + (i % 20)),
      durationMs: i === 0 ? 500 : 60_000,
      answers: {
        nps: { score: (i * 7) % 11 },
        csat: { score: 1 + (i % 5) },
        ces: { score: 1 + ((i * 3) % 7) },
        speed: { score: 1 + ((i * 5) % 10) },
        speed_imp: { score: 1 + ((i * 3) % 10) },
        staff: { score: 1 + ((i * 7 + 2) % 10) },
        staff_imp: { score: 1 + (i % 10) },
        reason: { choice: i % 3 ? 'price' : 'staff' },
        ...(i % 5 === 0 ? { why: { text: `comment ${i}` } } : {}),
      },
    }));
    responseIds = await seedResponses(pool, o.orgId, main.surveyId, main.ids, rows);
    // CSI attributes rated without importance: the drivers answer carries the derived-importance CSI.
    derived = await seedSurvey(pool, o.orgId, [
      { key: 'nps', type: 'nps', required: true },
      { key: 'speed', type: 'rating', metric: 'csi_satisfaction', min: 1, max: 10, attribute: 'speed' },
      { key: 'staff', type: 'rating', metric: 'csi_satisfaction', min: 1, max: 10, attribute: 'staff' },
    ], 'Derived CSI survey');
    await seedResponses(pool, o.orgId, derived.surveyId, derived.ids, rows.map((r) => ({
      ...r,
      answers: { nps: r.answers.nps, speed: r.answers.speed, staff: r.answers.staff },
    })));
    owner = await signIn(server.baseUrl, 'owner@contract.test');
  });
  afterAll(async () => server?.close());

  const survey = (path = '') => `/surveys/${main.surveyId}${path}`;

  it('overview, freshness and dimension values', async () => {
    const overview = conforms(analytics.OverviewAnswerSchema, await get('/analytics/overview'));
    expect(overview.surveys.map((s) => s.name).sort()).toEqual(['Derived CSI survey', 'Main survey']);
    expect(overview.surveys.find((s) => s.name === 'Main survey')?.metrics.csi?.n).toBeGreaterThan(0);
    conforms(analytics.FreshnessAnswerSchema, await get('/analytics/freshness'));
    const values = conforms(analytics.DimensionValuesAnswerSchema, await get('/analytics/dimensions/segment/values'));
    expect(values.values.map((v) => v.value).sort()).toEqual(['new', 'returning']);
  });

  it('survey summary, with choices and stated-importance CSI', async () => {
    const summary = conforms(analytics.SummaryAnswerSchema, await get(survey('/analytics/summary')));
    expect(summary.responses).toBe(45);
    expect(summary.csi?.breakdown?.weighting).toBe('stated');
    expect(summary.questions.find((q) => q.key === 'reason')?.choices?.length).toBe(2);
  });

  it('trend, breakdowns and the heat table', async () => {
    const trend = conforms(analytics.TrendAnswerSchema, await get(survey('/analytics/trend?interval=week')));
    expect(trend.points.length).toBeGreaterThan(0);
    const byLocation = conforms(analytics.BreakdownAnswerSchema, await get(survey('/analytics/breakdown?by=location')));
    expect(byLocation.rows.map((r) => r.label).sort()).toEqual(['North', 'South']);
    for (const by of ['channel', 'language', 'dim:segment']) {
      const rows = conforms(analytics.BreakdownAnswerSchema, await get(survey(`/analytics/breakdown?by=${by}`))).rows;
      expect(rows.length, by).toBeGreaterThan(0);
    }
    conforms(analytics.BreakdownAnswerSchema, await get(survey(`/analytics/breakdown?by=location&leaf=1&sort=worst&limit=2`)));
    const heat = conforms(analytics.HeatmapAnswerSchema, await get(survey(`/analytics/heatmap?parent=${loc.North}`)));
    expect(heat.rows.map((r) => r.name).sort()).toEqual(['Store A', 'Store B']);
  });

  it('compare: two periods, two locations, and the rest of the company', async () => {
    const periods = conforms(analytics.CompareAnswerSchema, await get(survey(`/analytics/compare?aFrom=${dayOf(daysAgo(10))}&aTo=${dayOf(daysAgo(0))}&bFrom=${dayOf(daysAgo(30))}&bTo=${dayOf(daysAgo(11))}`)));
    expect(periods.sides.a.kind).toBe('all');
    const places = conforms(analytics.CompareAnswerSchema, await get(survey(`/analytics/compare?aLocation=${loc.North}&bLocation=${loc.South}`)));
    expect(places.sides.b.location?.name).toBe('South');
    const company = conforms(analytics.CompareAnswerSchema, await get(survey(`/analytics/compare?aLocation=${loc['Store A']}&b=company`)));
    expect(company.sides.b.kind).toBe('rest_of_company');
  });

  it('key drivers, with and without the derived-importance CSI', async () => {
    const stated = conforms(analytics.DriversAnswerSchema, await get(survey('/analytics/drivers')));
    expect(stated.drivers.map((d) => d.name).sort()).toEqual(['speed', 'staff']);
    expect(stated.csi).toBeUndefined();
    const withCsi = conforms(analytics.DriversAnswerSchema, await get(`/surveys/${derived.surveyId}/analytics/drivers`));
    expect(withCsi.csi?.breakdown?.weighting).toBe('derived');
  });

  it('comments and the data-quality view', async () => {
    const comments = conforms(analytics.CommentsAnswerSchema, await get(survey('/comments?limit=3')));
    expect(comments.comments).toHaveLength(3);
    expect(comments.nextBefore).not.toBeNull();
    const quality = conforms(analytics.QualityAnswerSchema, await get(survey('/quality')));
    expect(quality.flagged.find((f) => f.responseId === responseIds[0])?.reasons).toContain('speeder');
  });

  it('the responses list and one response', async () => {
    const page = conforms(responses.ResponsesAnswerSchema, await get(survey('/responses?limit=10')));
    expect(page.responses).toHaveLength(10);
    expect(page.nextCursor).not.toBeNull();
    const one = conforms(responses.OneResponseAnswerSchema, await get(`/responses/${responseIds[0]}`));
    expect(one.response.flags).toContain('speeder');
  });

  it('surveys: list, one, links and templates', async () => {
    const list = conforms(surveys.SurveyListAnswerSchema, await get('/surveys'));
    expect(list.surveys).toHaveLength(2);
    const one = conforms(surveys.SurveyDetailAnswerSchema, await get(survey()));
    expect(one.survey.questions).toHaveLength(9);
    const links = conforms(surveys.SurveyLinksAnswerSchema, await get(survey('/links')));
    expect(links.links.length).toBeGreaterThan(1);
    conforms(surveys.SurveyTemplatesAnswerSchema, await get('/survey-templates'));
  });

  it('locations, users, the organisation and the signed-in account', async () => {
    const locs = conforms(locations.LocationsAnswerSchema, await get('/locations'));
    expect(locs.locations).toHaveLength(6);
    const people = conforms(users.UsersAnswerSchema, await get('/users'));
    expect(people.users).toHaveLength(2);
    const settings = conforms(org.OrgSettingsViewSchema, await get('/org'));
    expect(settings.dimensions).toEqual(['segment']);
    conforms(org.RollupJobViewSchema, await get('/org/rollup-job'));
    const keys = conforms(org.HiddenKeysAnswerSchema, await get('/org/hidden-keys'));
    expect(keys.keys.map((k) => k.key)).toEqual(['segment']);
    conforms(org.BrandingViewSchema, await get('/org/branding'));
    conforms(accounts.TwoFactorRuleAnswerSchema, await get('/org/two-factor'));
    const me = conforms(accounts.MeAnswerSchema, await get('/me'));
    expect(me.user.role).toBe('owner');
    conforms(accounts.TwoFactorStateAnswerSchema, await get('/me/two-factor'));
    conforms(accounts.AuthStateAnswerSchema, await get('/auth/state'));
  });

  it('writes the dashboard makes answer in their schemas too', async () => {
    const created = conforms(surveys.SurveyAnswerSchema, await owner.post('/api/v1/surveys', { template: 'nps_relational', name: 'From a template' }), 201);
    const id = created.survey.id;
    conforms(surveys.SurveyStatusAnswerSchema, await owner.post(`/api/v1/surveys/${id}/status`, { status: 'live' }));
    conforms(surveys.SurveyAnswerSchema, await owner.post(`/api/v1/surveys/${id}/duplicate`), 201);
    conforms(surveys.SurveyArchiveAnswerSchema, await owner.post(`/api/v1/surveys/${id}/archive`));
    conforms(surveys.SurveyDeleteAnswerSchema, await owner.request('DELETE', `/api/v1/surveys/${id}`, {}));

    const imported = conforms(locations.ImportLocationsAnswerSchema, await owner.request('POST', '/api/v1/locations/import', 'code,name,kind,parent_code\nE,Store E,store,\n', { 'content-type': 'text/csv' }));
    expect(imported.created).toBe(1);
    const store = conforms(locations.LocationAnswerSchema, await owner.post('/api/v1/locations', { parentId: loc.South, kind: 'store', name: 'Store D', code: 'D' }), 201);
    conforms(locations.LocationAnswerSchema, await owner.patch(`/api/v1/locations/${store.location.id}`, { name: 'Store D2' }));

    const invited = conforms(users.InvitationAnswerSchema, await owner.post('/api/v1/invitations', { email: 'new@contract.test', role: 'analyst' }), 201);
    conforms(users.InvitationAnswerSchema, await owner.post(`/api/v1/invitations/${invited.invitation.id}/resend`, { email: false }));
    const outbox = conforms(users.OutboxAnswerSchema, await get('/outbox'));
    expect(outbox.messages.map((m) => m.to)).toContain('new@contract.test');
    conforms(OkAnswerSchema, await owner.request('DELETE', `/api/v1/invitations/${invited.invitation.id}`));

    conforms(responses.ExclusionAnswerSchema, await owner.post(`/api/v1/responses/${responseIds[1]}/exclude`, { reason: 'manual' }));
    conforms(responses.ExclusionAnswerSchema, await owner.post(`/api/v1/responses/${responseIds[1]}/include`, {}));
    conforms(responses.BulkExclusionAnswerSchema, await owner.post(`/api/v1/surveys/${main.surveyId}/quality/exclude`, { reason: 'speeder' }));

    conforms(org.BrandingViewSchema, await owner.put('/api/v1/org/branding', { accentColor: '#1a7f5a' }));
    const updated = conforms(org.UpdateOrgAnswerSchema, await owner.patch('/api/v1/org', { name: 'Contract Org 2' }));
    expect(updated.org.name).toBe('Contract Org 2');
  });

  it('accounts: sign-in with and without a second factor, profile, reset and invitation links', async () => {
    const tokenOf = (link: string | null) => new URL(link ?? '').pathname.split('/').pop();
    const people = conforms(users.UsersAnswerSchema, await get('/users'));
    const viewer = people.users.find((u) => u.email === 'viewer@contract.test')!;
    conforms(users.UserAnswerSchema, await owner.patch(`/api/v1/users/${viewer.id}`, { role: 'analyst', locationIds: [loc['Store B']] }));
    const reset = conforms(users.PasswordResetAnswerSchema, await owner.post(`/api/v1/users/${viewer.id}/password-reset`));
    conforms(accounts.ResetLinkAnswerSchema, await new Client(server.baseUrl).get(`/api/v1/auth/reset/${tokenOf(reset.link)}`));

    const invited = conforms(users.InvitationAnswerSchema, await owner.post('/api/v1/invitations', { email: 'ivan@contract.test', role: 'viewer', locationIds: [loc['Store C']] }), 201);
    const ivan = new Client(server.baseUrl);
    conforms(users.InvitationInfoAnswerSchema, await ivan.get(`/api/v1/invitations/${tokenOf(invited.link)}`));
    conforms(users.AcceptAnswerSchema, await ivan.post(`/api/v1/invitations/${tokenOf(invited.link)}/accept`, { name: 'Ivan', password: TEST_PASSWORD }));
    conforms(accounts.ProfileAnswerSchema, await ivan.patch('/api/v1/me', { locale: 'ru' }));

    // Two-factor sign-in set up on the account page, then used to sign in.
    const setup = conforms(accounts.EnrolmentAnswerSchema, await owner.post('/api/v1/me/two-factor/setup'));
    const codes = conforms(accounts.RecoveryCodesAnswerSchema, await owner.post('/api/v1/me/two-factor/confirm', { code: totpAt(setup.key, timeStep(Date.now())) }));
    const again = new Client(server.baseUrl);
    const first = conforms(accounts.LoginAnswerSchema, await again.post('/api/v1/auth/login', { email: 'owner@contract.test', password: TEST_PASSWORD }));
    expect(first.twoFactor).toBe('verify');
    // A recovery code: the app's code of this time step is spent already.
    conforms(accounts.SecondFactorAnswerSchema, await again.post('/api/v1/auth/two-factor', { recoveryCode: codes.recoveryCodes[0] }));

    // Required by the organisation: a user without it sets it up while signing in.
    conforms(accounts.TwoFactorRuleAnswerSchema, await owner.put('/api/v1/org/two-factor', { required: true }));
    const late = new Client(server.baseUrl);
    expect(conforms(accounts.LoginAnswerSchema, await late.post('/api/v1/auth/login', { email: 'ivan@contract.test', password: TEST_PASSWORD })).twoFactor).toBe('enrol');
    const enrolment = conforms(accounts.EnrolmentAnswerSchema, await late.post('/api/v1/auth/two-factor/enrol'));
    conforms(accounts.EnrolConfirmAnswerSchema, await late.post('/api/v1/auth/two-factor/enrol/confirm', { code: totpAt(enrolment.key, timeStep(Date.now())) }));
  });

  it('a renamed, dropped or extra key in an answer fails its schema', async () => {
    const res = await get(survey('/analytics/summary'));
    const answer = res.json as { questions: Array<Record<string, unknown>> };
    expect(issuesOf(analytics.SummaryAnswerSchema, answer)).toEqual([]);
    const [first, ...rest] = answer.questions;
    const { questionId, ...withoutId } = first;
    const renamed = { ...answer, questions: [{ ...withoutId, id: questionId }, ...rest] };
    expect(issuesOf(analytics.SummaryAnswerSchema, renamed)).toEqual(expect.arrayContaining(['questions.0.questionId: Invalid input: expected string, received undefined', expect.stringMatching(/^questions\.0: Unrecognized key: "id"/)]));
  });
});
