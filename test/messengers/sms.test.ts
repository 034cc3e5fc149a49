/**
 * The SMS gateway adapter against a local fake provider (test/helpers/fakeSmsProvider.ts): settings,
 * the fixed JSON body and a template, the auth header, the delivery log, and a refusal (500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithOwner, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { startFakeSmsProvider, type FakeSmsProvider } from '../helpers/fakeSmsProvider.ts';
import { createSmsSender } from '../../src/server/sms/smsSender.ts';

let provider: FakeSmsProvider;
let server: TestServer;
let owner: Client;
let orgId: string;
let contactId: string;

beforeAll(async () => {
  process.env.SARAFAN_SECRET = 'another long random server secret';
  provider = await startFakeSmsProvider();
  server = await startTestServer();
  const built = await buildOrgWithOwner(server, 'SMS Shop', 'owner@sms.test');
  owner = built.owner;
  orgId = built.org.orgId;
  const { rows } = await server.pool.query(`insert into contacts(org_id, name, phone) values ($1, 'Ali', '+989121234567') returning id`, [orgId]);
  contactId = rows[0].id;
});
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

/** An invitations pipeline message (src/server/messengers/channelSender.ts) for the SMS sender. */
const invitation = (orgName: string, language = 'fa', seq = 0) => ({
  orgId, orgName, invitationId: crypto.randomUUID(), seq, language, contact: { id: contactId, phone: '+989121234567', name: 'Ali' },
  survey: { id: crypto.randomUUID(), title: 'Visit' }, link: 'https://shop.test/i/Tok3n', unsubscribeUrl: 'https://shop.test/u/Un5',
});

describe('SMS settings', () => {
  it('are for whole-organisation admins; the auth header is stored sealed and never shown', async () => {
    await buildUser(server.pool, orgId, 'analyst', 'analyst@sms.test');
    const analyst = await signIn(server.baseUrl, 'analyst@sms.test');
    expect((await analyst.put('/api/v1/org/sms', { url: `${provider.url}/send` })).status).toBe(403);
    const bad = await owner.put('/api/v1/org/sms', { url: `${provider.url}/send`, bodyTemplate: '{"to": "{to}"}' });
    expect(bad.status).toBe(400);
    const res = await owner.put('/api/v1/org/sms', { url: `${provider.url}/send`, authHeader: 'Bearer s3cret-key', sender: 'ShopName' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ configured: true, url: `${provider.url}/send`, hasAuthHeader: true, sender: 'ShopName', bodyTemplate: null });
    expect(res.text).not.toContain('s3cret-key');
    const stored = await server.pool.query(`select auth_header from sms_settings where org_id = $1`, [orgId]);
    expect(stored.rows[0].auth_header).toMatch(/^v1:/);
    expect(stored.rows[0].auth_header).not.toContain('s3cret-key');
  });
});

describe('the SMS sender', () => {
  it('posts the fixed JSON body with the invitation text and link, and the auth header; records the delivery', async () => {
    provider.answer(200, { id: 'prov-42', status: 'queued' });
    const sent = await createSmsSender(server.pool).send(invitation('فروشگاه'));
    expect(sent).toEqual({ providerId: 'prov-42' });
    const req = provider.requests.at(-1)!;
    expect(req.path).toBe('/send');
    expect(req.headers.authorization).toBe('Bearer s3cret-key');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({
      to: '+989121234567', from: 'ShopName',
      text: 'فروشگاه: تجربهٔ شما چطور بود؟ در یک دقیقه پاسخ دهید: https://shop.test/i/Tok3n\nلغو اشتراک: https://shop.test/u/Un5',
    });
    const log = await server.pool.query(`select to_phone, status, http_status, provider_id, contact_id from sms_messages where org_id = $1`, [orgId]);
    expect(log.rows).toEqual([{ to_phone: '+989121234567', status: 'sent', http_status: 200, provider_id: 'prov-42', contact_id: contactId }]);
  });

  it('fills a body template, values escaped inside their strings; a "Name: value" auth header names its header', async () => {
    const template = '{"messages": [{"recipient": "{to}", "body": "{text}"}], "sender": "{from}", "channel": "sms"}';
    expect((await owner.put('/api/v1/org/sms', { url: `${provider.url}/v2/sms`, authHeader: 'X-Api-Key: k-123', sender: 'Shop', bodyTemplate: template })).status).toBe(200);
    provider.answer(201, { message_id: 77 });
    const sent = await createSmsSender(server.pool).send(invitation('Say "hi", \\ {to} }', 'en', 1));
    expect(sent).toEqual({ providerId: '77' });
    const req = provider.requests.at(-1)!;
    expect([req.path, req.headers['x-api-key'], req.headers.authorization]).toEqual(['/v2/sms', 'k-123', undefined]);
    expect(req.body).toEqual({
      messages: [{ recipient: '+989121234567', body: 'Say "hi", \\ {to} }: a reminder, your opinion matters to us: https://shop.test/i/Tok3n\nOpt out: https://shop.test/u/Un5' }],
      sender: 'Shop',
      channel: 'sms',
    });
  });

  it('records the failure and throws when the provider answers 500', async () => {
    provider.answer(500, { error: 'internal' });
    await expect(createSmsSender(server.pool).send(invitation('Shop', 'en'))).rejects.toThrow('the SMS gateway answered 500: {"error":"internal"}');
    const log = await server.pool.query(`select status, http_status, error from sms_messages where org_id = $1 order by created_at desc limit 1`, [orgId]);
    expect(log.rows).toEqual([{ status: 'failed', http_status: 500, error: 'the SMS gateway answered 500: {"error":"internal"}' }]);
    const view = await owner.get('/api/v1/org/sms');
    expect(view.json.recent[0]).toMatchObject({ to: '+989121234567', status: 'failed', httpStatus: 500 });
  });

  it('the settings page can send a test message and shows the outcome', async () => {
    provider.answer(200, { id: 't-1' });
    const ok = await owner.post('/api/v1/org/sms/test', { to: '+7 916 123-45-67' });
    expect(ok.json).toEqual({ ok: true, httpStatus: 200, error: null });
    expect((provider.requests.at(-1)!.body as any).messages[0].recipient).toBe('+79161234567');
    provider.answer(503, 'down');
    const failed = await owner.post('/api/v1/org/sms/test', { to: '+79161234567' });
    expect(failed.json).toEqual({ ok: false, httpStatus: 503, error: 'the SMS gateway answered 503: "down"' });
  });

  it('erasing the contact forgets the phone numbers in the log', async () => {
    expect((await owner.post(`/api/v1/contacts/${contactId}/erase`, {})).status).toBe(200);
    const log = await server.pool.query(`select count(*)::int as n, count(to_phone)::int as phones from sms_messages where org_id = $1 and contact_id = $2`, [orgId, contactId]);
    expect(log.rows[0].n).toBeGreaterThan(0);
    expect(log.rows[0].phones).toBe(0);
  });

  it('fails without a configured gateway, and records an unreachable one', async () => {
    expect((await owner.delete('/api/v1/org/sms')).json.configured).toBe(false);
    await expect(createSmsSender(server.pool).send(invitation('Shop', 'en'))).rejects.toThrow('no SMS gateway is configured');
    expect((await owner.put('/api/v1/org/sms', { url: 'http://127.0.0.1:9/nothing-listens' })).status).toBe(200);
    await expect(createSmsSender(server.pool).send(invitation('Shop', 'en'))).rejects.toThrow(/could not be reached/);
    const log = await server.pool.query(`select status, http_status from sms_messages where org_id = $1 order by created_at desc limit 1`, [orgId]);
    expect(log.rows).toEqual([{ status: 'failed', http_status: null }]);
  });
});
