/**
 * Backup and restore round trip on real PostgreSQL: the demo data plus a second organisation whose
 * respondents keep submitting while the backup runs. The restored database holds exactly the rows of
 * the backup's snapshot (every table's count and content hash, read inside the snapshot itself), and
 * the dashboards answer the same numbers. Refusals (non-empty target, truncated or altered file,
 * a file that is no backup) change nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';
import { writeBackup } from '../../src/db/backup/writeBackup.ts';
import { restoreBackup, RestoreRefused } from '../../src/db/backup/restoreBackup.ts';
import { BackupFileError } from '../../src/core/backup/format.ts';
import { buildOrg, buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { tableFingerprints, type Fingerprints } from '../helpers/tableFingerprints.ts';

const DEMO_PASSWORD = 'demo password 1';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-backup-'));
const backupFile = path.join(dir, 'demo.sarafan');

/** Databases with nothing in them (not even the schema), dropped in afterAll. */
const emptyDatabases: TestDatabase[] = [];
async function emptyDatabase(): Promise<pg.Pool> {
  const db = await createTestDatabase({ migrated: false });
  emptyDatabases.push(db);
  return db.pool;
}

async function tableCount(pool: pg.Pool): Promise<number> {
  return (await pool.query(`select count(*)::int as n from pg_tables where schemaname = current_schema()`)).rows[0].n;
}

let source: TestServer;
let demoOrgId: string;
let writerOrg: string;
let writerSurvey: SurveyFixture;
let restored: pg.Pool;
let restoredApp: FastifyInstance;
let restoredUrl: string;

/** What the backup's snapshot held, read through its own transaction. */
let atSnapshot: Fingerprints;
let restoredAtLoad: Fingerprints;
let writerKeysAtSnapshot: string[];
/** Submissions the writers sent, by idempotency key: the NPS score of each. */
const sent = new Map<string, number>();
let acknowledged = 0;

/** Respondents of the writer organisation: NPS answers one after another until stopped. */
function startWriters(count: number): { stop(): Promise<void>; waitForAcks(n: number): Promise<void> } {
  let stopped = false;
  const waiters: { n: number; resolve: () => void }[] = [];
  const loops = Array.from({ length: count }, async () => {
    while (!stopped) {
      const key = crypto.randomBytes(9).toString('base64url');
      const score = sent.size % 11;
      sent.set(key, score);
      const res = await fetch(`${source.baseUrl}/s/${writerSurvey.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _k: key, _lang: 'en', q_nps: String(score) }).toString(),
      });
      await res.text();
      if (res.status !== 200) throw new Error(`submission answered ${res.status}`);
      acknowledged++;
      for (const w of waiters.filter((x) => acknowledged >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
    waitForAcks: (n) => (acknowledged >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
}

beforeAll(async () => {
  source = await startTestServer();
  const demo = await loadDemo(source.pool, { responses: 1500, seed: 11, passwordHash: await hashPassword(DEMO_PASSWORD) });
  if (demo.status !== 'created') throw new Error('demo not created');
  demoOrgId = demo.orgId;
  writerOrg = (await buildOrg(source.pool, 'Busy Org')).orgId;
  await buildUser(source.pool, writerOrg, 'owner', 'owner@busy.test');
  writerSurvey = await buildSurvey(source.pool, writerOrg);

  const writers = startWriters(3);
  await writers.waitForAcks(20);
  try {
    await writeBackup(source.pool, backupFile, {
      onSnapshot: async (tx) => {
        atSnapshot = await tableFingerprints(tx);
        writerKeysAtSnapshot = (await tx.query(`select idempotency_key from responses where org_id = $1`, [writerOrg])).rows.map((r) => r.idempotency_key);
        // Answers committed after the snapshot was taken, while the backup is under way.
        await writers.waitForAcks(acknowledged + 30);
      },
    });
  } finally {
    await writers.stop();
  }
  restored = await emptyDatabase();
  await restoreBackup(restored, backupFile);
  // Before any server runs on it: its background fold and sign-ins change rollups and sessions.
  restoredAtLoad = await tableFingerprints(restored);
  restoredApp = await buildApp({ pool: restored, publicRateLimitPerMinute: 10_000 });
  await restoredApp.listen({ port: 0, host: '127.0.0.1' });
  restoredUrl = `http://127.0.0.1:${(restoredApp.server.address() as { port: number }).port}`;
}, 240_000);

afterAll(async () => {
  await restoredApp?.close();
  for (const db of emptyDatabases) await db.drop();
  await source?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup while answers keep coming, restore into an empty database', () => {
  it('restores exactly the rows of the snapshot, though the source took answers during the backup', async () => {
    const sourceNow = await source.pool.query(`select count(*)::int as n from responses where org_id = $1`, [writerOrg]);
    expect(sourceNow.rows[0].n).toBeGreaterThanOrEqual(writerKeysAtSnapshot.length + 30);
    expect(writerKeysAtSnapshot.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(atSnapshot).length).toBeGreaterThan(30);
    expect(atSnapshot.answers.rows).toBeGreaterThan(3000);
    expect(restoredAtLoad).toEqual(atSnapshot);
    const levels = async (pool: pg.Pool) => (await pool.query(`select name from schema_migrations order by name`)).rows;
    expect(await levels(restored)).toEqual(await levels(source.pool));
    expect(fs.readdirSync(dir)).toEqual(['demo.sarafan']);
  });

  it('gives the demo dashboards the same numbers', async () => {
    const before = await signIn(source.baseUrl, DEMO_OWNER_EMAIL, DEMO_PASSWORD);
    const after = await signIn(restoredUrl, DEMO_OWNER_EMAIL, DEMO_PASSWORD);
    // the customer surveys (the staff survey's results follow the anonymity rules, docs/staff.md)
    const { rows: surveys } = await source.pool.query(`select slug, id from surveys where org_id = $1 and audience = 'customers' order by slug`, [demoOrgId]);
    expect(surveys).toHaveLength(4);
    const { rows: npsQuestion } = await source.pool.query(
      `select q.id from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id where s.org_id = $1 and s.slug = 'demo-nps' and q.key = 'nps'`,
      [demoOrgId],
    );
    const paths = [
      ...surveys.map((s) => `/api/v1/surveys/${s.id}/analytics/summary`),
      `/api/v1/surveys/${surveys.find((s) => s.slug === 'demo-nps').id}/analytics/breakdown?question=${npsQuestion[0].id}&by=location`,
      `/api/v1/surveys/${surveys.find((s) => s.slug === 'demo-nps').id}/analytics/breakdown?question=${npsQuestion[0].id}&by=dim:segment`,
      '/api/v1/analytics/overview',
    ];
    for (const p of paths) {
      const [a, b] = [await before.get(p), await after.get(p)];
      expect(a.status, p).toBe(200);
      expect(b.json, p).toEqual(a.json);
    }
  });

  it("gives the busy organisation's dashboard the NPS of the answers in the snapshot", async () => {
    const scores = writerKeysAtSnapshot.map((k) => sent.get(k)!);
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    const owner = await signIn(restoredUrl, 'owner@busy.test');
    const summary = await owner.get(`/api/v1/surveys/${writerSurvey.id}/analytics/summary`);
    expect(summary.status).toBe(200);
    const nps = summary.json.questions.find((q: { key: string }) => q.key === 'nps');
    expect(nps.result.n).toBe(scores.length);
    expect(nps.result.value).toBeCloseTo(((promoters - detractors) / scores.length) * 100, 6);
  });
});

describe('restore refuses and changes nothing', () => {
  let current: Fingerprints;
  beforeAll(async () => {
    await restoredApp.close(); // its background jobs would change the rows under the comparisons
    current = await tableFingerprints(restored);
  });

  it('refuses a target that holds data unless forced', async () => {
    await expect(restoreBackup(restored, backupFile)).rejects.toThrow(RestoreRefused);
    await expect(restoreBackup(restored, backupFile)).rejects.toThrow(/not empty \(2 orgs, \d+ users\).*--force/);
    expect(await tableFingerprints(restored)).toEqual(current);
  });

  it('refuses a truncated file, an altered file and a file that is no backup, before touching anything', async () => {
    const whole = fs.readFileSync(backupFile);
    const truncated = path.join(dir, 'truncated.sarafan');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.9)));
    const altered = path.join(dir, 'altered.sarafan');
    const flipped = Buffer.from(whole);
    flipped[Math.floor(whole.length / 2)] ^= 0xff;
    fs.writeFileSync(altered, flipped);
    const notGzip = path.join(dir, 'notes.txt');
    fs.writeFileSync(notGzip, 'hello');
    const otherGzip = path.join(dir, 'other.gz');
    fs.writeFileSync(otherGzip, zlib.gzipSync('COPY orgs FROM stdin;\n'));

    const fresh = await emptyDatabase();
    for (const [file, message] of [
      [truncated, /truncated/],
      [altered, /corrupt/],
      [notGzip, /not a Sarafan backup \(not a gzip file\)/],
      [otherGzip, /not a Sarafan backup/],
    ] as const) {
      await expect(restoreBackup(fresh, file), file).rejects.toThrow(message);
      await expect(restoreBackup(fresh, file)).rejects.toThrow(BackupFileError);
      await expect(restoreBackup(restored, file, { force: true })).rejects.toThrow(BackupFileError);
    }
    expect(await tableCount(fresh)).toBe(0);
    expect(await tableFingerprints(restored)).toEqual(current);
  }, 120_000);

  it('with --force replaces whatever the target holds by the backup', async () => {
    await restored.query(`insert into orgs (name) values ('Created after the restore')`);
    await restored.query(`delete from answers where org_id = $1 and ctid in (select ctid from answers where org_id = $1 limit 10)`, [demoOrgId]);
    await restoreBackup(restored, backupFile, { force: true });
    expect(await tableFingerprints(restored)).toEqual(atSnapshot);
    // New rows get ids after the restored ones (identity sequences moved past them).
    const before = (await restored.query(`select max(id)::int as id from audit_log`)).rows[0].id ?? 0;
    const { rows } = await restored.query(`insert into audit_log (org_id, action, target_type) values ($1, 'test', 'test') returning id::int`, [demoOrgId]);
    expect(rows[0].id).toBeGreaterThan(before);
  }, 120_000); // the demo's ~180,000 till receipts are restored too

  it('never leaves a partial file under the name, and keeps the old backup when the new one fails', async () => {
    const kept = fs.readFileSync(backupFile);
    const broken = await emptyDatabase(); // no schema: nothing to back up
    await expect(writeBackup(broken, backupFile)).rejects.toThrow(/no Sarafan schema/);
    expect(fs.readFileSync(backupFile).equals(kept)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
