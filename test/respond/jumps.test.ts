/**
 * Jumps, groups and piping over HTTP without JavaScript: the server applies the survey's logic to a plain
 * form POST exactly as the page script does (src/core/surveys/flow.ts), and escapes what it pipes in.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import type { QuestionDef } from '../../src/core/surveys/types.ts';
import { buildSurvey, type SurveyFixture } from './factory.ts';
import { buildContact } from '../invitations/fixtures.ts';
import { inviteContact } from '../../src/server/invitations/commands/inviteContact.ts';
import { tokenHash } from '../../src/server/invitations/commands/links.ts';

let server: TestServer;
let orgId: string;
let survey: SurveyFixture;
let piped: SurveyFixture;

const key = () => crypto.randomBytes(12).toString('base64url');
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (slug: string, fields: Record<string, string>) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(fields) });

/** Stored answers of the response with this idempotency key, by question key (text or score). */
async function stored(k: string): Promise<Record<string, string | number>> {
  const { rows } = await server.pool.query(
    `select q.key, a.score, a.text from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
       join questions q on q.org_id = a.org_id and q.id = a.question_id where r.org_id = $1 and r.idempotency_key = $2`,
    [orgId, k],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.score ?? r.text]));
}

const text = (key: string, required: boolean, en: string, extra: Partial<QuestionDef> = {}): QuestionDef => ({
  key, type: 'text', metric: 'none', required, text: { en, ru: en, fa: en }, ...extra,
});

beforeAll(async () => {
  server = await startTestServer();
  orgId = (await buildOrg(server.pool, 'Jumps Org')).orgId;
  // nps: promoters (9+) end with their own thanks; detractors (0..6) jump over "middle" to "fix"; passives see all.
  survey = await buildSurvey(server.pool, orgId, {
    questions: [
      {
        key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Recommend us?' }, scale: { min: 0, max: 10, style: 'numbers' },
        jumps: [
          { when: { question: 'nps', op: 'gte', value: 9 }, to: '@end', thanks: { en: 'Wonderful, see you soon!', ru: 'Чудесно, до встречи!', fa: 'عالی، به امید دیدار!' } },
          { when: { any: [{ question: 'nps', op: 'lte', value: 6 }, { hidden: 'vip', op: 'eq', value: 'yes' }] }, to: 'fix' },
        ],
      },
      text('middle', true, 'What would make it a 10?'),
      text('fix', true, 'What should we fix first?'),
    ],
  });
  // Piping: a hidden field in a question text and in the thanks (shown at once: the redirect would not carry it).
  piped = await buildSurvey(server.pool, orgId, {
    thanks: { en: 'Thank you, {{hidden.name|friend}}! You gave {{nps}}.' },
    questions: [
      { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Hello {{hidden.name|there}}, recommend us?' }, scale: { min: 0, max: 10, style: 'numbers' } },
    ],
  });
});

afterAll(async () => {
  await server?.close();
});

describe('jumps without JavaScript', () => {
  it('accepts a POST whose jump skips a required question, and does not store the skipped answer', async () => {
    const k = key();
    const res = await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '3', q_middle: 'typed before changing the score', q_fix: 'The queue' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${survey.slug}/thanks?lang=en`);
    expect(await stored(k)).toEqual({ nps: 3, fix: 'The queue' });
  });

  it('an OR group with a hidden field takes the same jump for a passive', async () => {
    const k = key();
    expect((await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '8', h_vip: 'yes', q_fix: 'Parking' })).status).toBe(303);
    expect(await stored(k)).toEqual({ nps: 8, fix: 'Parking' });
  });

  it('without the jump the required question is asked again', async () => {
    const k = key();
    const res = await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '8', q_fix: 'Parking' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('href="#q-middle"');
    expect(page).not.toContain('href="#q-fix"');
    expect(await stored(k)).toEqual({});
  });

  it('a jump to the end stores the answer now and shows its own thank-you text', async () => {
    const k = key();
    const res = await postForm(survey.slug, { _k: k, _lang: 'ru', q_nps: '10', q_middle: 'dropped' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toBe(`/s/${survey.slug}/thanks?lang=ru&end=nps.0`);
    expect(await stored(k)).toEqual({ nps: 10 });
    const page = await (await fetch(server.baseUrl + location)).text();
    expect(page).toContain('Чудесно, до встречи!');
    expect(page).not.toContain('Спасибо, что помогаете нам стать лучше.');
    // An unknown jump falls back to the survey's own thanks.
    const plain = await (await fetch(`${server.baseUrl}/s/${survey.slug}/thanks?lang=ru&end=nps.1`)).text();
    expect(plain).toContain('Спасибо, что помогаете нам стать лучше.');
  });

  it('answers a JSON submission that ends early like any other', async () => {
    const k = key();
    const res = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ _k: k, _lang: 'en', q_nps: 9 }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).ok).toBe(true);
    expect(await stored(k)).toEqual({ nps: 9 });
  });
});

describe('piping on the pages', () => {
  it('pipes a personal link\'s contact attributes (and nothing of them on a public link)', async () => {
    const withContact = await buildSurvey(server.pool, orgId, {
      questions: [{ key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Dear {{contact.name|customer}} from {{contact.city|here}}, recommend us?' }, scale: { min: 0, max: 10, style: 'numbers' } }],
    });
    const contactId = await buildContact(server.pool, orgId, { email: 'leyla@pipe.test', name: 'Leyla <3' });
    await server.pool.query(`update contacts set attributes = '{"city": "Tabriz", "secret": "do-not-ship"}' where id = $1`, [contactId]);
    const inv = await inviteContact(server.pool, undefined, { orgId, surveyId: withContact.id, contactId, channel: 'email' });
    const token = 'T'.repeat(43);
    await server.pool.query(`update survey_invitations set token_hash = $2 where id = $1`, [inv.invitationId, tokenHash(token)]);
    const page = await (await fetch(`${server.baseUrl}/i/${token}`)).text();
    expect(page).toContain('Dear Leyla &lt;3 from Tabriz, recommend us?');
    // The page script gets only the attributes the survey pipes.
    expect(page).toContain('Tabriz');
    expect(page).not.toContain('do-not-ship');
    const open = await (await fetch(`${server.baseUrl}/s/${withContact.slug}`)).text();
    expect(open).toContain('Dear customer from here, recommend us?');
  });

  it('pipes a hidden field into a question, escaped', async () => {
    const page = await (await fetch(`${server.baseUrl}/s/${piped.slug}?name=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(page).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;, recommend us?');
    expect(page).not.toContain('<script>alert(1)');
    const plain = await (await fetch(`${server.baseUrl}/s/${piped.slug}`)).text();
    expect(plain).toContain('Hello there, recommend us?');
  });

  it('shows a piped thank-you text at once, with the answer and the hidden field escaped', async () => {
    const k = key();
    const res = await postForm(piped.slug, { _k: k, _lang: 'fa', q_nps: '7', h_name: '<b>Sara</b>' });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Thank you, &lt;b&gt;Sara&lt;/b&gt;! You gave ۷.');
    expect(page).not.toContain('<b>Sara');
    expect(await stored(k)).toEqual({ nps: 7 });
  });
});
