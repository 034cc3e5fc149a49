/**
 * Nothing is sent twice after a crash (docs/reports.md "Delivery"). A weekly report to the store managers' role
 * runs on schedule with the clock moved forward (the scheduler's clock is injected), reaches a local SMTP server
 * with its PDF attached, and its figures are the week's, computed by hand. Worker PROCESSES are killed with SIGKILL:
 * (1) after the message reached SMTP but before the worker recorded `sent`: the message arrived once and the
 * delivery becomes `unknown`, never sent again; (2) after `sending` was committed but before SMTP: nothing
 * arrived, the delivery becomes `unknown`, and a manual retry delivers it exactly once.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRunAt } from '../../src/core/reports/schedule.ts';
import { requeueDelivery } from '../../src/db/reports/deliveries.ts';
import { insertReport, insertSchedule } from '../../src/db/reports/reports.ts';
import { createJobQueue, type JobQueue } from '../../src/server/jobs/queue.ts';
import { runReportScheduler } from '../../src/server/reports/deliver.ts';
import { sendReportJob } from '../../src/server/reports/reportJobs.ts';
import { buildLocation, buildUser } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../invitations/smtp.ts';

let db: TestDatabase;
let smtp: TestSmtp;
let sender: JobQueue;
const children: ReturnType<typeof spawn>[] = [];
let onArrival: (index: number) => Promise<void> = async () => {};

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startTestSmtp(async (_mail, index): Promise<'accept'> => {
    await onArrival(index);
    return 'accept';
  });
  sender = createJobQueue(db.pool, { kinds: [sendReportJob], work: false });
  await sender.start();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sender?.stop();
  await smtp?.close();
  await db?.drop();
});

function startWorker(hold = false) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/reports/sendWorker.ts')], {
    env: { ...process.env, REPORT_TEST_DATABASE_URL: db.url, REPORT_TEST_SMTP_URL: smtp.url, REPORT_TEST_HOLD: hold ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const waitFor = (re: RegExp) => new Promise<void>((resolve, reject) => {
    const check = () => (re.test(output) ? resolve() : undefined);
    child.stdout!.on('data', (d) => {
      output += d;
      check();
    });
    child.stderr!.on('data', (d) => (output += d));
    check();
    void exited.then(() => reject(new Error(`worker exited before ${re}:\n${output}`)));
  });
  const kill = async () => {
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  };
  return { child, ready: waitFor(/^ready$/m), waitFor, kill };
}

const tick = (now: string, leaseSeconds = 600) =>
  runReportScheduler(db.pool, (orgId, deliveryId) => sender.send(sendReportJob, { orgId, deliveryId }), { smtpUrl: smtp.url, now: () => new Date(now), leaseSeconds });

async function deliveries(orgId: string) {
  const { rows } = await db.pool.query(
    `select id, period_key, status, attempts, email from report_deliveries where org_id = $1 order by period_key`, [orgId],
  );
  return rows as Array<{ id: string; period_key: string; status: string; attempts: number; email: string }>;
}

/** The text layer of the PDF attached to a message. */
function attachedPdfText(mail: ReceivedMail): string {
  const part = mail.raw.split(/\r?\n--[^\r\n]+/).find((p) => /content-type:\s*application\/pdf/i.test(p));
  expect(part, 'a PDF attachment').toBeDefined();
  const [, ...body] = part!.split(/\r?\n\r?\n/);
  const pdf = Buffer.from(body.join('').replace(/\s+/g, ''), 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(os.tmpdir(), `report-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('a weekly report to the store managers, with workers killed mid-send', () => {
  it('arrives with its PDF, and is never sent twice; unknown outcomes are marked and retried only by hand', async () => {
    const { orgId, root } = await buildAnalyticsOrg(db.pool, 'Crash Org', 'Europe/Moscow');
    const storeA = await buildLocation(db.pool, orgId, root, 'store', 'Store A');
    const storeB = await buildLocation(db.pool, orgId, root, 'store', 'Store B');
    const ownerId = await buildUser(db.pool, orgId, 'owner', 'owner@crash.test');
    await buildUser(db.pool, orgId, 'location_manager', 'manager-a@crash.test', [storeA.id]);
    const { surveyId, ids } = await seedSurvey(db.pool, orgId, [{ key: 'nps', type: 'nps' }], 'Visit survey');
    // The week 23-29 November at store A: promoters 6 (five 10s, one 9), passives 2 (8, 7), detractors 2 (3, 0):
    // NPS = (6 - 2) / 10 = +40, n = 10. Store B's answers (all detractors) are not the store manager's.
    const scores = [10, 10, 10, 10, 10, 9, 8, 7, 3, 0];
    await seedResponses(db.pool, orgId, surveyId, ids, scores.map((score, i) => ({ locationId: storeA.id, at: `2026-11-${24 + (i % 5)}T09:00:00Z`, answers: { nps: { score } } })));
    await seedResponses(db.pool, orgId, surveyId, ids, [0, 1, 2].map((score) => ({ locationId: storeB.id, at: '2026-11-25T09:00:00Z', answers: { nps: { score } } })));

    const reportId = await insertReport(db.pool, {
      orgId, name: 'Weekly store report', ownerId, locationPath: null,
      definition: { surveyId, sections: ['kpis'], filters: {}, period: { rule: 'last_week' }, includeComments: false },
    });
    const rule = { frequency: 'weekly' as const, dayOfWeek: 1, dayOfMonth: null, hour: 9 };
    // Mondays 09:00 Moscow: the first run is 30 November 06:00 UTC.
    const first = nextRunAt(rule, 'Europe/Moscow', new Date('2026-11-25T00:00:00Z'));
    expect(first.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    await insertSchedule(db.pool, orgId, reportId, ownerId, { ...rule, recipients: [{ kind: 'role', role: 'location_manager' }], enabled: true, nextRunAt: first });

    // (1) Killed after the message reached SMTP, before it recorded `sent`.
    const w1 = startWorker();
    await w1.ready;
    let arrivedFirst!: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrivedFirst = resolve));
    onArrival = async (index) => {
      if (index !== 0) return;
      await w1.kill();
      arrivedFirst();
    };
    expect(await tick('2026-11-30T05:59:00Z')).toEqual({ queued: 0, unknown: 0 }); // not due yet
    expect(await tick('2026-11-30T06:01:00Z')).toEqual({ queued: 1, unknown: 0 });
    await firstArrived;
    onArrival = async () => {};
    expect(smtp.arrived).toHaveLength(1);
    // The server answers 250 to the message the dead worker sent.
    await expect.poll(() => smtp.accepted.length).toBe(1);
    expect(smtp.accepted[0].to).toBe('manager-a@crash.test');
    expect((await deliveries(orgId)).map((d) => [d.period_key, d.status])).toEqual([['2026-W49', 'sending']]);
    // The tick after the lease: the outcome is unknown.
    expect(await tick('2026-11-30T06:02:00Z', 0)).toEqual({ queued: 0, unknown: 1 });
    expect((await deliveries(orgId)).map((d) => d.status)).toEqual(['unknown']);

    // Its PDF: store A's week, figures as computed by hand.
    const text = attachedPdfText(smtp.accepted[0]);
    expect(text).toContain('Weekly store report');
    expect(text).toMatch(/\+?40\b/);
    expect(text).toMatch(/\b10\b/);
    expect(smtp.accepted[0].raw).toMatch(/content-type:\s*text\/html/i);

    // (2) Killed after `sending` was committed, before SMTP.
    const w2 = startWorker(true);
    await w2.ready;
    expect(await tick('2026-12-07T06:01:00Z')).toEqual({ queued: 1, unknown: 0 });
    await w2.waitFor(/^before-smtp /m);
    await w2.kill();
    const held = (await deliveries(orgId)).find((d) => d.period_key === '2026-W50')!;
    expect(held.status).toBe('sending');
    expect(await tick('2026-12-07T06:02:00Z', 0)).toEqual({ queued: 0, unknown: 1 });
    expect(smtp.arrived).toHaveLength(1);

    // A new worker: the next week goes out once; the unknown ones stay unknown until retried by hand.
    const w3 = startWorker();
    await w3.ready;
    expect(await tick('2026-12-14T06:01:00Z')).toEqual({ queued: 1, unknown: 0 });
    await expect.poll(async () => (await deliveries(orgId)).find((d) => d.period_key === '2026-W51')?.status, { timeout: 90_000, interval: 500 }).toBe('sent');
    expect((await deliveries(orgId)).map((d) => [d.period_key, d.status])).toEqual([['2026-W49', 'unknown'], ['2026-W50', 'unknown'], ['2026-W51', 'sent']]);
    // The same week again (a second tick, a restarted scheduler): nothing new.
    expect(await tick('2026-12-14T06:30:00Z')).toEqual({ queued: 0, unknown: 0 });

    expect(await requeueDelivery(db.pool, orgId, held.id)).toBe(true);
    await sender.send(sendReportJob, { orgId, deliveryId: held.id });
    await expect.poll(async () => (await deliveries(orgId)).find((d) => d.id === held.id)?.status, { timeout: 90_000, interval: 500 }).toBe('sent');

    const final = await deliveries(orgId);
    expect(final.map((d) => [d.period_key, d.status, d.attempts])).toEqual([['2026-W49', 'unknown', 1], ['2026-W50', 'sent', 2], ['2026-W51', 'sent', 1]]);
    // Three periods, three messages: each exactly once.
    expect(smtp.accepted).toHaveLength(3);
    expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(3);
    expect(smtp.accepted.every((m) => m.to === 'manager-a@crash.test')).toBe(true);
    await w3.kill();
  }, 420_000);
});
