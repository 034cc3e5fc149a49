/**
 * Nothing is sent twice after a crash. A worker PROCESS sends a wave through a local SMTP server and
 * is killed (SIGKILL: it records nothing more) while the server holds one message unanswered; a new
 * worker process then finishes the wave. Every contact ends with exactly one accepted message, the
 * held one being sent again once its claim is older than the lease, with the same Message-ID.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from '../../src/server/jobs/queue.ts';
import { sendInvitationsJob } from '../../src/server/jobs/sendInvitationsJob.ts';
import { insertWave } from '../../src/db/invitations/waves.ts';
import { planWave } from '../../src/server/invitations/planWave.ts';
import { buildOrg } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildSurvey } from '../respond/factory.ts';
import { buildContact, invitationRows } from './fixtures.ts';
import { startTestSmtp, type TestSmtp } from './smtp.ts';

const CONTACTS = 12;
/** The message the SMTP server holds while the worker is killed (the 6th: mid-way through the second batch of 5). */
const HELD = 5;
const LEASE_SECONDS = 2;

let db: TestDatabase;
let smtp: TestSmtp;
const queues: JobQueue[] = [];
const children: ReturnType<typeof spawn>[] = [];
let killWorker: () => Promise<void> = async () => {};

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startTestSmtp(async (_mail, index) => {
    if (index !== HELD) return 'accept';
    // The message arrived in full but is not answered: the worker dies waiting for the 250.
    await killWorker();
    return 'temporary';
  });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const q of queues) await q.stop();
  await smtp?.close();
  await db?.drop();
});

function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/invitations/sendWorker.ts')], {
    env: { ...process.env, INV_TEST_DATABASE_URL: db.url, INV_TEST_SMTP_URL: smtp.url, INV_TEST_LEASE_SECONDS: String(LEASE_SECONDS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      if (/^ready$/m.test(output)) resolve();
    });
    child.stderr!.on('data', (d) => (output += d));
    void exited.then(() => reject(new Error(`worker exited before it was ready:\n${output}`)));
  });
  return { child, ready, exited };
}

describe('a send worker killed mid-batch', () => {
  it('leaves every contact with exactly one message once another worker finishes the wave', async () => {
    const { orgId } = await buildOrg(db.pool, 'Kill Org');
    const survey = await buildSurvey(db.pool, orgId);
    const emails: string[] = [];
    for (let i = 0; i < CONTACTS; i++) {
      const email = `c${String(i).padStart(2, '0')}@kill.test`;
      emails.push(email);
      await buildContact(db.pool, orgId, { email });
    }
    const waveId = await insertWave(db.pool, {
      orgId, surveyId: survey.id, name: 'Kill wave', channel: 'email', audience: {}, reminderDays: [],
      windowStart: 0, windowEnd: 1440, sendAfter: new Date(), createdBy: null,
    });
    expect(await planWave(db.pool, orgId, waveId, new Date())).toMatchObject({ total: CONTACTS, toSend: CONTACTS });

    const first = startWorker();
    await first.ready;
    let killed!: () => void;
    const wasKilled = new Promise<void>((resolve) => (killed = resolve));
    killWorker = async () => {
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      killed();
    };
    const sender = createJobQueue(db.pool, { kinds: [sendInvitationsJob], work: false });
    queues.push(sender);
    await sender.start();
    await sender.send(sendInvitationsJob, {});
    await wasKilled;

    // At the kill: five accepted and recorded, the sixth claimed (in flight), the rest still queued.
    expect(smtp.accepted).toHaveLength(HELD);
    const atKill = await invitationRows(db.pool, orgId, waveId);
    const held = atKill.filter((r) => r.status === 'sending');
    expect(held).toHaveLength(1);
    expect(held[0].claimed_at).not.toBeNull();
    expect(held[0].email).toBe(smtp.arrived[HELD].to);
    expect(atKill.filter((r) => r.status === 'delivered').map((r) => r.email).sort()).toEqual(smtp.accepted.map((m) => m.to).sort());
    expect(atKill.filter((r) => r.status === 'queued')).toHaveLength(CONTACTS - HELD - 1);

    const second = startWorker();
    await second.ready;
    // The new worker sends what was queued at once and the held message once its claim is older than the lease.
    await expect
      .poll(async () => {
        await sender.send(sendInvitationsJob, {});
        return (await invitationRows(db.pool, orgId, waveId)).filter((r) => r.status === 'delivered').length;
      }, { timeout: 30_000, interval: 500 })
      .toBe(CONTACTS);

    const perContact = new Map<string, number>();
    for (const m of smtp.accepted) perContact.set(m.to, (perContact.get(m.to) ?? 0) + 1);
    expect([...perContact.keys()].sort()).toEqual(emails);
    expect([...perContact.values()].every((n) => n === 1)).toBe(true);
    expect(smtp.accepted).toHaveLength(CONTACTS);
    // The resend is the same message: same Message-ID as the one held when the worker died.
    const resent = smtp.accepted.find((m) => m.to === held[0].email)!;
    expect(resent.messageId).toBe(smtp.arrived[HELD].messageId);
    expect(resent.messageId).toMatch(/^<[0-9a-f-]{36}\.0@sarafan\.invalid>$/);
    const after = await invitationRows(db.pool, orgId, waveId);
    expect(after.every((r) => r.claimed_at === null && r.status === 'delivered')).toBe(true);
    second.child.kill('SIGKILL');
  }, 60_000);
});
