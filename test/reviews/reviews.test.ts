/**
 * Reviews on a real server and PostgreSQL: import of CSV (Russian headers, `;`, quoted multi-line
 * texts), XLSX (date cells, a 10-point scale) and JSON lines; per-row errors with their row numbers in
 * the preview, which writes nothing; re-importing adds nothing; the scope of a location manager; the
 * monthly rating trend against hand-computed numbers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import {
  ReviewImportPreviewSchema, ReviewImportResultSchema, ReviewsAnswerSchema, ReviewSourcesAnswerSchema, ReviewTrendAnswerSchema,
} from '../../src/core/api/reviews.ts';

describe('reviews', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId = '';
  let storeA = '';
  let storeB = '';

  const countReviews = async () => Number((await server.pool.query(`select count(*)::int as n from reviews where org_id = $1`, [orgId])).rows[0].n);

  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date('2026-06-20T12:00:00Z') });
    const org = await buildOrg(server.pool, 'Reviews Org');
    orgId = org.orgId;
    await server.pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [orgId]);
    const region = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'Москва');
    const a = await buildLocation(server.pool, orgId, region, 'store', 'Тверская');
    const b = await buildLocation(server.pool, orgId, region, 'store', 'Арбат');
    storeA = a.id;
    storeB = b.id;
    await server.pool.query(`update locations set code = 'MSK-01' where id = $1`, [storeA]);
    await server.pool.query(`update locations set code = 'MSK-02' where id = $1`, [storeB]);
    await buildUser(server.pool, orgId, 'owner', 'owner@reviews.test');
    await buildUser(server.pool, orgId, 'location_manager', 'manager@reviews.test', [storeA]);
    owner = await signIn(server.baseUrl, 'owner@reviews.test');
    manager = await signIn(server.baseUrl, 'manager@reviews.test');
  });
  afterAll(async () => server?.close());

  // Row 1 header; row 2 a text over two lines; row 3 a bad rating and date; row 4 an unknown location;
  // row 5 a good row; row 6 repeats row 5 (same source, author, day, text up to case and spaces).
  const csv = [
    'Площадка;Оценка;Текст отзыва;Дата;Филиал;Автор;Ссылка',
    'Яндекс Карты;5;"Отличный магазин;\nвежливые ""консультанты""";12.03.2026 14:30;MSK-01;Анна;https://yandex.ru/maps/org/1/reviews?r=1',
    '2gis;7;Так себе;31.02.2026;MSK-01;Борис;',
    '2gis;2;Очереди;15-03-2026 10:00;MSK-99;Вера;',
    '2gis;4;Нормально;2026-04-02;Арбат;Глеб;',
    '2GIS;4;  нормально ;02.04.2026 18:00;MSK-02;Глеб;',
  ].join('\r\n');

  it('previews a CSV with Russian headers: mapping, row errors by row number, duplicates in the file; writes nothing', async () => {
    const res = await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: csv });
    expect(res.status).toBe(200);
    expect(res.json.mapping).toEqual({
      source: 'Площадка', rating: 'Оценка', text: 'Текст отзыва', date: 'Дата', location: 'Филиал', author: 'Автор', url: 'Ссылка',
      externalId: null, language: null, scale: null,
    });
    expect(res.json).toMatchObject({ rows: 5, fresh: 2, duplicates: 1, errorRows: 2 });
    expect(res.json.errors).toEqual([
      { row: 3, field: 'rating', message: 'rating 7 is outside 1..5 (a 10-point file? choose the 1..10 scale)' },
      { row: 3, field: 'date', message: 'date "31.02.2026" is not a date this import reads (e.g. 2024-03-12, 12.03.2024, 12-03-2024 14:30)' },
      { row: 4, field: 'location', message: 'location "MSK-99" is not a code or name of your locations' },
    ]);
    expect(res.json.sample[0]).toEqual({
      row: 2, status: 'new', source: 'яндекс_карты', rating: 5, ratingScale: 5, text: 'Отличный магазин;\nвежливые "консультанты"', author: 'Анна',
      publishedAt: '2026-03-12T11:30:00.000Z', location: 'Тверская',
    });
    expect(res.json.sample.map((s: { row: number; status: string }) => [s.row, s.status])).toEqual([[2, 'new'], [5, 'new'], [6, 'duplicate']]);
    expect(await countReviews()).toBe(0);
  });

  it('imports the CSV in one go and a second import of the same file adds nothing', async () => {
    const first = await owner.post('/api/v1/reviews/import', { format: 'csv', content: csv });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ added: 2, duplicates: 1, errorRows: 2 });
    expect(await countReviews()).toBe(2);
    const again = await owner.post('/api/v1/reviews/import', { format: 'csv', content: csv });
    expect(again.json).toMatchObject({ added: 0, duplicates: 3, errorRows: 2 });
    expect(await countReviews()).toBe(2);
    const stored = await server.pool.query(
      `select source, rating::float8 as rating, rating_scale, text, location_id, published_at, author from reviews where org_id = $1 order by published_at`, [orgId],
    );
    expect(stored.rows).toEqual([
      { source: 'яндекс_карты', rating: 5, rating_scale: 5, text: 'Отличный магазин;\nвежливые "консультанты"', location_id: storeA, published_at: new Date('2026-03-12T11:30:00Z'), author: 'Анна' },
      { source: '2gis', rating: 4, rating_scale: 5, text: 'Нормально', location_id: storeB, published_at: new Date('2026-04-01T21:00:00Z'), author: 'Глеб' },
    ]);
  });

  it('imports XLSX with date cells, a chosen mapping and a 10-point scale', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Reviews');
    ws.addRow(['Review ID', 'Platform', 'Score', 'Comment', 'When', 'Store']);
    ws.addRow(['b-1', 'Booking', 9, 'Great', new Date(Date.UTC(2026, 4, 10, 9, 0)), 'MSK-01']);
    ws.addRow(['b-2', 'Booking', 6, { richText: [{ text: 'So ' }, { text: 'so' }] }, new Date(Date.UTC(2026, 4, 11)), 'MSK-02']);
    ws.addRow(['b-3', 'Booking', 'ten', 'Bad score', new Date(Date.UTC(2026, 4, 12)), 'MSK-02']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const body = { format: 'xlsx', content, ratingScale: 10, mapping: { date: 'When' } };
    const preview = await owner.post('/api/v1/reviews/import/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.json.mapping).toMatchObject({ externalId: 'Review ID', source: 'Platform', rating: 'Score', text: 'Comment', date: 'When', location: 'Store' });
    expect(preview.json.errors).toEqual([{ row: 4, field: 'rating', message: 'rating "ten" is not a number' }]);
    const res = await owner.post('/api/v1/reviews/import', body);
    expect(res.json).toMatchObject({ added: 2, duplicates: 0, errorRows: 1 });
    const again = await owner.post('/api/v1/reviews/import', body);
    expect(again.json).toMatchObject({ added: 0, duplicates: 2 });
    const rows = await server.pool.query(`select external_id, rating::float8 as rating, rating_scale, text, published_at from reviews where source = 'booking' order by external_id`);
    expect(rows.rows).toEqual([
      { external_id: 'b-1', rating: 9, rating_scale: 10, text: 'Great', published_at: new Date('2026-05-10T06:00:00Z') }, // 09:00 Moscow
      { external_id: 'b-2', rating: 6, rating_scale: 10, text: 'So so', published_at: new Date('2026-05-10T21:00:00Z') },
    ]);
  });

  it('imports JSON lines; a line that is not an object is reported by its line', async () => {
    const content = [
      '{"source":"google","rating":3,"text":"ok","date":"2026-05-20T10:00:00+03:00","location":"Тверская","author":"Ира"}',
      '',
      '{"source":"google","rating":1,"text":"rude","date":"2026-05-21","location":"MSK-02"',
      '{"source":"google","rating":"2","text":"slow","date":"2026-06-01","location":"MSK-02","url":"https://g.co/r/7"}',
    ].join('\n');
    const res = await owner.post('/api/v1/reviews/import', { format: 'jsonl', content });
    expect(res.json).toEqual({ added: 2, duplicates: 0, errorRows: 1, errors: [{ row: 3, field: null, message: 'not a JSON object' }] });
  });

  it('refuses files it cannot read, mappings without a date and a missing source', async () => {
    const bad = await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: 'a,b\n"x,1\n' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^row 2: /);
    // The preview still shows the headers, so the missing column can be chosen; the import refuses.
    const noDate = await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: 'source,text,when\ng,hi,2026-01-01\n' });
    expect(noDate.json).toMatchObject({
      headers: ['source', 'text', 'when'], rows: 1, fresh: 0, mappingProblem: { field: 'mapping.date', message: 'mapping.date: choose the column with the date of the review' },
    });
    const noDateImport = await owner.post('/api/v1/reviews/import', { format: 'csv', content: 'source,text,when\ng,hi,2026-01-01\n' });
    expect([noDateImport.status, noDateImport.json.message]).toEqual([400, 'mapping.date: choose the column with the date of the review']);
    const mapped = await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: 'source,text,when\ng,hi,2026-01-01\n', mapping: { date: 'when' } });
    expect(mapped.json).toMatchObject({ mappingProblem: null, fresh: 1 });
    const noSource = await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: 'text,date\nhi,2026-01-01\n' });
    expect(noSource.json.mappingProblem.message).toBe('source: the file has no source column; name the source of its reviews');
    const withSource = await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: 'text,date\nhi,2026-01-01\n', source: 'Instagram' });
    expect(withSource.json.sample[0]).toMatchObject({ source: 'instagram', rating: null });
    const xlsx = await owner.post('/api/v1/reviews/import/preview', { format: 'xlsx', content: Buffer.from('not a zip').toString('base64') });
    expect(xlsx.status).toBe(400);
  });

  // Stored now (rated): Тверская: яндекс 5 (2026-03), booking 9/10 (2026-05), google 3 (2026-05);
  // Арбат: 2gis 4 (2026-04), booking 6/10 (2026-05), google 2 (2026-06).
  it('lists reviews newest first with filters; a location manager sees only their store', async () => {
    const all = await owner.get('/api/v1/reviews?limit=3');
    expect(all.json.total).toBe(6);
    expect(all.json.reviews.map((r: { text: string }) => r.text)).toEqual(['slow', 'ok', 'So so']);
    expect(all.json.reviews[2]).toMatchObject({ rating: 6, ratingScale: 10, stars: 1 + (5 * 4) / 9, location: { id: storeB, name: 'Арбат', code: 'MSK-02' } });
    const page2 = await owner.get('/api/v1/reviews?limit=3&offset=3');
    expect(page2.json.reviews.map((r: { text: string }) => r.text)).toEqual(['Great', 'Нормально', 'Отличный магазин;\nвежливые "консультанты"']);
    const filtered = await owner.get(`/api/v1/reviews?source=booking&location=${storeA}`);
    expect(filtered.json.reviews.map((r: { text: string }) => r.text)).toEqual(['Great']);
    expect((await owner.get('/api/v1/reviews?minRating=4')).json.total).toBe(3); // 5, 4.56 (9/10), 4
    expect((await owner.get('/api/v1/reviews?maxRating=2')).json.total).toBe(1); // google 2; booking 6/10 is 3.22 stars
    expect((await owner.get('/api/v1/reviews?q=КОНСУЛЬТ')).json.total).toBe(1);
    expect((await owner.get('/api/v1/reviews?q=%25')).json.total).toBe(0); // % is literal
    expect((await owner.get('/api/v1/reviews?from=2026-05-11&to=2026-05-31')).json.reviews.map((r: { text: string }) => r.text)).toEqual(['ok', 'So so']);

    const mine = await manager.get('/api/v1/reviews');
    expect(mine.status).toBe(200);
    expect(mine.json.reviews.map((r: { location: { id: string } }) => r.location.id)).toEqual([storeA, storeA, storeA]);
    expect((await manager.get(`/api/v1/reviews?location=${storeB}`)).status).toBe(404);
    expect((await manager.get('/api/v1/reviews/sources')).json.sources).toEqual([
      { source: 'booking', reviews: 1 }, { source: 'google', reviews: 1 }, { source: 'яндекс_карты', reviews: 1 },
    ]);
  });

  it('the rating trend: monthly means on 5 stars with t intervals, per source and per location, scoped', async () => {
    const bySource = await owner.get('/api/v1/reviews/trend?by=source');
    expect(bySource.status).toBe(200);
    expect(bySource.json).toMatchObject({ definition: 'review_rating.v1', scale: { min: 1, max: 5 }, by: 'source' });
    const series = Object.fromEntries(bySource.json.series.map((s: any) => [s.key, s]));
    expect(bySource.json.series.map((s: any) => s.key)).toEqual(['booking', 'google', '2gis', 'яндекс_карты']);
    // booking: 9/10 -> 1 + 8*4/9 = 4.5556 and 6/10 -> 1 + 5*4/9 = 3.2222, both in May: mean 35/9 = 3.8889,
    // s = 0.9428 (s^2 = 8/9), se = 2/3, t(0.975, 1) = 12.7062: the interval is clipped to 1..5.
    const may = series.booking.points.find((p: any) => p.month === '2026-05-01');
    expect(may.result.value).toBeCloseTo(35 / 9, 10);
    expect(may.result.n).toBe(2);
    expect(may.result.se).toBeCloseTo(2 / 3, 10);
    expect(may.result.ci95).toEqual([1, 5]);
    expect(series.booking.points.map((p: any) => p.month)).toEqual(['2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    expect(series.booking.points.map((p: any) => p.result.n)).toEqual([0, 0, 2, 0]);
    // google: 3 in May, 2 in June (June is still running on 2026-06-20: partial)
    expect(series.google.points.slice(2).map((p: any) => [p.result.value, p.partial])).toEqual([[3, false], [2, true]]);
    expect(series.google.overall).toMatchObject({ value: 2.5, n: 2, ci95Method: 't' });

    const byLocation = await owner.get('/api/v1/reviews/trend?by=location');
    const loc = Object.fromEntries(byLocation.json.series.map((s: any) => [s.label, s.overall]));
    expect(loc['Тверская'].value).toBeCloseTo((5 + (1 + 32 / 9) + 3) / 3, 10); // 4.1852
    expect(loc['Арбат'].value).toBeCloseTo((4 + (1 + 20 / 9) + 2) / 3, 10); // 3.0741

    const managerTrend = await manager.get('/api/v1/reviews/trend?by=location');
    expect(managerTrend.json.series.map((s: any) => s.key)).toEqual([storeA]);
  });

  it('answers exactly the shapes of the strict answer schemas (src/core/api/reviews.ts)', async () => {
    ReviewsAnswerSchema.parse((await owner.get('/api/v1/reviews')).json);
    ReviewSourcesAnswerSchema.parse((await owner.get('/api/v1/reviews/sources')).json);
    ReviewTrendAnswerSchema.parse((await owner.get('/api/v1/reviews/trend?by=location')).json);
    ReviewImportPreviewSchema.parse((await owner.post('/api/v1/reviews/import/preview', { format: 'csv', content: csv })).json);
    ReviewImportResultSchema.parse((await owner.post('/api/v1/reviews/import', { format: 'csv', content: csv })).json);
  });

  it('a location manager cannot import or delete; deleting is scoped like reading', async () => {
    expect((await manager.post('/api/v1/reviews/import/preview', { format: 'csv', content: csv })).status).toBe(403);
    const id = (await server.pool.query(`select id from reviews where location_id = $1 limit 1`, [storeB])).rows[0].id;
    expect((await manager.delete(`/api/v1/reviews/${id}`)).status).toBe(403);
    await buildUser(server.pool, orgId, 'analyst', 'analyst@reviews.test', [storeA]);
    const analyst = await signIn(server.baseUrl, 'analyst@reviews.test');
    expect((await analyst.delete(`/api/v1/reviews/${id}`)).status).toBe(404);
    // A limited analyst imports only rows of their locations.
    const own = await analyst.post('/api/v1/reviews/import/preview', { format: 'csv', content: 'source,rating,date,location\ng,5,2026-01-01,MSK-02\ng,4,2026-01-02,\n' });
    expect(own.json.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [2, 'location "MSK-02" is not a code or name of your locations'],
      [3, 'no location (you may import reviews of your locations only)'],
    ]);
    expect((await owner.delete(`/api/v1/reviews/${id}`)).status).toBe(204);
    expect((await owner.delete(`/api/v1/reviews/${id}`)).status).toBe(404);
    expect(await countReviews()).toBe(5);
  });
});
