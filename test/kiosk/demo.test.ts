/** The demo's kiosks (docs/demo.md): loaded with the demo, their pages open at their stores, in Persian at the Tehran one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../helpers/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo, type LoadDemoResult } from '../../src/db/demo/loadDemo.ts';
import { demoKioskLines, newDemoKiosks } from '../../src/server/kiosks/commands/demoKiosks.ts';

let server: TestServer;
let result: LoadDemoResult;
let tokens: string[];

beforeAll(async () => {
  server = await startTestServer();
  const demo = newDemoKiosks();
  tokens = demo.tokens;
  result = await loadDemo(server.pool, { responses: 1500, seed: 5, passwordHash: await hashPassword('demo kiosk password'), kiosks: demo.kiosks });
});
afterAll(async () => server?.close());

describe('demo kiosks', () => {
  it('stands at MSK-01 and THR-01 for demo-nps, with kiosk answers only there', async () => {
    const { rows } = await server.pool.query(
      `select l.code, s.slug from kiosks k join locations l on l.org_id = k.org_id and l.id = k.location_id
         join surveys s on s.org_id = k.org_id and s.id = k.survey_id where k.org_id = $1 order by l.code`,
      [result.orgId],
    );
    expect(rows).toEqual([{ code: 'MSK-01', slug: 'demo-nps' }, { code: 'THR-01', slug: 'demo-nps' }]);
    const places = await server.pool.query(
      `select distinct l.code, s.slug from responses r join locations l on l.org_id = r.org_id and l.id = r.location_id
         join surveys s on s.org_id = r.org_id and s.id = r.survey_id where r.org_id = $1 and r.channel = 'kiosk' order by l.code`,
      [result.orgId],
    );
    expect(places.rows).toEqual([{ code: 'MSK-01', slug: 'demo-nps' }, { code: 'THR-01', slug: 'demo-nps' }]);
  });

  it('prints working addresses with the staff PIN; the Tehran kiosk opens in Persian, right to left', async () => {
    const lines = demoKioskLines('http://localhost:3000', tokens);
    expect(lines).toEqual([
      `  Kiosk     http://localhost:3000/k/${tokens[0]}/  (MSK-01, staff PIN 2468)`,
      `            http://localhost:3000/k/${tokens[1]}/  (THR-01, staff PIN 2468)`,
    ]);
    const anon = new Client(server.baseUrl);
    const moscow = await anon.get(`/k/${tokens[0]}/`);
    expect(moscow.status).toBe(200);
    expect(moscow.text).toContain('<html lang="ru" dir="ltr"');
    const tehran = await anon.get(`/k/${tokens[1]}/?lang=fa`);
    expect(tehran.status).toBe(200);
    expect(tehran.text).toContain('<html lang="fa" dir="rtl"');
    expect((await anon.post(`/k/${tokens[1]}/pin`, { pin: '2468' })).json).toEqual({ ok: true });
  });
});
