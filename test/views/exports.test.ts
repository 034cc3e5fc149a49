/** POST /api/v1/exports (docs/analytics.md "Exports"): CSV and XLSX of the trend and the breakdown hold the API's figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { seedOrg, seedSecondStore, type OrgSeed, type SecondStore } from '../admin/securityFixtures.ts';
import { buildUser } from '../helpers/app.ts';
import { parseCsv, readXlsx } from './exportFiles.ts';

describe('chart and table exports', () => {
  let server: TestServer;
  let A: OrgSeed;
  let A2: SecondStore;
  let owner: Client;
  let manager: Client;

  beforeAll(async () => {
    server = await startTestServer();
    A = await seedOrg(server.pool, 'A');
    A2 = await seedSecondStore(server.pool, A, 'A2');
    await buildUser(server.pool, A.orgId, 'location_manager', 'lm@exports.test', [A.storeId]);
    // A store whose name starts a formula: the breakdown's label must be neutralised.
    await server.pool.query(`update locations set name = '=HYPERLINK("http://evil")' where id = $1`, [A2.storeId]);
    owner = await signIn(server.baseUrl, A.ownerEmail);
    manager = await signIn(server.baseUrl, 'lm@exports.test');
  });
  afterAll(() => server?.close());

  const analytics = (path: string) => `/api/v1/surveys/${A.surveyId}/analytics/${path}`;

  it('answers 401 without a session and validates the body', async () => {
    expect((await new Client(server.baseUrl).post('/api/v1/exports', { kind: 'trend', survey: A.surveyId, format: 'csv' })).status).toBe(401);
    expect((await owner.post('/api/v1/exports', { kind: 'pie', survey: A.surveyId, format: 'csv' })).status).toBe(400);
    expect((await owner.post('/api/v1/exports', { kind: 'trend', survey: A.surveyId, format: 'pdf' })).json.message).toMatch(/^format:/);
    expect((await owner.post('/api/v1/exports', { kind: 'breakdown', survey: A.surveyId, format: 'csv', filters: { by: 'nope!' } })).json.message).toMatch(/^filters\.by:/);
    // A location outside the caller's scope is not found, as on the panel's own route.
    expect((await manager.post('/api/v1/exports', { kind: 'trend', survey: A.surveyId, format: 'csv', filters: { location: A2.storeId } })).status).toBe(404);
  });

  it('writes the trend\'s figures in CSV with Russian headers and a meaningful file name', async () => {
    const filters = { interval: 'month' };
    const api = (await owner.get(`${analytics('trend')}?interval=month`)).json;
    const res = await owner.post('/api/v1/exports', { kind: 'trend', survey: A.surveyId, format: 'csv', lang: 'ru', filters });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="nps-trend-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['Начало периода', 'Неполный период', 'Значение', 'Ответов (n)', '95% интервал, нижняя граница', '95% интервал, верхняя граница', 'Определение']);
    expect(api.points.length).toBeGreaterThan(0);
    expect(rows).toEqual(api.points.map((p: any) => [
      p.period, p.partial ? 'да' : 'нет', p.result?.value == null ? '' : String(p.result.value), String(p.result?.n ?? 0),
      p.result?.ci95 ? String(p.result.ci95[0]) : '', p.result?.ci95 ? String(p.result.ci95[1]) : '', p.result?.definition ?? '',
    ]));
    // Four answers in all: 10, 9 at A1 and 0, 3 at A2 (NPS = (2 - 2) / 4 = 0).
    expect(rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(4);
    const audit = await server.pool.query(`select detail as details from audit_log where org_id = $1 and action = 'table.export' and target_id = $2`, [A.orgId, A.surveyId]);
    expect(audit.rows.map((r) => r.details)).toContainEqual({ kind: 'trend', format: 'csv', filters: expect.objectContaining({ interval: 'month' }), rows: rows.length });
  });

  it('writes the breakdown\'s figures in XLSX, neutralising a label that starts a formula', async () => {
    const api = (await owner.get(`${analytics('breakdown')}?by=location&leaf=1`)).json;
    const rows = await readXlsx(owner, '/api/v1/exports', { kind: 'breakdown', survey: A.surveyId, format: 'xlsx', lang: 'en', filters: { by: 'location', leaf: '1' } });
    expect(rows[0]).toEqual(['Group', 'Value', 'Answers (n)', '95% interval, low', '95% interval, high', 'Definition']);
    const body = rows.slice(1).map((r) => [r[0], r[1] ?? null, r[2], r[3] ?? null, r[4] ?? null, r[5]]);
    expect(body).toEqual(api.rows.map((r: any) => [
      r.label.startsWith('=') ? `'${r.label}` : r.label, r.result?.value ?? null, r.result?.n ?? 0, r.result?.ci95?.[0] ?? null, r.result?.ci95?.[1] ?? null, r.result?.definition,
    ]));
    // Hand-computed: A1 has two promoters (NPS 100, n 2); A2 two detractors (NPS -100), its name neutralised.
    expect(body.map((r) => [r[0], r[1], r[2]]).sort()).toEqual([["'=HYPERLINK(\"http://evil\")", -100, 2], [A.storeName, 100, 2]].sort());
  });

  it('exports only the caller\'s scope', async () => {
    const res = await manager.post('/api/v1/exports', { kind: 'breakdown', survey: A.surveyId, format: 'csv', lang: 'fa', filters: { by: 'location', leaf: '1' } });
    const [header, ...rows] = parseCsv(res.text);
    expect(header[0]).toBe('گروه');
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([[A.storeName, '100', '2']]);
  });
});
