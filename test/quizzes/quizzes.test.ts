/**
 * Knowledge quizzes over HTTP on real PostgreSQL: validation naming the place, only live quizzes take
 * attempts (410 otherwise), identification by the employee code or a personal link's token, idempotent
 * attempts, versions, and the results (per employee with progress, per location and topic, most missed)
 * computed by hand below, scoped to the caller's locations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';

let server: TestServer;
let orgId: string;
let storeA: { id: string; path: string };
let storeB: { id: string; path: string };
let owner: Client;
let managerB: Client;
let viewer: Client;
let outsider: Client;
let emp: { ann: string; bob: string; cleo: string };
let quizId: string;
let slug: string;

const definition = {
  questions: [
    { key: 'q1', topic: 'product', text: { en: 'Warranty of the kettle?', ru: 'Гарантия на чайник?', fa: 'گارانتی کتری؟' },
      options: [{ key: 'a', text: { en: '1 year', ru: '1 год', fa: 'یک سال' } }, { key: 'b', text: { en: '2 years', ru: '2 года', fa: 'دو سال' } }], correct: ['b'] },
    { key: 'q2', topic: 'standards', text: { en: 'Which are greetings?', ru: 'Что из этого приветствие?', fa: 'کدام‌ها خوشامدگویی است؟' },
      options: [{ key: 'x', text: { en: 'Hello', ru: 'Здравствуйте', fa: 'سلام' } }, { key: 'y', text: { en: 'Next!', ru: 'Следующий!', fa: 'بعدی!' } }, { key: 'z', text: { en: 'Good day', ru: 'Добрый день', fa: 'روز بخیر' } }],
      correct: ['x', 'z'] },
    { key: 'q3', text: { en: 'Days to return?', ru: 'Дней на возврат?', fa: 'چند روز برای بازگرداندن؟' },
      options: [{ key: 'd14', text: { en: '14', ru: '14', fa: '۱۴' } }, { key: 'd30', text: { en: '30', ru: '30', fa: '۳۰' } }], correct: ['d14'] },
  ],
};

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const post = (path: string, fields: [string, string][], headers: Record<string, string> = {}) =>
  fetch(server.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(fields) });
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.baseUrl + path, { headers });
  return { status: res.status, text: await res.text() };
};
const clientKeyOf = (html: string) => /name="_ck" value="([^"]+)"/.exec(html)![1];
const attemptsInDb = async () => Number((await server.pool.query(`select count(*) from quiz_attempts where quiz_id = $1`, [quizId])).rows[0].count);

beforeAll(async () => {
  server = await startTestServer({ publicUrl: 'https://cx.shop.example' });
  const org = await buildOrg(server.pool, 'Quiz Org');
  orgId = org.orgId;
  storeA = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store A');
  storeB = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store B');
  await buildUser(server.pool, orgId, 'owner', 'boss@quiz.test');
  await buildUser(server.pool, orgId, 'location_manager', 'boris@quiz.test', [storeB.id]);
  await buildUser(server.pool, orgId, 'viewer', 'vera@quiz.test');
  const other = await buildOrg(server.pool, 'Other Org');
  await buildUser(server.pool, other.orgId, 'owner', 'else@other.test');
  owner = await signIn(server.baseUrl, 'boss@quiz.test');
  managerB = await signIn(server.baseUrl, 'boris@quiz.test');
  viewer = await signIn(server.baseUrl, 'vera@quiz.test');
  outsider = await signIn(server.baseUrl, 'else@other.test');
  const { rows } = await server.pool.query(
    `insert into employees(org_id, name, code, location_id, active) values
       ($1, 'Ann Smith', 'A1', $2, true), ($1, 'Bob Jones', 'B2', $3, true), ($1, 'Cleo Gone', 'C3', $2, false)
     returning id, code`,
    [orgId, storeA.id, storeB.id],
  );
  const byCode = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  emp = { ann: byCode.A1, bob: byCode.B2, cleo: byCode.C3 };
});
afterAll(async () => {
  await server?.close();
});

describe('editing quizzes', () => {
  it('refuses a bad definition with a message naming the place', async () => {
    const bad = async (body: unknown) => {
      const res = await owner.post('/api/v1/quizzes', body);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('validation');
      return res.json.message as string;
    };
    expect(await bad({ name: { en: 'X' } })).toBe('definition: must be a JSON object with "questions"');
    const wrongKey = structuredClone(definition);
    wrongKey.questions[1].correct = ['x', 'w'];
    expect(await bad({ name: { en: 'X' }, definition: wrongKey })).toBe("definition.questions[1].correct[1]: must be the key of one of this question's options (x, y, z)");
    expect(await bad({ name: {}, definition })).toBe('name: give the name in at least one language (en, ru or fa)');
    expect(await bad({ name: { en: 'X' }, definition, languages: ['en', 'de'] })).toMatch(/^languages\.1: /);
    // Going live needs every text in every language of the quiz.
    const noRu = structuredClone(definition);
    delete (noRu.questions[2].options[1].text as Record<string, string>).ru;
    expect(await bad({ name: { en: 'X' }, definition: noRu, languages: ['en', 'ru'], status: 'live' })).toBe(
      'definition.questions[2].options[1].text: no text in "ru", a language of the quiz (give it, or remove the language, before going live)',
    );
    expect((await viewer.post('/api/v1/quizzes', { name: { en: 'X' }, definition })).status).toBe(403);
  });

  it('creates a draft that does not accept attempts yet (410)', async () => {
    const res = await owner.post('/api/v1/quizzes', { name: { en: 'Kettles and greetings', ru: 'Чайники и приветствия', fa: 'کتری و خوشامد' }, topic: 'general', languages: ['en', 'ru', 'fa'], definition });
    expect(res.status, res.text).toBe(201);
    expect(res.json.quiz).toMatchObject({ status: 'draft', version: 1, questions: 3, attempts: 0, languages: ['en', 'ru', 'fa'], defaultLanguage: 'en', topic: 'general' });
    quizId = res.json.quiz.id;
    slug = res.json.quiz.slug;
    expect(res.json.quiz.url).toBe(`https://cx.shop.example/quiz/${slug}`);
    const closed = await page(`/quiz/${slug}`);
    expect(closed.status).toBe(410);
    expect(closed.text).toContain('This quiz is closed');
    expect((await post(`/quiz/${slug}`, [['code', 'A1'], ['q_q1', 'b']])).status).toBe(410);
    expect(await attemptsInDb()).toBe(0);
  });

  it('goes live; another organisation cannot see it', async () => {
    const res = await owner.patch(`/api/v1/quizzes/${quizId}`, { status: 'live' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.quiz).toMatchObject({ status: 'live', version: 1 });
    expect((await outsider.get(`/api/v1/quizzes/${quizId}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/quizzes/${quizId}/results`)).status).toBe(404);
    expect((await outsider.patch(`/api/v1/quizzes/${quizId}`, { status: 'closed' })).status).toBe(404);
    expect((await viewer.patch(`/api/v1/quizzes/${quizId}`, { status: 'closed' })).status).toBe(403);
    const list = await viewer.get('/api/v1/quizzes');
    expect(list.json.items.map((q: { id: string }) => q.id)).toEqual([quizId]);
    expect((await outsider.get('/api/v1/quizzes')).json.items).toEqual([]);
  });
});

describe('taking the quiz', () => {
  it('asks for the employee code and refuses an unknown or inactive one, keeping the answers', async () => {
    const form1 = await page(`/quiz/${slug}`);
    expect(form1.status).toBe(200);
    expect(form1.text).toContain('name="code"');
    expect(form1.text).toContain('type="checkbox" name="q_q2"');
    expect(form1.text).toContain('type="radio" name="q_q1"');
    const ck = clientKeyOf(form1.text);
    for (const code of ['ZZ9', 'C3']) {
      const res = await post(`/quiz/${slug}`, [['_ck', ck], ['code', code], ['q_q1', 'b'], ['q_q2', 'x'], ['q_q3', 'd14']]);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).toContain(`No employee has the code "\u2068${code}\u2069"`.replace(/"/g, '&quot;'));
      expect(text).toMatch(/value="b" checked/);
    }
    const empty = await post(`/quiz/${slug}`, [['_ck', ck], ['q_q1', 'b']]);
    expect(empty.status).toBe(400);
    const emptyText = await empty.text();
    expect(emptyText).toContain('Enter your employee code.');
    expect(emptyText).toContain('2 questions are not answered yet.');
    expect(await attemptsInDb()).toBe(0);
  });

  it('stores an attempt by code once per client key and shows the result with the correct answers', async () => {
    const ck = clientKeyOf((await page(`/quiz/${slug}`)).text);
    // Ann, first attempt: q1 wrong (a), q2 wrong (only x), q3 right: 1 of 3 = 33%.
    const fields: [string, string][] = [['_ck', ck], ['code', 'a1'], ['q_q1', 'a'], ['q_q2', 'x'], ['q_q3', 'd14']];
    const res = await post(`/quiz/${slug}`, fields);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('1 of 3 correct (33%)');
    expect(text).toContain('Correct answers: Hello; Good day');
    expect(text).toContain('Correct answer: 2 years');
    const again = await post(`/quiz/${slug}`, fields);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('1 of 3 correct (33%)');
    expect(await attemptsInDb()).toBe(1);
  });

  it('gives personal links to the active employees, filterable by store; the link greets the employee', async () => {
    const links = await owner.get(`/api/v1/quizzes/${quizId}/links`);
    expect(links.status, links.text).toBe(200);
    expect(links.json.url).toBe(`https://cx.shop.example/quiz/${slug}`);
    expect(links.json.items.map((i: { employee: { name: string } }) => i.employee.name)).toEqual(['Ann Smith', 'Bob Jones']);
    const onlyB = await owner.get(`/api/v1/quizzes/${quizId}/links?location=${storeB.id}`);
    expect(onlyB.json.items.map((i: { employee: { id: string } }) => i.employee.id)).toEqual([emp.bob]);
    expect((await managerB.get(`/api/v1/quizzes/${quizId}/links`)).status).toBe(403);
    const annUrl = new URL(links.json.items[0].url);
    expect(annUrl.pathname).toBe(`/quiz/${slug}`);
    const token = annUrl.searchParams.get('e')!;
    const greeted = await page(`/quiz/${slug}?e=${encodeURIComponent(token)}&lang=ru`);
    expect(greeted.text).toContain('Здравствуйте, \u2068Ann\u2069!');
    expect(greeted.text).not.toContain('name="code"');
    expect(greeted.text).toContain('<html lang="ru" dir="ltr"');
    // A token for another quiz or another employee does not identify anyone.
    const forged = `${emp.bob}.${token.split('.')[1]}`;
    const refused = await page(`/quiz/${slug}?e=${encodeURIComponent(forged)}`);
    expect(refused.text).toContain('This personal link is not valid any more');
    expect(refused.text).toContain('name="code"');
    const forgedPost = await post(`/quiz/${slug}`, [['_ck', 'forged-key-1'], ['e', forged], ['q_q1', 'b'], ['q_q2', 'x'], ['q_q2', 'z'], ['q_q3', 'd14']]);
    expect(forgedPost.status).toBe(400);
    expect(await attemptsInDb()).toBe(1);

    // Ann again, by her link, in Persian: all right (3 of 3).
    const fa = await page(`/quiz/${slug}?e=${encodeURIComponent(token)}`, { 'accept-language': 'fa-IR,fa;q=0.9' });
    expect(fa.text).toContain('<html lang="fa" dir="rtl"');
    const res = await post(`/quiz/${slug}`, [['_ck', clientKeyOf(fa.text)], ['_lang', 'fa'], ['e', token], ['q_q1', 'b'], ['q_q2', 'z'], ['q_q2', 'x'], ['q_q3', 'd14']]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('3 از 3 درست (100٪)');
    // Bob by code: q1 right, q2 wrong (a superset), q3 wrong: 1 of 3.
    const bob = await post(`/quiz/${slug}`, [['_ck', 'bob-attempt-1'], ['code', 'B2'], ['q_q1', 'b'], ['q_q2', 'x'], ['q_q2', 'y'], ['q_q2', 'z'], ['q_q3', 'd30']]);
    expect(bob.status).toBe(200);
    expect(await bob.text()).toContain('1 of 3 correct (33%)');
    expect(await attemptsInDb()).toBe(3);
  });
});

describe('results', () => {
  it('scores per employee with progress, per location and topic, and the most missed questions', async () => {
    const res = await owner.get(`/api/v1/quizzes/${quizId}/results`);
    expect(res.status, res.text).toBe(200);
    const r = res.json;
    // Ann 1/3 then 3/3, Bob 1/3: mean (33.33 + 100 + 33.33) / 3 = 500/9.
    expect(r.attempts).toBe(3);
    expect(r.mean).toBeCloseTo(500 / 9, 10);
    expect(r.employees).toHaveLength(2);
    expect(r.employees[0]).toMatchObject({ id: emp.ann, name: 'Ann Smith', code: 'A1', location: { id: storeA.id, name: 'Store A' }, attempts: 2, latest: 100, best: 100 });
    expect(r.employees[0].first).toBeCloseTo(100 / 3, 10);
    expect(r.employees[0].change).toBeCloseTo(200 / 3, 10);
    expect(r.employees[1]).toMatchObject({ id: emp.bob, attempts: 1, change: 0 });
    expect(r.employees[1].latest).toBeCloseTo(100 / 3, 10);
    // Store A: (33.33 + 100) / 2; Store B: 33.33.
    expect(r.locations.map((l: { name: string; attempts: number }) => [l.name, l.attempts])).toEqual([['Store A', 2], ['Store B', 1]]);
    expect(r.locations[0].mean).toBeCloseTo(200 / 3, 10);
    expect(r.locations[1].mean).toBeCloseTo(100 / 3, 10);
    // q1 (product): wrong, right, right; q2 (standards): wrong, right, wrong; q3 (the quiz's topic "general"): right, right, wrong.
    expect(r.topics.map((t: { topic: string; n: number; correct: number }) => [t.topic, t.n, t.correct])).toEqual([['general', 3, 2], ['product', 3, 2], ['standards', 3, 1]]);
    expect(r.mostMissed.map((m: { key: string; n: number; missed: number }) => [m.key, m.n, m.missed])).toEqual([['q2', 3, 2], ['q1', 3, 1], ['q3', 3, 1]]);
    expect(r.mostMissed[0].missRate).toBeCloseTo(2 / 3, 10);
    expect(r.mostMissed[0].text.en).toBe('Which are greetings?');
  });

  it('counts only the attempts at the caller\'s locations, and filters by location and period', async () => {
    const b = await managerB.get(`/api/v1/quizzes/${quizId}/results`);
    expect(b.status).toBe(200);
    expect(b.json).toMatchObject({ attempts: 1, employees: [{ id: emp.bob }], locations: [{ id: storeB.id }] });
    expect(b.json.mostMissed.map((m: { key: string; missed: number }) => [m.key, m.missed])).toEqual([['q2', 1], ['q3', 1], ['q1', 0]]);
    expect((await managerB.get(`/api/v1/quizzes/${quizId}/results?location=${storeA.id}`)).status).toBe(404);
    const a = await owner.get(`/api/v1/quizzes/${quizId}/results?location=${storeA.id}`);
    expect(a.json.attempts).toBe(2);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const later = await owner.get(`/api/v1/quizzes/${quizId}/results?from=${tomorrow}`);
    expect(later.json).toMatchObject({ attempts: 0, mean: null, employees: [], locations: [], topics: [], mostMissed: [] });
    const bad = await owner.get(`/api/v1/quizzes/${quizId}/results?from=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('from: not a valid date');
    expect((await owner.get(`/api/v1/quizzes/${quizId}/results?from=2026-12-02&to=2026-12-01`)).json.message).toBe('to: must not be before from');
  });

  it('new questions of a live quiz make a new version; old attempts keep theirs', async () => {
    const changed = structuredClone(definition);
    changed.questions[2].text.en = 'How many days may a customer return a kettle?';
    const res = await owner.patch(`/api/v1/quizzes/${quizId}`, { definition: changed });
    expect(res.status, res.text).toBe(200);
    expect(res.json.quiz.version).toBe(2);
    // Only a name: same version.
    expect((await owner.patch(`/api/v1/quizzes/${quizId}`, { name: { en: 'Kettles' } })).json.quiz).toMatchObject({ version: 2, name: { en: 'Kettles', ru: 'Чайники и приветствия' } });
    const ok = await post(`/quiz/${slug}`, [['_ck', 'bob-attempt-2'], ['code', 'B2'], ['q_q1', 'b'], ['q_q2', 'x'], ['q_q2', 'z'], ['q_q3', 'd14']]);
    expect(ok.status).toBe(200);
    const { rows } = await server.pool.query(`select quiz_version, count(*)::int as n from quiz_attempts where quiz_id = $1 group by 1 order by 1`, [quizId]);
    expect(rows).toEqual([{ quiz_version: 1, n: 3 }, { quiz_version: 2, n: 1 }]);
  });

  it('a closed quiz refuses attempts with 410', async () => {
    expect((await owner.patch(`/api/v1/quizzes/${quizId}`, { status: 'closed' })).json.quiz.status).toBe('closed');
    const res = await post(`/quiz/${slug}`, [['_ck', 'bob-attempt-3'], ['code', 'B2'], ['q_q1', 'b'], ['q_q2', 'x'], ['q_q2', 'z'], ['q_q3', 'd14']], { 'accept-language': 'ru' });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Тест закрыт');
    expect(await attemptsInDb()).toBe(4);
    expect((await page('/quiz/nosuchquiz')).status).toBe(404);
  });
});
