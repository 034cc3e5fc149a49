/**
 * Public shared links (docs/sharing.md), end to end through the real server and PostgreSQL: small groups hidden
 * (a store of 4 answers hidden, one of 5 shown), revoked / expired / unknown tokens alike 404, the password form,
 * comments only when included and without contact details, only the embed frameable, the token never stored;
 * a link to a saved report shows that report as it is defined now.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

const JAN = '2026-01-14T10:00:00Z';
// Store Four: 4 promoters (NPS 100, hidden: n < 5). Store Five: 4 promoters and a detractor, NPS 60.
const FOUR = [10, 10, 10, 10];
const FIVE = [10, 10, 10, 9, 0];
const COMMENT = 'Lovely flat white, write to anna.k@example.com or call +7 912 345-67-89';

/** The table row of `label` in the page. */
const rowOf = (page: string, label: string) => new RegExp(`<tr>(?:(?!</tr>).)*${label}(?:(?!</tr>).)*</tr>`, 's').exec(page)?.[0] ?? '';

describe('public shared links', () => {
  let server: TestServer;
  let owner: Client;
  let surveyId = '';
  const definition = () => ({ surveyId, sections: ['kpis', 'breakdown'], period: { from: '2026-01-01', to: '2026-01-31' } });
  /** Makes a link; returns its token, id and addresses. */
  async function share(extra: Record<string, unknown> = {}) {
    const res = await owner.post('/api/v1/shared-links', { title: 'January', definition: definition(), ...extra });
    expect(res.status, res.text).toBe(201);
    const token = res.json.url.split('/p/')[1] as string;
    return { token, id: res.json.link.id as string, path: `/p/${token}` };
  }
  const visitor = () => new Client(server.baseUrl);

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Public Org');
    const four = await buildLocation(pool, org.orgId, org.root, 'store', 'Store Four');
    const five = await buildLocation(pool, org.orgId, org.root, 'store', 'Store Five');
    await buildUser(pool, org.orgId, 'owner', 'owner@public.test');
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }, { key: 'why', type: 'text' }], 'Coffee visits');
    surveyId = s.surveyId;
    const responses: SeedResponse[] = [
      ...FOUR.map((score) => ({ locationId: four.id, at: JAN, answers: { nps: { score } } })),
      ...FIVE.map((score, i) => ({ locationId: five.id, at: JAN, answers: { nps: { score }, ...(i === 0 ? { why: { text: COMMENT } } : {}) } })),
    ];
    await seedResponses(pool, org.orgId, surveyId, s.ids, responses);
    owner = await signIn(server.baseUrl, 'owner@public.test');
  });
  afterAll(async () => server?.close());

  it('hides the store of 4 answers and shows the store of 5, without a session; never cached; counted', async () => {
    const link = await share();
    const res = await visitor().get(link.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const five = rowOf(res.text, 'Store Five');
    const four = rowOf(res.text, 'Store Four');
    expect(five).toMatch(/\b60\b/);
    expect(five).not.toContain('hidden-figure');
    expect(four).toContain('hidden-figure');
    expect(four).not.toMatch(/\b100\b/);
    const { rows } = await server.pool.query(`select view_count, last_viewed_at from shared_links where id = $1`, [link.id]);
    expect(rows[0].view_count).toBe(1);
    expect(rows[0].last_viewed_at).not.toBeNull();
  });

  it('speaks the link\'s language, or ?lang=, Persian right to left', async () => {
    const link = await share({ lang: 'fa' });
    expect((await visitor().get(link.path)).text).toMatch(/<html[^>]*dir="rtl"/);
    expect((await visitor().get(`${link.path}?lang=en`)).text).toMatch(/<html[^>]*dir="ltr"/);
  });

  it('answers revoked, expired and unknown links with the same 404 page', async () => {
    const unknown = await visitor().get(`/p/${crypto.randomBytes(32).toString('base64url')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('This link is not available');

    const revoked = await share();
    expect((await visitor().get(revoked.path)).status).toBe(200);
    expect((await owner.post(`/api/v1/shared-links/${revoked.id}/revoke`)).status).toBe(200);
    const afterRevoke = await visitor().get(revoked.path);
    expect(afterRevoke.status).toBe(404);
    expect(afterRevoke.text).toBe(unknown.text);
    expect((await visitor().get(`${revoked.path}/embed`)).status).toBe(404);

    const expired = await share({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await visitor().get(expired.path)).status).toBe(200);
    await server.pool.query(`update shared_links set expires_at = now() - interval '1 second' where id = $1`, [expired.id]);
    const afterExpiry = await visitor().get(expired.path);
    expect(afterExpiry.status).toBe(404);
    expect(afterExpiry.text).toBe(unknown.text);
  });

  it('asks for the password, refuses a wrong one, and shows the report after the right one', async () => {
    const link = await share({ password: 'flat-white-2026' });
    const guest = visitor();
    const form = await guest.get(link.path);
    expect(form.status).toBe(200);
    expect(form.text).toContain('type="password"');
    expect(form.text).not.toContain('Store Five');
    const post = (password: string) => guest.request('POST', `${link.path}/unlock`, `password=${encodeURIComponent(password)}`, { 'content-type': 'application/x-www-form-urlencoded' });
    const wrong = await post('espresso-2026');
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(wrong.text).not.toContain('Store Five');
    expect((await guest.get(link.path)).text).not.toContain('Store Five');
    const right = await post('flat-white-2026');
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe(`${link.path}?lang=en`);
    expect(right.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const shown = await guest.get(link.path);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Store Five');
    // The cookie opens this link only.
    const other = await share({ password: 'flat-white-2026' });
    expect((await guest.get(other.path)).text).toContain('type="password"');
  });

  it('shows comments only when the sharer included them, with e-mails and phone numbers removed', async () => {
    const without = await visitor().get((await share()).path);
    expect(without.status).toBe(200);
    expect(without.text).not.toContain('Lovely flat white');
    const withComments = await visitor().get((await share({ includeComments: true })).path);
    expect(withComments.text).toContain('Lovely flat white');
    expect(withComments.text).not.toContain('anna.k@example.com');
    expect(withComments.text).not.toContain('345-67-89');
  });

  it('lets only the embed be framed, by the link\'s sites (default: any https site)', async () => {
    const link = await share();
    const page = await visitor().get(link.path);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const embed = await visitor().get(`${link.path}/embed`);
    expect(embed.status).toBe(200);
    expect(embed.text).toContain('Store Five');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https:");
    expect(embed.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'");

    const intranet = await share({ embedOrigins: ['https://intranet.example'] });
    const listed = await visitor().get(`${intranet.path}/embed`);
    expect(listed.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/intranet\.example(;|$)/);
    // A protected embed's password form is framed likewise; the dashboard never is.
    const locked = await share({ password: 'flat-white-2026' });
    const lockedEmbed = await visitor().get(`${locked.path}/embed`);
    expect(lockedEmbed.text).toContain('type="password"');
    expect(lockedEmbed.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https:");
    expect((await visitor().get('/app')).headers.get('x-frame-options')).toBe('DENY');
  });

  it('links a saved report: its title and figures (4 hidden, 5 shown), its current definition, comments only when included; revoked or deleted, 404', async () => {
    const report = await owner.post('/api/v1/reports', {
      name: 'January report', definition: { ...definition(), sections: ['kpis', 'breakdown', 'comments'], includeComments: true },
    });
    expect(report.status).toBe(201);
    const reportId = report.json.id as string;
    const made = await owner.post('/api/v1/shared-links', { title: 'January report for the board', reportId });
    expect(made.status, made.text).toBe(201);
    expect(made.json.link).toMatchObject({ kind: 'report', reportId, surveyId, includeComments: false });
    const path = `/p/${made.json.url.split('/p/')[1]}`;

    const page = await visitor().get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('January report for the board');
    expect(rowOf(page.text, 'Store Five')).toMatch(/\b60\b/);
    expect(rowOf(page.text, 'Store Five')).not.toContain('hidden-figure');
    expect(rowOf(page.text, 'Store Four')).toContain('hidden-figure');
    // The report includes comments, the sharer did not: none on the page.
    expect(page.text).not.toContain('Lovely flat white');
    // With comments included by the sharer: there, without the contact details.
    const withComments = await owner.post('/api/v1/shared-links', { title: 'With comments', reportId, includeComments: true });
    const commented = await visitor().get(`/p/${withComments.json.url.split('/p/')[1]}`);
    expect(commented.text).toContain('Lovely flat white');
    expect(commented.text).not.toContain('anna.k@example.com');
    expect(commented.text).not.toContain('345-67-89');

    // The link follows the report: without the breakdown, no store rows.
    expect((await owner.patch(`/api/v1/reports/${reportId}`, { definition: { ...definition(), sections: ['kpis'] } })).status).toBe(200);
    const after = await visitor().get(path);
    expect(after.status).toBe(200);
    expect(rowOf(after.text, 'Store Five')).toBe('');

    expect((await owner.post(`/api/v1/shared-links/${made.json.link.id}/revoke`)).status).toBe(200);
    expect((await visitor().get(path)).status).toBe(404);
    expect((await visitor().get(`/p/${withComments.json.url.split('/p/')[1]}`)).status).toBe(200);
    // Deleting the report takes its links with it.
    expect((await owner.delete(`/api/v1/reports/${reportId}`)).status).toBe(200);
    expect((await visitor().get(`/p/${withComments.json.url.split('/p/')[1]}`)).status).toBe(404);

    // Either a definition or a report, and only a report the caller may see.
    const both = await owner.post('/api/v1/shared-links', { title: 'X', reportId, definition: definition() });
    expect(both.status).toBe(400);
    expect((await owner.post('/api/v1/shared-links', { title: 'X' })).status).toBe(400);
    const gone = await owner.post('/api/v1/shared-links', { title: 'X', reportId });
    expect(gone.status).toBe(400);
    expect(gone.json.message).toBe('reportId: no such report');
  });

  it('never stores the token in clear', async () => {
    const link = await share({ password: 'flat-white-2026' });
    const { rows } = await server.pool.query(`select row_to_json(k)::text as row from shared_links k where id = $1`, [link.id]);
    expect(rows[0].row).toContain(crypto.createHash('sha256').update(link.token).digest('hex'));
    expect(rows[0].row).not.toContain(link.token);
    expect(rows[0].row).not.toContain('flat-white-2026');
  });
});
