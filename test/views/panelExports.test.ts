/**
 * POST /api/v1/exports for every dashboard panel besides the trend and the breakdown (docs/analytics.md
 * "Exports"): key metrics, heat table, distribution, compare, key drivers, the theme tables and the analysed
 * comments. The expected figures are computed here from the rows the test inserted (plain JavaScript), never
 * with the production code; names and comments that start a formula must arrive neutralised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, buildRegionTeam, npsOf, seedCommentAnalyses, seedResponses, seedSurvey, seedThemes } from '../analytics/seed.ts';
import { parseCsv, readXlsx } from './exportFiles.ts';

type Store = 'S1' | 'S2' | 'S3';
interface Row { store: Store; at: string; nps: number; speed: number; staff: number; pick: 'a' | 'b'; comment?: { text: string; negative: boolean; themes: string[] } }

const EVIL = '=HYPERLINK("http://evil")';
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Pearson's correlation, written out. */
function corr(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('exports of every dashboard panel', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let viewer: Client;
  let surveyId: string;
  let loc: Record<string, string>;
  const rows: Row[] = [];

  const exportOf = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/exports', { survey: surveyId, ...body });
  const csvOf = async (client: Client, body: Record<string, unknown>) => {
    const res = await exportOf(client, { format: 'csv', ...body });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    return parseCsv(res.text);
  };
  const xlsxOf = (client: Client, body: Record<string, unknown>) => readXlsx(client, '/api/v1/exports', { survey: surveyId, format: 'xlsx', ...body });
  const num = (s: unknown) => (s === '' || s === undefined || s === null ? null : Number(s));

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Panel Exports Org');
    ({ loc, owner, manager } = await buildRegionTeam(server, org.orgId, org.root, 'panelexports.test'));
    await server.pool.query(`update locations set name = $2 where id = $1`, [loc.S2, EVIL]);
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@panelexports.test');
    viewer = await signIn(server.baseUrl, 'viewer@panelexports.test');
    const s = await seedSurvey(server.pool, org.orgId, [
      { key: 'nps', type: 'nps', text: { en: 'Recommend?', ru: 'Порекомендуете?' } },
      { key: 'speed', type: 'rating', min: 1, max: 5, text: { en: 'Speed', fa: 'سرعت' } },
      { key: 'staff', type: 'rating', min: 1, max: 5, text: { en: 'Staff' } },
      { key: 'pick', type: 'single' },
      { key: 'why', type: 'text' },
    ]);
    surveyId = s.surveyId;
    await seedThemes(server.pool, org.orgId, { price: { en: 'Price', ru: 'Цена' }, evil: { en: EVIL } });
    // 20 answers and the same 20 with speed and staff swapped: by symmetry each attribute explains half of R².
    const half: Array<[number, number, number]> = [];
    for (let i = 0; i < 20; i++) {
      const speed = 1 + (i % 5);
      const staff = 1 + ((2 * i + Math.floor(i / 5)) % 5);
      half.push([speed, staff, Math.min(10, Math.max(0, 2 * (speed + staff) - 6 + (i % 3)))]);
    }
    const stores: Store[] = ['S1', 'S2', 'S3'];
    [...half, ...half.map(([a, b, n]): [number, number, number] => [b, a, n])].forEach(([speed, staff, nps], j) => {
      rows.push({
        store: stores[j % 3], at: new Date(Date.UTC(2026, 9, 1) + j * 5 * 3600_000).toISOString(), nps, speed, staff, pick: j % 4 === 1 ? 'b' : 'a',
        ...(j % 2 === 0 ? { comment: { text: j === 0 ? '=1+1 cmd' : `comment ${j}`, negative: nps <= 6, themes: j % 4 === 0 ? ['price'] : ['price', 'evil'] } } : {}),
      });
    });
    const ids = await seedResponses(server.pool, org.orgId, surveyId, s.ids, rows.map((r) => ({
      locationId: loc[r.store], at: r.at,
      answers: { nps: { score: r.nps }, speed: { score: r.speed }, staff: { score: r.staff }, pick: { choice: r.pick }, ...(r.comment ? { why: { text: r.comment.text } } : {}) },
    })));
    await seedCommentAnalyses(server.pool, org.orgId, rows.flatMap((r, j) => (r.comment
      ? [{ responseId: ids[j], questionId: s.ids.why, text: r.comment.text, sentiment: r.comment.negative ? 'negative' : 'positive', themes: r.comment.themes }] : [])));
  }, 120_000);
  afterAll(() => server?.close());

  const KINDS = ['kpis', 'distribution', 'heatmap', 'compare', 'drivers', 'themes_by_month', 'themes_by_location', 'comments'] as const;

  it('answers 401 without a session, 404 for a location outside a store manager\'s scope, 403 on comments without response.read', async () => {
    for (const kind of KINDS) {
      expect((await new Client(server.baseUrl).post('/api/v1/exports', { kind, survey: surveyId, format: 'csv' })).status, kind).toBe(401);
      const filters = kind === 'compare' ? { location: loc.S2, aLocation: loc.S1, bLocation: loc.S3 } : { location: loc.S2 };
      expect((await exportOf(manager, { kind, format: 'csv', filters })).status, kind).toBe(404);
    }
    for (const kind of ['themes_by_month', 'themes_by_location', 'comments']) expect((await exportOf(viewer, { kind, format: 'csv' })).status, kind).toBe(403);
    expect((await exportOf(viewer, { kind: 'kpis', format: 'csv' })).status).toBe(200);
    expect((await exportOf(owner, { kind: 'heatmap', format: 'csv', filters: { parent: 'x' } })).json.message).toMatch(/^filters\.parent:/);
  });

  it('key metrics: NPS and the rating means with their n, in Russian', async () => {
    const [header, ...body] = await csvOf(owner, { kind: 'kpis', lang: 'ru' });
    expect(header).toEqual(['Вопрос', 'Метрика', 'Значение', 'Ответов (n)', '95% интервал, нижняя граница', '95% интервал, верхняя граница', 'Определение']);
    expect(body.map((r) => [r[0], r[1], r[3]])).toEqual([['Порекомендуете?', 'NPS', '40'], ['Speed', 'Среднее', '40'], ['Staff', 'Среднее', '40']]);
    expect(num(body[0][2])).toBeCloseTo(npsOf(rows.map((r) => r.nps)), 9);
    expect(num(body[1][2])).toBeCloseTo(mean(rows.map((r) => r.speed)), 9);
    for (const r of body) expect(num(r[4])! <= num(r[2])! && num(r[2])! <= num(r[5])!).toBe(true);
  });

  it('distribution: every score and choice with its count and share, in XLSX', async () => {
    const [header, ...body] = await xlsxOf(owner, { kind: 'distribution', lang: 'en' });
    expect(header).toEqual(['Question', 'Score / Answer', 'Answers (n)', 'Share, %']);
    const want = [
      ...Array.from({ length: 11 }, (_, s) => ['Recommend?', s, rows.filter((r) => r.nps === s).length]),
      ...[1, 2, 3, 4, 5].map((s) => ['Speed', s, rows.filter((r) => r.speed === s).length]),
      ...[1, 2, 3, 4, 5].map((s) => ['Staff', s, rows.filter((r) => r.staff === s).length]),
      ['pick', 'a', rows.filter((r) => r.pick === 'a').length], ['pick', 'b', rows.filter((r) => r.pick === 'b').length],
    ];
    expect(body.map((r) => [r[0], r[1], r[2]])).toEqual(want);
    for (const [i, r] of body.entries()) expect((r[3] ?? 0) as number).toBeCloseTo((100 * (want[i][2] as number)) / 40, 9);
  });

  it('heat table: a row per location and question, the formula-like location name neutralised (CSV and XLSX)', async () => {
    const [header, ...body] = await csvOf(owner, { kind: 'heatmap', lang: 'en' });
    expect(header).toEqual(['Location', 'Question', 'Metric', 'Value', 'Answers (n)', '95% interval, low', '95% interval, high', 'Definition']);
    const npsRows = body.filter((r) => r[1] === 'Recommend?').map((r) => [r[0], num(r[3]), num(r[4])]);
    const of = (stores: Store[]) => rows.filter((r) => stores.includes(r.store)).map((r) => r.nps);
    expect(npsRows.map((r) => r[0]).sort()).toEqual([`'${EVIL}`, 'R1'].sort());
    for (const [name, stores] of [['R1', ['S1', 'S3']], [`'${EVIL}`, ['S2']]] as Array<[string, Store[]]>) {
      const r = npsRows.find((x) => x[0] === name)!;
      expect(r[1]).toBeCloseTo(npsOf(of(stores)), 9);
      expect(r[2]).toBe(of(stores).length);
    }
    const xlsx = await xlsxOf(owner, { kind: 'heatmap', lang: 'en' });
    expect(xlsx.slice(1).map((r) => r[0])).toContain(`'${EVIL}`);
    // A store manager's file holds their region only.
    const mine = await csvOf(manager, { kind: 'heatmap', lang: 'en' });
    expect([...new Set(mine.slice(1).map((r) => r[0]))]).toEqual(['R1']);
  });

  it('compare: both sides, the difference, its p-value and test', async () => {
    const [header, a, b, diff] = await csvOf(owner, { kind: 'compare', lang: 'en', filters: { aLocation: loc.S1, bLocation: loc.S3 } });
    expect(header).toEqual(['Side', 'Who', 'From', 'To', 'Segments', 'Value', 'Answers (n)', '95% interval, low', '95% interval, high', 'p-value', 'Test', 'Significant', 'Definition']);
    const s1 = rows.filter((r) => r.store === 'S1').map((r) => r.nps);
    const s3 = rows.filter((r) => r.store === 'S3').map((r) => r.nps);
    expect([a[0], a[1], num(a[6]), b[0], b[1], num(b[6])]).toEqual(['A', 'S1', s1.length, 'B', 'S3', s3.length]);
    expect(num(a[5])).toBeCloseTo(npsOf(s1), 9);
    expect(num(b[5])).toBeCloseTo(npsOf(s3), 9);
    expect(diff[0]).toBe('Difference A − B');
    expect(num(diff[5])).toBeCloseTo(npsOf(s1) - npsOf(s3), 9);
    expect(num(diff[9])).toBeGreaterThan(0);
    expect(num(diff[9])).toBeLessThanOrEqual(1);
    expect(diff[10]).toMatch(/^[a-z_]+$/);
    expect(['yes', 'no']).toContain(diff[11]);
    const api = (await owner.get(`/api/v1/surveys/${surveyId}/analytics/compare?aLocation=${loc.S1}&bLocation=${loc.S3}`)).json;
    expect([num(diff[9]), diff[10]]).toEqual([api.change.pValue, api.change.test]);
  });

  it('key drivers: half of R² each by symmetry, the performance means and their n, in Persian', async () => {
    const [header, ...body] = await csvOf(owner, { kind: 'drivers', lang: 'fa' });
    expect(header).toEqual(['ویژگی', 'اهمیت، ٪ از R²', 'وزن خام', 'عملکرد (میانگین)', 'تعداد پاسخ (n)', 'ربع', 'تعریف']);
    // R² of nps on speed and staff from the correlations: (r1² + r2² − 2·r1·r2·r12) / (1 − r12²).
    const [y, x1, x2] = [rows.map((r) => r.nps), rows.map((r) => r.speed), rows.map((r) => r.staff)];
    const [r1, r2, r12] = [corr(y, x1), corr(y, x2), corr(x1, x2)];
    const r2All = (r1 ** 2 + r2 ** 2 - 2 * r1 * r2 * r12) / (1 - r12 ** 2);
    expect(body.map((r) => r[0]).sort()).toEqual(['Staff', 'سرعت'].sort());
    for (const r of body) {
      expect(num(r[1])).toBeCloseTo(50, 6);
      expect(num(r[2])).toBeCloseTo(r2All / 2, 6);
      expect(num(r[3])).toBeCloseTo(mean(x1), 9);
      expect(num(r[4])).toBe(40);
      expect(r[6]).toBe('drivers.v1');
    }
  });

  /** Comments with their theme, as the panels count them. */
  const mentions = (among: Row[]) => among.flatMap((r) => (r.comment ? r.comment.themes.map((theme) => ({ theme, negative: r.comment!.negative, store: r.store })) : []));

  it('themes by month and by location: counts, negative counts and shares; a formula-like theme name neutralised', async () => {
    const [header, ...body] = await csvOf(owner, { kind: 'themes_by_month', lang: 'ru' });
    expect(header).toEqual(['Тема', 'Месяц', 'Комментариев (n)', 'Негативных комментариев', 'Негатив, %']);
    const count = (theme: string, among = mentions(rows)) => {
      const m = among.filter((x) => x.theme === theme);
      return [m.length, m.filter((x) => x.negative).length];
    };
    const want = (label: string, theme: string, col: string, among?: ReturnType<typeof mentions>) => {
      const [n, neg] = count(theme, among);
      return [label, col, n, neg, (100 * neg) / n];
    };
    const parsed = (rs: string[][]) => rs.map((r) => [r[0], r[1], num(r[2]), num(r[3]), num(r[4])]);
    // Ordered by theme id: evil, price; Russian name where the theme has one.
    expect(parsed(body)).toEqual([want(`'${EVIL}`, 'evil', '2026-10-01'), want('Цена', 'price', '2026-10-01')].map((r) => [r[0], r[1], r[2], r[3], expect.closeTo(r[4] as number, 9)]));

    const xlsx = await xlsxOf(owner, { kind: 'themes_by_location', lang: 'en' });
    expect(xlsx[0]).toEqual(['Theme', 'Location', 'Comments (n)', 'Negative comments', 'Negative, %']);
    const expected = (['S1', 'S2', 'S3'] as Store[]).flatMap((store) => ['evil', 'price'].map((theme) => {
      const [n, neg] = count(theme, mentions(rows.filter((r) => r.store === store)));
      return [theme === 'evil' ? `'${EVIL}` : 'Price', store === 'S2' ? `'${EVIL}` : store, n, neg, expect.closeTo((100 * neg) / n, 9)];
    }));
    expect(xlsx.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4] ?? 0])).toEqual(expect.arrayContaining(expected));
    expect(xlsx.length - 1).toBe(expected.length);
  });

  it('analysed comments: newest first with sentiment and themes, the comment text formula-safe; only the manager\'s stores', async () => {
    const [header, ...body] = await csvOf(owner, { kind: 'comments', lang: 'en', filters: { limit: '200' } });
    expect(header).toEqual(['Submitted at', 'Location', 'Score', 'Sentiment', 'Themes', 'Comment']);
    const commented = rows.filter((r) => r.comment).sort((x, y) => y.at.localeCompare(x.at));
    expect(body.map((r) => [r[1], num(r[2]), r[3], r[4], r[5]])).toEqual(commented.map((r) => [
      r.store === 'S2' ? `'${EVIL}` : r.store, r.nps, r.comment!.negative ? 'Negative' : 'Positive',
      r.comment!.themes.map((t) => (t === 'price' ? 'Price' : `'${EVIL}`)).join('; '), r.comment!.text.startsWith('=') ? `'${r.comment!.text}` : r.comment!.text,
    ]));
    expect(body.map((r) => r[0].slice(0, 19))).toEqual(commented.map((r) => r.at.slice(0, 19)));
    const mine = await csvOf(manager, { kind: 'comments', lang: 'en', filters: { limit: '200' } });
    expect(mine.length - 1).toBe(commented.filter((r) => r.store !== 'S2').length);
    const audit = await server.pool.query(`select detail from audit_log where action = 'table.export' and target_id = $1 and detail->>'kind' = 'comments'`, [surveyId]);
    expect(audit.rows.map((r) => r.detail)).toContainEqual({ kind: 'comments', format: 'csv', filters: expect.objectContaining({ limit: 200 }), rows: commented.length });
  });
});
