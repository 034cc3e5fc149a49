/**
 * Theme suggestions (issue 11): comments that match no theme are clustered per language and offered as
 * themes; a location manager's suggestions come from their locations' comments only; accepting (under a
 * new name) or merging changes the dictionary, hides the suggestion at once and re-analyses the comments
 * (the analysis job, real pg-boss); a dismissed suggestion stays hidden. Real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, buildRegionTeam, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { analyseOrgComments } from '../../src/server/text/analyseComments.ts';
import { waitFor } from '../helpers/waitFor.ts';

// Parking (no starter theme has it) at S1 in English and at S3 in Russian, Wi-Fi at S2, and comments the starter themes cover.
const PARKING_EN = ['No parking space near the store', 'Could not find a parking space', 'Parking space too small for my car', 'Parking space always full'];
const PARKING_RU = ['Возле магазина совсем нет парковки для машин', 'Парковка у магазина всегда забита машинами', 'Парковка маленькая, машину негде поставить'];
const WIFI_EN = ['No wifi signal in the store', 'Wifi signal very weak', 'Wifi signal keeps dropping', 'Weak wifi signal near the entrance', 'Wifi signal weak again', 'The wifi signal is weak'];
const THEMED = ['The queue was very long', 'Very rude staff at the checkout'];

interface Suggestion { key: string; lang: string; size: number; words: { word: string; count: number }[]; terms: string[]; examples: string[] }

describe('theme suggestions', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId: string;
  let surveyId: string;
  const responseOf: Record<string, string> = {};
  const url = () => `/api/v1/surveys/${surveyId}/text/theme-suggestions`;
  const suggestions = async (client: Client, query = '') => {
    const res = await client.get(`${url()}${query}`);
    expect(res.status).toBe(200);
    return res.json as { limit: number; read: number; truncated: boolean; unmatched: number; otherLanguage: number; dismissed: number; suggestions: Suggestion[] };
  };
  const about = (list: Suggestion[], word: string) => list.find((s) => s.words[0]?.word === word || s.words[1]?.word === word);
  const themesOf = async (text: string) =>
    (await server.pool.query(`select c.themes from comment_analysis c where c.org_id = $1 and c.response_id = $2`, [orgId, responseOf[text]])).rows[0]?.themes as string[];

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Suggestions Org');
    orgId = org.orgId;
    const team = await buildRegionTeam(server, orgId, org.root, 'suggestions.test');
    ({ owner, manager } = team);
    const { loc } = team;
    const s = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    surveyId = s.surveyId;
    const rows = [
      ...PARKING_EN.map((text) => ({ text, store: 'S1' })), ...PARKING_RU.map((text) => ({ text, store: 'S3' })),
      ...WIFI_EN.map((text) => ({ text, store: 'S2' })), ...THEMED.map((text) => ({ text, store: 'S1' })),
    ];
    const rids = await seedResponses(server.pool, orgId, surveyId, s.ids, rows.map((r, i) => ({
      locationId: loc[r.store], at: `2026-10-${String(20 - i).padStart(2, '0')}T10:00:00Z`, answers: { nps: { score: 5 }, why: { text: r.text } },
    })));
    rows.forEach((r, i) => (responseOf[r.text] = rids[i]));
    await analyseOrgComments(server.pool, orgId);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('clusters the comments without a theme, per language, with examples, bounded and deterministic', async () => {
    const d = await suggestions(owner);
    expect(d).toMatchObject({ limit: 5000, read: PARKING_EN.length + PARKING_RU.length + WIFI_EN.length, truncated: false, otherLanguage: 0, dismissed: 0 });
    const parking = about(d.suggestions, 'parking')!;
    expect(parking).toMatchObject({ lang: 'en', size: 4, examples: PARKING_EN.slice(0, 3) });
    expect(parking.words.slice(0, 2)).toEqual([{ word: 'parking', count: 4 }, { word: 'space', count: 4 }]);
    // GSDMM may split a small cluster (K = 20 is an upper bound); at least one Wi-Fi suggestion of its comments.
    const wifi = about(d.suggestions, 'wifi')!;
    expect(wifi.lang).toBe('en');
    expect(wifi.size).toBeGreaterThanOrEqual(3);
    expect(wifi.examples.every((e) => WIFI_EN.includes(e))).toBe(true);
    expect(about(d.suggestions, 'парковка')).toMatchObject({ lang: 'ru', size: 3, examples: PARKING_RU });
    // Themed comments are never among the examples.
    expect(d.suggestions.flatMap((x) => x.examples).filter((e) => THEMED.includes(e))).toEqual([]);
    expect(await suggestions(owner)).toEqual(d);
    // The dashboard filters apply: S2's comments only.
    const s2 = await suggestions(owner, `?location=${(await server.pool.query(`select id from locations where org_id = $1 and name = 'S2'`, [orgId])).rows[0].id}`);
    expect(s2.read).toBe(WIFI_EN.length);
    expect(s2.suggestions.flatMap((x) => x.examples).every((e) => WIFI_EN.includes(e))).toBe(true);
  }, 30_000);

  it("gives a location manager suggestions from their locations' comments only", async () => {
    const d = await suggestions(manager);
    expect(d.read).toBe(PARKING_EN.length + PARKING_RU.length);
    expect(about(d.suggestions, 'wifi')).toBeUndefined();
    const examples = d.suggestions.flatMap((x) => x.examples);
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((e) => PARKING_EN.includes(e) || PARKING_RU.includes(e))).toBe(true);
    const s2 = (await server.pool.query(`select id from locations where org_id = $1 and name = 'S2'`, [orgId])).rows[0].id;
    expect((await manager.get(`${url()}?location=${s2}`)).status).toBe(404);
    // Acting on suggestions changes the whole organisation's dictionary: not for location managers.
    expect((await manager.post('/api/v1/text/theme-suggestions/accept', { name: 'Parking', lang: 'en', terms: ['parking'] })).status).toBe(403);
    expect((await manager.post('/api/v1/text/theme-suggestions/merge', { into: 'price', lang: 'en', terms: ['parking'] })).status).toBe(403);
    expect((await manager.post('/api/v1/text/theme-suggestions/dismiss', { key: 'en:park space' })).status).toBe(403);
  });

  it('refuses bad input, unknown surveys and strangers', async () => {
    expect((await owner.get(`${url()}?sentiment=angry`)).status).toBe(400);
    expect((await owner.get(`${url()}?from=2026-13-01`)).status).toBe(400);
    expect((await owner.get('/api/v1/surveys/not-a-uuid/text/theme-suggestions')).status).toBe(404);
    expect((await owner.get('/api/v1/surveys/00000000-0000-4000-8000-000000000000/text/theme-suggestions')).status).toBe(404);
    const other = await buildOrg(server.pool, 'Other Org');
    await buildUser(server.pool, other.orgId, 'admin', 'admin@other.suggestions.test');
    const stranger = await signIn(server.baseUrl, 'admin@other.suggestions.test');
    expect((await stranger.get(url())).status).toBe(404);
    const anonymous = new (owner.constructor as new (u: string) => Client)(server.baseUrl);
    expect((await anonymous.get(url())).status).toBe(401);
    expect((await anonymous.post('/api/v1/text/theme-suggestions/accept', { name: 'X', lang: 'en', terms: ['x'] })).status).toBe(401);
    const accept = (body: unknown) => owner.post('/api/v1/text/theme-suggestions/accept', body);
    expect((await accept({ name: 'Parking', lang: 'en', terms: [] })).status).toBe(400);
    expect((await accept({ name: ' ', lang: 'en', terms: ['parking'] })).status).toBe(400);
    expect((await accept({ name: 'Parking', lang: 'de', terms: ['parking'] })).status).toBe(400);
    expect((await accept({ name: 'Parking', lang: 'en', terms: ['parking'], id: 'price' })).status).toBe(400);
    expect((await owner.post('/api/v1/text/theme-suggestions/merge', { into: 'Bad Id', lang: 'en', terms: ['x'] })).status).toBe(400);
    expect((await owner.post('/api/v1/text/theme-suggestions/merge', { into: 'no_such_theme', lang: 'en', terms: ['x'] })).status).toBe(404);
    for (const key of ['de:park', 'en:', 'en:a b c d', 'x'.repeat(500)]) expect((await owner.post('/api/v1/text/theme-suggestions/dismiss', { key })).status).toBe(400);
    // Nothing was written by the refused requests.
    expect((await server.pool.query(`select count(*)::int as n from theme_suggestion_dismissals where org_id = $1`, [orgId])).rows[0].n).toBe(0);
  });

  it('accepts a suggestion under a new name: a theme at once, the suggestion gone, the comments re-analysed', async () => {
    const before = await suggestions(owner);
    const parking = about(before.suggestions, 'parking')!;
    const res = await owner.post('/api/v1/text/theme-suggestions/accept', { name: 'Car park', lang: 'en', terms: ['parking', 'space'] });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: 'car_park', names: { en: 'Car park', ru: 'Car park', fa: 'Car park' }, terms: { en: ['parking', 'space'] } });
    const stored = await server.pool.query(`select names, terms from org_themes where org_id = $1 and id = 'car_park'`, [orgId]);
    expect(stored.rows).toEqual([{ names: { en: 'Car park', ru: 'Car park', fa: 'Car park' }, terms: { en: ['parking', 'space'] } }]);
    // The list no longer offers it, even before the re-analysis has run; the others stay.
    const after = await suggestions(owner);
    expect(after.suggestions.map((s) => s.key)).not.toContain(parking.key);
    expect(about(after.suggestions, 'wifi')).toBeDefined();
    expect(after.unmatched).toBe(before.unmatched - PARKING_EN.length);
    await waitFor(async () => (await Promise.all(PARKING_EN.map(themesOf))).every((t) => t.includes('car_park')), 'the re-analysis after accepting');
    // The same name again gets a free id.
    const again = await owner.post('/api/v1/text/theme-suggestions/accept', { name: 'Car park', lang: 'en', terms: ['garage'] });
    expect(again.json.id).toBe('car_park_2');
  }, 40_000);

  it('merges a suggestion into an existing theme: its words are added once, the comments re-analysed', async () => {
    const ru = about((await suggestions(owner)).suggestions, 'парковка')!;
    expect(ru).toBeDefined();
    const res = await owner.post('/api/v1/text/theme-suggestions/merge', { into: 'car_park', lang: 'ru', terms: ['парковка', 'Парковка', 'машин'] });
    expect(res.status).toBe(200);
    expect(res.json.terms).toEqual({ en: ['parking', 'space'], ru: ['парковка', 'машин'] });
    // Words it has already (any case) are not repeated.
    const again = await owner.post('/api/v1/text/theme-suggestions/merge', { into: 'car_park', lang: 'en', terms: ['Parking', 'lot'] });
    expect(again.json.terms.en).toEqual(['parking', 'space', 'lot']);
    expect((await suggestions(owner)).suggestions.map((s) => s.key)).not.toContain(ru.key);
    await waitFor(async () => (await Promise.all(PARKING_RU.map(themesOf))).every((t) => t.includes('car_park')), 'the re-analysis after merging');
  }, 40_000);

  it('hides a dismissed suggestion, remembered for the organisation', async () => {
    const wifi = about((await suggestions(owner)).suggestions, 'wifi')!;
    expect((await owner.post('/api/v1/text/theme-suggestions/dismiss', { key: wifi.key })).status).toBe(204);
    expect((await owner.post('/api/v1/text/theme-suggestions/dismiss', { key: wifi.key })).status).toBe(204);
    const d = await suggestions(owner);
    expect(about(d.suggestions, 'wifi')).toBeUndefined();
    expect(d.dismissed).toBe(1);
    const stored = await server.pool.query(`select key from theme_suggestion_dismissals where org_id = $1`, [orgId]);
    expect(stored.rows).toEqual([{ key: wifi.key }]);
  });
});
