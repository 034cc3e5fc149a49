/**
 * The recovery follow-up end to end on a real server, PostgreSQL, job queue and local SMTP server: a
 * case opened by a detractor (NPS 3) is resolved with "ask the customer"; the case-recovery-survey job
 * makes the organisation's recovery survey, finds or makes the contact from the case's e-mail and
 * invites it; the send job mails it; the customer answers through the personal link; the case records
 * the response and the NPS answer, with its timeline events.
 */
import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../src/server/cases/commands/openCase.ts';
import { recoverySurveyJob, sendRecoverySurvey } from '../../src/server/cases/recoverySurveyJob.ts';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';
import { buildCaseOrg, caseEvents, caseRow } from './fixtures.ts';

const PUBLIC = 'https://voc.example.test';
let server: TestServer;
let smtp: TestSmtp;
let org: Awaited<ReturnType<typeof buildCaseOrg>>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ smtpUrl: smtp.url, publicUrl: PUBLIC });
  org = await buildCaseOrg(server.pool, 'recovery');
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function resolvedCase(customer: { email: string; name: string }) {
  const c = await openCase(server.pool, {
    orgId: org.orgId, title: 'Waited 40 minutes', priority: 'high', channel: 'survey', locationId: org.s1.id,
    customerEmail: customer.email, customerName: customer.name, triggerScore: 3, triggerMetric: 'nps',
  });
  await server.pool.query(`update cases set status = 'resolved', resolved_at = now() where id = $1`, [c.id]);
  return c.id;
}

async function answer(to: string, values: Record<string, string>) {
  await waitFor(async () => smtp.accepted.some((m) => m.to === to), `the recovery mail to ${to}`);
  const mail = await simpleParser(smtp.accepted.find((m) => m.to === to)!.raw);
  const token = (mail.text ?? '').match(new RegExp(`${PUBLIC}/i/([A-Za-z0-9_-]{43})`))![1];
  const page = await fetch(`${server.baseUrl}/i/${token}`);
  expect(page.status).toBe(200);
  const slug = (await page.text()).match(/action="\/s\/([^"?]+)/)![1];
  const post = await fetch(`${server.baseUrl}/s/${slug}`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _k: crypto.randomBytes(12).toString('base64url'), _lang: 'en', _inv: token, _channel: 'link', ...values }).toString(),
  });
  expect(post.status).toBe(303);
  return { subject: mail.subject };
}

describe('recovery survey', () => {
  it('resolve -> invitation -> answer -> recovery fields on the case', async () => {
    const caseId = await resolvedCase({ email: 'Olga@Customer.test', name: 'Olga' });
    await server.app.jobs.send(recoverySurveyJob, { orgId: org.orgId, caseId });
    const { subject } = await answer('olga@customer.test', { q_solved: 'yes', q_recommend_now: '8' });
    expect(subject).toBe('Was your problem solved?');
    await waitFor(async () => (await caseRow(server.pool, caseId)).recovery_score !== null, 'the recovery answer on the case');

    const row = await caseRow(server.pool, caseId);
    const { rows: [inv] } = await server.pool.query(
      `select i.id, i.survey_id, i.response_id, c.email, c.name, c.location_id from survey_invitations i join contacts c on c.org_id = i.org_id and c.id = i.contact_id where i.id = $1`,
      [row.recovery_invitation_id],
    );
    expect(inv).toMatchObject({ email: 'olga@customer.test', name: 'Olga', location_id: org.s1.id });
    expect(row).toMatchObject({ recovery_response_id: inv.response_id, recovery_score: 8 });
    const { rows: [survey] } = await server.pool.query(`select template, status, contact_gap_days from surveys where id = $1`, [inv.survey_id]);
    expect(survey).toEqual({ template: 'case_recovery', status: 'live', contact_gap_days: 0 });
    expect((await caseEvents(server.pool, caseId, 'recovery_sent'))[0].body).toMatchObject({ invitationId: inv.id, status: 'queued' });
    // 3 (detractor) -> 8 (passive): recovered
    expect((await caseEvents(server.pool, caseId, 'recovery_answered'))[0].body).toEqual({ responseId: inv.response_id, score: 8, recovered: true });
  });

  it('reuses the survey and the contact, sends once per case, and records a worse answer as not recovered', async () => {
    const first = await resolvedCase({ email: 'ivan@customer.test', name: 'Ivan' });
    const second = await resolvedCase({ email: 'ivan@customer.test', name: 'Ivan' });
    const a = await sendRecoverySurvey(server.pool, server.app.jobs, org.orgId, first);
    expect(await sendRecoverySurvey(server.pool, server.app.jobs, org.orgId, first)).toEqual({ skipped: 'already_sent' });
    const b = await sendRecoverySurvey(server.pool, server.app.jobs, org.orgId, second);
    expect('sent' in a && 'sent' in b).toBe(true);
    const { rows } = await server.pool.query(
      `select count(distinct survey_id)::int as surveys, count(distinct contact_id)::int as contacts, count(*)::int as n
         from survey_invitations where org_id = $1`, [org.orgId]);
    expect(rows[0]).toEqual({ surveys: 1, contacts: 2, n: 3 });
    await waitFor(async () => smtp.accepted.filter((m) => m.to === 'ivan@customer.test').length === 2, 'both mails to ivan');
    await answer('ivan@customer.test', { q_solved: 'no', q_recommend_now: '2' });
    await waitFor(async () => (await server.pool.query(`select 1 from cases where org_id = $1 and recovery_score = 2`, [org.orgId])).rows.length === 1, 'the answer');
    const events = [...await caseEvents(server.pool, first, 'recovery_answered'), ...await caseEvents(server.pool, second, 'recovery_answered')];
    expect(events.map((e) => [e.body.score, e.body.recovered])).toEqual([[2, false]]);
  });

  it('skips a case without a customer address, and a case reopened before the job ran', async () => {
    const noAddress = await openCase(server.pool, { orgId: org.orgId, title: 'Phone call', priority: 'normal', channel: 'phone', locationId: org.s1.id });
    await server.pool.query(`update cases set status = 'resolved' where id = $1`, [noAddress.id]);
    expect(await sendRecoverySurvey(server.pool, undefined, org.orgId, noAddress.id)).toEqual({ skipped: 'no_customer' });
    const reopened = await resolvedCase({ email: 'maria@customer.test', name: 'Maria' });
    await server.pool.query(`update cases set status = 'in_progress' where id = $1`, [reopened]);
    expect(await sendRecoverySurvey(server.pool, undefined, org.orgId, reopened)).toEqual({ skipped: 'not_resolved' });
    expect((await caseRow(server.pool, reopened)).recovery_invitation_id).toBeNull();
  });
});
