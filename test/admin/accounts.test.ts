/**
 * Accounts (issue 8): own name, language and password; "forgot password" without an oracle; one-time,
 * expiring reset links; an admin's reset within their scope; invitations: resend, copy, revoke, the
 * inviter's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildOrgWithOwner, buildUser, Client, signIn, startTestServer, TEST_PASSWORD, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';

const NEW_PASSWORD = 'a brand new password';
const RESET_LINK = /\/reset\/([A-Za-z0-9_-]{43})/;

/** Waits (up to 10 s) for the outbox to hold `count` messages to `to`, then returns them, newest first. */
async function mailsTo(server: TestServer, to: string, count = 1) {
  let rows: any[] = [];
  await waitFor(async () => {
    ({ rows } = await server.pool.query(`select subject, body, owners_only from outbox where to_address = $1 order by created_at desc`, [to]));
    return rows.length >= count;
  }, `${count} mail(s) to ${to}`, 10_000);
  return rows;
}

describe('accounts API', () => {
  let server: TestServer;
  let org: OrgFixture;
  let owner: Client;
  let store: { id: string; path: string };
  beforeAll(async () => {
    server = await startTestServer();
    ({ org, store, owner } = await buildOrgWithOwner(server, 'Account Org', 'owner@account.test'));
  });
  afterAll(async () => server.close());

  it('changes the own name and language, refusing other fields and empty bodies', async () => {
    const res = await owner.patch('/api/v1/me', { name: '  Olga  ', locale: 'fa' });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ email: 'owner@account.test', name: 'Olga', locale: 'fa' });
    expect((await owner.get('/api/v1/me')).json.user).toMatchObject({ name: 'Olga', locale: 'fa' });
    const bad = await owner.patch('/api/v1/me', { locale: 'de' });
    expect([bad.status, bad.json.message.startsWith('locale:')]).toEqual([400, true]);
    expect((await owner.patch('/api/v1/me', {})).status).toBe(400);
    await owner.patch('/api/v1/me', { locale: 'en' });
  });

  it('changes the own password only with the current one, and ends the other sessions but not this one', async () => {
    await buildUser(server.pool, org.orgId, 'analyst', 'ann@account.test');
    const here = await signIn(server.baseUrl, 'ann@account.test');
    const elsewhere = await signIn(server.baseUrl, 'ann@account.test');
    const wrong = await here.post('/api/v1/me/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect([wrong.status, wrong.json.message]).toEqual([400, 'currentPassword: wrong password']);
    const short = await here.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect([short.status, short.json.message]).toEqual([400, 'newPassword: at least 10 characters']);
    expect((await here.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await new Client(server.baseUrl).post('/api/v1/auth/login', { email: 'ann@account.test', password: TEST_PASSWORD })).status).toBe(401);
    await signIn(server.baseUrl, 'ann@account.test', NEW_PASSWORD);
  });

  it('counts wrong current passwords like failed sign-ins, so a session cannot be used to guess the password', async () => {
    await buildUser(server.pool, org.orgId, 'analyst', 'guessed@account.test');
    const session = await signIn(server.baseUrl, 'guessed@account.test');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await session.post('/api/v1/me/password', { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect((await session.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(429);
  });

  it('answers "forgot password" alike for known and unknown addresses, and mails a link only to the known one', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'vera@account.test');
    await server.pool.query(`update users set locale = 'ru' where email = 'vera@account.test'`);
    const anon = new Client(server.baseUrl);
    const known = await anon.post('/api/v1/auth/forgot', { email: 'Vera@account.test' });
    const unknown = await anon.post('/api/v1/auth/forgot', { email: 'nobody@account.test' });
    expect({ status: unknown.status, body: unknown.json }).toEqual({ status: known.status, body: known.json });
    expect(known.status).toBe(202);
    expect(known.headers.get('set-cookie')).toBeNull();
    const [mail] = await mailsTo(server, 'vera@account.test');
    expect(mail.subject).toBe('Новый пароль');
    expect(mail.body).toContain('1 час');
    const token = RESET_LINK.exec(mail.body)![1];
    const stored = await server.pool.query(`select token_hash, r.expires_at - r.created_at as lifetime from password_resets r join users u on u.id = r.user_id where u.email = 'vera@account.test'`);
    expect(stored.rows[0].token_hash).not.toContain(token);
    expect(stored.rows[0].lifetime).toEqual({ hours: 1 });
    // A later request for the unknown address still leaves no mail for it (checked after a mail that came later).
    await anon.post('/api/v1/auth/forgot', { email: 'vera@account.test' });
    await mailsTo(server, 'vera@account.test', 2);
    expect((await server.pool.query(`select count(*)::int as n from outbox where to_address = 'nobody@account.test'`)).rows[0].n).toBe(0);
  });

  it('uses a reset link once: it sets the password and ends every session', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'rita@account.test');
    const session = await signIn(server.baseUrl, 'rita@account.test');
    await new Client(server.baseUrl).post('/api/v1/auth/forgot', { email: 'rita@account.test' });
    const token = RESET_LINK.exec((await mailsTo(server, 'rita@account.test'))[0].body)![1];
    const anon = new Client(server.baseUrl);
    expect((await anon.get(`/api/v1/auth/reset/${token}`)).json).toEqual({ email: 'rita@account.test' });
    expect((await anon.post(`/api/v1/auth/reset/${token}`, { password: 'short' })).status).toBe(400);
    expect((await anon.post(`/api/v1/auth/reset/${token}`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect((await anon.get(`/api/v1/auth/reset/${token}`)).status).toBe(404);
    expect((await anon.post(`/api/v1/auth/reset/${token}`, { password: 'another new password' })).status).toBe(404);
    await signIn(server.baseUrl, 'rita@account.test', NEW_PASSWORD);
    expect((await anon.get('/api/v1/auth/reset/not-a-token')).status).toBe(404);
  });

  it('refuses an expired reset link, and an older link once a newer one was sent', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'egor@account.test');
    const anon = new Client(server.baseUrl);
    await anon.post('/api/v1/auth/forgot', { email: 'egor@account.test' });
    const first = RESET_LINK.exec((await mailsTo(server, 'egor@account.test', 1))[0].body)![1];
    await anon.post('/api/v1/auth/forgot', { email: 'egor@account.test' });
    const second = RESET_LINK.exec((await mailsTo(server, 'egor@account.test', 2))[0].body)![1];
    expect((await anon.get(`/api/v1/auth/reset/${first}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/auth/reset/${second}`)).status).toBe(200);
    // An hour and a minute later (moved in the database: the expiry is the server's rule, the clock is PostgreSQL's).
    await server.pool.query(`update password_resets set created_at = created_at - interval '61 minutes', expires_at = expires_at - interval '61 minutes'
                              where user_id = (select id from users where email = 'egor@account.test') and used_at is null`);
    expect((await anon.get(`/api/v1/auth/reset/${second}`)).status).toBe(404);
    expect((await anon.post(`/api/v1/auth/reset/${second}`, { password: NEW_PASSWORD })).status).toBe(404);
  });

  it('sends at most 3 reset mails an hour to one address, answering as usual', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'flood@account.test');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await new Client(server.baseUrl).post('/api/v1/auth/forgot', { email: 'flood@account.test' })).status);
    expect(answers).toEqual([202, 202, 202, 202, 202]);
    await mailsTo(server, 'flood@account.test', 3);
    // The last request's mail would be queued after the third: wait for a mail sent after it to another address.
    await buildUser(server.pool, org.orgId, 'viewer', 'marker@account.test');
    await new Client(server.baseUrl).post('/api/v1/auth/forgot', { email: 'marker@account.test' });
    await mailsTo(server, 'marker@account.test');
    expect((await server.pool.query(`select count(*)::int as n from outbox where to_address = 'flood@account.test'`)).rows[0].n).toBe(3);
  });

  it("lets an owner or admin reset a person's password within their scope, by a link shown without SMTP", async () => {
    const lena = await buildUser(server.pool, org.orgId, 'location_manager', 'lena@account.test', [store.id]);
    const res = await owner.post(`/api/v1/users/${lena}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.json.emailed).toBe(false);
    expect(res.json.link).toMatch(new RegExp(`^${server.baseUrl}/reset/[A-Za-z0-9_-]{43}$`));
    expect((Date.parse(res.json.expiresAt) - Date.now()) / 3600e3).toBeGreaterThan(23.9);
    const [mail] = await mailsTo(server, 'lena@account.test');
    expect(mail.body).toContain(res.json.link);
    expect(mail.body).toContain('Olga asked for a password reset');
    // The old password works until the link is used.
    await signIn(server.baseUrl, 'lena@account.test');
    const token = RESET_LINK.exec(res.json.link)![1];
    expect((await new Client(server.baseUrl).post(`/api/v1/auth/reset/${token}`, { password: NEW_PASSWORD })).status).toBe(200);
    await signIn(server.baseUrl, 'lena@account.test', NEW_PASSWORD);

    // An admin limited to another region does not see Lena; no admin may reset an owner.
    const region = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
    await buildUser(server.pool, org.orgId, 'admin', 'north-admin@account.test', [region.id]);
    const northAdmin = await signIn(server.baseUrl, 'north-admin@account.test');
    expect((await northAdmin.post(`/api/v1/users/${lena}/password-reset`)).status).toBe(404);
    await buildUser(server.pool, org.orgId, 'admin', 'admin@account.test');
    const admin = await signIn(server.baseUrl, 'admin@account.test');
    expect((await admin.post(`/api/v1/users/${lena}/password-reset`)).status).toBe(200);
    const ownerId = (await server.pool.query(`select id from users where email = 'owner@account.test'`)).rows[0].id;
    expect((await admin.post(`/api/v1/users/${ownerId}/password-reset`)).status).toBe(403);
    const analyst = await signIn(server.baseUrl, 'ann@account.test', NEW_PASSWORD);
    expect((await analyst.post(`/api/v1/users/${lena}/password-reset`)).status).toBe(403);
  });

  it("hides an owner's reset mail from admins' outbox, so they cannot take the owner's account over", async () => {
    await new Client(server.baseUrl).post('/api/v1/auth/forgot', { email: 'owner@account.test' });
    await mailsTo(server, 'owner@account.test');
    const admin = await signIn(server.baseUrl, 'admin@account.test');
    const seenByAdmin = (await admin.get('/api/v1/outbox')).json.messages.map((m: any) => m.to);
    expect(seenByAdmin).not.toContain('owner@account.test');
    expect(seenByAdmin).toContain('lena@account.test');
    expect((await owner.get('/api/v1/outbox')).json.messages.map((m: any) => m.to)).toContain('owner@account.test');
  });
});

describe('pending invitations', () => {
  let server: TestServer;
  let org: OrgFixture;
  let owner: Client;
  beforeAll(async () => {
    server = await startTestServer();
    org = await buildOrg(server.pool, 'Invite Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@invite.test');
    owner = await signIn(server.baseUrl, 'owner@invite.test');
  });
  afterAll(async () => server.close());

  const tokenOf = (link: string) => link.split('/invite/')[1];

  it("writes the invitation in the inviter's current interface language, with a subject that names the organisation once", async () => {
    await owner.patch('/api/v1/me', { locale: 'fa' });
    await owner.post('/api/v1/invitations', { email: 'fa@invite.test', role: 'viewer' });
    await owner.patch('/api/v1/me', { locale: 'en' });
    await owner.post('/api/v1/invitations', { email: 'en@invite.test', role: 'viewer' });
    const subjects = Object.fromEntries((await owner.get('/api/v1/outbox')).json.messages.map((m: any) => [m.to, m.subject]));
    expect(subjects['fa@invite.test']).toBe('دعوت به Invite Org');
    expect(subjects['en@invite.test']).toBe('Invitation to Invite Org');
  });

  it('resends with a new link (the old one stops), copies a new link without mail, and revokes', async () => {
    const first = await owner.post('/api/v1/invitations', { email: 'pat@invite.test', role: 'analyst' });
    const id = first.json.invitation.id;
    const again = await owner.post('/api/v1/invitations', { email: 'pat@invite.test', role: 'analyst' });
    expect([again.status, again.json.details.invitationId]).toEqual([409, id]);

    const anon = new Client(server.baseUrl);
    const resent = await owner.post(`/api/v1/invitations/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.json.invitation.id).toBe(id);
    expect(resent.json.link).not.toBe(first.json.link);
    expect((await anon.get(`/api/v1/invitations/${tokenOf(first.json.link)}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/invitations/${tokenOf(resent.json.link)}`)).status).toBe(200);
    const mails = (await owner.get('/api/v1/outbox')).json.messages.filter((m: any) => m.to === 'pat@invite.test');
    expect(mails).toHaveLength(2);
    expect(mails[0].body).toContain(resent.json.link);

    const copied = await owner.post(`/api/v1/invitations/${id}/resend`, { email: false });
    expect((await owner.get('/api/v1/outbox')).json.messages.filter((m: any) => m.to === 'pat@invite.test')).toHaveLength(2);
    expect((await anon.get(`/api/v1/invitations/${tokenOf(copied.json.link)}`)).status).toBe(200);

    expect((await owner.delete(`/api/v1/invitations/${id}`)).status).toBe(200);
    expect((await anon.get(`/api/v1/invitations/${tokenOf(copied.json.link)}`)).status).toBe(404);
    expect((await owner.delete(`/api/v1/invitations/${id}`)).status).toBe(404);
    expect((await owner.post(`/api/v1/invitations/${id}/resend`)).status).toBe(404);
    // Revoked, the address can be invited afresh.
    expect((await owner.post('/api/v1/invitations', { email: 'pat@invite.test', role: 'analyst' })).status).toBe(201);
  });

  it("leaves invitations outside a location-scoped admin's view alone, and lets only inviters act on them", async () => {
    const east = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'East');
    await buildUser(server.pool, org.orgId, 'admin', 'east@invite.test', [east.id]);
    const eastAdmin = await signIn(server.baseUrl, 'east@invite.test');
    const wide = await owner.post('/api/v1/invitations', { email: 'wide@invite.test', role: 'viewer' });
    expect((await eastAdmin.post(`/api/v1/invitations/${wide.json.invitation.id}/resend`)).status).toBe(404);
    expect((await eastAdmin.delete(`/api/v1/invitations/${wide.json.invitation.id}`)).status).toBe(404);
    await buildUser(server.pool, org.orgId, 'analyst', 'analyst@invite.test');
    const analyst = await signIn(server.baseUrl, 'analyst@invite.test');
    expect((await analyst.delete(`/api/v1/invitations/${wide.json.invitation.id}`)).status).toBe(403);
    expect((await new Client(server.baseUrl).get(`/api/v1/invitations/${tokenOf(wide.json.link)}`)).status).toBe(200);
  });
});
