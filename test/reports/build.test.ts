/**
 * buildReport reads the same figures the dashboard's API answers for the same survey, filters and days
 * (KPIs with the previous period, trend, breakdown), scoped to the caller's locations; a shared report hides
 * groups under 5 answers. Hand-built answers, hand-computed NPS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access/index.ts';
import type { ReportDefinition } from '../../src/core/api/reports.ts';
import type { ReportModel, ReportSectionData } from '../../src/core/reports/model.ts';
import { buildReport } from '../../src/server/reports/build.ts';
import { buildLocation, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, npsOf, seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

const section = <K extends ReportSectionData['kind']>(m: ReportModel, kind: K) => m.sections.find((s) => s.kind === kind) as Extract<ReportSectionData, { kind: K }>;

describe('buildReport', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let ownerP: Principal;
  let managerP: Principal;
  let surveyId = '';
  const loc: Record<string, string> = {};
  const S1 = [10, 10, 9, 3, 7]; // n 5: shown in shared reports, NPS (3 - 1) / 5 = 40
  const S2 = [10, 2, 8, 9]; // n 4: hidden in shared reports
  const S3 = [9, 9, 9, 9, 10, 0, 1, 8]; // outside the manager's region
  const OCT = [10, 10, 10, 0, 0, 0, 5]; // the previous month, in S1

  const definition = (sections: ReportDefinition['sections'], filters: ReportDefinition['filters'] = {}): ReportDefinition => ({
    surveyId, sections, filters, period: { from: '2026-11-01', to: '2026-11-30' }, includeComments: false,
  });
  const api = async (client: Client, path: string) => {
    const res = await client.get(`/api/v1/surveys/${surveyId}/analytics/${path}`);
    expect(res.status, path).toBe(200);
    return res.json;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const { orgId, root } = await buildAnalyticsOrg(pool, 'Report Org');
    const region = await buildLocation(pool, orgId, root, 'region', 'North');
    loc.R1 = region.id;
    loc.S1 = (await buildLocation(pool, orgId, region, 'store', 'Store <One>')).id;
    loc.S2 = (await buildLocation(pool, orgId, region, 'store', 'Store Two')).id;
    loc.S3 = (await buildLocation(pool, orgId, root, 'store', 'Store Three')).id;
    const ownerId = await buildUser(pool, orgId, 'owner', 'owner@report.test');
    const managerId = await buildUser(pool, orgId, 'location_manager', 'north@report.test', [loc.R1]);
    ownerP = { orgId, userId: ownerId, role: 'owner', locationPaths: null };
    managerP = { orgId, userId: managerId, role: 'location_manager', locationPaths: [region.path] };
    const s = await seedSurvey(pool, orgId, [{ key: 'nps', type: 'nps', text: { en: 'Recommend?', fa: 'توصیه؟' } }, { key: 'why', type: 'text' }], 'Shop survey');
    surveyId = s.surveyId;
    const answers = (store: string, scores: number[], day: string): SeedResponse[] =>
      scores.map((score, i) => ({
        locationId: loc[store], at: `${day}T${String(10 + i).padStart(2, '0')}:00:00Z`,
        answers: { nps: { score }, ...(store === 'S3' && i === 0 ? { why: { text: 'Slow till. Call me: +7 (912) 345-67-89, anna@example.ru' } } : {}) },
      }));
    await seedResponses(pool, orgId, surveyId, s.ids, [
      ...answers('S1', S1, '2026-11-03'), ...answers('S2', S2, '2026-11-12'), ...answers('S3', S3, '2026-11-20'), ...answers('S1', OCT, '2026-10-15'),
    ]);
    owner = await signIn(server.baseUrl, 'owner@report.test');
    manager = await signIn(server.baseUrl, 'north@report.test');
  });
  afterAll(async () => server?.close());

  it('KPIs equal the dashboard summary of the window and of the previous window', async () => {
    const model = await buildReport(server.pool, ownerP, definition(['kpis']), { audience: 'internal', today: '2026-12-02' });
    const kpi = section(model, 'kpis').items.find((k) => k.key === 'nps')!;
    const now = (await api(owner, 'summary?from=2026-11-01&to=2026-11-30')).questions[0].result;
    const before = (await api(owner, 'summary?from=2026-10-01&to=2026-10-31')).questions[0].result;
    expect(kpi.current.result).toEqual(now);
    expect(kpi.previous.result).toEqual(before);
    expect(kpi.current.result!.n).toBe(17);
    expect(kpi.current.result!.value).toBeCloseTo(npsOf([...S1, ...S2, ...S3]), 9);
    expect(kpi.previous.result!.value).toBeCloseTo(npsOf(OCT), 9);
    expect(model.window).toEqual({ from: '2026-11-01', to: '2026-11-30', previous: { from: '2026-10-02', to: '2026-10-31' } });
  });

  it('trend and breakdown equal the dashboard API for the same filters', async () => {
    const model = await buildReport(server.pool, ownerP, definition(['trend', 'breakdown'], { location: loc.R1 }), { audience: 'internal', today: '2026-12-02' });
    const trend = section(model, 'trend');
    expect(trend.interval).toBe('week');
    const apiTrend = await api(owner, `trend?from=2026-11-01&to=2026-11-30&interval=week&location=${loc.R1}`);
    expect(trend.points.map((p) => [p.period, p.partial, p.figure.result])).toEqual(apiTrend.points.map((p: any) => [p.period, p.partial, p.result]));
    expect(trend.points.map((p) => p.figure.result?.n)).toEqual([5, 4]);
    const breakdown = section(model, 'breakdown');
    const apiRows = (await api(owner, `breakdown?by=location&parent=${loc.R1}&from=2026-11-01&to=2026-11-30&location=${loc.R1}`)).rows;
    expect(breakdown.rows.map((r) => [r.label, r.figure.result])).toEqual(apiRows.map((r: any) => [r.label, r.result]));
    expect(breakdown.rows.map((r) => [r.label, r.figure.result?.value])).toEqual([['Store <One>', npsOf(S1)], ['Store Two', npsOf(S2)]]);
  });

  it('is scoped to the principal: a regional manager gets the region only, like their dashboard', async () => {
    const model = await buildReport(server.pool, managerP, definition(['kpis', 'breakdown']), { audience: 'internal', today: '2026-12-02' });
    const kpi = section(model, 'kpis').items[0];
    expect(kpi.current.result).toEqual((await api(manager, 'summary?from=2026-11-01&to=2026-11-30')).questions[0].result);
    expect(kpi.current.result!.n).toBe(S1.length + S2.length);
    expect(section(model, 'breakdown').rows.map((r) => r.label)).toEqual(['North']);
    await expect(buildReport(server.pool, managerP, definition(['kpis'], { location: loc.S3 }), { audience: 'internal' })).rejects.toThrow(/not found/i);
  });

  it('a shared report hides the group of 4 answers and shows the group of 5', async () => {
    const model = await buildReport(server.pool, ownerP, definition(['breakdown', 'trend'], { location: loc.R1 }), { audience: 'shared', today: '2026-12-02' });
    expect(model.audience).toBe('shared');
    const rows = section(model, 'breakdown').rows;
    expect(rows.map((r) => [r.label, r.figure.hidden, r.figure.result?.value ?? null, r.figure.result?.ci95 ?? null])).toEqual([
      ['Store <One>', false, 40, expect.any(Array)],
      ['Store Two', true, null, null],
    ]);
    expect(section(model, 'trend').points.map((p) => p.figure.hidden)).toEqual([false, true]);
  });

  it('comments appear only when included, with contact details removed', async () => {
    const without = await buildReport(server.pool, ownerP, definition(['comments']), { audience: 'internal', today: '2026-12-02' });
    expect(section(without, 'comments')).toEqual({ kind: 'comments', empty: true, comments: [] });
    const withComments = await buildReport(server.pool, ownerP, { ...definition(['comments']), includeComments: true }, { audience: 'internal', today: '2026-12-02' });
    expect(section(withComments, 'comments').comments).toEqual([{ day: '2026-11-20', score: 9, text: 'Slow till. Call me: [phone], [email]' }]);
    const scoped = await buildReport(server.pool, managerP, { ...definition(['comments']), includeComments: true }, { audience: 'internal', today: '2026-12-02' });
    expect(section(scoped, 'comments').comments).toEqual([]);
  });

  it('POST /api/v1/reports/render answers an HTML document with escaped names, and 401 without a session', async () => {
    const res = await owner.post('/api/v1/reports/render', { definition: definition(['kpis', 'breakdown'], { location: loc.R1 }), format: 'html', lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Shop-survey-2026-11-01_2026-11-30\.html"/);
    expect(res.text).toContain('Store &lt;One&gt;');
    expect(res.text).not.toContain('Store <One>');
    const anonymous = await new Client(server.baseUrl).post('/api/v1/reports/render', { definition: definition(['kpis']), format: 'html' });
    expect(anonymous.status).toBe(401);
    const bad = await owner.post('/api/v1/reports/render', { definition: { ...definition(['kpis']), sections: [] }, format: 'html' });
    expect(bad.status).toBe(400);
  });
});
