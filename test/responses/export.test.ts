/**
 * GET /surveys/:id/responses.csv and .xlsx on a real server and PostgreSQL: files parsed back (CSV by
 * a small RFC 4180 parser here, XLSX by exceljs), headers in the requested language, formula cells
 * neutralised, multi-choice answers joined, one row per response; and an export of 50,000 responses
 * seeded by SQL read as a stream while the process's memory is sampled (printed). The server runs in
 * this process, so its memory is measured here: the live heap (after a forced collection, every few
 * megabytes received) must never grow by a quarter of the file, which buffering the file would need.
 */

// A forced collection separates live memory from garbage not yet collected.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

/** RFC 4180: fields split by commas, records by CRLF, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('responses export', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId = '';
  let surveyId = '';
  let storeA = '';

  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date('2026-11-30T12:00:00Z') });
    const { pool } = server;
    const org = await buildOrg(pool, 'Export Org');
    orgId = org.orgId;
    await pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [orgId]);
    const root = { id: org.rootLocationId, path: org.rootPath };
    storeA = (await buildLocation(pool, orgId, root, 'store', 'Магазин А')).id;
    const storeB = (await buildLocation(pool, orgId, root, 'store', 'Store B')).id;
    await pool.query(`update locations set code = 'MSK-1' where org_id = $1 and id = $2`, [orgId, storeA]);
    await buildUser(pool, orgId, 'owner', 'owner@export.test');
    await buildUser(pool, orgId, 'location_manager', 'manager@export.test', [storeA]);
    owner = await signIn(server.baseUrl, 'owner@export.test');
    manager = await signIn(server.baseUrl, 'manager@export.test');
    const s = await seedSurvey(pool, orgId, [
      { key: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?', ru: 'Насколько вероятно, что вы порекомендуете нас?' } },
      { key: 'liked', type: 'multi', text: { en: 'What did you like?', ru: 'Что понравилось?' } },
      { key: 'why', type: 'text', text: { en: 'Why?', ru: 'Почему?' } },
    ]);
    surveyId = s.surveyId;
    await pool.query(`update surveys set slug = 'store-visit' where org_id = $1 and id = $2`, [orgId, surveyId]);
    await pool.query(
      `update questions set options = '[{"value":"price","label":{"en":"Price","ru":"Цена"}},{"value":"staff","label":{"en":"Staff","ru":"Персонал"}}]'
        where org_id = $1 and id = $2`,
      [orgId, s.ids.liked],
    );
    await seedResponses(pool, orgId, surveyId, s.ids, [
      { locationId: storeA, at: '2026-11-10T21:30:00Z', language: 'ru', hidden: { order: '@SUM(A1)' },
        answers: { nps: { score: 9 }, liked: { choices: ['price', 'staff'] }, why: { text: '=HYPERLINK("http://evil.example","click")' } } },
      { locationId: storeB, at: '2026-11-11T08:00:00Z', answers: { nps: { score: 4 }, why: { text: 'Очень долго, "очередь"\nи холодно' } } },
      { locationId: storeA, at: '2026-11-12T09:15:00Z', channel: 'qr', answers: { nps: { score: 10 } } },
    ]);
  });
  afterAll(async () => server?.close());

  const download = async (client: Client, path: string) => {
    const res = await client.request('GET', path);
    return res;
  };

  it('exports CSV with a BOM, Russian headers, local times, joined choices and neutralised formulas', async () => {
    const res = await download(owner, `/api/v1/surveys/${surveyId}/responses.csv?lang=ru`);
    expect(res.status, res.text).toBe(200);
    const raw = new Uint8Array(await (await fetch(`${server.baseUrl}/api/v1/surveys/${surveyId}/responses.csv?lang=ru`, { headers: { cookie: await cookieOf(owner) } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="store-visit-responses-2026-11-30.csv"');
    expect(res.headers.get('x-total-count')).toBe('3');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([
      'ID ответа', 'Время ответа (Europe/Moscow)', 'Точка', 'Код точки', 'Канал', 'Язык', 'Исключён', 'Причина исключения',
      'Насколько вероятно, что вы порекомендуете нас?', 'Что понравилось?', 'Почему?', 'order',
    ]);
    expect(rows).toHaveLength(1 + 3);
    // Newest first; Moscow is UTC+3.
    expect(rows[1].slice(1)).toEqual(['2026-11-12 12:15:00', 'Магазин А', 'MSK-1', 'qr', 'en', 'нет', '', '10', '', '', '']);
    expect(rows[2].slice(1)).toEqual(['2026-11-11 11:00:00', 'Store B', '', 'link', 'en', 'нет', '', '4', '', 'Очень долго, "очередь"\nи холодно', '']);
    expect(rows[3].slice(1)).toEqual(['2026-11-11 00:30:00', 'Магазин А', 'MSK-1', 'link', 'ru', 'нет', '', '9', 'Цена; Персонал',
      `'=HYPERLINK("http://evil.example","click")`, "'@SUM(A1)"]);
  });

  it('takes the header language from Accept-Language when lang is absent', async () => {
    const res = await owner.request('GET', `/api/v1/surveys/${surveyId}/responses.csv`, undefined, { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
    expect(parseCsv(res.text)[0][0]).toBe('ID ответа');
    const en = await owner.request('GET', `/api/v1/surveys/${surveyId}/responses.csv`, undefined, { 'accept-language': 'de' });
    expect(parseCsv(en.text)[0][0]).toBe('Response ID');
  });

  it('exports XLSX that exceljs reads back, scores as numbers, formulas as text', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/surveys/${surveyId}/responses.xlsx?lang=en&channel=link`, { headers: { cookie: await cookieOf(owner) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="store-visit-responses-2026-11-30.xlsx"');
    expect(res.headers.get('x-total-count')).toBe('2');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const sheet = wb.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(1 + 2);
    expect(values(1)).toEqual(['Response ID', 'Submitted at (Europe/Moscow)', 'Location', 'Location code', 'Channel', 'Language', 'Excluded', 'Exclusion reason',
      'How likely are you to recommend us?', 'What did you like?', 'Why?', 'order']);
    const older = values(3);
    expect(older.slice(1, 9)).toEqual(['2026-11-11 00:30:00', 'Магазин А', 'MSK-1', 'link', 'ru', 'no', undefined, 9]);
    expect(older.slice(9)).toEqual(['Price; Staff', `'=HYPERLINK("http://evil.example","click")`, "'@SUM(A1)"]);
    // A neutralised cell is a plain string, not a formula.
    expect(sheet.getRow(3).getCell(11).type).toBe(ExcelJS.ValueType.String);
  });

  it('exports only what the caller may see, with the filters and the search', async () => {
    const mine = await manager.get(`/api/v1/surveys/${surveyId}/responses.csv`);
    expect(mine.status).toBe(200);
    const rows = parseCsv(mine.text);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Магазин А', 'Магазин А']);
    expect(mine.text).not.toContain('Store B');
    const searched = parseCsv((await owner.get(`/api/v1/surveys/${surveyId}/responses.csv?q=${encodeURIComponent('ОЧЕРЕДЬ')}`)).text);
    expect(searched.slice(1).map((r) => r[2])).toEqual(['Store B']);
    expect((await owner.get(`/api/v1/surveys/${surveyId}/responses.csv?lang=de`)).status).toBe(400);
    expect((await manager.get(`/api/v1/surveys/${surveyId}/responses.xlsx?location=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);
  });

  async function cookieOf(client: Client): Promise<string> {
    return (client as unknown as { cookie: string }).cookie;
  }

  it('streams 50,000 responses in bounded memory (measured and printed)', { timeout: 600_000 }, async () => {
    const N = 50_000;
    const { pool } = server;
    // The export shares this process with the job workers: a cron job (the comment sweep, which would analyse these
    // 50,000 comments) running meanwhile would be counted as the export's memory. No job is needed from here on.
    await server.app.jobs.stop();
    const big = await seedSurvey(pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }], 'Big');
    // ~1 kB comment per response, so the file (~55 MB) dwarfs what a streamed export holds at once.
    await pool.query(
      `with r as (
         insert into responses(org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, submitted_at, duration_ms)
         select $1, $2, $3, 'link', 'ru', jsonb_build_object('order', 'N' || g), 'k' || g, 1,
                timestamptz '2026-11-01' + g * interval '20 seconds', 60000
           from generate_series(1, ${N}) g
         returning id, submitted_at)
       insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score, text)
       select $1, r.id, q.id, $2, $3, 'link', 'ru', r.submitted_at,
              case when q.key = 'nps' then (extract(epoch from r.submitted_at)::bigint / 20) % 11 end,
              case when q.key = 'why' then repeat('Отличный сервис, спасибо! ', 40) end
         from r cross join (values ($4::uuid, 'nps'), ($5::uuid, 'why')) q(id, key)`,
      [orgId, big.surveyId, storeA, big.ids.nps, big.ids.why],
    );
    let csvBytes = 0;
    for (const format of ['csv', 'xlsx'] as const) {
      collectGarbage();
      const before = process.memoryUsage();
      let peakHeap = before.heapUsed;
      let peakLive = before.heapUsed;
      let peakRss = before.rss;
      let nextCollection = 0;
      let bytes = 0;
      let newlines = 0;
      let quoted = false;
      const started = Date.now();
      const res = await fetch(`${server.baseUrl}/api/v1/surveys/${big.surveyId}/responses.${format}`, { headers: { cookie: await cookieOf(owner) } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe(String(N));
      const reader = res.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.length;
        if (format === 'csv') {
          for (const b of chunk.value) {
            if (b === 0x22) quoted = !quoted;
            else if (b === 0x0a && !quoted) newlines++;
          }
        }
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
        if (bytes >= nextCollection) {
          collectGarbage();
          peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
          // XLSX is compressed about 20 times: sample it as often per row as the CSV.
          nextCollection = bytes + (format === 'csv' ? 4 * 1048576 : 256 * 1024);
        }
      }
      const seconds = (Date.now() - started) / 1000;
      const mb = (v: number) => `${(v / 1048576).toFixed(1)} MB`;
      console.log(`export ${format} of ${N} responses: ${mb(bytes)} in ${seconds.toFixed(1)} s; peak live heap +${mb(peakLive - before.heapUsed)} (heap with garbage +${mb(peakHeap - before.heapUsed)}), peak RSS +${mb(peakRss - before.rss)}`);
      if (format === 'csv') expect(newlines).toBe(N + 1); // header + one record per response
      if (format === 'csv') csvBytes = bytes;
      // The same rows as text: an export holding them all would need at least this.
      expect(peakLive - before.heapUsed).toBeLessThan(csvBytes / 4);
    }
  });
});
