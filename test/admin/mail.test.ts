import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, type TestServer } from '../helpers/app.ts';
import { LANGUAGES } from '../../src/core/i18n/languages.ts';
import { invitationMail } from '../../src/server/mail/messages.ts';
import { startAdminServer } from './server.ts';
import { decodeEntity, startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';

describe('invitation e-mail through SMTP', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startAdminServer({ smtpUrl: smtp.url, publicUrl: 'https://vo.example.test/' });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('sends the invitation, marks the outbox row sent and hides the link from the inviter', async () => {
    const org = await buildOrg(server.pool, 'Mail Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@mail.test');
    await server.pool.query(`update users set locale = 'fa', name = 'Sara' where email = 'owner@mail.test'`);
    const owner = await signIn(server.baseUrl, 'owner@mail.test');
    const res = await owner.post('/api/v1/invitations', { email: 'new@mail.test', role: 'analyst' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ emailed: true, link: null });
    expect(smtp.accepted).toHaveLength(1);
    expect(smtp.accepted[0].to).toBe('new@mail.test');
    const outbox = (await owner.get('/api/v1/outbox')).json.messages;
    expect(outbox).toHaveLength(1);
    expect(outbox[0].sentAt).not.toBeNull();
    // In the inviter's language, naming the organisation, not the product again (the sender does).
    expect(outbox[0].subject).toBe('دعوت به Mail Org');
    const link = outbox[0].body.match(/https:\/\/vo\.example\.test\/invite\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeDefined();
    expect(decodeEntity(smtp.accepted[0].raw)).toContain(link!);
  });

  it('falls back to the outbox and returns the link when the SMTP server is unreachable', async () => {
    const down = await startAdminServer({ smtpUrl: 'smtp://127.0.0.1:9', publicUrl: 'https://vo.example.test' });
    try {
      const org = await buildOrg(down.pool, 'Down Org');
      await buildUser(down.pool, org.orgId, 'owner', 'owner@down.test');
      const owner = await signIn(down.baseUrl, 'owner@down.test');
      const res = await owner.post('/api/v1/invitations', { email: 'new@down.test', role: 'viewer' });
      expect(res.status).toBe(201);
      expect(res.json.emailed).toBe(false);
      expect(res.json.link).toMatch(/^https:\/\/vo\.example\.test\/invite\//);
      expect((await owner.get('/api/v1/outbox')).json.messages[0].sentAt).toBeNull();
    } finally {
      await down.close();
    }
  });
});

describe('invitation texts', () => {
  it('exist in every interface language and carry the link, organisation and validity', () => {
    const input = { orgName: 'Acme', inviterName: 'Ann', role: 'location_manager', link: 'https://x.test/invite/abc', days: 7 };
    const subjects = new Set<string>();
    for (const locale of LANGUAGES) {
      const mail = invitationMail(locale, input);
      subjects.add(mail.subject);
      expect(mail.subject).toContain('Acme');
      expect(mail.body).toContain(input.link);
      // The validity in the language's digits and plural form.
      expect(mail.body).toContain({ en: '7 days', ru: '7 дней', fa: '۷ روز' }[locale]);
      expect(mail.body).not.toContain('location_manager');
    }
    expect(subjects.size).toBe(LANGUAGES.length);
    expect(invitationMail('de', input).subject).toBe(invitationMail('en', input).subject);
  });
});
