/**
 * Two-factor sign-in (TOTP). Codes are computed from the secret by an independent RFC 6238 / RFC 4226
 * implementation on node:crypto (test/helpers/totp.ts), not by the library under test.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, Client, signIn, startTestServer, TEST_PASSWORD, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { base32Decode, hotp, timeStep, totpAt } from '../helpers/totp.ts';

// The server's clock (AppDeps.now), moved by the tests: 15 s into a time step, so ±1 step is unambiguous.
let clock = Date.UTC(2026, 0, 15, 9, 0, 15);
const stepNow = () => timeStep(clock);
/** Moves the clock on (whole steps keep it 15 s into a step); 20 minutes also end any throttle lock. */
const advance = (ms: number) => (clock += ms);
const codeAt = totpAt;

describe('the independent HOTP of this test', () => {
  it('matches the RFC 4226 appendix D test values', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
    expect(base32Decode('GEZDGNBVGY3TQOJQ').toString()).toBe('1234567890');
  });
});

describe('two-factor sign-in', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
    org = await buildOrg(server.pool, 'Totp Org');
  });
  afterAll(async () => server.close());
  beforeEach(() => void advance(20 * 60_000));

  /** Enrols a signed-in user; returns the secret and the recovery codes. */
  async function enrol(client: Client) {
    const setup = await client.post('/api/v1/me/two-factor/setup');
    expect(setup.status).toBe(200);
    const uri = new URL(setup.json.uri);
    expect([uri.protocol, uri.host, uri.searchParams.get('secret'), uri.searchParams.get('issuer')]).toEqual(['otpauth:', 'totp', setup.json.key, 'Sarafan']);
    expect(setup.json.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.json.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    const secret: string = setup.json.key;
    const wrong = await client.post('/api/v1/me/two-factor/confirm', { code: codeAt(secret, stepNow() + 5) });
    expect([wrong.status, wrong.json.message]).toEqual([401, 'Wrong code']);
    const confirmed = await client.post('/api/v1/me/two-factor/confirm', { code: codeAt(secret, stepNow()) });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: confirmed.json.recoveryCodes as string[] };
  }

  it('enrols with a code, then asks for it after the password; the pending sign-in is not a session', async () => {
    await buildUser(server.pool, org.orgId, 'analyst', 'tanya@totp.test');
    const { secret, recoveryCodes } = await enrol(await signIn(server.baseUrl, 'tanya@totp.test'));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await server.pool.query(`select r.code_hash from users u join totp_recovery_codes r on r.user_id = u.id where u.email = 'tanya@totp.test'`);
    expect(stored.rows).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.rows.map((r) => r.code_hash).join()).not.toContain(code.replace('-', ''));

    const c = new Client(server.baseUrl);
    const first = await c.post('/api/v1/auth/login', { email: 'tanya@totp.test', password: TEST_PASSWORD, next: '/app/surveys/7' });
    expect(first.json).toEqual({ ok: false, twoFactor: 'verify', next: '/app/surveys/7' });
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const wrong = await c.post('/api/v1/auth/two-factor', { code: codeAt(secret, stepNow() + 3) });
    expect(wrong.status).toBe(401);
    // A minute later, a code one step behind (a slow phone clock) is accepted.
    advance(60_000);
    const ok = await c.post('/api/v1/auth/two-factor', { code: codeAt(secret, stepNow() - 1) });
    expect(ok.json).toEqual({ ok: true, next: '/app/surveys/7' });
    expect((await c.get('/api/v1/me')).json.user.email).toBe('tanya@totp.test');
  });

  it('accepts the next step too, but never the same code twice nor a code two steps away', async () => {
    await buildUser(server.pool, org.orgId, 'analyst', 'oleg@totp.test');
    const { secret } = await enrol(await signIn(server.baseUrl, 'oleg@totp.test'));
    const login = async () => {
      const c = new Client(server.baseUrl);
      expect((await c.post('/api/v1/auth/login', { email: 'oleg@totp.test', password: TEST_PASSWORD })).json.twoFactor).toBe('verify');
      return c;
    };
    advance(60_000);
    const a = await login();
    expect((await a.post('/api/v1/auth/two-factor', { code: codeAt(secret, stepNow() - 2) })).status).toBe(401);
    const ahead = codeAt(secret, stepNow() + 1);
    expect((await a.post('/api/v1/auth/two-factor', { code: ahead })).status).toBe(200);
    const b = await login();
    expect((await b.post('/api/v1/auth/two-factor', { code: ahead })).status).toBe(401);
  });

  it('signs in with a recovery code once', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'rosa@totp.test');
    const { recoveryCodes } = await enrol(await signIn(server.baseUrl, 'rosa@totp.test'));
    const attempt = async (recoveryCode: string) => {
      const c = new Client(server.baseUrl);
      await c.post('/api/v1/auth/login', { email: 'rosa@totp.test', password: TEST_PASSWORD });
      return (await c.post('/api/v1/auth/two-factor', { recoveryCode })).status;
    };
    expect(await attempt(` ${recoveryCodes[3].toUpperCase()} `)).toBe(200);
    expect(await attempt(recoveryCodes[3])).toBe(401);
    expect(await attempt(recoveryCodes[4])).toBe(200);
    const me = await signInWithCode('rosa@totp.test', recoveryCodes[5]);
    expect((await me.get('/api/v1/me/two-factor')).json).toEqual({ enabled: true, recoveryCodesLeft: 7, requiredByOrg: false });
  });

  async function signInWithCode(email: string, recoveryCode: string) {
    const c = new Client(server.baseUrl);
    await c.post('/api/v1/auth/login', { email, password: TEST_PASSWORD });
    expect((await c.post('/api/v1/auth/two-factor', { recoveryCode })).status).toBe(200);
    return c;
  }

  it('locks code attempts after 5 wrong codes, even with the right code next', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'guess@totp.test');
    const { secret } = await enrol(await signIn(server.baseUrl, 'guess@totp.test'));
    const c = new Client(server.baseUrl);
    await c.post('/api/v1/auth/login', { email: 'guess@totp.test', password: TEST_PASSWORD });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await c.post('/api/v1/auth/two-factor', { code: codeAt(secret, stepNow() + 10 + i) })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await c.post('/api/v1/auth/two-factor', { code: codeAt(secret, stepNow()) })).status).toBe(429);
  });

  it('turns off only with the password and a code', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'dina@totp.test');
    const client = await signIn(server.baseUrl, 'dina@totp.test');
    const { secret } = await enrol(client);
    expect((await client.post('/api/v1/me/two-factor/setup')).status).toBe(409);
    advance(30_000);
    const noPassword = await client.post('/api/v1/me/two-factor/disable', { password: 'wrong password', code: codeAt(secret, stepNow()) });
    expect([noPassword.status, noPassword.json.message]).toEqual([400, 'password: wrong password']);
    expect((await client.post('/api/v1/me/two-factor/disable', { password: TEST_PASSWORD, code: codeAt(secret, stepNow() + 4) })).status).toBe(401);
    expect((await client.post('/api/v1/me/two-factor/disable', { password: TEST_PASSWORD, code: codeAt(secret, stepNow()) })).status).toBe(200);
    expect((await client.get('/api/v1/me/two-factor')).json).toEqual({ enabled: false, recoveryCodesLeft: 0, requiredByOrg: false });
    const c = new Client(server.baseUrl);
    expect((await c.post('/api/v1/auth/login', { email: 'dina@totp.test', password: TEST_PASSWORD })).json).toEqual({ ok: true, next: '/app' });
  });

  it('makes users without two-factor enrol at their next sign-in when the organisation requires it', async () => {
    const other = await buildOrg(server.pool, 'Strict Org');
    await buildUser(server.pool, other.orgId, 'owner', 'boss@strict.test');
    await buildUser(server.pool, other.orgId, 'viewer', 'new@strict.test');
    const boss = await signIn(server.baseUrl, 'boss@strict.test');
    const viewer = await signIn(server.baseUrl, 'new@strict.test');
    expect((await viewer.put('/api/v1/org/two-factor', { required: true })).status).toBe(403);
    expect((await boss.put('/api/v1/org/two-factor', { required: true })).json).toEqual({ required: true });
    expect((await boss.get('/api/v1/org/two-factor')).json).toEqual({ required: true });

    const c = new Client(server.baseUrl);
    expect((await c.post('/api/v1/auth/login', { email: 'new@strict.test', password: TEST_PASSWORD, next: '/app/users' })).json)
      .toEqual({ ok: false, twoFactor: 'enrol', next: '/app/users' });
    expect((await c.get('/api/v1/me')).status).toBe(401);
    expect((await c.post('/api/v1/auth/two-factor', { code: '123456' })).status).toBe(409);
    const setup = await c.post('/api/v1/auth/two-factor/enrol');
    expect(setup.json.uri).toContain('new%40strict.test');
    const done = await c.post('/api/v1/auth/two-factor/enrol/confirm', { code: codeAt(setup.json.key, stepNow()) });
    expect(done.json.recoveryCodes).toHaveLength(10);
    expect(done.json.next).toBe('/app/users');
    expect((await c.get('/api/v1/me')).json.user.email).toBe('new@strict.test');
    // Required by the organisation: it cannot be turned off.
    const off = await c.post('/api/v1/me/two-factor/disable', { password: TEST_PASSWORD, code: done.json.recoveryCodes[0] });
    expect([off.status, off.json.message]).toEqual([409, 'Your organisation requires two-factor sign-in']);
    // Next time, the code is asked for.
    expect((await new Client(server.baseUrl).post('/api/v1/auth/login', { email: 'new@strict.test', password: TEST_PASSWORD })).json.twoFactor).toBe('verify');
  });

  it('encrypts the secret at rest when SARAFAN_SECRET is set, and stores it as it is otherwise', async () => {
    await buildUser(server.pool, org.orgId, 'viewer', 'plain@totp.test');
    const plain = await enrol(await signIn(server.baseUrl, 'plain@totp.test'));
    const stored = async (email: string) => (await server.pool.query(`select totp_secret from users where email = $1`, [email])).rows[0].totp_secret as string;
    expect(await stored('plain@totp.test')).toBe(`plain:${plain.secret}`);
    process.env.SARAFAN_SECRET = 'a server secret for this test';
    try {
      await buildUser(server.pool, org.orgId, 'viewer', 'sealed@totp.test');
      const sealed = await enrol(await signIn(server.baseUrl, 'sealed@totp.test'));
      expect(await stored('sealed@totp.test')).toMatch(/^v1:/);
      expect(await stored('sealed@totp.test')).not.toContain(sealed.secret);
      const c = new Client(server.baseUrl);
      await c.post('/api/v1/auth/login', { email: 'sealed@totp.test', password: TEST_PASSWORD });
      expect((await c.post('/api/v1/auth/two-factor', { code: codeAt(sealed.secret, stepNow() + 1) })).status).toBe(200);
    } finally {
      delete process.env.SARAFAN_SECRET;
    }
  });
});

describe('accepting an invitation where two-factor sign-in is required', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
  });
  afterAll(async () => server.close());

  it('creates the account without a session, so the set-up comes first at sign-in', async () => {
    const org = await buildOrg(server.pool, 'Strict Invite Org');
    await buildUser(server.pool, org.orgId, 'owner', 'boss@strict-invite.test');
    const boss = await signIn(server.baseUrl, 'boss@strict-invite.test');
    await boss.put('/api/v1/org/two-factor', { required: true });
    const inv = await boss.post('/api/v1/invitations', { email: 'newbie@strict-invite.test', role: 'viewer' });
    const anon = new Client(server.baseUrl);
    const accepted = await anon.post(`/api/v1/invitations/${inv.json.link.split('/invite/')[1]}/accept`, { name: 'Newbie', password: 'a long enough password' });
    expect(accepted.json).toEqual({ ok: true, signIn: true });
    expect((await anon.get('/api/v1/me')).status).toBe(401);
    expect((await anon.post('/api/v1/auth/login', { email: 'newbie@strict-invite.test', password: 'a long enough password' })).json.twoFactor).toBe('enrol');
  });
});
