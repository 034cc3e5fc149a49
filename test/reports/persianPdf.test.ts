/**
 * A Persian report renders to a PDF whose text layer (pdftotext) holds the survey's and the store's Persian
 * names, the Persian section titles, Persian digits and the Persian calendar's month and year; the HTTP route
 * answers a PDF attachment. (The page image, pdftoppm, was looked at by hand: right to left, shaped letters.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../../src/core/api/reports.ts';
import { buildReport } from '../../src/server/reports/build.ts';
import { closeReportBrowser, renderReportPdf } from '../../src/server/reports/render.ts';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { pdfText } from './pdfText.ts';

describe('Persian PDF report', () => {
  let server: TestServer;
  let owner: Client;
  let definition: ReportDefinition;
  let principal: Parameters<typeof buildReport>[1];

  beforeAll(async () => {
    server = await startTestServer();
    const { orgId, root } = await buildAnalyticsOrg(server.pool, 'سازمان', 'Asia/Tehran');
    const store = await buildLocation(server.pool, orgId, root, 'store', 'شعبه تهران');
    const userId = await buildUser(server.pool, orgId, 'owner', 'owner@fa-report.test');
    await server.pool.query(`update users set locale = 'fa' where id = $1`, [userId]);
    principal = { orgId, userId, role: 'owner', locationPaths: null };
    const s = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps', text: { fa: 'چقدر ما را توصیه می‌کنید؟', en: 'Recommend?' } }], 'رضایت مشتریان');
    const scores = [10, 9, 9, 8, 7, 3, 10, 10, 6, 9, 10, 2];
    await seedResponses(server.pool, orgId, s.surveyId, s.ids, scores.map((score, i) => ({
      locationId: store.id, at: `2026-11-${String(3 + i).padStart(2, '0')}T08:00:00Z`, answers: { nps: { score } },
    })));
    definition = { surveyId: s.surveyId, sections: ['kpis', 'trend', 'breakdown'], filters: {}, period: { from: '2026-11-01', to: '2026-11-30' }, includeComments: false };
    owner = await signIn(server.baseUrl, 'owner@fa-report.test');
  });
  afterAll(async () => {
    await closeReportBrowser();
    await server?.close();
  });

  it('the text layer holds Persian names, section titles, Persian digits and the Persian calendar', async () => {
    const model = await buildReport(server.pool, principal, definition, { audience: 'internal', today: '2026-12-02' });
    const pdf = await renderReportPdf(model, 'fa');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const words of ['رضایت مشتریان', 'شعبه تهران', 'شاخص‌های کلیدی', 'روند', 'به تفکیک شعبه', 'چقدر ما را توصیه می‌کنید؟']) {
      expect(text, words).toContain(words);
    }
    // 12 answers, written in Persian digits; the trend's week of 2 Nov 2026 is 11 Aban 1405 in the Persian calendar. pdftotext moves
    // the spaces around numbers in right-to-left lines, so these compare without spaces.
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('۱۲پاسخ');
    expect(compact).toContain('۱۱آبان۱۴۰۵');
    expect(text).not.toMatch(/[0-9]/);
  }, 120_000);

  it('POST /api/v1/reports/render answers a PDF attachment in the caller\'s language', async () => {
    const res = await owner.post('/api/v1/reports/render', { definition, format: 'pdf' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9_.-]*\.pdf"; filename\*=UTF-8''/);
    expect(res.text.startsWith('%PDF-')).toBe(true);
  }, 120_000);
});
