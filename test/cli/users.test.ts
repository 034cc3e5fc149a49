/** `sarafan users reset-password EMAIL` on DATABASE_URL and on the embedded database: prints a one-time link that sets a new password. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { buildOrg, buildUser, Client, signIn, TEST_PASSWORD } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';
import { DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';

const run = runCli;

describe('sarafan users reset-password', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const org = await buildOrg(db.pool, 'Locked Out Org');
    await buildUser(db.pool, org.orgId, 'owner', 'owner@locked.test');
  });
  afterAll(async () => db.drop());

  it('prints a one-time link on SARAFAN_PUBLIC_URL that lets the owner choose a new password', async () => {
    const { code, output } = await run(['users', 'reset-password', 'OWNER@locked.test'], {
      ...process.env, DATABASE_URL: db.url, SARAFAN_PUBLIC_URL: 'https://vo.example.test',
    });
    expect(code, output).toBe(0);
    const link = output.match(/https:\/\/vo\.example\.test\/reset\/([A-Za-z0-9_-]{43})/);
    expect(link, output).not.toBeNull();
    expect(output).toContain('owner@locked.test');

    const app = await buildApp({ pool: db.pool });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const anon = new Client(base);
      expect((await anon.post(`/api/v1/auth/reset/${link![1]}`, { password: 'back in at last' })).status).toBe(200);
      expect((await anon.post(`/api/v1/auth/reset/${link![1]}`, { password: 'and once more' })).status).toBe(404);
      await signIn(base, 'owner@locked.test', 'back in at last');
      expect((await new Client(base).post('/api/v1/auth/login', { email: 'owner@locked.test', password: TEST_PASSWORD })).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('builds the link on http://localhost:$PORT without a public URL', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, PORT: '4321' };
    delete env.SARAFAN_PUBLIC_URL;
    const { code, output } = await run(['users', 'reset-password', 'owner@locked.test'], env);
    expect(code, output).toBe(0);
    expect(output).toMatch(/http:\/\/localhost:4321\/reset\/[A-Za-z0-9_-]{43}/);
  });

  it('exits 1 naming the address when no enabled account has it', async () => {
    const { code, output } = await run(['users', 'reset-password', 'nobody@locked.test'], { ...process.env, DATABASE_URL: db.url });
    expect(code).toBe(1);
    expect(output).toContain('sarafan: no enabled account has the e-mail address "nobody@locked.test"');
  });
});

describe('sarafan users reset-password on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-users-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finds the demo owner on the embedded database and prints a link', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, SARAFAN_DATA_DIR: dataDir, PORT: '3999' };
    delete env.DATABASE_URL;
    delete env.SARAFAN_PUBLIC_URL;
    const demo = await runCli(['demo', '--responses', '20'], env);
    expect(demo.code, demo.output).toBe(0);
    const { code, output } = await runCli(['users', 'reset-password', DEMO_OWNER_EMAIL], env);
    expect(code, output).toBe(0);
    expect(output).toMatch(/http:\/\/localhost:3999\/reset\/[A-Za-z0-9_-]{43}/);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
