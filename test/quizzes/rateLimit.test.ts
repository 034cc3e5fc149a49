/** The quiz page's submissions are rate-limited per address and quiz like the survey pages: the third POST in a minute gets the 429 page. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';

let server: TestServer;
const slug = 'limit-quiz-1';

beforeAll(async () => {
  server = await startTestServer({ publicRateLimitPerMinute: 2 });
  const org = await buildOrg(server.pool, 'Limit Org');
  await server.pool.query(
    `insert into quizzes(org_id, slug, name, definition, status) values ($1, $2, '{"en":"Limits"}', $3, 'live')`,
    [org.orgId, slug, JSON.stringify({ questions: [{ key: 'q1', text: { en: 'One?' }, options: [{ key: 'a', text: { en: 'A' } }, { key: 'b', text: { en: 'B' } }], correct: ['a'] }] })],
  );
});
afterAll(async () => {
  await server?.close();
});

it('answers the third submission in a minute with the "too many requests" page', async () => {
  const submit = () => fetch(`${server.baseUrl}/quiz/${slug}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=NOPE&q_q1=a',
  });
  expect((await submit()).status).toBe(400); // no such employee: the form again
  expect((await submit()).status).toBe(400);
  const limited = await submit();
  expect(limited.status).toBe(429);
  expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await limited.text()).toContain('<html lang="en"');
});
