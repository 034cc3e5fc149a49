/**
 * Property-based fuzz over every route the app registers (issue 7, "No byte makes a 500"). The routes
 * are collected through the onRoute hook, so a new route is fuzzed without being listed here; a route
 * that takes a body must have a valid sample in SAMPLE_BODIES (the walk fails otherwise), because most
 * requests start from that sample and break one part of it: a NUL, a lone surrogate, a huge number, a
 * nested object, the wrong type, a very long string. The rest are random JSON, raw text and the wrong
 * content types, with fuzzed path parameters, query strings, cookies and headers. No answer may be a 5xx.
 *
 * Requests go through app.inject, each from its own address so that rate limits do not stop the walk.
 * Bounded: SARAFAN_FUZZ_RUNS requests per route (default 16), seeded by SARAFAN_FUZZ_SEED.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { rebuildOrgRollupsJob } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';
import { integrationSampleBodies, KEY_ONLY_ROUTES, seedIntegrations, type IntegrationIds } from '../integrations/securityFixtures.ts';
import { hashToken } from '../../src/http/session.ts';
import { buildLocation, buildOrg, buildUser, TEST_PASSWORD } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { createWebStandIn } from '../helpers/webStandIn.ts';

const RUNS = Number(process.env.SARAFAN_FUZZ_RUNS ?? 16);
const SEED = Number(process.env.SARAFAN_FUZZ_SEED ?? 7_2026);

interface Route {
  method: string;
  url: string;
}
const routeKey = (r: Route) => `${r.method} ${r.url}`;

// ---------------------------------------------------------------------------------------------
// Values

/** Characters that have broken servers: controls, surrogate halves, non-characters, quoting, bidi. */
const NASTY_CHARS = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\ud800', '\udbff', '\udc00', '\udfff',
  '\ufffe', '\uffff', '\ufeff', '\ufffd', '\u202e', '\u200b', '\u2028', '\t', '\n', '\r', ' ', "'", '"', '\\', '`', '%', '&', '=',
  ';', ',', ':', '/', '?', '#', '<', '>', '$', '{', '}', '[', ']', '*', '😀', '𐀀', 'ж', 'ی', 'é', '\u0301', '=1+1', '../', '%00',
];
/** Raw text for places where a number or a word is parsed from a string. */
const EDGE_WORDS = [
  '', ' ', '0', '-1', '1e999', '-1e999', 'NaN', 'Infinity', '-0', '0x10', '1.5', '99999999999999999999999', '9007199254740993',
  '2024-02-30', '0000-00-00', '9999-12-31', '1970-01-01', '2025-13-01', '2024-01-01T00:00:00Z', 'null', 'undefined', 'true',
  '[]', '{}', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', crypto.randomUUID(),
  '00000000-0000-0000-0000-000000000000', 'dim:', 'dim:x', ':', 'x:', 'company', 'location', 'week',
];
/** Numbers JSON can carry but JavaScript cannot hold exactly (sent as raw JSON text). */
const RAW_NUMBERS = ['1e999', '-1e999', '123456789012345678901234567890', '1e-400', '-0', '1E+2', '0.30000000000000004', '-9007199254740993'];
const RAW_MARK = '@@raw:';

const nastyChar = fc.constantFrom(...NASTY_CHARS);
const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(nastyChar, fc.string({ maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 10 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_WORDS) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(nastyChar, fc.constant('x')), fc.constantFrom(65, 201, 301, 2_001, 70_000)).map(([c, n]) => c.repeat(n)) },
);
/** What PostgreSQL refuses in text or jsonb, and XML in documents; NUL most often, since every transport carries it. */
const POISON = ['\u0000', '\u0000', '\u0000', '\ud800', '\udfff', '\ud83d', '\uffff', '\u0001'];
/** `text` with one poison character at some position: the rest stays valid, so the request gets far. */
const poisoned = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.constantFrom(...POISON), fc.nat()).map(([t, p, at]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + p + t.slice(i);
  });
const rawNumber = fc.constantFrom(...RAW_NUMBERS).map((n) => `${RAW_MARK}${n}@@`);
const jsonLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, 2 ** 31, -(2 ** 31) - 1, 0.5, -1) },
  { weight: 1, arbitrary: rawNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const { json: jsonValue } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonLeaf,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('a', 'id', 'name', 'text', 'en', '__proto__')), tie('json'), { maxKeys: 4 }),
  ),
}));

/** JSON text; raw numbers replace their markers, so `1e999` arrives as written. */
function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"@@raw:([^"@]*)@@"/g, '$1');
}

/** Bodies no serializer would write: broken JSON, pollution attempts, deep nesting, escapes PostgreSQL refuses. */
const RAW_BODIES = [
  '', '{', '}', 'null', '"text"', '42', '[1,2', '{"a":1,"a":2}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`, `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, '\ufeff{}', '{"x":"\\ud800"}',
  '{"x":"\\u0000"}', '{"\\u0000":"\\udfff"}', '\u0000', '{"email":1e999,"password":-0}', 'a=1&b=2', '\r\n\r\n',
];

/** Bytes a browser never percent-encodes this way: invalid UTF-8, an encoded surrogate, overlong NUL, broken escapes. */
const RAW_URL_TOKENS = ['%ED%A0%80', '%FF', '%C0%80', '%', '%0', '%zz', '%00', '%E0%A4%A', '+', '%2F', '..', '%2e%2e'];

/** Percent-encodes the UTF-8 bytes of `s` (a lone surrogate goes out as U+FFFD, as a browser sends it). */
function encodeBytes(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
const urlPart = (plausible: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: plausible.map(encodeBytes) },
    { weight: 3, arbitrary: poisoned(plausible).map(encodeBytes) },
    { weight: 2, arbitrary: nastyString.map(encodeBytes) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 4 }).map(encodeBytes), fc.constantFrom(...RAW_URL_TOKENS)).map(([a, b]) => a + b) },
  );

/** Printable Latin-1, what an HTTP parser lets through in a header value. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 });

// ---------------------------------------------------------------------------------------------
// Body mutations: replace, delete, add or wrap one node of a valid sample.

type Mutation = { at: number; op: 'poison' | 'replace' | 'delete' | 'add' | 'wrap' | 'stringify'; value: unknown; key: string; poison: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('poison', 'poison', 'poison', 'replace', 'replace', 'replace', 'delete', 'add', 'wrap', 'stringify'),
  value: jsonValue,
  key: fc.oneof(nastyString, poisoned(fc.constantFrom('extra', 'id', 'h_order', 'q_why', 'name'))),
  poison: fc.constantFrom(...POISON),
});

function nodesOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodesOf(v, [...at, k], out);
  return out;
}

function applyMutation(sample: unknown, m: Mutation): unknown {
  const root = structuredClone(sample);
  const nodes = nodesOf(root);
  // Poison lands on a string of the sample (the first one after the drawn node, wrapping around).
  const strings = nodes.filter((p) => typeof p.reduce<any>((v, k) => v?.[k], root) === 'string');
  const at = m.op === 'poison' && strings.length ? strings[m.at % strings.length] : nodes[m.at % nodes.length];
  const get = (p: (string | number)[]) => p.reduce<any>((v, k) => v?.[k], root);
  const current = get(at);
  const next =
    m.op === 'poison' ? typeof current === 'string' ? current.slice(0, m.at % (current.length + 1)) + m.poison + current.slice(m.at % (current.length + 1)) : m.poison
    : m.op === 'replace' ? m.value
    : m.op === 'wrap' ? [current]
    : m.op === 'stringify' ? JSON.stringify(current ?? null)
    : m.op === 'add' && current && typeof current === 'object' ? Array.isArray(current) ? [...current, m.value] : { ...current, [m.key]: m.value }
    : current;
  if (at.length === 0) return m.op === 'delete' ? undefined : next;
  const parent = get(at.slice(0, -1));
  const last = at[at.length - 1];
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return root;
}

/** Uploaded files: the sample, cut short, with bytes overwritten, or random bytes. */
function bytesBody(samples: Buffer[]): fc.Arbitrary<{ raw: Buffer }> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...samples), fc.nat()).map(([b, n]) => ({ raw: b.subarray(0, n % (b.length + 1)) })),
    fc.tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 })).map(([b, edits]) => {
      const copy = Buffer.from(b);
      for (const [at, byte] of edits) copy[at % copy.length] = byte;
      return { raw: copy };
    }),
    fc.uint8Array({ maxLength: 300 }).map((a) => ({ raw: Buffer.from(a) })),
  );
}

const naturalType = (type: 'json' | 'form' | 'csv' | 'bytes' | undefined) =>
  type === 'form' ? 'application/x-www-form-urlencoded' : type === 'csv' ? 'text/csv' : type === 'bytes' ? 'image/png' : 'application/json';

// ---------------------------------------------------------------------------------------------

interface Fixtures {
  rootId: string;
  store: { id: string; code: string };
  doomedLocationId: string;
  doomedSurveyId: string;
  liveSurvey: SurveyFixture;
  closedSlug: string;
  apiSurvey: SurveyFixture;
  responseId: string;
  otherUserId: string;
  invitationToken: string;
  /** Invitations named by id: one to renew, one to revoke (the token above stays valid for accepting). */
  invitationIds: { resend: string; revoke: string };
  /** A failed background job of the organisation (POST /org/jobs/:id/retry). */
  jobId: string;
  ownerCookie: string;
  /** API key, webhook and delivery ids, and the ingest key the key-only routes are called with. */
  integrations: IntegrationIds;
  /** A contact (GET/PATCH/DELETE /contacts/:id...) and its unsubscribe token (/u/:token). */
  contact: { id: string; token: string };
  /** Kiosks (docs/kiosk.md): one on the live survey, reached by its token; one on the API survey, to revoke. */
  kiosk: { token: string; revokeId: string };
  /** An invitation wave of the organisation (GET /waves/:id, POST /waves/:id/cancel). */
  waveId: string;
  /** A case of the store (GET/PATCH /cases/:id, notes, replies, resolve, compensations). */
  caseId: string;
}

const UNKNOWN_LINK_TOKEN = crypto.randomBytes(32).toString('base64url');
/** The smallest PNG (1x1, transparent): the logo upload's valid sample. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A fresh idempotency key per request goes where the sample has this mark (which URL encoding leaves alone). */
const KEY_MARK = '__fuzz_key__';

/** One valid body (or several) per route that takes a body; the fuzz mutates them. */
function sampleBodies(f: Fixtures, surveyInput: unknown): Record<string, { type: 'json' | 'form' | 'csv' | 'bytes'; samples: unknown[] }> {
  const code = { code: '123456' };
  return {
    'POST /api/v1/auth/two-factor': { type: 'json', samples: [code, { recoveryCode: 'abcd-efgh' }] },
    'POST /api/v1/auth/two-factor/enrol': { type: 'json', samples: [{}] },
    'POST /api/v1/auth/two-factor/enrol/confirm': { type: 'json', samples: [code] },
    'POST /api/v1/auth/forgot': { type: 'json', samples: [{ email: 'owner@fuzz.test' }] },
    'POST /api/v1/auth/reset/:token': { type: 'json', samples: [{ password: 'long enough password' }] },
    'PATCH /api/v1/me': { type: 'json', samples: [{ name: 'Owner', locale: 'ru' }] },
    // Not the owner's password: the fuzz must not sign its own session out.
    'POST /api/v1/me/password': { type: 'json', samples: [{ currentPassword: 'not the password', newPassword: 'long enough password' }] },
    'POST /api/v1/me/two-factor/setup': { type: 'json', samples: [{}] },
    'POST /api/v1/me/two-factor/confirm': { type: 'json', samples: [code] },
    'POST /api/v1/me/two-factor/disable': { type: 'json', samples: [{ password: TEST_PASSWORD, ...code }] },
    'PUT /api/v1/org/two-factor': { type: 'json', samples: [{ required: true }] },
    'PUT /api/v1/org/branding': { type: 'json', samples: [{ accentColor: '#0b5cad' }] },
    'PUT /api/v1/org/logo': { type: 'bytes', samples: [TINY_PNG] },
    'POST /api/v1/invitations/:id/resend': { type: 'json', samples: [{ email: false }, { email: true }] },
    'POST /api/v1/users/:id/password-reset': { type: 'json', samples: [{}] },
    'POST /api/v1/surveys/:id/translations': { type: 'csv', samples: ['key,en\r\ntitle,Fuzz title\r\n', 'key,en\r\nq.nope.text,x\r\n'] },
    'POST /api/v1/surveys/:id/duplicate': { type: 'json', samples: [{}] },
    'POST /api/v1/surveys/:id/archive': { type: 'json', samples: [{}] },
    'POST /api/v1/surveys/:id/restore': { type: 'json', samples: [{}] },
    'DELETE /api/v1/surveys/:id': { type: 'json', samples: [{ confirm: 'Doomed survey' }] },
    'POST /api/v1/auth/setup': { type: 'json', samples: [{ orgName: 'Fuzz', name: 'F', email: 'fuzz@setup.test', password: 'long enough password', locale: 'en', timezone: 'Europe/Moscow' }] },
    'POST /api/v1/auth/login': { type: 'json', samples: [{ email: 'owner@fuzz.test', password: TEST_PASSWORD }] },
    'POST /api/v1/auth/logout': { type: 'json', samples: [{}] },
    'POST /api/v1/locations': { type: 'json', samples: [{ parentId: f.rootId, kind: 'store', name: 'Fuzz store', code: 'FZ1' }] },
    'PATCH /api/v1/locations/:id': { type: 'json', samples: [{ name: 'Renamed', code: 'S1', kind: 'store', parentId: f.rootId }] },
    'POST /api/v1/locations/import': { type: 'csv', samples: ['code,name,kind,parent_code\nIM1,Imported,region,\nIM2,Imported store,store,IM1\n'] },
    'PATCH /api/v1/org': { type: 'json', samples: [{ name: 'Fuzz Org', timezone: 'Asia/Tehran', dimensions: ['order', 'region'] }] },
    'POST /api/v1/responses/:id/exclude': { type: 'json', samples: [{ reason: 'test answer' }] },
    'POST /api/v1/responses/:id/include': { type: 'json', samples: [{}] },
    'POST /api/v1/org/jobs/:id/retry': { type: 'json', samples: [{}] },
    'POST /api/v1/waves/preview': { type: 'json', samples: [{ surveyId: f.liveSurvey.id, name: 'Fuzz wave', audience: { segment: 'gold' }, reminderDays: [3], window: { start: '09:00', end: '20:00' } }] },
    'POST /api/v1/waves': { type: 'json', samples: [{ surveyId: f.liveSurvey.id, name: 'Fuzz wave', audience: { locationId: f.store.id }, reminderDays: [3, 7], window: { start: '22:00', end: '06:00' } }] },
    'POST /api/v1/waves/:id/cancel': { type: 'json', samples: [{}] },
    'POST /api/v1/waves/bounces': { type: 'json', samples: [{ message: `Action: failed\r\nStatus: 5.1.1\r\nMessage-ID: <${f.waveId}.0@sarafan.invalid>\r\n` }] },
    'PUT /api/v1/org/contact-policy': { type: 'json', samples: [{ contactGapDays: 30 }] },
    'PUT /api/v1/surveys/:id/contact-policy': { type: 'json', samples: [{ contactGapDays: 7 }, { contactGapDays: null }] },
    'POST /api/v1/surveys/:id/quality/exclude': { type: 'json', samples: [{ reason: 'speeder' }] },
    'POST /api/v1/reviews/import/preview': { type: 'json', samples: [{ format: 'csv', content: 'source,rating,text,date,location\ngoogle,4,Good,2026-01-05,\n' }] },
    'PATCH /api/v1/reviews/:id/sentiment': { type: 'json', samples: [{ sentiment: 'positive' }] },
    'POST /api/v1/alert-rules': { type: 'json', samples: [{ name: 'Detractors', trigger: 'low_score', params: { metric: 'nps' } }, { name: 'Words', trigger: 'comment_match', params: { keywords: ['ужасно'] } }] },
    'PATCH /api/v1/alert-rules/:id': { type: 'json', samples: [{ enabled: false }] },
    'POST /api/v1/notifications/read': { type: 'json', samples: [{ all: true }, { ids: ['00000000-0000-4000-8000-00000000f025'] }] },
    'POST /api/v1/reviews/import': { type: 'json', samples: [{ format: 'jsonl', content: '{"source":"2gis","rating":"5/5","text":"Отлично","date":"05.01.2026"}\n', ratingScale: 5 }] },
    'POST /api/v1/surveys': { type: 'json', samples: [{ template: 'nps_relational', name: 'From template' }, surveyInput] },
    'PUT /api/v1/surveys/:id': { type: 'json', samples: [surveyInput] },
    'POST /api/v1/surveys/:id/status': { type: 'json', samples: [{ status: 'live' }] },
    'POST /api/v1/invitations': { type: 'json', samples: [{ email: 'new@fuzz.test', role: 'location_manager', locationIds: [f.store.id] }] },
    'POST /api/v1/invitations/:token/accept': { type: 'json', samples: [{ name: 'Invited', password: 'long enough password' }] },
    'PATCH /api/v1/users/:id': { type: 'json', samples: [{ role: 'analyst', locationIds: [f.store.id], disabled: false }] },
    'POST /api/v1/contacts': { type: 'json', samples: [{ email: 'new@contact.test', phone: '+79161234567', name: 'Новый', language: 'ru', segment: 'vip', locationId: f.store.id }] },
    'PATCH /api/v1/contacts/:id': { type: 'json', samples: [{ name: 'Renamed', segment: null, timeZone: 'Europe/Moscow' }] },
    'POST /api/v1/contacts/:id/unsubscribe': { type: 'json', samples: [{}] },
    'POST /api/v1/contacts/:id/erase': { type: 'json', samples: [{}] },
    'POST /api/v1/contacts/import/preview': { type: 'json', samples: [{ fileName: 'c.csv', data: Buffer.from('email,name\na@b.ru,A\n').toString('base64') }] },
    'POST /api/v1/contacts/import': {
      type: 'json', samples: [{ fileName: 'c.csv', data: Buffer.from('email,name\na@b.ru,A\n').toString('base64'), mapping: ['email', 'name'], skipInvalid: true }],
    },
    'POST /api/v1/contact-attributes': { type: 'json', samples: [{ key: 'tier', label: 'Tier', type: 'choice', choices: ['Gold'], dimension: true }] },
    'PUT /api/v1/contact-attributes/:key': { type: 'json', samples: [{ label: 'Region', type: 'text' }] },
    'POST /u/:token': { type: 'form', samples: [{ 'List-Unsubscribe': 'One-Click' }] },
    ...integrationSampleBodies(f.liveSurvey.id, f.store.id),
    'PATCH /api/v1/text/comments/:responseId/:questionId': { type: 'json', samples: [{ sentiment: 'negative', themes: ['waiting_time'] }] },
    'POST /api/v1/text/model/retrain': { type: 'json', samples: [{}] },
    // The file is the body; fileName and the reading come in the query (absent here: a 400, never a 5xx).
    'POST /api/v1/support/imports': { type: 'bytes', samples: [Buffer.from('ticket_id,customer_id,at,event\nF1,c,2026-03-02T09:00:00Z,created\n')] },
    'POST /api/v1/store-imports': { type: 'bytes', samples: [Buffer.from('receipt_id,location,at,amount\nF1,S1,2026-03-02T09:00:00Z,1.50\n')] },
    'POST /api/v1/store-imports/preview': { type: 'bytes', samples: [Buffer.from('receipt_id,location,at,amount\n')] },
    'POST /api/v1/cases': { type: 'json', samples: [{ channel: 'phone', title: 'Charged twice', priority: 'high', locationId: f.store.id, customerName: 'Мария', customerEmail: 'maria@case.test', customerPhone: '+7 916 123-45-67' }] },
    'PATCH /api/v1/cases/:id': { type: 'json', samples: [{ status: 'in_progress', priority: 'urgent' }, { title: 'Renamed' }] },
    'POST /api/v1/cases/:id/notes': { type: 'json', samples: [{ text: '@owner посмотрите' }] },
    'POST /api/v1/cases/:id/replies': { type: 'json', samples: [{ subject: 'Re', text: 'متاسفیم' }] },
    'POST /api/v1/cases/:id/resolve': { type: 'json', samples: [{ rootCauseId: f.store.id, controllable: true, resolution: 'x', askCustomer: false }] },
    'POST /api/v1/cases/:id/compensations': { type: 'json', samples: [{ amount: 10, kind: 'gift', note: 'x' }] },
    'POST /api/v1/cases/bulk': { type: 'json', samples: [{ ids: [f.caseId], action: 'priority', value: 'high' }] },
    'PUT /api/v1/org/case-routing': { type: 'json', samples: [{ rules: [{ locationId: f.store.id, channel: 'phone', priority: null, ownerUserId: null, teamId: '00000000-0000-4000-8000-00000000f031' }] }] },
    'POST /api/v1/org/case-teams': { type: 'json', samples: [{ name: 'Горячая линия', memberIds: [] }] },
    'PATCH /api/v1/org/case-teams/:id': { type: 'json', samples: [{ name: 'خط ویژه' }] },
    'PUT /api/v1/org/business-hours': { type: 'json', samples: [{ businessHours: 'Mon-Fri 09:00-18:00' }] },
    'PUT /api/v1/locations/:id/business-hours': { type: 'json', samples: [{ businessHours: 'Sat-Wed 08:30-17:00' }] },
    'PUT /api/v1/org/compensation-limits': { type: 'json', samples: [{ currency: 'RUB', limits: [{ role: 'location_manager', maxAmount: 3000 }] }] },
    'PUT /api/v1/support/settings': { type: 'json', samples: [{ credit: 'last_agent', slaTargets: [{ priority: 'high', firstResponseS: 3600, resolutionS: null }] }] },
    'PUT /api/v1/text/themes': { type: 'json', samples: [{ id: 'fuzz_theme', names: { en: 'Fuzz', ru: 'Фазз' }, terms: { en: ['fuzz'], fa: ['فاز'] } }] },
    'POST /api/v1/text/theme-suggestions/accept': { type: 'json', samples: [{ name: 'Парковка', lang: 'ru', terms: ['парковка', 'машин'] }] },
    'POST /api/v1/text/theme-suggestions/merge': { type: 'json', samples: [{ into: 'price', lang: 'fa', terms: ['قیمت'] }] },
    'POST /api/v1/text/theme-suggestions/dismiss': { type: 'json', samples: [{ key: 'en:park space' }] },
    'POST /api/v1/surveys/:id/kiosks': { type: 'json', samples: [{ name: 'Fuzz tablet', locationId: f.store.id, pin: '2468' }] },
    'POST /api/v1/surveys/:id/kiosks/revoke': { type: 'json', samples: [{ kioskId: f.kiosk.revokeId }] },
    'POST /k/:token/answers': { type: 'json', samples: [{ answers: [{ k: 'fuzz-kiosk-answer-1', lang: 'ru', score: 9, comment: 'Быстро', at: Date.now() }] }] },
    'POST /k/:token/pin': { type: 'json', samples: [{ pin: '1234' }] },
    'PUT /api/v1/surveys/:id/widget': { type: 'json', samples: [{ origins: ['https://shop.example'], delaySeconds: 10, exitIntent: true, urlPattern: '/checkout/*' }] },
    'POST /w/:slug': { type: 'json', samples: [{ k: KEY_MARK, lang: 'ru', score: 9, comment: 'Быстро', page: '/checkout/done', loc: f.store.code }] },
    'PUT /api/v1/org/telegram': { type: 'json', samples: [{ mode: 'polling' }] },
    'POST /api/v1/root-causes': { type: 'json', samples: [{ name: { en: 'Long queue', ru: 'Очередь', fa: 'صف' } }] },
    'PATCH /api/v1/root-causes/:id': { type: 'json', samples: [{ name: { en: 'Renamed' }, position: 0, archived: true }] },
    'POST /api/v1/action-plans': { type: 'json', samples: [{ title: 'Train cashiers', startDate: '2026-03-01', dueDate: '2026-06-01', locationIds: [f.store.id], targetValue: 35, status: 'active' }] },
    'PATCH /api/v1/action-plans/:id': { type: 'json', samples: [{ title: 'Renamed plan', status: 'done', dueDate: null }] },
    'POST /api/v1/audit-waves': { type: 'json', samples: [{ name: 'Весенняя волна', checklistId: '00000000-0000-4000-8000-00000000f041', startsOn: '2026-03-01', endsOn: '2026-03-31', visitsPerLocation: 2, status: 'open' }] },
    'PATCH /api/v1/audit-waves/:id': { type: 'json', samples: [{ name: 'موج بهار', endsOn: '2026-04-30', status: 'closed' }] },
    'POST /api/v1/audit-waves/:id/assignments': { type: 'json', samples: [{ locationIds: [f.store.id], auditorId: null, dueOn: '2026-03-15' }] },
    'PATCH /api/v1/audit-assignments/:id': { type: 'json', samples: [{ auditorId: null, dueOn: '2026-03-20', status: 'cancelled' }] },
    'PATCH /api/v1/audit-visits/:id': { type: 'json', samples: [{ employeeId: null, employeeLabel: 'Кассир у кассы 2' }] },
    'POST /api/v1/audit-visits/:id/corrections': { type: 'json', samples: [{ itemKey: 'greet', answer: { value: 'no', comment: 'x' }, reason: 'Запись показала иначе' }] },
    'POST /api/v1/audit-visits/:id/review': { type: 'json', samples: [{}] },
    'POST /api/v1/audit-visits/:id/publish': { type: 'json', samples: [{}] },
    'POST /api/v1/audit-visits/:id/appeals': { type: 'json', samples: [{ itemKey: 'greet', reason: 'Мы поздоровались' }] },
    'POST /api/v1/audit-appeals/:id/decision': { type: 'json', samples: [{ decision: 'upheld', note: 'ok', answer: { value: 'yes' } }] },
    'POST /api/v1/checklists': { type: 'json', samples: [{ starter: 'store_visit', name: 'Визит' }, { name: 'Звонок', channel: 'phone', definition: { name: 'Звонок', sections: [{ key: 's', name: 'S', items: [{ key: 'i', text: 'Поздоровался', points: 1 }] }] } }] },
    'POST /api/v1/checklists/import': { type: 'json', samples: [{ name: 'بازدید', sections: [{ key: 's', name: 'S', items: [{ key: 'i', text: 'سلام', points: 2, critical: true }] }] }] },
    'PUT /api/v1/checklists/:id': { type: 'json', samples: [{ name: 'Renamed' }] },
    'POST /api/v1/checklists/:id/archive': { type: 'json', samples: [{}] },
    'POST /api/v1/checklists/:id/unarchive': { type: 'json', samples: [{}] },
    'POST /api/v1/audit-visits': { type: 'json', samples: [{ clientKey: 'fuzz-visit-0001', assignmentId: '00000000-0000-4000-8000-00000000f041', checklistVersion: 1, visitedAt: '2026-03-02T10:00:00Z', answers: { greet: { value: 'yes' } } }] },
    'POST /api/v1/audit-evidence': { type: 'bytes', samples: [TINY_PNG] },
    'POST /api/v1/employees': { type: 'json', samples: [{ name: 'Анна Смирнова', code: 'FZ-01', locationId: f.store.id, agentName: 'anna' }] },
    'PATCH /api/v1/employees/:id': { type: 'json', samples: [{ name: 'Renamed', active: false }] },
    'POST /api/v1/employees/:id/coaching-notes': { type: 'json', samples: [{ note: 'Приветствие', followUpOn: '2026-04-01' }] },
    'PATCH /api/v1/coaching-notes/:id': { type: 'json', samples: [{ done: true }] },
    'POST /api/v1/qa/reviews': { type: 'json', samples: [{ checklistId: '00000000-0000-4000-8000-00000000f041', subject: 'Звонок 12', answers: { i: { value: 'yes' } } }] },
    'POST /api/v1/audit-calibrations': { type: 'json', samples: [{ name: 'Калибровка', checklistId: '00000000-0000-4000-8000-00000000f041', subject: 'Звонок 12', reviewerIds: [] }] },
    'POST /api/v1/audit-calibrations/:id/scores': { type: 'json', samples: [{ answers: { i: { value: 'yes' } } }] },
    'POST /api/v1/audit-calibrations/:id/close': { type: 'json', samples: [{}] },
    'POST /api/v1/quizzes': { type: 'json', samples: [{ name: { en: 'Products' }, languages: ['en'], definition: { questions: [{ key: 'q1', text: { en: 'Q?' }, options: [{ key: 'a', text: { en: 'A' } }, { key: 'b', text: { en: 'B' } }], correct: ['a'] }] } }] },
    'PATCH /api/v1/quizzes/:id': { type: 'json', samples: [{ status: 'closed' }] },
    'POST /api/v1/focus-sessions': {
      type: 'json',
      samples: [{ kind: 'focus_group', title: 'Cashiers', heldOn: '2026-03-10', locationId: f.store.id, moderator: 'Irina', namesAllowed: true,
        participants: [{ role: 'cashier', count: 3 }, { role: 'key client', count: 1, name: 'Olga' }], questions: ['What do customers say?'],
        notes: 'Очередь огромная, ждали долго.\n\nصف طولانی بود. Staff were rude.', language: null }],
    },
    'PUT /api/v1/focus-sessions/:id': { type: 'json', samples: [{ kind: 'debrief', title: 'Key client', heldOn: '2026-03-11', notes: 'Prices are too high.', language: 'en' }] },
    'POST /api/v1/focus-sessions/:id/findings': { type: 'json', samples: [{ text: 'Queues at the tills', theme: 'waiting_time', actionPlanId: null }] },
    'PUT /api/v1/focus-findings/:id': { type: 'json', samples: [{ actionPlanId: null }, { text: 'Renamed', theme: null }] },
    'POST /api/v1/staff/result-links': { type: 'json', samples: [{ surveyId: f.apiSurvey.id, locationId: f.store.id }] },
    'POST /api/v1/staff/result-links/:id/revoke': { type: 'json', samples: [{}] },
    'POST /api/v1/shared-links': { type: 'json', samples: [{ title: 'Fuzz', definition: { surveyId: f.apiSurvey.id, sections: ['kpis', 'breakdown'], period: { rule: 'last_month' } }, password: 'fuzz-password', embedOrigins: ['https://intranet.example'] }] },
    'POST /api/v1/shared-links/:id/revoke': { type: 'json', samples: [{}] },
    'POST /p/:token/unlock': { type: 'form', samples: [{ password: 'fuzz-password', _lang: 'fa' }] },
    'PUT /api/v1/referrals/settings': { type: 'json', samples: [{ enabled: true }, { enabled: false }] },
    'POST /api/v1/referrals/claims': { type: 'json', samples: [{ code: 'ABCD-2345', customerId: 'crm-1' }, { code: 'ABCD2345', customerId: 'crm-2', at: '2026-03-01T10:00:00Z' }] },
    'POST /api/v1/saved-views': { type: 'json', samples: [{ name: 'Северный регион', surveyId: f.apiSurvey.id, query: 'range=30d&cmp=periods', shared: true, pinned: true }] },
    'PATCH /api/v1/saved-views/:id': { type: 'json', samples: [{ name: 'نمای من', shared: false }] },
    'PUT /api/v1/saved-views/:id/pin': { type: 'json', samples: [{}] },
    'POST /api/v1/surveys/preview': { type: 'json', samples: [{ survey: surveyInput, lang: 'fa' }] },
    'POST /api/v1/question-library': { type: 'json', samples: [{ question: { key: 'fuzz_q', type: 'rating', metric: 'csat', scale: { min: 1, max: 5 }, text: { ru: 'Довольны?', fa: 'راضی هستید؟' } }, replace: true }] },
    'POST /api/v1/exports': { type: 'json', samples: [{ kind: 'trend', survey: f.apiSurvey.id, format: 'csv', lang: 'ru', filters: { interval: 'month' } }, { kind: 'breakdown', survey: f.apiSurvey.id, format: 'xlsx', filters: { by: 'location' } }] },
    'POST /api/v1/reports/render': { type: 'json', samples: [{ definition: { surveyId: f.apiSurvey.id, sections: ['kpis', 'trend'], period: { rule: 'last_30_days' } }, format: 'html', lang: 'fa' }] },
    'POST /api/v1/reports': { type: 'json', samples: [{ name: 'Weekly', definition: { surveyId: f.apiSurvey.id, sections: ['kpis'], period: { rule: 'last_week' } } }] },
    'PATCH /api/v1/reports/:id': { type: 'json', samples: [{ name: 'Renamed' }] },
    'POST /api/v1/reports/:id/send-now': { type: 'json', samples: [{}, { lang: 'fa' }] },
    'POST /api/v1/reports/send': { type: 'json', samples: [{ title: 'View', definition: { surveyId: f.apiSurvey.id, sections: ['kpis'], period: { from: '2026-01-01', to: '2026-01-31' } }, recipients: [{ kind: 'email', email: 'board@example.test', lang: 'ru' }] }] },
    'POST /api/v1/reports/:id/schedules': { type: 'json', samples: [{ frequency: 'weekly', dayOfWeek: 1, hour: 9, recipients: [{ kind: 'role', role: 'location_manager' }] }] },
    'PATCH /api/v1/report-schedules/:id': { type: 'json', samples: [{ hour: 8 }] },
    'POST /api/v1/report-deliveries/:id/retry': { type: 'json', samples: [{}] },
    'POST /quiz/:slug': { type: 'form', samples: [{ clientKey: 'fuzz-quiz-0001', code: 'FZ-01', q1: 'a' }] },
    'POST /telegram/webhook/:key': { type: 'json', samples: [{ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/start x' } }] },
    'PUT /api/v1/org/sms': { type: 'json', samples: [{ url: 'http://127.0.0.1:9/sms', sender: 'Fuzz', bodyTemplate: '{"to": "{to}", "text": "{text}"}' }] },
    'POST /api/v1/org/sms/test': { type: 'json', samples: [{ to: '+79161234567' }] },
    // A closed port: the test answers cannot_connect at once; disabled, so no read is queued.
    'PUT /api/v1/org/feedback-mailbox': { type: 'json', samples: [{ address: 'feedback@fuzz.example', host: '127.0.0.1', port: 9, secure: false, username: 'fuzz', password: 'fuzz', folder: 'INBOX', enabled: false, openCases: 'negative', casePriority: 'normal' }] },
    'POST /api/v1/org/feedback-mailbox/test': { type: 'json', samples: [{}] },
    'POST /s/:slug': {
      type: 'form',
      samples: [{
        _k: KEY_MARK, _lang: 'ru', _loc: f.store.code, _channel: 'qr', _started: String(Date.now() - 60_000), q_nps: '6', q_why: 'Долго ждал',
        q_service: '4', q_reasons: ['price', 'wait'], h_order: '42', h_region: 'north',
      }],
    },
    // A phone page's saved progress (docs/api.md "Partial responses"): JSON, the form's key.
    'POST /s/:slug/progress': { type: 'json', samples: [{ _k: KEY_MARK, _lang: 'en', _channel: 'link', _at: 'nps', _t: { nps: 3000 }, q_nps: '6' }] },
    'POST /s/:slug/resume': { type: 'json', samples: [{ _k: KEY_MARK }] },
  };
}

/** Query keys the API reads; random keys are added by the fuzz. */
const API_QUERY_KEYS = [
  'from', 'to', 'location', 'channel', 'language', 'dim', 'includeExcluded', 'question', 'interval', 'by', 'parent', 'leaf', 'sort',
  'limit', 'aFrom', 'aTo', 'bFrom', 'bTo', 'aDim', 'bDim', 'aLocation', 'bLocation', 'b', 'outcome', 'before', 'group', 'lang',
  'cursor', 'q', 'source', 'minRating', 'maxRating', 'offset', 'kind', 'sentiment',
  'cursor', 'q', 'source', 'minRating', 'maxRating', 'offset', 'survey', 'status',
];
/** Query keys of respondent pages: their own, and hidden fields (every other key). */
const PAGE_QUERY_KEYS = ['lang', 'loc', 'channel', 'order', 'region', 'email'];

describe('fuzz: no request answers 5xx', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let f: Fixtures;
  let bodies: ReturnType<typeof sampleBodies>;
  const routes: Route[] = [];
  /** Errors thrown while answering, by request id: a 500's failure line shows what broke. */
  const errors = new Map<string, unknown>();
  const stats = { requests: 0, serverErrors: 0, byClass: {} as Record<string, number>, okByRoute: {} as Record<string, number>, serverErrorsByRoute: {} as Record<string, number> };
  const failures: string[] = [];
  let address = 0;

  const nextAddress = () => {
    address++;
    return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
  };

  // The dashboard's routes are fuzzed too, whether or not the app is built.
  const web = createWebStandIn();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildApp({
      pool: db.pool,
      publicRateLimitPerMinute: 10_000,
      webDir: web.dir,
      onRoute: (r) => {
        for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
      },
    });
    app.addHook('onError', async (request, _reply, err) => void errors.set(request.id, err));
    await app.ready();

    const org = await buildOrg(db.pool, 'Fuzz Org');
    const region = await buildLocation(db.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
    const store = await buildLocation(db.pool, org.orgId, region, 'store', 'Store 1');
    await db.pool.query(`update locations set code = 'S1' where org_id = $1 and id = $2`, [org.orgId, store.id]);
    const doomed = await buildLocation(db.pool, org.orgId, region, 'store', 'Doomed');
    await buildUser(db.pool, org.orgId, 'owner', 'owner@fuzz.test');
    const otherUserId = await buildUser(db.pool, org.orgId, 'viewer', 'viewer@fuzz.test', [store.id]);
    const liveSurvey = await buildSurvey(db.pool, org.orgId);
    const closed = await buildSurvey(db.pool, org.orgId, { status: 'closed' });
    const apiSurvey = await buildSurvey(db.pool, org.orgId, { status: 'draft' });
    const invite = async (email: string, token = crypto.randomBytes(32).toString('base64url')) =>
      (await db.pool.query(
        `insert into invitations(org_id, email, role, token_hash, expires_at) values ($1, $2, 'viewer', $3, now() + interval '7 days') returning id`,
        [org.orgId, email, hashToken(token)],
      )).rows[0].id as string;
    const invitationToken = crypto.randomBytes(32).toString('base64url');
    await invite('invitee@fuzz.test', invitationToken);
    const invitationIds = { resend: await invite('resend@fuzz.test'), revoke: await invite('revoke@fuzz.test') };
    const doomedSurvey = await buildSurvey(db.pool, org.orgId, { status: 'draft', name: 'Doomed survey' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'owner@fuzz.test', password: TEST_PASSWORD } });
    const ownerCookie = String(login.headers['set-cookie']).split(';')[0];
    const addKiosk = async (surveyId: string, token: string) =>
      (await db.pool.query(
        `insert into kiosks(org_id, survey_id, location_id, name, token_hash, pin_salt, pin_hash) values ($1, $2, $3, 'Fuzz kiosk', $4, 'salt', $5) returning id`,
        [org.orgId, surveyId, store.id, hashToken(token), crypto.createHash('sha256').update('salt:1234').digest('hex')],
      )).rows[0].id as string;
    const kioskToken = crypto.randomBytes(32).toString('base64url');
    await addKiosk(liveSurvey.id, kioskToken);
    const kiosk = { token: kioskToken, revokeId: await addKiosk(apiSurvey.id, crypto.randomBytes(32).toString('base64url')) };
    const answer = await app.inject({
      method: 'POST', url: `/s/${liveSurvey.slug}`, headers: { accept: 'application/json' },
      payload: { _k: crypto.randomBytes(12).toString('base64url'), _loc: 'S1', q_nps: 3, q_why: 'slow', h_order: '7', h_region: 'north' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    // A failed job (scheduled far ahead, so a retry from the fuzz waits instead of running).
    await app.jobs.start();
    const jobId = (await app.jobs.boss.send(rebuildOrgRollupsJob.name, { orgId: org.orgId }, { retryLimit: 0, startAfter: 3600 }))!;
    await app.jobs.boss.fetch(rebuildOrgRollupsJob.name, { ignoreStartAfter: true });
    await app.jobs.boss.fail(rebuildOrgRollupsJob.name, jobId, new Error('fuzz fixture'));
    const contact = (await db.pool.query(
      `insert into contacts(org_id, email, phone, name, location_id) values ($1, 'fuzz@contact.test', '+79160000000', 'Fuzz', $2) returning id, unsubscribe_token as token`,
      [org.orgId, store.id],
    )).rows[0];
    f = {
      contact,
      rootId: org.rootLocationId, store: { id: store.id, code: 'S1' }, doomedLocationId: doomed.id, doomedSurveyId: doomedSurvey.id, liveSurvey,
      closedSlug: closed.slug, apiSurvey, responseId: answer.json().responseId, otherUserId, invitationToken, invitationIds, jobId, ownerCookie, kiosk,
      waveId: (await db.pool.query(`insert into invitation_waves(org_id, survey_id, name, channel, audience) values ($1, $2, 'Fuzz', 'email', '{}') returning id`, [org.orgId, liveSurvey.id])).rows[0].id,
      integrations: await seedIntegrations(db.pool, org.orgId, 'fuzz'),
      // Number 1, as the organisation's counter says (POST /cases numbers from it).
      caseId: (await db.pool.query(`with n as (update orgs set case_counter = 1 where id = $1)
        insert into cases(org_id, number, title, channel, location_id, customer_email) values ($1, 1, 'Fuzz case', 'phone', $2, 'fuzz@case.test') returning id`, [org.orgId, store.id])).rows[0].id,
    };
    const own = await app.inject({ method: 'GET', url: `/api/v1/surveys/${apiSurvey.id}`, headers: { cookie: ownerCookie } });
    const { id: _id, status: _status, version: _version, ...surveyInput } = own.json().survey;
    bodies = sampleBodies(f, surveyInput);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    web.remove();
  });

  /** Values that pass validation, so requests reach the queries behind it. */
  const plausible = () =>
    fc.constantFrom(
      f.store.id, f.rootId, f.store.code, f.liveSurvey.questionIds.nps, f.liveSurvey.questionIds.service, f.responseId, crypto.randomUUID(),
      '2025-01-01', '2026-12-31', 'week', 'month', 'location', 'channel', 'dim:order', 'dim:region', 'order:42', 'region:north', 'worst', 'n',
      '1', '0', 'true', 'company', 'detractor', 'en', 'ru', 'fa', 'link', 'qr', '5', '200', '2026-01-01T00:00:00Z',
      `2026-01-01T00:00:00.000Z,${f.responseId},why`,
    );

  /** A valid value for each path parameter; a new parameter needs an entry here. */
  function validParam(route: Route, name: string): string {
    const segments = route.url.split('/');
    const before = segments[segments.findIndex((s) => s.startsWith(`:${name}`)) - 1];
    if (name === 'slug') return f.liveSurvey.slug;
    // A reset link nobody asked for: well-formed, unknown.
    if (name === 'token' && before === 'reset') return UNKNOWN_LINK_TOKEN;
    if (name === 'token' && before === 'u') return f.contact.token;
    if (name === 'id' && before === 'contacts') return f.contact.id;
    if (name === 'token' && before === 'k') return f.kiosk.token;
    if (name === 'token' && before === 'staff-results') return UNKNOWN_LINK_TOKEN; // a staff results link: well-formed, unknown: 404
    if (name === 'token' && before === 'p') return UNKNOWN_LINK_TOKEN; // a shared link: well-formed, unknown: 404
    if (name === 'id' && before === 'shared-links') return '00000000-0000-4000-8000-00000000f051'; // well-formed, unknown: 404
    if (name === 'token') return f.invitationToken;
    if (name === 'key') return 'region';
    if (name === '*') return 'surveys/new';
    if (name === 'id' && before === 'surveys') return route.method === 'DELETE' ? f.doomedSurveyId : f.apiSurvey.id;
    if (name === 'id' && before === 'invitations') return route.method === 'DELETE' ? f.invitationIds.revoke : f.invitationIds.resend;
    if (name === 'id' && before === 'locations') return route.method === 'DELETE' ? f.doomedLocationId : f.store.id;
    if (name === 'id' && before === 'users') return f.otherUserId;
    if (name === 'id' && before === 'responses') return f.responseId;
    if (name === 'id' && before === 'jobs') return f.jobId;
    if (name === 'id' && before === 'waves') return f.waveId;
    if (name === 'id' && before === 'api-keys') return f.integrations.apiKeyId;
    if (name === 'id' && before === 'webhooks') return f.integrations.webhookId;
    if (name === 'deliveryId') return f.integrations.deliveryId;
    if (name === 'responseId') return f.responseId;
    if (name === 'questionId') return f.liveSurvey.questionIds.service;
    if (name === 'id' && before === 'reviews') return '00000000-0000-4000-8000-00000000f022'; // well-formed, unknown: 404
    if (name === 'id' && before === 'cases') return f.caseId;
    if (name === 'id' && before === 'imports') return '00000000-0000-4000-8000-00000000f023'; // a support import: well-formed, unknown: 404
    if (name === 'id' && before === 'alert-rules') return '00000000-0000-4000-8000-00000000f024'; // an alert rule: well-formed, unknown: 404
    if (name === 'id' && before === 'case-teams') return '00000000-0000-4000-8000-00000000f031'; // a case team: well-formed, unknown: 404
    if (name === 'id' && before === 'root-causes') return '00000000-0000-4000-8000-00000000f024'; // well-formed, unknown: 404
    if (name === 'id' && before === 'action-plans') return '00000000-0000-4000-8000-00000000f025'; // well-formed, unknown: 404
    // Audits (waves, assignments, visits, appeals): well-formed, unknown: 404.
    if (name === 'id' && ['audit-waves', 'audit-assignments', 'audit-visits', 'audit-appeals', 'checklists', 'audit-evidence', 'employees', 'coaching-notes', 'audit-calibrations', 'quizzes', 'reviews', 'focus-sessions', 'focus-findings', 'result-links', 'store-imports'].includes(before)) return '00000000-0000-4000-8000-00000000f041';
    if (name === 'id' && before === 'saved-views') return '00000000-0000-4000-8000-00000000f051'; // a saved view: well-formed, unknown: 404
    if (name === 'id' && before === 'question-library') return '00000000-0000-4000-8000-00000000f061'; // a library question: well-formed, unknown: 404
    if (name === 'id' && ['reports', 'report-schedules', 'report-deliveries'].includes(before)) return '00000000-0000-4000-8000-00000000f051'; // well-formed, unknown: 404
    if (name === 'version') return '1';
    if (name === 'code' && before === 'r') return 'ABCD2345'; // a referral link: well-formed, unknown: 404
    throw new Error(`add a valid value for :${name} of ${routeKey(route)} in test/fuzz/requests.test.ts`);
  }

  const paramNames = (url: string) => url.split('/').flatMap((s) => (s === '*' ? ['*'] : s.startsWith(':') ? [s.slice(1).split('.')[0]] : []));

  /** Arbitrary requests for one route. */
  function requestsFor(route: Route) {
    const params = paramNames(route.url);
    const extraSlugs = route.url.startsWith('/s/') ? [f.closedSlug, f.apiSurvey.slug] : [];
    const paramValues = fc.tuple(
      ...params.map((name) =>
        fc.oneof(
          { weight: 5, arbitrary: fc.constant(encodeBytes(validParam(route, name))) },
          { weight: 1, arbitrary: extraSlugs.length ? fc.constantFrom(...extraSlugs) : fc.constant(encodeBytes(validParam(route, name))) },
          { weight: 2, arbitrary: urlPart(plausible()) },
        ),
      ),
    );
    const query = fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(route.url.startsWith('/s/') ? PAGE_QUERY_KEYS : API_QUERY_KEYS)).map(encodeBytes) }, { weight: 1, arbitrary: urlPart(nastyString) }), urlPart(plausible())), {
      maxLength: 8,
    });
    const spec = bodies[routeKey(route)];
    const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
    const samples = spec?.samples ?? [{}];
    const body: fc.Arbitrary<{ value: unknown } | { raw: string | Buffer }> = spec?.type === 'bytes' ? bytesBody(samples as Buffer[]) : fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([s, ms]) => ({ value: ms.reduce(applyMutation, s) })) },
      { weight: 1, arbitrary: fc.constantFrom(...samples).map((value) => ({ value })) },
      { weight: 1, arbitrary: jsonValue.map((value) => ({ value })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
    );
    const natural = naturalType(spec?.type);
    const contentType = fc.oneof(
      { weight: 8, arbitrary: fc.constant(natural) },
      { weight: 3, arbitrary: fc.constant(route.url.startsWith('/s/') ? 'application/json' : natural) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'application/json', 'application/json; charset=latin1', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x', 'application/octet-stream', 'application/xml', '', 'application/json; charset="\u00ff"', 'image/png',
          'image/svg+xml',
        ),
      },
    );
    const cookie = fc.oneof(
      { weight: 8, arbitrary: fc.constant(route.url === '/api/v1/auth/logout' ? null : f.ownerCookie) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: urlPart(nastyString).map((v) => `sarafan_session=${v}`) },
    );
    const headers = fc.record({
      accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
      'accept-language': fc.oneof(fc.constantFrom(undefined, 'ru-RU,ru;q=0.9', 'fa', 'xx;q=abc, *;q=2'), headerText),
      'accept-encoding': fc.constantFrom(undefined, 'gzip, br', 'br;q=1.5', 'identity;q=0, *;q=0', 'x'),
      origin: fc.constantFrom(undefined, undefined, undefined, 'null', 'http://evil.test'),
    });
    return fc.record({ paramValues, query, body, contentType, cookie, headers, sendBody: fc.boolean() }).map((r) => {
      let i = 0;
      const pathPart = route.url.replace(/:[A-Za-z]+|\*/g, () => r.paramValues[i++]);
      const url = r.query.length ? `${pathPart}?${r.query.map(([k, v]) => `${k}=${v}`).join('&')}` : pathPart;
      const key = crypto.randomBytes(12).toString('base64url');
      const withKey = (text: string) => text.split(KEY_MARK).join(key);
      let payload: string | Buffer | undefined;
      if (hasBody || r.sendBody) {
        if ('raw' in r.body) payload = r.body.raw;
        else if (r.contentType.startsWith('application/x-www-form-urlencoded')) payload = formText(r.body.value);
        else if (typeof r.body.value === 'string' && r.contentType.startsWith('text/')) payload = r.body.value;
        else payload = r.body.value === undefined ? undefined : toJsonText(r.body.value);
      }
      const h: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) h[k] = v;
      if (payload !== undefined && r.contentType) h['content-type'] = r.contentType;
      if (r.cookie) h.cookie = r.cookie;
      if (KEY_ONLY_ROUTES.has(routeKey(route)) && r.cookie === f.ownerCookie) h.authorization = `Bearer ${f.integrations.ingestKey}`;
      return { method: route.method, url, headers: h, payload: typeof payload === 'string' ? withKey(payload) : payload };
    });
  }

  /** The route with valid parameters and its sample body, signed in (logout: without the owner's session). */
  function controlRequest(route: Route) {
    const pathPart = route.url.replace(/:([A-Za-z]+)|\*/g, (m, name: string | undefined) => encodeBytes(validParam(route, name ?? '*')));
    const spec = bodies[routeKey(route)];
    const headers: Record<string, string> = route.url === '/api/v1/auth/logout' ? {} : { cookie: f.ownerCookie };
    if (KEY_ONLY_ROUTES.has(routeKey(route))) headers.authorization = `Bearer ${f.integrations.ingestKey}`;
    if (!spec) return { method: route.method, url: pathPart, headers };
    const sample = spec.samples[0];
    const type = naturalType(spec.type);
    if (spec.type === 'bytes') return { method: route.method, url: pathPart, headers: { ...headers, 'content-type': type }, payload: sample as Buffer };
    const payload = spec.type === 'form' ? formText(sample) : spec.type === 'csv' ? String(sample) : toJsonText(sample);
    return { method: route.method, url: pathPart, headers: { ...headers, 'content-type': type }, payload: payload.split(KEY_MARK).join(crypto.randomBytes(12).toString('base64url')) };
  }

  /** Form encoding of a (mutated) sample: nested values become strings, arrays repeat their key. */
  function formText(value: unknown): string {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return encodeBytes(typeof value === 'string' ? value : toJsonText(value ?? null));
    return Object.entries(value)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeBytes(k)}=${encodeBytes(typeof x === 'string' ? x : toJsonText(x ?? null))}`))
      .join('&');
  }

  async function send(route: Route, req: { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer }) {
    const res = await app.inject({ ...req, method: req.method as 'GET', remoteAddress: nextAddress() });
    stats.requests++;
    const cls = `${Math.floor(res.statusCode / 100)}xx`;
    stats.byClass[cls] = (stats.byClass[cls] ?? 0) + 1;
    if (res.statusCode < 300) stats.okByRoute[routeKey(route)] = (stats.okByRoute[routeKey(route)] ?? 0) + 1;
    if (res.statusCode >= 500) {
      stats.serverErrors++;
      stats.serverErrorsByRoute[routeKey(route)] = (stats.serverErrorsByRoute[routeKey(route)] ?? 0) + 1;
      const errorId = /"errorId":"([^"]+)"/.exec(res.body)?.[1] ?? '';
      const err = errors.get(errorId) ?? [...errors.values()].at(-1);
      if (failures.length < 30) {
        failures.push(
          `${res.statusCode} ${req.method} ${req.url.slice(0, 200)} [${req.headers['content-type'] ?? ''}] ${JSON.stringify(String(req.payload ?? '').slice(0, 300))}: ${String(
            (err as Error | undefined)?.stack ?? err ?? res.body,
          ).slice(0, 600)}`,
        );
      }
    }
  }

  it('has a sample body for every route that takes one, and a valid value for every path parameter', () => {
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !bodies[routeKey(r)]).map(routeKey);
    expect(missing, 'add a valid sample body to sampleBodies in test/fuzz/requests.test.ts').toEqual([]);
    for (const r of routes) for (const name of paramNames(r.url)) expect(() => validParam(r, name)).not.toThrow();
  });

  // Several hundred routes: on a loaded 2-core machine the walk has taken over 80 s.
  it(`sends ${RUNS} fuzzed requests to every route (and to unrouted paths) without a 5xx`, { timeout: Math.max(300_000, RUNS * 20_000) }, async () => {
    for (const [i, route] of routes.entries()) {
      // Positive control first: the valid sample as a client would send it.
      await send(route, controlRequest(route));
      await fc.assert(
        fc.asyncProperty(requestsFor(route), async (req) => {
          await send(route, req);
        }),
        // One seed per route: the same one would draw the same choices on every route.
        { seed: SEED + i, numRuns: RUNS },
      );
    }
    // Paths no route matches: the not-found handler gets its share.
    const unrouted: Route = { method: 'GET', url: '/api/v1/:x/:y' };
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'), urlPart(nastyString), urlPart(nastyString)), async ([method, a, b]) => {
        await send(unrouted, { method, url: `/api/v1/${a}/${b}`, headers: { cookie: f.ownerCookie } });
      }),
      { seed: SEED, numRuns: RUNS },
    );

    console.log(
      `fuzz: ${stats.requests} requests over ${routes.length} routes, ${stats.serverErrors} answered 5xx ` +
        `(by class ${JSON.stringify(stats.byClass)}; SARAFAN_FUZZ_RUNS=${RUNS}, SARAFAN_FUZZ_SEED=${SEED})`,
    );
    expect(stats.serverErrorsByRoute).toEqual({});
    expect(failures).toEqual([]);
    expect(stats.serverErrors).toBe(0);
    // The walk reached the handlers: the controls stored a submission and answered signed-in reads,
    // and fuzzed requests got through too (more 2xx than the controls alone).
    expect(stats.okByRoute['POST /s/:slug'] ?? 0).toBeGreaterThan(0);
    expect(stats.okByRoute['GET /api/v1/surveys/:id/analytics/summary'] ?? 0).toBeGreaterThan(0);
    expect(stats.byClass['2xx']).toBeGreaterThan(routes.length);
  });
});
