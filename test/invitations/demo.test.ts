/**
 * The demo's e-mail waves: three waves of demo-nps with deliveries, bounces, opt-outs, frequency skips
 * and answers linked to contacts; the response-rate API agrees with counts made here from the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { expectRollupsMatchRawAnswers } from '../helpers/rollupOracle.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';

const PASSWORD = 'demo password 2';
let server: TestServer;
let orgId: string;

beforeAll(async () => {
  server = await startTestServer();
  const result = await loadDemo(server.pool, { responses: 6000, seed: 11, passwordHash: await hashPassword(PASSWORD) });
  orgId = result.orgId;
});
afterAll(async () => server?.close());

describe('demo invitations', () => {
  it('has three waves whose response rates the API reports as the rows say', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    const list = (await owner.get('/api/v1/waves')).json.waves;
    expect(list.map((w: any) => w.name)).toEqual(['Moscow stores follow-up', 'Customers, November', 'Loyalty members, September']);
    for (const w of list) {
      const { rows } = await server.pool.query(`select status, skip_reason, responded_at from survey_invitations where org_id = $1 and wave_id = $2`, [orgId, w.id]);
      const delivered = rows.filter((r) => r.status === 'delivered');
      const answered = delivered.filter((r) => r.responded_at !== null).length;
      expect(w.counts).toMatchObject({
        invitations: rows.length, delivered: delivered.length, bounced: rows.filter((r) => r.status === 'bounced').length,
        skipped: rows.filter((r) => r.status === 'skipped').length, responses: rows.filter((r) => r.responded_at !== null).length,
      });
      if (delivered.length === 0) expect(w.counts.responseRate).toBeNull();
      else expect(w.counts.responseRate).toBeCloseTo(answered / delivered.length, 12);
    }
    const byName = Object.fromEntries(list.map((w: any) => [w.name, w.counts]));
    // The November wave reached basic and silver customers; the follow-up twelve days later skipped them (30-day limit).
    expect(byName['Customers, November'].delivered).toBeGreaterThan(200);
    expect(byName['Moscow stores follow-up'].delivered).toBeGreaterThan(0);
    expect(byName['Customers, November'].bounced).toBeGreaterThan(0);
    expect(byName['Moscow stores follow-up'].skipReasons.contact_gap).toBeGreaterThan(0);
    expect(byName['Customers, November'].responseRate).toBeGreaterThan(0.15);
  });

  it('links answers to contacts through e-mail, and the rollups still match the answers', async () => {
    const { rows } = await server.pool.query(
      `select count(*)::int as n, count(*) filter (where r.channel = 'email' and r.contact_id = i.contact_id)::int as ok
         from survey_invitations i join responses r on r.org_id = i.org_id and r.id = i.response_id where i.org_id = $1`,
      [orgId],
    );
    expect(rows[0].n).toBeGreaterThan(50);
    expect(rows[0].ok).toBe(rows[0].n);
    await expectRollupsMatchRawAnswers(server.pool, orgId);
  });
});
