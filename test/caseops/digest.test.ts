/**
 * The weekly digest through a local SMTP server: one mail per owner of open (or last week's resolved)
 * cases, none to anyone else; in the owner's language with CLDR plurals (ru: 5 открытых обращений,
 * 2 обращений overdue, 1 обращение resolved); a `digest` notification; a second run sends nothing.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWeeklyDigests } from '../../src/server/cases/weeklyDigestJob.ts';
import { buildUser } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';
import { buildCaseOrg } from './fixtures.ts';

let db: TestDatabase;
let smtp: TestSmtp;
let org: Awaited<ReturnType<typeof buildCaseOrg>>;
let ruUser: string;
let enUser: string;
let oldOnly: string;
// Monday 2026-06-08 06:00 UTC
const now = new Date('2026-06-08T06:00:00Z');
const publicUrl = 'https://voc.example.test';

let number = 0;
async function addCase(owner: string, status: string, opts: { dueAt?: string; resolvedAt?: string; title?: string } = {}) {
  number++;
  await db.pool.query(
    `insert into cases(org_id, number, title, status, priority, channel, owner_user_id, due_at, resolved_at, location_id)
     values ($1, $2, $3, $4, 'normal', 'survey', $5, $6, $7, $8)`,
    [org.orgId, number, opts.title ?? `Case ${number}`, status, owner, opts.dueAt ?? '2026-06-20T00:00:00Z', opts.resolvedAt ?? null, org.s1.id],
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startTestSmtp();
  org = await buildCaseOrg(db.pool, 'digest');
  ruUser = await buildUser(db.pool, org.orgId, 'location_manager', 'ru-manager@digest.test', [org.s1.id]);
  await db.pool.query(`update users set locale = 'ru', name = 'Анна' where id = $1`, [ruUser]);
  enUser = await buildUser(db.pool, org.orgId, 'location_manager', 'en-manager@digest.test', [org.s2.id]);
  oldOnly = await buildUser(db.pool, org.orgId, 'location_manager', 'old@digest.test', [org.s3.id]);
  await buildUser(db.pool, org.orgId, 'analyst', 'idle@digest.test');
  // ru: 2 new (one overdue), 2 in progress (one overdue), 1 waiting; 1 resolved last week, 1 resolved a month ago
  await addCase(ruUser, 'new', { dueAt: '2026-06-05T09:00:00Z', title: 'Холодный кофе' });
  await addCase(ruUser, 'new');
  await addCase(ruUser, 'in_progress', { dueAt: '2026-06-07T09:00:00Z', title: 'Грубый кассир' });
  await addCase(ruUser, 'in_progress');
  await addCase(ruUser, 'waiting_customer');
  await addCase(ruUser, 'resolved', { resolvedAt: '2026-06-04T10:00:00Z' });
  await addCase(ruUser, 'closed', { resolvedAt: '2026-05-04T10:00:00Z' });
  await addCase(enUser, 'in_progress');
  await addCase(oldOnly, 'closed', { resolvedAt: '2026-05-20T10:00:00Z' });
});
afterAll(async () => {
  await smtp?.close();
  await db?.drop();
});

const parsed = async (to: string) => {
  const mails = smtp.accepted.filter((m) => m.to === to);
  expect(mails).toHaveLength(1);
  const p = await simpleParser(mails[0].raw);
  return { subject: p.subject ?? '', text: p.text ?? '' };
};

describe('weekly case digest', () => {
  it('mails each owner once, in their language, and nobody else', async () => {
    expect(await sendWeeklyDigests(db.pool, { smtpUrl: smtp.url, publicUrl, now })).toEqual({ sent: 2 });
    expect(smtp.accepted.map((m) => m.to).sort()).toEqual(['en-manager@digest.test', 'ru-manager@digest.test']);
  });

  it('writes the Russian digest with the right plural forms and the overdue cases listed', async () => {
    const { subject, text } = await parsed('ru-manager@digest.test');
    expect(subject).toBe('Ваши обращения за неделю: 5 открыто, 2 просрочено');
    expect(text).toContain('Здравствуйте, Анна!');
    expect(text).toContain('У вас 5 открытых обращений:');
    expect(text).toContain('- новые: 2');
    expect(text).toContain('- в работе: 2');
    expect(text).toContain('- ждут ответа клиента: 1');
    expect(text).toContain('Срок прошёл у 2 обращений:');
    // most overdue first; Moscow time
    expect(text.indexOf('- №1 Холодный кофе (срок 5 июн., 12:00)')).toBeGreaterThan(-1);
    expect(text.indexOf('- №3 Грубый кассир')).toBeGreaterThan(text.indexOf('№1 Холодный кофе'));
    expect(text).toContain('Решено за прошедшую неделю: 1 обращение.');
    expect(text).toContain('https://voc.example.test/app/cases');
  });

  it('writes the English digest with singular forms', async () => {
    const { subject, text } = await parsed('en-manager@digest.test');
    expect(subject).toBe('Your cases this week: 1 open, 0 overdue');
    expect(text).toContain('You own 1 open case:');
    expect(text).toContain('Nothing is overdue.');
    expect(text).toContain('Resolved in the past week: none.');
  });

  it('leaves a digest notification, and a second run in the same week sends nothing', async () => {
    const { rows } = await db.pool.query(`select user_id, body from notifications where org_id = $1 and kind = 'digest' order by user_id`, [org.orgId]);
    expect(rows.map((r) => r.user_id)).toEqual([ruUser, enUser].sort());
    expect(rows.find((r) => r.user_id === ruUser)!.body).toEqual({ week: '2026-06-08', open: 5, overdue: 2, resolvedLastWeek: 1 });
    expect(await sendWeeklyDigests(db.pool, { smtpUrl: smtp.url, publicUrl, now: new Date('2026-06-08T07:30:00Z') })).toEqual({ sent: 0 });
    expect(smtp.accepted).toHaveLength(2);
  });
});
